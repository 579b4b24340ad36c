"""Qt-free core of Học tập Nghị quyết: documents, facts, questions, attempts, members and storage."""

__version__ = "0.1.0"
