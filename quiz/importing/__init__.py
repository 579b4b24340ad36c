"""Document import: read files in any encoding or format, strip page noise, split sections and sentences."""
