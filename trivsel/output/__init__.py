"""Outputs: what a page produces besides its HTML (page_outputs.py: PDF jobs, calendar
files, CSV templates), the PDF renderer (pdf.py) and catalog.json (catalog.py). Reads the
content model and the expansion's constants."""
