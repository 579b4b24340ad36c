"""Each reader (.txt in every office encoding, .docx, .pdf) and every refusal of an unusable file."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from quiz.importing import ImportRefused, parse_file, read_document_text, refusals
from quiz.importing.encoding import decode_text_bytes
from tests.unit.quiz.importing.helpers import IMPORT_DATA, RESOLUTION, assert_offsets_hold

ENCODED_COPIES = [
    ("resolution-utf8-bom.txt", "utf-8-bom"),
    ("resolution-utf16le-bom.txt", "utf-16-le-bom"),
    ("resolution-utf16be-bom.txt", "utf-16-be-bom"),
    ("resolution-cp1258.txt", "cp1258"),
    ("resolution-nfd.txt", "utf-8"),
]


@pytest.mark.parametrize(("name", "encoding"), ENCODED_COPIES)
def test_every_encoding_gives_the_same_document(name: str, encoding: str) -> None:
    reference = parse_file(RESOLUTION)
    document = parse_file(IMPORT_DATA / name)
    assert document.encoding == encoding
    assert document.text == reference.text
    assert [section.title for section in document.sections] == [section.title for section in reference.sections]
    assert unicodedata.is_normalized("NFC", document.text)


def test_windows_1258_file_is_not_utf8_and_still_decodes() -> None:
    data = (IMPORT_DATA / "resolution-cp1258.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode_text_bytes(data)
    assert encoding == "cp1258"
    assert "Nghị quyết" in unicodedata.normalize("NFC", text) or "NGHỊ QUYẾT" in text


def test_utf16_without_bom_is_detected() -> None:
    text = RESOLUTION.read_text(encoding="utf-8")
    decoded, encoding = decode_text_bytes(text.encode("utf-16-le"))
    assert encoding == "utf-16-le"
    assert decoded == text


def test_read_document_text_returns_nfc_text_without_bom() -> None:
    text = read_document_text(IMPORT_DATA / "resolution-utf8-bom.txt")
    assert not text.startswith("\ufeff")
    assert text.startswith("ĐẢNG BỘ TỈNH HÀ NAM")
    assert unicodedata.is_normalized("NFC", text)


def test_docx_heading_styles_become_the_section_tree() -> None:
    document = parse_file(IMPORT_DATA / "plan.docx")
    assert document.encoding == "docx"
    assert document.title == "Kế hoạch học tập Nghị quyết năm 2022"
    tree = [(section.title, section.level, section.parent) for section in document.sections]
    assert tree == [
        ("Mục đích, yêu cầu", 1, None),
        ("Nội dung và hình thức", 1, None),
        ("Nội dung học tập", 2, 1),
        ("Hình thức tổ chức", 2, 1),
        ("Tổ chức thực hiện", 1, None),
    ]
    # Table cells are read in document order, after the paragraph before the table.
    assert document.sections[-1].text.endswith("Tháng 5\n\nHọc tập tập trung")
    assert_offsets_hold(document)


def test_pdf_made_with_reportlab_gives_the_same_sections_and_sentences_as_the_text() -> None:
    reference = parse_file(RESOLUTION)
    document = parse_file(IMPORT_DATA / "resolution.pdf")
    assert document.title == reference.title
    assert [(s.title, s.level, s.parent) for s in document.sections] == [
        (s.title, s.level, s.parent) for s in reference.sections
    ]
    sentences = [sentence.text for section in document.sections for sentence in section.sentences]
    assert sentences == [sentence.text for section in reference.sections for sentence in section.sentences]
    assert_offsets_hold(document)


def _refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        parse_file(path)
    message = str(caught.value)
    assert "\n" not in message and message
    return message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "Không tìm thấy" in _refusal(tmp_path / "khong-co.txt")


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.txt"
    folder.mkdir()
    assert "không phải là một tệp" in _refusal(folder)


@pytest.mark.parametrize("name", ["bang.xlsx", "anh.png", "khong-duoi"])
def test_unsupported_extension_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"abc")
    assert "Chưa hỗ trợ loại tệp" in _refusal(path)


def test_old_word_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert ".docx" in _refusal(path)


@pytest.mark.parametrize("content", [b"", b"   \r\n\t \n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "trong.txt"
    path.write_bytes(content)
    assert _refusal(path) == refusals.EMPTY_FILE


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
        bytes(range(256)) * 8,
        b"PK\x03\x04" + b"\x00" * 200,
    ],
    ids=["png", "jpeg", "random-binary", "zip"],
)
def test_binary_file_named_txt_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(content)
    assert _refusal(path) == refusals.BINARY_FILE


def test_file_of_digits_only_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "so.txt"
    path.write_text("123 456\n789\n", encoding="utf-8")
    assert _refusal(path) == refusals.NOT_TEXT


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refusals, "MAXIMUM_FILE_BYTES", 1000)
    path = tmp_path / "lon.txt"
    path.write_text("Nghị quyết. " * 200, encoding="utf-8")
    assert "quá lớn" in _refusal(path)


@pytest.mark.parametrize(("name", "message"), [("legacy-vni.txt", "VNI"), ("legacy-tcvn3.txt", "TCVN3")])
def test_legacy_vietnamese_encodings_are_refused_by_name(name: str, message: str) -> None:
    assert message in _refusal(IMPORT_DATA / name)


def test_damaged_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes((IMPORT_DATA / "plan.docx").read_bytes()[:2000])
    assert _refusal(path) == refusals.DAMAGED_DOCX


def test_text_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gia.docx"
    path.write_text("Đây không phải tệp Word.", encoding="utf-8")
    assert _refusal(path) == refusals.DAMAGED_DOCX


def test_scanned_pdf_is_refused() -> None:
    assert _refusal(IMPORT_DATA / "scanned.pdf") == refusals.SCANNED_PDF


def test_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 50)
    assert _refusal(path) in {refusals.DAMAGED_PDF, refusals.SCANNED_PDF}


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(IMPORT_DATA / "resolution.pdf"))
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "khoa.pdf"
    path.write_bytes(buffer.getvalue())
    assert _refusal(path) == refusals.ENCRYPTED_PDF


def test_pdf_encrypted_with_empty_password_still_opens(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(IMPORT_DATA / "resolution.pdf"))
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "chi-cam-sua.pdf"
    path.write_bytes(buffer.getvalue())
    assert len(parse_file(path).sections) == len(parse_file(RESOLUTION).sections)


def test_utf8_with_a_few_broken_bytes_is_still_utf8() -> None:
    data = RESOLUTION.read_bytes()
    damaged = data[:500] + b"\xff" + data[500:]
    text, encoding = decode_text_bytes(damaged)
    assert encoding == "utf-8"
    assert text == data.decode("utf-8")
