"""The two names reportlab and openpyxl look up in ``PIL.Image``; neither is used for the app's documents."""

from __future__ import annotations

from typing import NoReturn


class Image:
    """Never instantiated: reportlab's ``isinstance(x, Image.Image)`` checks are simply always false."""


def open(*_arguments: object, **_options: object) -> NoReturn:  # the name reportlab calls
    raise RuntimeError("Bản đóng gói không có Pillow: báo cáo không được chứa ảnh.")
