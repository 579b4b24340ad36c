"""Where the unit key is kept: a settings row, its secret wrapped by DPAPI on a Windows PC's own database."""

from __future__ import annotations

import base64
import binascii

from sqlalchemy.orm import Session

from quiz.engine import protection
from quiz.errors import UserError
from quiz.packages.container import UnitKey
from quiz.storage.models.documents import Setting

# Only the derived secret and its public fingerprint are stored, never the passphrase the admin typed.
UNIT_KEY_SETTING = "results_unit_key"
NO_KEY = "Chưa đặt khoá đơn vị; quản trị cần đặt khoá chung cho các máy của đơn vị trước."
OTHER_ACCOUNT = "Khoá đơn vị trên máy này được bảo vệ cho một tài khoản Windows khác; quản trị cần đặt lại khoá đơn vị."


def _protector(session: Session) -> protection.Protector | None:
    # A shared server is read by every PC of the unit: a secret wrapped for one Windows account would lock out the rest.
    if session.get_bind().dialect.name != "sqlite":
        return None
    return protection.system_protector()


def store_unit_key(session: Session, key: UnitKey) -> None:
    protector = _protector(session)
    value: dict[str, str] = {"key_id": key.key_id}
    if protector is None:
        value["secret"] = key.secret.hex()
    else:
        value["protection"] = protector.name
        value["protected"] = base64.b64encode(protector.protect(key.secret)).decode("ascii")
    session.merge(Setting(key=UNIT_KEY_SETTING, value=value))


def stored_key_id(session: Session) -> str | None:
    row = session.get(Setting, UNIT_KEY_SETTING)
    return str(row.value["key_id"]) if row is not None and isinstance(row.value, dict) else None


def load_unit_key(session: Session) -> UnitKey:
    """The unit key, unwrapped; a UserError when it is not set or cannot be unwrapped by this Windows account."""
    row = session.get(Setting, UNIT_KEY_SETTING)
    if row is None or not isinstance(row.value, dict):
        raise UserError(NO_KEY)
    value = row.value
    protector = _protector(session)
    if "secret" in value:
        key = UnitKey(bytes.fromhex(str(value["secret"])))
        if protector is not None:
            # Stored before this PC wrapped secrets (or before the upgrade): wrap it now, once.
            store_unit_key(session, key)
        return key
    if protector is None or protector.name != value.get("protection"):
        raise UserError(OTHER_ACCOUNT)
    try:
        secret = protector.unprotect(base64.b64decode(str(value["protected"]), validate=True))
    except (protection.ProtectionFailed, binascii.Error, KeyError) as error:
        raise UserError(OTHER_ACCOUNT) from error
    key = UnitKey(secret)
    if key.key_id != value.get("key_id"):
        raise UserError(OTHER_ACCOUNT)
    return key
