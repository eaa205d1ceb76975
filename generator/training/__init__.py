"""Scripts that learn the extractor's data files from hand-labelled gold (need the `train` extra)."""
