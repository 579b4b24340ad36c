"""Question generation from facts: builders, distractors, scoring, the linter and GIFT/Moodle exchange."""
