"""What crosses the boundary between the window (or the CLI) and the core: enums, answers, results, rules."""
