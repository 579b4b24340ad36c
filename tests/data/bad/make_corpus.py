"""Writes the small bad documents of this folder (run once; big ones are made by the test fixture instead).

.venv/bin/python tests/data/bad/make_corpus.py
"""

from __future__ import annotations

import io
import random
import struct
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
PHRASE = "Đảng bộ tập trung lãnh đạo thực hiện thắng lợi nghị quyết, phát triển kinh tế và xây dựng đời sống mới."
TEXT = "\n".join([PHRASE] * 12)

# TCVN3 (ABC, TCVN 5712:1993): one byte per precomposed lower-case letter, upper case only without tones.
_TCVN3 = dict(
    zip(
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        bytes.fromhex(
            "A1A2A3A4A5A6A7A8A9AAABACADAE"
            "B5B6B7B8B9BBBCBDBEC6C7C8C9CACB"
            "CCCECFD0D1D2D3D4D5D6D7D8DCDDDE"
            "DFE1E2E3E4E5E6E7E8E9EAEBECEDEE"
            "EFF1F2F3F4F5F6F7F8F9FAFBFCFDFE"
        ),
        strict=True,
    )
)
# VNI Windows: the base letter, then one byte for the hat/breve/horn and the tone together (cp1252 bytes).
_VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONES = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONES = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def tcvn3(text: str) -> bytes:
    return b"".join(bytes([_TCVN3[letter]]) if letter in _TCVN3 else letter.encode("ascii") for letter in text)


def vni(text: str) -> bytes:
    out = []
    for letter in text:
        if letter in "đĐ":
            out.append("ñ" if letter == "đ" else "Ñ")
            continue
        decomposed = unicodedata.normalize("NFD", letter)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((mark for mark in marks if mark in _VNI_TONES), "")
        if "\u0302" in marks:
            out.append(base + _VNI_HAT_TONES[tone])
        elif "\u0306" in marks:
            out.append(base + _VNI_BREVE_TONES[tone])
        elif "\u031b" in marks:
            out.append({"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}[base] + _VNI_TONES.get(tone, ""))
        elif base in "iI" and tone:
            out.append(_VNI_I[tone])
        else:
            out.append(base + _VNI_TONES.get(tone, ""))
    return "".join(out).encode("cp1252")


def png(width: int = 64, height: int = 64) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * y) % 256 for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1 is the catalogue), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start))
    return out.getvalue()


def scanned_pdf() -> bytes:
    """One page holding only a grey image, as a scanner makes it: no text layer at all."""
    pixels = bytes(random.Random(3).randrange(256) for _ in range(100 * 100))
    image = b"<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray "
    image += b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            image,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )


def text_pdf() -> bytes:
    content = b"BT /F1 12 Tf 72 760 Td (Nghi quyet Dai hoi Dang bo xa Thanh Binh) Tj ET"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    # RC4: AES would need the cryptography package, which the app does not install.
    writer.encrypt(user_password="matkhau", owner_password="chu-so-huu", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_without_word_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ghi-chu.txt", TEXT)
    return out.getvalue()


def html_page() -> str:
    body = "".join(f"<p>{PHRASE}</p>\n" for _ in range(8))
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title>'
        "<script>var dem = 1; document.write('quảng cáo');</script><style>p {margin: 0}</style></head>\n"
        f'<body><div class="menu"><a href="/">Trang chủ</a></div>\n{body}</body></html>\n'
    )


def corpus() -> dict[str, bytes]:
    """File name → content of every small bad document."""
    docx_ok = docx_bytes([PHRASE] * 30)
    utf8 = TEXT.encode("utf-8")
    return {
        "empty.txt": b"",
        "blank-lines.txt": b"\n \r\n\t\n   \n",
        "binary.txt": random.Random(1).randbytes(4096),
        "image-renamed.txt": png(),
        "image-renamed.docx": png(),
        "image-renamed.pdf": png(),
        "truncated.docx": docx_ok[: len(docx_ok) // 2],
        "zip-without-document.docx": zip_without_word_document(),
        "empty-document.docx": docx_bytes([]),
        "text-renamed.docx": utf8,
        "empty.pdf": b"",
        "text-renamed.pdf": utf8,
        "truncated.pdf": text_pdf()[:200],
        "encrypted.pdf": encrypted_pdf(),
        "scanned.pdf": scanned_pdf(),
        "html-page.html": html_page().encode("utf-8"),
        "html-page.txt": html_page().encode("utf-8"),
        "tcvn3.txt": tcvn3(TEXT),
        "vni.txt": vni(TEXT),
        "mixed-encodings.txt": b"\n".join(
            line.encode("utf-8") if index % 2 else line.encode("cp1258", errors="replace")
            for index, line in enumerate(TEXT.splitlines())
        ),
        "only-numbers.txt": "\n".join(
            f"{index}. {index * 37}.{index * 11} - {index * 3},5 %" for index in range(1, 60)
        ).encode("ascii"),
        "only-punctuation.txt": ("... --- ;;; !!! ??? ***\n" * 40).encode("ascii"),
        "control-characters.txt": bytes(random.Random(2).randrange(1, 32) for _ in range(3000)),
        "nul-bytes.txt": utf8[:200] + b"\x00\x00\x00" + utf8[200:],
        "utf16-without-bom.txt": TEXT.encode("utf-16-le"),
        "old-word.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "spreadsheet.xlsx": zip_without_word_document(),
        "no-extension": utf8,
    }


def main() -> int:
    for name, content in corpus().items():
        (FOLDER / name).write_bytes(content)
    print(f"wrote {len(corpus())} files to {FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
