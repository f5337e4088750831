"""Whole-site checks once every page has rendered."""
