"""Models for merging results packages between PCs; filled in by the results issue."""
