"""Models owned by the quiz engine (attempts); filled in by the engine issue."""
