"""Models owned by the quiz engine (pledges); filled in by the engine issue."""
