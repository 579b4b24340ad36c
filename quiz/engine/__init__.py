"""The quiz engine's pure logic: drawing questions, scoring answers, hashing secrets, and its dataclasses."""
