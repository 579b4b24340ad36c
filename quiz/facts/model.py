"""The Fact record: what was found, where (absolute offsets into the NFC document text) and its typed fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from quiz.identifiers import content_id
from quiz.text import fold


@lru_cache(maxsize=1 << 18)
def folded(text: str) -> str:
    """``quiz.text.fold`` remembered: generation folds the same options and titles many times."""
    return fold(text)


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as the generator sees it: the section it belongs to and its absolute offsets."""

    section: int
    section_title: str
    start: int
    end: int
    text: str
    # Titles from the top-level section down to this one ("II- MỤC TIÊU", "2. Tầm nhìn đến năm 2045").
    section_path: tuple[str, ...] = ()
    # The nearest sentence before, in the same section, that announces what follows ("… đến năm 2030:").
    lead_in: str = ""


@dataclass(frozen=True)
class Fact:
    """One extracted fact; ``answer`` is ``document_text[start:end]`` and lies inside ``sentence``."""

    kind: str
    answer: str
    start: int
    end: int
    sentence: SentenceSpan
    # number: value (low end of a range, achieved part of achieved/target), high end, target, unit, qualifier.
    value: float | None = None
    high: float | None = None
    target: float | None = None
    unit: str = ""
    qualifier: str = ""
    # Breakdown part ("kinh tế") or the subject of a target ("Quảng Ninh").
    subject: str = ""
    # The word before the answer that names the slot: "nhiệm kỳ", "lần thứ", "khóa", "ngày", "năm", "Chỉ thị".
    head: str = ""
    # End of the answer plus its unit (a number's tail "12.350/10.000 tỷ đồng"), absolute; 0 when unused.
    tail_end: int = 0
    titles: tuple[str, ...] = ()
    expansion: str = ""
    items: tuple[str, ...] = ()
    count: int | None = None
    # Text of the sentence before the list or target ("… với 4 nhiệm vụ giải pháp cụ thể").
    lead: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def relative_start(self) -> int:
        return self.start - self.sentence.start

    @property
    def relative_end(self) -> int:
        return self.end - self.sentence.start

    @cached_property
    def key(self) -> str:
        """Stable identity of the fact inside its document (kind, position and folded answer)."""
        return content_id(self.kind, str(self.start), folded(self.answer))

    @cached_property
    def slot(self) -> str:
        """What the answer fills: kind, head/unit, subject and the three words before it ("khóa" of "Ban …")."""
        before = folded(self.sentence.text[: self.relative_start]).split()[-3:]
        return "|".join((self.kind, fold(self.unit or self.head), fold(self.subject), " ".join(before)))

    def to_json(self) -> dict[str, Any]:
        """The ``facts --json`` shape: common fields plus the kind's own fields."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "answer": self.answer,
            "sentence": self.sentence.text,
            "section": self.sentence.section_title,
            "section_path": list(self.sentence.section_path),
            "start": self.start,
            "end": self.end,
        }
        if self.kind == "number":
            data.update(value=self.value, unit=self.unit, qualifier=self.qualifier)
            if self.high is not None:
                data["high"] = self.high
            if self.target is not None:
                data["target"] = self.target
            if self.subject:
                data["subject"] = self.subject
        elif self.kind == "person":
            data["titles"] = list(self.titles)
        elif self.kind == "acronym":
            data["expansion"] = self.expansion
        elif self.kind in ("list", "target"):
            data["items"] = list(self.items)
            if self.count is not None:
                data["count"] = self.count
            if self.subject:
                data["subject"] = self.subject
        elif self.kind == "structure":
            data.update(group=self.subject, count=self.count, position=int(self.value or 0), items=list(self.items))
            data.update(numbered=self.qualifier == "numbered", path=self.head, lead=self.lead)
        elif self.kind == "measure":
            # The task the measure serves: the item at ``count`` of the group ``subject``.
            item = self.items[self.count - 1] if self.count and self.count <= len(self.items) else ""
            data.update(group=self.subject, item=item, path=self.head)
        elif self.kind in ("date", "period", "ordinal", "reference"):
            data["head"] = self.head
            if self.value is not None:
                data["value"] = self.value
            if self.qualifier:
                data["qualifier"] = self.qualifier
        return data


def fact_at(kind: str, sentence: SentenceSpan, start: int, end: int, **fields: Any) -> Fact:
    """A fact whose answer is ``sentence.text[start:end]`` (offsets relative to the sentence)."""
    return Fact(kind, sentence.text[start:end], sentence.start + start, sentence.start + end, sentence, **fields)
