"""All models; importing this package registers every table on ``Base.metadata``."""

from quiz.storage.models import attempts, bank, documents, paper, people, pledges, security, study, sync

__all__ = ["attempts", "bank", "documents", "paper", "people", "pledges", "security", "study", "sync"]
