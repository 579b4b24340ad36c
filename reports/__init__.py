"""PDF and XLSX reports built with reportlab/openpyxl from the core's plain data; never imports Qt."""
