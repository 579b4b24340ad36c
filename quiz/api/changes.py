"""What a committed facade call changed (members, attempts, questions…), so a window refreshes only that."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

logger = logging.getLogger(__name__)


class Area(StrEnum):
    """A part of the data a page shows; one table belongs to one area."""

    DOCUMENTS = "documents"
    QUESTIONS = "questions"
    MEMBERS = "members"
    ATTEMPTS = "attempts"
    STUDY = "study"
    PLEDGES = "pledges"
    SETTINGS = "settings"
    PAPER = "paper"
    PACKAGES = "packages"
    ACCOUNTS = "accounts"


TABLE_AREAS: dict[str, Area] = {
    "documents": Area.DOCUMENTS,
    "sections": Area.DOCUMENTS,
    "sentences": Area.DOCUMENTS,
    "questions": Area.QUESTIONS,
    "units": Area.MEMBERS,
    "members": Area.MEMBERS,
    "quiz_settings": Area.SETTINGS,
    "settings": Area.SETTINGS,
    "attempts": Area.ATTEMPTS,
    "attempt_items": Area.ATTEMPTS,
    "answers": Area.ATTEMPTS,
    "section_progress": Area.STUDY,
    "bookmarks": Area.STUDY,
    "section_notes": Area.STUDY,
    "review_cards": Area.STUDY,
    "review_log": Area.STUDY,
    "pledges": Area.PLEDGES,
    "pledge_reflections": Area.PLEDGES,
    "pledge_commitments": Area.PLEDGES,
    "pledge_versions": Area.PLEDGES,
    "paper_attempts": Area.PAPER,
    "paper_forms": Area.PAPER,
    "imported_packages": Area.PACKAGES,
    "member_aliases": Area.MEMBERS,
    "sign_in_guards": Area.ACCOUNTS,
    "sign_in_failures": Area.ACCOUNTS,
}


@dataclass(frozen=True)
class Changes:
    """The areas one committed unit of work wrote to (empty: nothing changed)."""

    areas: frozenset[Area] = frozenset()

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        return cls(frozenset(areas))

    @classmethod
    def of_tables(cls, tables: Iterable[str]) -> Changes:
        # A table missing from the map is new: say "everything" rather than let a page show stale rows.
        areas = {TABLE_AREAS.get(table) for table in tables}
        return cls(frozenset(Area) if None in areas else frozenset(area for area in areas if area is not None))

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)

    def merged(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def __bool__(self) -> bool:
        return bool(self.areas)


class ChangeFeed:
    """Tells its listeners what each committed unit of work changed.

    Listeners are called on the thread that committed (a window's worker thread, or the UI thread): a window
    hands the notice to its UI thread itself (gui/changes_hub.py). A failing listener is logged, never raised
    into the facade call that already committed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Callable[[Changes], None]] = []

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Add a listener; returns the call that removes it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # the data is committed; a listener's failure must not look like the call's
                logger.exception("a change listener failed")
