"""Unit-wide settings, declared in one place with their type, default and who may read them; secrets stay inside."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quiz.api.unit_details import UnitDetails
from quiz.errors import AccessDenied, UserError
from quiz.services.context import ServiceContext
from quiz.storage.models.documents import Setting


class Reader(StrEnum):
    """Who may read a setting; only the admin ever writes one, and nobody reads a secret through the facade."""

    PUBLIC = "public"  # anyone at the PC, signed in or not (headers of the forms, the language)
    ADMIN = "admin"
    SECRET = "secret"  # used by the services themselves (password hash, unit key), never returned


@dataclass(frozen=True)
class Declared:
    """One setting: its key, the JSON type its value has, its default and who may read it.

    Only the admin writes a setting through the facade; a secret only through its own action.
    """

    key: str
    type: type
    default: Any
    reader: Reader = Reader.PUBLIC


def _declare(*settings: Declared) -> dict[str, Declared]:
    return {setting.key: setting for setting in settings}


# Adding a setting is one line here. A key not declared here is refused (a typo never becomes a new setting).
SETTINGS = _declare(
    # The printed header's names (the keys of quiz.api.unit_details): asked at first start.
    Declared("place_name", str, ""),
    Declared("party_committee", str, ""),
    Declared("unit_name", str, ""),
    Declared("forms_deadline", str, ""),
    Declared("language", str, "vi"),
    Declared(
        "reflection_questions",
        list,
        [
            "Những nội dung cốt lõi, điểm mới của Nghị quyết là gì?",
            "Đồng chí sẽ vận dụng những nội dung nào của Nghị quyết vào công việc của mình?",
        ],
    ),
    # "combined" prints one form; "separate" prints the thu hoạch and the cam kết as two documents.
    Declared("form_layout", str, "combined"),
    Declared("form_labels", dict, None),
    Declared("form_fields", list, None),
    Declared("admin_password_hash", str, None, Reader.SECRET),
    Declared("results_unit_key", dict, None, Reader.SECRET),
)
# The public defaults, for code that needs a default without a facade (kept for the pledges area).
DEFAULT_SETTINGS: dict[str, Any] = {
    key: setting.default for key, setting in SETTINGS.items() if setting.reader is Reader.PUBLIC
}
SECRET_KEYS = frozenset(key for key, setting in SETTINGS.items() if setting.reader is Reader.SECRET)


def declared(key: str) -> Declared:
    """The declaration of ``key``; refuses a key that is not declared."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise UserError(f"Không có thiết lập “{key}”.")
    return setting


class SettingsService:
    """Reads with defaults, each key only by whom its declaration allows; only the admin writes."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self, key: str) -> Any:
        setting = declared(key)
        self._require_reader(setting)
        with self._context.session() as session:
            row = session.get(Setting, key)
            if row is not None:
                return row.value
        return copy.deepcopy(setting.default)

    def all(self) -> dict[str, Any]:
        """Every setting the signed-in person may read (all but the secrets for the admin, the public ones else)."""
        readable = {Reader.PUBLIC, Reader.ADMIN} if self._context.is_admin else {Reader.PUBLIC}
        values = {key: copy.deepcopy(item.default) for key, item in SETTINGS.items() if item.reader in readable}
        with self._context.session() as session:
            rows = session.query(Setting).all()
            # Rows an older version stored under keys no longer declared are left out.
            values.update(
                {row.key: row.value for row in rows if row.key in SETTINGS and SETTINGS[row.key].reader in readable}
            )
        return values

    # Typed accessors -----------------------------------------------------------------------------------------

    def unit_details(self) -> UnitDetails:
        """The unit's names for printed headers (public: they are printed on every paper)."""
        return UnitDetails.from_settings(self.all())

    def save_unit_details(self, details: UnitDetails) -> None:
        """All the unit's names in one commit (and one change notice)."""
        self._context.require_admin()
        self.set_many(details.as_settings())

    def language(self) -> str:
        return str(self.get("language") or "vi")

    def reflection_questions(self) -> list[str]:
        return [str(question) for question in self.get("reflection_questions") or []]

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, Any]) -> None:
        """Store several settings at once: all are checked first, then written in one session."""
        self._context.require_admin()
        for key, value in values.items():
            setting = declared(key)
            if setting.reader is Reader.SECRET:
                # The password and the unit key have their own actions, which check what they must.
                raise AccessDenied("Thiết lập này chỉ được thay đổi bằng chức năng riêng của nó.")
            if value is not None and not isinstance(value, setting.type):
                raise UserError(f"Giá trị của thiết lập “{key}” không đúng kiểu.")
        with self._context.session() as session:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))

    def _require_reader(self, setting: Declared) -> None:
        if setting.reader is Reader.SECRET:
            raise AccessDenied("Thông tin bí mật không được đọc ra ngoài chương trình.")
        if setting.reader is Reader.ADMIN:
            self._context.require_admin()
