"""The secretary's desk: import, question bank, quiz settings, members, progress, reports, results, settings."""
