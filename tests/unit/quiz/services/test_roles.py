"""Every action of the facade has a declared role, and a guest or another member calling a restricted one is refused."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path
from typing import Any

import pytest

from quiz.errors import AccessDenied
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
    make_unit,
)

PUBLIC = "public"  # anyone at the PC, signed in or not
OWN = "own"  # a member for their own data, or the admin
ADMIN = "admin"

ROLES: dict[str, str] = {
    "settings.get": PUBLIC,  # each key by its declared reader: see test_settings.py
    "settings.all": PUBLIC,
    "settings.set": ADMIN,
    "settings.set_many": ADMIN,
    "settings.unit_details": PUBLIC,
    "settings.save_unit_details": ADMIN,
    "settings.language": PUBLIC,
    "settings.reflection_questions": PUBLIC,
    "documents.count": PUBLIC,
    "documents.list_documents": PUBLIC,
    "documents.get": PUBLIC,
    "documents.document_text": PUBLIC,
    "documents.sections": PUBLIC,
    "documents.sentences": PUBLIC,
    "documents.removed_lines": PUBLIC,
    "documents.import_file": ADMIN,
    "documents.import_text": ADMIN,
    "documents.import_parsed": ADMIN,
    "documents.import_seeds_if_empty": PUBLIC,  # only the bundled seeds, only into an empty database
    "documents.rename_section": ADMIN,
    "documents.merge_with_next": ADMIN,
    "documents.delete": ADMIN,
    "documents.incomplete_documents": PUBLIC,  # ids and titles only, as list_documents
    "documents.finish_incomplete_imports": ADMIN,
    "bank.generate_for_document": ADMIN,
    "bank.list_questions": ADMIN,
    "bank.fact_sentence_spans": PUBLIC,
    "bank.get": ADMIN,
    "bank.update": ADMIN,
    "bank.set_enabled": ADMIN,
    "bank.add": ADMIN,
    "bank.add_question": ADMIN,
    "bank.export": ADMIN,
    "bank.import_gift": ADMIN,
    "bank.latest_document_id": PUBLIC,
    "accounts.admin_exists": PUBLIC,
    "accounts.create_admin": PUBLIC,  # first start only; refused once a password exists
    "accounts.sign_in_admin": PUBLIC,
    "accounts.sign_in_member": PUBLIC,
    "accounts.sign_in_failures": ADMIN,
    "accounts.sign_out": PUBLIC,
    "accounts.set_pin": OWN,
    "accounts.has_pin": PUBLIC,
    "accounts.change_admin_password": ADMIN,
    "members.create_unit": ADMIN,
    "members.list_units": PUBLIC,
    "members.rename_unit": ADMIN,
    "members.delete_unit": ADMIN,
    "members.add_member": PUBLIC,  # a guest adds themself as pending; a signed-in member is refused
    "members.confirm_member": ADMIN,
    "members.pending_members": ADMIN,
    "members.update_member": OWN,
    "members.delete_member": ADMIN,
    "members.get_member": OWN,
    "members.search": PUBLIC,
    "members.list_members": ADMIN,
    "members.overview": ADMIN,
    "quizzes.get_settings": PUBLIC,
    "quizzes.save_settings": ADMIN,
    "quizzes.start_attempt": OWN,
    "quizzes.get_attempt": OWN,
    "quizzes.answer": OWN,
    "quizzes.flag": OWN,
    "quizzes.submit": OWN,
    "quizzes.unfinished_attempt": OWN,
    "quizzes.time_left": OWN,
    "quizzes.results": OWN,
    "quizzes.review": OWN,
    "quizzes.history": OWN,
    "quizzes.attempts_left": OWN,
    "progress.open_section": OWN,
    "progress.add_reading_time": OWN,
    "progress.mark_studied": OWN,
    "progress.section_progress": OWN,
    "progress.set_bookmark": OWN,
    "progress.save_note": OWN,
    "progress.get_note": OWN,
    "progress.search": PUBLIC,
    "reviews.record_attempt": OWN,
    "reviews.due_cards": OWN,
    "reviews.all_cards": OWN,
    "reviews.due_count": OWN,
    "reviews.review_question_ids": OWN,
    "reviews.rate": OWN,
    "pledges.reflection_questions": PUBLIC,
    "pledges.get": OWN,
    "pledges.save_draft": OWN,
    "pledges.finalise": OWN,
    "pledges.reopen": ADMIN,
    "pledges.history": OWN,
    "pledges.suggestions": PUBLIC,
    "analysis.item_statistics": ADMIN,
    "unit.unit_progress": ADMIN,
    "unit.member_progress": ADMIN,
    "unit.members_not_done": ADMIN,
    "unit.hardest_questions": ADMIN,
    "unit.current_document_id": PUBLIC,
    "results.set_unit_key": ADMIN,
    "results.unit_key_id": ADMIN,
    "results.export": ADMIN,
    "results.preview": ADMIN,
    "results.import_packages": ADMIN,
    "paper.create_papers": ADMIN,
    "paper.sheet": ADMIN,
    "paper.assign_blank": ADMIN,
    "paper.list_papers": ADMIN,
    "paper.enter_results": ADMIN,
    "paper.form_states": ADMIN,
    "paper.set_form_handed_in": ADMIN,
}


def facade_methods(service: Service) -> dict[str, Any]:
    """Every public method of every sub-service the facade holds, as "area.method" → bound method."""
    methods: dict[str, Any] = {}
    for area, sub_service in vars(service).items():
        kind = type(sub_service)
        if area.startswith("_") or not (
            kind.__module__.startswith("quiz.services.") and kind.__name__.endswith("Service")
        ):
            continue
        for name, _function in inspect.getmembers(type(sub_service), inspect.isfunction):
            if not name.startswith("_"):
                methods[f"{area}.{name}"] = getattr(sub_service, name)
    return methods


def test_every_facade_method_has_a_declared_role(service: Service) -> None:
    found = facade_methods(service)
    assert len(found) > 90
    assert set(found) - set(ROLES) == set(), "a new facade method needs its role in ROLES"
    assert set(ROLES) - set(found) == set(), "ROLES names a method that no longer exists"


class World:
    """The owner's rows every restricted method is called on: a document, a question, the owner's attempt."""

    def __init__(self, service: Service, tmp_path: Path) -> None:
        [chi_bo_id] = make_unit(service, ("Chi bộ Một",))
        self.owner = make_member(service, "Nguyễn Văn Chủ", chi_bo_id)
        self.other = make_member(service, "Trần Thị Khác", chi_bo_id)
        document = make_document(service)
        self.question_id = make_question(service, document.document_id, "fact-1", section_id=document.section_ids[0])
        when = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
        self.attempt_id = make_submitted_attempt(
            service, self.owner, document.document_id, [GivenAnswer(self.question_id, 0)], submitted_at=when
        )
        self.values: dict[str, Any] = {
            "member_id": self.owner,
            "document_id": document.document_id,
            "section_id": document.section_ids[0],
            "question_id": self.question_id,
            "attempt_id": self.attempt_id,
            "unit_id": chi_bo_id,
            "fact_key": "fact-1",
            "seconds": 1.0,
            "path": tmp_path / "tệp.nqpkg",
            "paths": [tmp_path / "tệp.nqpkg"],
        }

    def arguments(self, method: Any) -> dict[str, Any]:
        """The owner's rows by parameter name; anything else None (the role check comes before using it)."""
        arguments: dict[str, Any] = {}
        for name, parameter in inspect.signature(method).parameters.items():
            if parameter.kind in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
                continue
            if name in self.values:
                arguments[name] = self.values[name]
            elif parameter.default is parameter.empty:
                arguments[name] = None
        return arguments


@pytest.mark.parametrize("who", ["guest", "other member"])
def test_restricted_methods_refuse_a_guest_and_another_member(service: Service, tmp_path: Path, who: str) -> None:
    world = World(service, tmp_path)
    actor = None if who == "guest" else Actor.member(world.other)
    not_refused = []
    for name, method in sorted(facade_methods(service).items()):
        if ROLES[name] == PUBLIC:
            continue
        service.context.actor = actor
        try:
            method(**world.arguments(method))
        except AccessDenied:
            continue
        except Exception as error:
            not_refused.append(f"{name}: {type(error).__name__}: {error}")
            continue
        not_refused.append(f"{name}: went through")
    assert not_refused == []


def test_the_owner_is_not_refused_their_own_reads(service: Service, tmp_path: Path) -> None:
    world = World(service, tmp_path)
    service.context.actor = Actor.member(world.owner)
    assert service.quizzes.results(world.attempt_id).attempt_id == world.attempt_id
    assert service.members.get_member(world.owner).id == world.owner
    with pytest.raises(AccessDenied):
        service.bank.generate_for_document(world.values["document_id"])
