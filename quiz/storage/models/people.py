"""Models owned by the quiz engine (people); filled in by the engine issue."""
