"""Models owned by the quiz engine (study); filled in by the engine issue."""
