"""Unit-wide settings chosen by the admin: names for the forms, reflection questions, language."""

from __future__ import annotations

import copy
from typing import Any

from quiz.services.context import ServiceContext
from quiz.storage.models.documents import Setting

DEFAULT_SETTINGS: dict[str, Any] = {
    # The printed header's names (quiz.engine.unit_details.UNIT_DETAIL_KEYS, public): asked at first start.
    "place_name": "",
    "party_committee": "",
    "unit_name": "",
    "forms_deadline": "",
    "language": "vi",
    "reflection_questions": [
        "Những nội dung cốt lõi, điểm mới của Nghị quyết là gì?",
        "Đồng chí sẽ vận dụng những nội dung nào của Nghị quyết vào công việc của mình?",
    ],
    # "combined" prints one form; "separate" prints the thu hoạch and the cam kết as two documents.
    "form_layout": "combined",
}


class SettingsService:
    """Reads with defaults; only the admin writes."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self, key: str) -> Any:
        with self._context.session() as session:
            row = session.get(Setting, key)
            if row is not None:
                return row.value
        return copy.deepcopy(DEFAULT_SETTINGS.get(key))

    def all(self) -> dict[str, Any]:
        values = copy.deepcopy(DEFAULT_SETTINGS)
        with self._context.session() as session:
            values.update({row.key: row.value for row in session.query(Setting)})
        return values

    def set(self, key: str, value: Any) -> None:
        self._context.require_admin()
        with self._context.session() as session:
            session.merge(Setting(key=key, value=value))
