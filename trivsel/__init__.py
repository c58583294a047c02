"""Kontaktcenter-trivsel: the site's logic, as plain Python.

Nothing in this package imports MkDocs. The thin adapters in ``hooks/`` parse
MkDocs events and call these functions, so the logic can be unit-tested and
would survive a move to another static-site generator.
"""
