"""Results packages (.nqpkg): a zip of JSON parts with a signed manifest, carried between offline PCs."""
