"""A small resolution written for the GUI tests, its questions, a member and the admin password."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.api.members import MemberDraft
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.bank import Question

ADMIN_PASSWORD = "matkhau-123"
MEMBER_NAME = "Trần Thị Hồng Nhung"
OTHER_MEMBER = "Lê Văn Tám"

DOCUMENT_TEXT = (
    "NGHỊ QUYẾT\n"
    "về phát triển vùng chè Tân Cương giai đoạn 2026 - 2030\n"
    "\n"
    "I. ĐÁNH GIÁ TÌNH HÌNH\n"
    "Đảng bộ xã có 418 đảng viên sinh hoạt tại 17 chi bộ. "
    "Năm 2025, thu nhập bình quân đầu người đạt 61,5 triệu đồng. "
    "Diện tích chè được chứng nhận VietGAP là 310 héc-ta.\n"
    "\n"
    "II. MỤC TIÊU\n"
    "Phấn đấu đến năm 2030 có 90 % diện tích chè được chứng nhận an toàn. "
    "Xây dựng xã Tân Cương trở thành xã nông thôn mới kiểu mẫu. "
    "Mỗi chi bộ có ít nhất một mô hình kinh tế tiêu biểu.\n"
    "\n"
    "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
    "1. Tập trung chuyển đổi số trong sản xuất và tiêu thụ chè. "
    "Mỗi hộ trồng chè có tài khoản bán hàng trực tuyến.\n"
    "2. Nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị 12-CT/HU. "
    "Đảng viên gương mẫu đi đầu trong đổi mới cách làm.\n"
)


@dataclass(frozen=True)
class StudyData:
    url: str
    document_id: str
    member_id: str
    other_member_id: str
    section_ids: tuple[str, ...]
    question_ids: tuple[str, ...]


def _sentence(service: Service, document_id: str, needle: str) -> tuple[str, int, int, str]:
    for sentence in service.documents.sentences(document_id):
        if needle in sentence.text:
            return sentence.section_id, sentence.start, sentence.end, sentence.text
    raise AssertionError(f"no sentence contains {needle!r}")


def _question(service: Service, document_id: str, number: int, needle: str, **fields: object) -> Question:
    section_id, start, end, text = _sentence(service, document_id, needle)
    values: dict[str, object] = {
        "id": f"gui-test-{number}",
        "document_id": document_id,
        "section_id": section_id,
        "fact_key": f"fact-{number}",
        "fact_kind": "number",
        "sentence": text,
        "sentence_start": start,
        "sentence_end": end,
        "explanation": f"Văn bản ghi: {text}",
        "choices": [],
        "correct": [],
        "answers": [],
        "pairs": [],
    }
    values.update(fields)
    return Question(**values)


def create_study_database(url: str) -> StudyData:
    """Admin password, the document (imported through the facade), five questions and two members."""
    service = Service.open(url, actor=Actor.admin())
    try:
        service.accounts.create_admin(ADMIN_PASSWORD)
        # The tests must not depend on what the generator makes of this text: only our five questions exist.
        service.documents.after_import.clear()
        document = service.documents.import_text(DOCUMENT_TEXT, "nghi-quyet-che.txt")
        questions = [
            _question(
                service,
                document.id,
                1,
                "418 đảng viên",
                type="single",
                prompt="Đảng bộ xã có bao nhiêu đảng viên?",
                choices=["318", "418", "518", "618"],
                correct=[1],
            ),
            _question(
                service,
                document.id,
                2,
                "90 %",
                type="single",
                prompt="Đến năm 2030, bao nhiêu phần trăm diện tích chè được chứng nhận an toàn?",
                choices=["70 %", "80 %", "90 %", "95 %"],
                correct=[2],
                fact_kind="target",
            ),
            _question(
                service,
                document.id,
                3,
                "310 héc-ta",
                type="cloze",
                prompt="Diện tích chè được chứng nhận VietGAP là ___ héc-ta.",
                answers=["310"],
            ),
            _question(
                service,
                document.id,
                4,
                "Chỉ thị 12-CT/HU",
                type="truefalse",
                prompt="Sinh hoạt chi bộ được nâng cao theo Chỉ thị 12-CT/HU.",
                choices=["Đúng", "Sai"],
                correct=[0],
                fact_kind="reference",
            ),
            _question(
                service,
                document.id,
                5,
                "17 chi bộ",
                type="single",
                prompt="Đảng viên của xã sinh hoạt tại bao nhiêu chi bộ?",
                choices=["7", "12", "17", "27"],
                correct=[2],
            ),
        ]
        with service.database.sessions.begin() as session:
            session.add_all(questions)
        member = service.members.add_member(MemberDraft(full_name=MEMBER_NAME))
        other = service.members.add_member(MemberDraft(full_name=OTHER_MEMBER, pin="246813"))
        sections = tuple(section.id for section in service.documents.sections(document.id))
        return StudyData(url, document.id, member.id, other.id, sections, tuple(q.id for q in questions))
    finally:
        service.close()
