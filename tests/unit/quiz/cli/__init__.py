"""Tests of quiz.cli."""
