"""Preview a PDF as page images (pypdfium2), print it through the Qt print dialog, or save it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.flow_layout import flow_row
from gui.style import named, set_role

PREVIEW_DPI = 96
PRINT_DPI = 200


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Every page as a QImage (safe on the worker thread: QImage needs no GUI thread)."""
    import pypdfium2

    from quiz.importing.pdfium_lock import PDFIUM_LOCK

    images: list[QImage] = []
    # pdfium is not thread-safe: a PDF import on another window's worker must not run at the same time.
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
                )
                images.append(image.copy())  # own the pixels before pdfium frees its buffer
                bitmap.close()
                page.close()
        finally:
            document.close()
    return images


def print_images(printer: object, images: list[QImage]) -> None:
    """Paint each page image to fill the printer's page (one image per sheet)."""
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer could not start")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    """Non-blocking: open with ``open()``; the pages come already rendered (on the worker)."""

    def __init__(self, pdf: bytes, images: list[QImage], suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.pdf = pdf
        self.images = images
        self.suggested_name = suggested_name
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.info = QLabel()
        set_role(self.info, "heading")
        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(images, 1):
            label = named(QLabel(), f"page_{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QLabel.Shape.Box)
            self.page_labels.append(label)
            pages_layout.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.print_button = named(QPushButton(), "print_button")
        set_role(self.print_button, "primary")
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = named(QPushButton(), "save_pdf_button")
        self.save_button.clicked.connect(self.choose_file)
        self.close_button = named(QPushButton(), "close_preview")
        self.close_button.clicked.connect(self.reject)
        buttons = flow_row(self.print_button, self.save_button, trailing=(self.close_button,))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        width = max((image.width() for image in images), default=600)
        # Never taller or wider than the screen: "In…", "Lưu…" and "Đóng" must stay on it.
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else QSize(1100, 900)
        self.resize(min(width + 80, 1100, available.width()), min(900, available.height() - 40))
        self.retranslate()

    def choose_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: object) -> None:
        try:
            print_images(printer, render_pages(self.pdf, PRINT_DPI))
        except OSError as error:
            dialogs.warn(
                self, self.tr("Không in được"), self.tr("Máy in không nhận lệnh in ({error}).").format(error=error)
            )

    def choose_file(self) -> None:
        save_pdf_with_dialog(self, self.pdf, self.suggested_name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Xem trước bản in"))
        self.info.setText(self.tr("{pages} trang").format(pages=len(self.images)))
        self.print_button.setText(self.tr("&In..."))
        self.save_button.setText(self.tr("&Lưu thành tệp PDF..."))
        self.close_button.setText(self.tr("Đó&ng"))


def save_pdf_with_dialog(
    parent: QWidget | None, pdf: bytes, suggested_name: str, on_saved: Callable[[str], None] | None = None
) -> QWidget:
    """Ask where to save, then write the bytes; the file dialog opens with open()."""

    def write(path: str) -> None:
        try:
            Path(path).write_bytes(pdf)
        except OSError:
            dialogs.warn(
                parent,
                QCoreApplication.translate("PdfPreviewDialog", "Không lưu được"),
                QCoreApplication.translate("PdfPreviewDialog", "Không ghi được tệp {path}.").format(path=path),
            )
            return
        if on_saved is not None:
            on_saved(path)

    return dialogs.choose_save_file(
        parent,
        QCoreApplication.translate("PdfPreviewDialog", "Lưu tệp PDF"),
        QCoreApplication.translate("PdfPreviewDialog", "Tệp PDF (*.pdf)"),
        suggested_name,
        write,
    )
