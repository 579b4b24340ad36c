"""The Vietnamese messages of every import refusal, in one place so readers and tests share them."""

from __future__ import annotations

# Files above this size are surely not a resolution text (a long resolution is well under 1 MB).
MAXIMUM_FILE_BYTES = 20 * 1024 * 1024

# Decoded text longer than this is not one document (a resolution is well under 200,000 characters).
MAXIMUM_TEXT_CHARACTERS = 2_000_000

MISSING_FILE = "Không tìm thấy tệp “{name}”."
NOT_A_FILE = "“{name}” không phải là một tệp."
UNREADABLE_FILE = "Không đọc được tệp “{name}” (tệp đang mở ở chương trình khác hoặc không có quyền đọc)."
TOO_LARGE = "Tệp “{name}” quá lớn ({size} MB); chỉ nhận tệp văn bản dưới 20 MB."
UNSUPPORTED_EXTENSION = (
    "Chưa hỗ trợ loại tệp “{extension}”; hãy dùng tệp .txt, .docx, .pdf hoặc trang web đã lưu (.html)."
)
OLD_WORD_FORMAT = "Tệp .doc (Word đời cũ) chưa được hỗ trợ; hãy mở bằng Word và lưu lại thành .docx."
TOO_LONG = "Văn bản quá dài (hơn 2 triệu ký tự); hãy tách thành từng văn bản riêng rồi nhập."
EMPTY_FILE = "Tệp trống, không có nội dung văn bản."
BINARY_FILE = "Tệp không phải văn bản (có thể là ảnh hoặc tệp nhị phân đổi đuôi)."
NOT_TEXT = "Tệp không chứa chữ nào để nhập."
UNREADABLE = "Không nhận ra bảng mã của tệp; hãy lưu lại tệp dưới dạng Unicode (UTF-8)."
LEGACY_VNI = "Tệp dùng bảng mã cũ VNI; hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại."
LEGACY_TCVN3 = (
    "Tệp dùng bảng mã cũ TCVN3 (ABC); hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại."
)
DAMAGED_DOCX = "Tệp Word (.docx) bị hỏng hoặc không đúng định dạng, không mở được."
DAMAGED_PDF = "Tệp PDF bị hỏng hoặc không đúng định dạng, không mở được."
ENCRYPTED_PDF = "Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi nhập lại."
SCANNED_PDF = "Tệp PDF không có lớp chữ (bản scan hoặc ảnh chụp); hãy dùng bản PDF có chữ hoặc tệp Word."
NOTHING_LEFT = "Sau khi bỏ các dòng không thuộc văn bản (chú thích, quảng cáo, ...) không còn nội dung nào để nhập."
DUPLICATE = "Văn bản này đã có trong cơ sở dữ liệu với tên “{title}”."
