"""Write qtbase_vi.ts (Qt's own dialogs in Vietnamese) and compile qtbase_vi.qm.

Qt ships no Vietnamese translation of its dialogs (file chooser, print dialog, message box buttons, the text
context menu), so the app carries this one; gui/i18n.py prefers a qtbase_vi.qm from Qt's translations folder
if a later Qt has one. Run: ``.venv/bin/python resources/translations/build_qt_vietnamese.py``.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
TS_FILE = FOLDER / "qtbase_vi.ts"
QM_FILE = FOLDER / "qtbase_vi.qm"

EDITING = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xoá",
    "Select All": "Chọn tất cả",
}
TRANSLATIONS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Đồng ý",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với &tất cả",
        "&No": "&Không",
        "N&o to All": "Không với t&ất cả",
        "Abort": "Huỷ bỏ",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Huỷ",
        "Discard": "Không lưu",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
    },
    "QGnomeTheme": {"&OK": "Đồng ý", "&Save": "&Lưu", "&Cancel": "&Huỷ", "&Close": "Đó&ng"},
    "QDialogButtonBox": {"OK": "Đồng ý"},
    "QMessageBox": {"Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…"},
    "QLineEdit": EDITING,
    "QWidgetTextControl": {**EDITING, "Copy &Link Location": "Sao chép địa chỉ &liên kết"},
    "QFileDialog": {
        "Look in:": "Tìm trong:",
        "File &name:": "Tên &tệp:",
        "Files of type:": "Loại tệp:",
        "&Open": "&Mở",
        "&Save": "&Lưu",
        "Open": "Mở",
        "Save As": "Lưu thành",
        "&Choose": "&Chọn",
        "Back": "Quay lại",
        "Forward": "Tiếp",
        "Parent Directory": "Thư mục cha",
        "Go back": "Quay lại",
        "Go forward": "Đi tiếp",
        "Go to the parent directory": "Lên thư mục cha",
        "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo một thư mục mới",
        "New Folder": "Thư mục mới",
        "&New Folder": "Thư mục &mới",
        "List View": "Xem dạng danh sách",
        "Detail View": "Xem chi tiết",
        "Change to list view mode": "Xem dạng danh sách",
        "Change to detail view mode": "Xem chi tiết",
        "&Rename": "Đổi &tên",
        "&Delete": "&Xoá",
        "Show &hidden files": "Hiện tệp ẩn",
        "Directory:": "Thư mục:",
        "Directories": "Thư mục",
        "Files": "Tệp",
        "File": "Tệp",
        "Folder": "Thư mục",
        "File Folder": "Thư mục",
        "My Computer": "Máy tính",
        "Recent Places": "Nơi đã mở gần đây",
        "Sidebar": "Thanh bên",
        "List of places and bookmarks": "Các nơi và dấu trang",
        "Find Directory": "Tìm thư mục",
        "All Files (*)": "Mọi tệp (*)",
        "All files (*)": "Mọi tệp (*)",
        "Unknown": "Không rõ",
        "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nĐồng chí có muốn ghi đè lên tệp đó không?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp."
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục."
        ),
        "Are you sure you want to delete '%1'?": "Đồng chí có chắc muốn xoá '%1'?",
        "Could not delete directory.": "Không xoá được thư mục.",
    },
    "QFileSystemModel": {
        "Name": "Tên",
        "Size": "Cỡ",
        "Type": "Loại",
        "Kind": "Loại",
        "Date Modified": "Ngày sửa",
        "My Computer": "Máy tính",
        "Computer": "Máy tính",
        "Invalid filename": "Tên tệp không hợp lệ",
    },
    "QPrintDialog": {
        "Print": "In",
        "&Print": "&In",
        "OK": "Đồng ý",
        "&Options >>": "Tuỳ &chọn >>",
        "&Options <<": "Tuỳ &chọn <<",
        "Print to File (PDF)": "In ra tệp (PDF)",
        "Print To File ...": "In ra tệp…",
        "Local file": "Tệp trên máy",
        "Write PDF file": "Ghi tệp PDF",
        "All Pages": "Mọi trang",
        "Odd Pages": "Trang lẻ",
        "Even Pages": "Trang chẵn",
        "%1 already exists.\nDo you want to overwrite it?": "%1 đã có.\nĐồng chí có muốn ghi đè không?",
        "Invalid Pages Definition": "Số trang không hợp lệ",
    },
    "QPrintWidget": {"Printer": "Máy in", "&Name:": "&Tên:", "Location:": "Vị trí:", "Type:": "Loại:"},
    "QPrintPropertiesWidget": {"Page": "Trang", "Advanced": "Nâng cao"},
    "QPrintSettingsOutput": {
        "Copies": "Số bản",
        "Copies:": "Số bản:",
        "Collate": "Xếp theo bộ",
        "Reverse": "In ngược",
        "Options": "Tuỳ chọn",
        "Print range": "Phạm vi in",
        "Print all": "In tất cả",
        "Pages from": "Từ trang",
        "to": "đến",
        "Pages": "Trang",
        "Current Page": "Trang hiện tại",
        "Selection": "Phần đã chọn",
        "Output Settings": "Thiết lập in",
        "Color Mode": "Màu",
        "Color": "Màu",
        "Grayscale": "Đen trắng",
        "Double Sided Printing": "In hai mặt",
        "Off": "Tắt",
        "Long side binding": "Lật theo cạnh dài",
        "Short side binding": "Lật theo cạnh ngắn",
        "Page Set:": "Các trang:",
    },
    "QPageSetupWidget": {
        "Paper": "Giấy",
        "Page size:": "Khổ giấy:",
        "Width:": "Rộng:",
        "Height:": "Cao:",
        "Paper source:": "Khay giấy:",
        "Orientation": "Hướng giấy",
        "Portrait": "Dọc",
        "Landscape": "Ngang",
        "Reverse landscape": "Ngang (ngược)",
        "Reverse portrait": "Dọc (ngược)",
        "Margins": "Lề",
        "Page Layout": "Bố cục trang",
        "Page order:": "Thứ tự trang:",
        "Pages per sheet:": "Số trang mỗi tờ:",
        "Custom": "Tuỳ chỉnh",
        "Millimeters (mm)": "Milimét (mm)",
    },
}


def write_ts() -> int:
    root = ElementTree.Element("TS", version="2.1", language="vi_VN", sourcelanguage="en")
    count = 0
    for context_name, messages in TRANSLATIONS.items():
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = context_name
        for source, translation in messages.items():
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = source
            ElementTree.SubElement(message, "translation").text = translation
            count += 1
    ElementTree.indent(root)
    ElementTree.ElementTree(root).write(TS_FILE, encoding="utf-8", xml_declaration=True)
    return count


def main() -> int:
    count = write_ts()
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    print(f"{count} Qt messages in Vietnamese")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
