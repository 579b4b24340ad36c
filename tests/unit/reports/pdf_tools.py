"""Reading generated PDFs back for assertions: page text, text in the top margin, fonts, page size."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

from pypdf import PdfReader

MILLIMETRE = 72.0 / 25.4


def normalise(text: str) -> str:
    """NFC with every run of whitespace (including no-break spaces and line breaks) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [normalise(page.extract_text()) for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return " ".join(page_texts(data))


def top_margin_texts(data: bytes) -> list[str]:
    """Per page, the text drawn in the top margin (where the page number goes)."""
    results = []
    for page in reader(data).pages:
        top = float(page.mediabox.top)
        found: list[str] = []

        def visit(
            text: str, matrix: Any, text_matrix: Any, font: Any, size: Any, found: list[str] = found, top: float = top
        ) -> None:
            height = text_matrix[5] * matrix[3] + matrix[5]
            if text.strip() and height > top - 20 * MILLIMETRE:
                found.append(text.strip())

        page.extract_text(visitor_text=visit)
        results.append(" ".join(found))
    return results


def base_fonts(data: bytes) -> set[str]:
    """The /BaseFont of every font in every page's resources (subset prefixes removed)."""
    names: set[str] = set()
    for page in reader(data).pages:
        resources: Any = page["/Resources"].get_object()
        fonts = resources.get("/Font", {})
        for reference in fonts.values():
            name = str(reference.get_object()["/BaseFont"]).lstrip("/")
            names.add(name.split("+", 1)[-1])
    return names


def page_sizes(data: bytes) -> set[tuple[float, float]]:
    boxes = [page.mediabox for page in reader(data).pages]
    return {(round(float(box.width), 1), round(float(box.height), 1)) for box in boxes}
