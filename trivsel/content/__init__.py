"""The content model: content/*.yml loaded, schema-checked and cross-checked into plain
objects (model.py), with what the records need: errors, YAML and schema reading, rules'
trails, languages, addresses (pages.py), programme schedules and rules. Imports nothing
from the other two packages."""
