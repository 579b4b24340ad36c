"""The PySide6 window: thin widgets over the quiz.service facade."""
