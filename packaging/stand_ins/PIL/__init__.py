"""Build-only stand-in for Pillow: reportlab imports ``PIL.Image`` at start, but the app's PDFs hold no pictures.

The bundle carries this package instead of Pillow (~6 MB of image codecs). Nothing in the app opens a raster
image through reportlab or openpyxl; if a future change does, ``PIL.Image.open`` fails loudly in the bundle
tests instead of producing a PDF without its picture.
"""

__version__ = "0"
