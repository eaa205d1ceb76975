"""Extraction: one article at a time, from its bytes to its Analysis (reading, then analyse)."""
