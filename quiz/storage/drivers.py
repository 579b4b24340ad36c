"""Which driver opens a database URL: PostgreSQL gets the bundled pure-Python pg8000 unless the URL names another."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from quiz.errors import UserError
from quiz.storage.postgres_connection import BUNDLED_POSTGRES_DRIVER, TLS_ARGUMENT, tls_for_sslmode

# "postgres://" is what many tools and hosting panels print; SQLAlchemy itself only knows "postgresql".
_POSTGRES_BACKENDS = ("postgresql", "postgres")
# The libpq options a unit may have copied into its URL that pg8000 does not take as they are.
_SSL_OPTIONS = ("sslmode", "sslrootcert")
_PASSED_AS_IS = ("application_name",)
EXAMPLE = "postgresql://nguoidung:matkhau@maychu/hoctap"


def invalid_url(url: str) -> UserError:
    return UserError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {url}.")


def unusable_driver(driver: str) -> UserError:
    """A driver this installation lacks (postgresql+psycopg2 in the bundle) or one made for asyncio."""
    return UserError(f"Chương trình không dùng được trình điều khiển cơ sở dữ liệu {driver}; hãy ghi dạng {EXAMPLE}.")


def resolve_url(url: str) -> URL:
    """Parse ``url``; a PostgreSQL URL without a driver gets the bundled one. Refuses what cannot be opened here."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise invalid_url(url) from error
    backend, _, driver = parsed.drivername.partition("+")
    if backend in _POSTGRES_BACKENDS:
        parsed = parsed.set(drivername=f"postgresql+{driver or BUNDLED_POSTGRES_DRIVER}")
    try:
        dialect = parsed.get_dialect()
    except NoSuchModuleError as error:
        raise invalid_url(url) from error
    if dialect.is_async:
        raise unusable_driver(driver)
    if parsed.get_driver_name() == BUNDLED_POSTGRES_DRIVER:
        _check_postgres_url(parsed)
    return parsed


def _check_postgres_url(url: URL) -> None:
    # libpq would fall back to the Windows account name, which is never the unit's database role.
    if not url.username:
        raise UserError(f"Địa chỉ máy chủ PostgreSQL cần có tên người dùng, ví dụ {EXAMPLE}.")
    unknown = sorted(set(url.query) - set(_SSL_OPTIONS) - set(_PASSED_AS_IS))
    if unknown:
        allowed = ", ".join(_SSL_OPTIONS + _PASSED_AS_IS)
        raise UserError(f"Địa chỉ cơ sở dữ liệu có tham số không dùng được ({', '.join(unknown)}); chỉ nhận {allowed}.")
    if any(isinstance(value, tuple) for value in url.query.values()):
        raise invalid_url(url.render_as_string(hide_password=True))


def engine_url_and_arguments(url: URL) -> tuple[URL, dict[str, Any]]:
    """What ``create_engine`` gets: for pg8000 the libpq SSL options become one TLS choice for every connection."""
    if url.get_driver_name() != BUNDLED_POSTGRES_DRIVER:
        return url, {}
    mode = str(url.query.get("sslmode", "prefer"))
    root_certificate = url.query.get("sslrootcert")
    tls = tls_for_sslmode(mode, str(root_certificate) if root_certificate else None)
    return url.difference_update_query(_SSL_OPTIONS), {TLS_ARGUMENT: tls}
