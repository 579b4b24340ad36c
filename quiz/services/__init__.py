"""Sub-services of the facade, one per area; each method is one user action in one session."""
