"""Tests of quiz.importing."""
