"""A calm, high-contrast-friendly look: Fusion style, a clear palette, thick focus frames, large controls."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from gui.fonts import READING_FAMILY

WidgetType = TypeVar("WidgetType", bound=QObject)

# Colours chosen for contrast ≥ 7:1 on text (WCAG AAA) in the normal palette.
NORMAL_COLOURS = {
    "window": "#f4f1ea",
    "base": "#ffffff",
    "text": "#1a1a1a",
    "button": "#e6e1d6",
    "highlight": "#0b4f9c",
    "highlighted_text": "#ffffff",
    "focus": "#d97a00",
    "accent": "#8b1a1a",
    "fact": "#c9b36b",
    "bar": "#a9c8ec",
    "answered": "#cfe3c4",
    "hit": "#ffd54f",
    "source": "#b7e1cd",
    "pass": "#1b6e20",
    "fail": "#a31515",
}
HIGH_CONTRAST_COLOURS = {
    "window": "#000000",
    "base": "#000000",
    "text": "#ffffff",
    "button": "#1a1a1a",
    "highlight": "#ffff00",
    "highlighted_text": "#000000",
    "focus": "#00ffff",
    "accent": "#ffff00",
    "fact": "#4f8fb0",
    "bar": "#1f4f8f",
    "answered": "#1f5f1f",
    "hit": "#7a5c00",
    "source": "#005a2b",
    "pass": "#7cff7c",
    "fail": "#ff8080",
}


def colours(high_contrast: bool = False) -> dict[str, str]:
    return dict(HIGH_CONTRAST_COLOURS if high_contrast else NORMAL_COLOURS)


def build_palette(high_contrast: bool) -> QPalette:
    chosen = colours(high_contrast)
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(chosen["window"]))
    palette.setColor(role.WindowText, QColor(chosen["text"]))
    palette.setColor(role.Base, QColor(chosen["base"]))
    palette.setColor(role.AlternateBase, QColor(chosen["window"]))
    palette.setColor(role.Text, QColor(chosen["text"]))
    palette.setColor(role.Button, QColor(chosen["button"]))
    palette.setColor(role.ButtonText, QColor(chosen["text"]))
    palette.setColor(role.Highlight, QColor(chosen["highlight"]))
    palette.setColor(role.HighlightedText, QColor(chosen["highlighted_text"]))
    palette.setColor(role.ToolTipBase, QColor(chosen["base"]))
    palette.setColor(role.ToolTipText, QColor(chosen["text"]))
    palette.setColor(role.PlaceholderText, QColor("#5c5c5c" if not high_contrast else "#c0c0c0"))
    palette.setColor(role.Link, QColor(chosen["highlight"]))
    return palette


def style_sheet(font_size: int, high_contrast: bool) -> str:
    """Sizes derive from the chosen font size so Ctrl+= scales every control together."""
    chosen = colours(high_contrast)
    focus = chosen["focus"]
    padding = max(6, font_size // 2)
    indicator = font_size + 8
    return f"""
QLabel[role="title"] {{ font-size: {font_size + 10}pt; font-weight: bold; color: {chosen["accent"]}; }}
QLabel[role="heading"] {{ font-size: {font_size + 4}pt; font-weight: bold; }}
QLabel[role="question"] {{ font-size: {font_size + 3}pt; }}
QLabel[role="hint"] {{ color: {chosen["text"]}; font-style: italic; }}
QLabel[role="pass"] {{ color: {chosen["pass"]}; font-size: {font_size + 6}pt; font-weight: bold; }}
QLabel[role="fail"] {{ color: {chosen["fail"]}; font-size: {font_size + 6}pt; font-weight: bold; }}
QLabel[role="good"] {{ color: {chosen["pass"]}; font-weight: bold; }}
QLabel[role="bad"], QLabel[role="error"] {{ color: {chosen["fail"]}; font-weight: bold; }}
QTextEdit#reader_text {{ font-family: "{READING_FAMILY}"; font-size: {font_size + 3}pt; }}
QPushButton {{ padding: {padding}px {padding * 2}px; border: 2px solid {chosen["text"]}; border-radius: 6px;
  background: {chosen["button"]}; color: {chosen["text"]}; min-height: {font_size * 2}px; }}
QPushButton:hover {{ background: {chosen["base"]}; }}
QPushButton:pressed, QPushButton:checked {{ background: {chosen["highlight"]}; color: {chosen["highlighted_text"]}; }}
QPushButton:disabled {{ color: #777777; border-color: #999999; }}
QPushButton[role="primary"] {{ background: {chosen["highlight"]}; color: {chosen["highlighted_text"]};
  font-weight: bold; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus,
QListWidget:focus, QTreeWidget:focus, QTableWidget:focus, QComboBox:focus,
QTabBar::tab:focus {{ border: 3px solid {focus}; }}
QRadioButton, QCheckBox {{ padding: {padding // 2}px; spacing: {padding}px; border: 2px solid transparent;
  border-radius: 6px; }}
QRadioButton:focus, QCheckBox:focus {{ border: 3px solid {focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {indicator}px; height: {indicator}px; }}
QLineEdit, QComboBox {{ padding: {padding // 2}px; border: 2px solid #6b6b6b; border-radius: 4px;
  background: {chosen["base"]}; color: {chosen["text"]}; min-height: {font_size * 2}px; }}
QListWidget::item, QTreeWidget::item {{ padding: {padding // 2}px; }}
QTabBar::tab {{ padding: {padding}px {padding * 2}px; border: 2px solid transparent; }}
QTabBar::tab:selected {{ font-weight: bold; border-bottom: 4px solid {chosen["highlight"]}; }}
QProgressBar {{ border: 2px solid #6b6b6b; border-radius: 4px; text-align: center; min-height: {font_size}px;
  color: {chosen["text"]}; background: {chosen["base"]}; }}
QProgressBar::chunk {{ background: {chosen["bar"]}; }}
QPushButton[navigator="true"] {{ padding: 2px 4px; min-width: {font_size * 2}px; min-height: {font_size * 2}px;
  background: {chosen["base"]}; border-style: dashed; }}
QPushButton[navigator="true"][answered="true"] {{ background: {chosen["answered"]}; border-style: solid; }}
QPushButton[navigator="true"]:checked {{ background: {chosen["highlight"]}; color: {chosen["highlighted_text"]};
  border: 3px solid {chosen["text"]}; }}
/* Spin boxes keep Fusion's own frame: a styled border or padding makes Qt drop the up/down arrows. */
QSpinBox {{ min-height: {font_size * 2}px; }}
"""


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
        linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def apply_style(font_size: int, high_contrast: bool = False) -> None:
    application = QApplication.instance()
    if not isinstance(application, QApplication):
        return
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and application.style().name().lower() != "fusion":
        application.setStyle(fusion)
    application.setPalette(build_palette(high_contrast))
    application.setStyleSheet(style_sheet(font_size, high_contrast))


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the style sheet (title, heading, question, primary, ...)."""
    widget.setProperty("role", role)
    # A dynamic property change needs a re-polish before the style sheet notices it.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def named(widget: WidgetType, name: str) -> WidgetType:
    """Give ``widget`` an object name (tests and the style sheet find widgets by it) and return it."""
    widget.setObjectName(name)
    return widget
