"""Models of the fact and question bank; filled in by the generator issue."""
