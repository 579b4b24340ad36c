"""The one facade the GUI and the CLI call: sub-services over one database, returning plain dataclasses."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from quiz import paths
from quiz.api.changes import ChangeFeed
from quiz.services.accounts import AccountService
from quiz.services.analysis import AnalysisService
from quiz.services.bank import BankService, generate_bank
from quiz.services.change_tracking import track_changes
from quiz.services.context import Actor, ServiceContext
from quiz.services.documents import DocumentService
from quiz.services.members import MemberService
from quiz.services.paper import PaperService
from quiz.services.pledges import PledgeService
from quiz.services.progress import ProgressService
from quiz.services.quizzes import QuizService
from quiz.services.results import ResultsService
from quiz.services.reviews import ReviewService
from quiz.services.settings import SettingsService
from quiz.services.unit import UnitService
from quiz.storage.base import utc_now
from quiz.storage.database import Database, open_database
from quiz.storage.startup import prepare_database


class Service:
    """Like Anki's Collection: owns the database and one sub-service per area."""

    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.database = database
        self.context = ServiceContext(database, actor)
        # What the start-up checks did (e.g. a damaged file restored from a backup), for the user to see once.
        self.startup_message: str | None = None
        # Every committed action tells this feed which areas it wrote (members, attempts…), whoever called it.
        self.changes = ChangeFeed()
        track_changes(database.sessions, self.changes)
        self.settings = SettingsService(self.context)
        self.documents = DocumentService(self.context)
        self.bank = BankService(self.context)
        self.accounts = AccountService(self.context)
        self.members = MemberService(self.context)
        self.quizzes = QuizService(self.context)
        self.progress = ProgressService(self.context)
        self.reviews = ReviewService(self.context)
        self.pledges = PledgeService(self.context)
        self.analysis = AnalysisService(self.context)
        self.unit = UnitService(self.context)
        self.results = ResultsService(self.context)
        self.paper = PaperService(self.context, self.quizzes)
        # Cross-area reactions are wired here so the areas stay independent of each other.
        # The hooks run after the import's or the merge's own checks (and for the seeds, with nobody signed in).
        generate = functools.partial(generate_bank, self.context)
        self.documents.after_import.append(generate)
        self.quizzes.after_submit.append(self.reviews.record_attempt)
        self.results.after_document_added.append(generate)

    @classmethod
    def open(cls, url: str | None = None, actor: Actor | None = None) -> Service:
        """Open (creating and migrating if needed) the database at ``url``, or the default SQLite file."""
        url = url or paths.default_database_url()
        # SQLite only: integrity check, restore of a damaged file from the newest good backup, daily backup.
        startup_message = prepare_database(url)
        service = cls(open_database(url), actor)
        service.startup_message = startup_message
        return service

    @property
    def actor(self) -> Actor | None:
        return self.context.actor

    def set_clock(self, clock: Callable[[], dt.datetime] | None) -> None:
        """Date every action from ``clock`` (the demo unit's past fortnight); None goes back to the real time."""
        self.quizzes.clock = self.reviews.clock = self.pledges.clock = clock or utc_now

    def close(self) -> None:
        self.database.dispose()
