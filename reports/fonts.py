"""The bundled Liberation Serif family (Times-metric, full Vietnamese), registered once with reportlab."""

from __future__ import annotations

import functools

from resources import file_path

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "fonts/LiberationSerif-Regular.ttf",
    BOLD: "fonts/LiberationSerif-Bold.ttf",
    ITALIC: "fonts/LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "fonts/LiberationSerif-BoldItalic.ttf",
}


@functools.cache
def register_fonts() -> str:
    """Register the family so ``<b>``/``<i>`` pick the right face; returns the regular face's name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, relative in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(file_path(relative))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return REGULAR
