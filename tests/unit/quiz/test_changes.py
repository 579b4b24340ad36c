"""The facade tells its change feed which areas a committed action wrote, and nothing for reads or refusals."""

from __future__ import annotations

import pytest

from quiz.api.changes import Area, ChangeFeed, Changes
from quiz.errors import UserError
from quiz.service import Service
from quiz.storage.models.people import Unit


def listen(service: Service) -> list[Changes]:
    seen: list[Changes] = []
    service.changes.subscribe(seen.append)
    return seen


def test_a_committed_write_publishes_its_areas(service: Service) -> None:
    seen = listen(service)
    unit = service.members.create_unit("Chi bộ Thử", "chi_bo")
    assert seen == [Changes.of(Area.MEMBERS)]
    service.members.rename_unit(unit.id, "Chi bộ Mới")
    assert len(seen) == 2 and seen[1].touches(Area.MEMBERS)
    assert not seen[1].touches(Area.ATTEMPTS, Area.DOCUMENTS)


def test_reads_and_refused_writes_publish_nothing(service: Service) -> None:
    unit = service.members.create_unit("Chi bộ Thử", "chi_bo")
    seen = listen(service)
    service.members.list_units()
    service.members.list_members()
    with pytest.raises(UserError):
        service.members.rename_unit(unit.id, "   ")
    # A write flushed and then rolled back (an action refused half-way) says nothing either.
    with pytest.raises(UserError), service.context.session() as session:
        session.add(Unit(name="Chi bộ Bỏ dở", kind="chi_bo"))
        session.flush()
        raise UserError("bỏ dở")
    assert seen == []
    assert [unit.name for unit in service.members.list_units()] == ["Chi bộ Thử"]


def test_a_bulk_statement_counts_as_a_change(service: Service) -> None:
    from sqlalchemy import update

    from quiz.storage.models.people import Unit

    unit = service.members.create_unit("Chi bộ Thử", "chi_bo")
    seen = listen(service)
    with service.context.session() as session:
        session.execute(update(Unit).where(Unit.id == unit.id).values(name="Chi bộ Khác"))
    assert seen == [Changes.of(Area.MEMBERS)]


def test_an_unknown_table_means_every_area() -> None:
    assert Changes.of_tables(["a_table_added_later"]).areas == frozenset(Area)
    assert Changes.of_tables(["answers", "attempts"]) == Changes.of(Area.ATTEMPTS)
    assert not Changes()


def test_a_failing_listener_neither_stops_the_others_nor_the_call() -> None:
    feed = ChangeFeed()
    seen: list[Changes] = []

    def broken(_changes: Changes) -> None:
        raise RuntimeError("listener bug")

    feed.subscribe(broken)
    unsubscribe = feed.subscribe(seen.append)
    feed.publish(Changes.of(Area.PLEDGES))
    unsubscribe()
    feed.publish(Changes.of(Area.PLEDGES))
    assert seen == [Changes.of(Area.PLEDGES)]
