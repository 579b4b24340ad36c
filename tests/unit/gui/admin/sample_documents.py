"""Small resolution-like documents written for the admin desk tests (never the seed document)."""

from __future__ import annotations

from pathlib import Path

from quiz.api.documents import DocumentInfo
from quiz.api.members import MemberDraft
from quiz.service import Service

SAMPLE_RESOLUTION = """NGHỊ QUYẾT
ĐẠI HỘI ĐẢNG BỘ XÃ HÒA BÌNH LẦN THỨ VII, NHIỆM KỲ 2025 - 2030

Trang 1

I. ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ QUA
Trong nhiệm kỳ qua, Đảng bộ xã đã lãnh đạo thực hiện thắng lợi 14 chỉ tiêu chủ yếu.
Tổng giá trị sản xuất tăng bình quân 8,5% mỗi năm, thu nhập bình quân đạt 62 triệu đồng một người.
Tỷ lệ hộ nghèo giảm còn 1,2%; 100% thôn có nhà văn hóa đạt chuẩn.
II. MỤC TIÊU NHIỆM KỲ 2025 - 2030
Xây dựng Đảng bộ trong sạch, vững mạnh; phấn đấu đến năm 2030 xã đạt chuẩn nông thôn mới kiểu mẫu.
Thu nhập bình quân đầu người đạt 95 triệu đồng vào năm 2030.
Trang 2
III. NHIỆM VỤ VÀ GIẢI PHÁP
Tập trung phát triển nông nghiệp hữu cơ, mở rộng diện tích lúa chất lượng cao lên 450 héc-ta.
Đẩy mạnh chuyển đổi số trong hoạt động của chính quyền và đời sống của Nhân dân.
Nâng cao chất lượng sinh hoạt chi bộ, kết nạp ít nhất 40 đảng viên mới trong nhiệm kỳ.
"""


def write_sample(folder: Path, name: str = "nghi-quyet-xa-hoa-binh.txt", text: str = SAMPLE_RESOLUTION) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def import_sample(service: Service, folder: Path) -> DocumentInfo:
    """Import the sample through the facade (tests that are not about the import page)."""
    return service.documents.import_file(write_sample(folder))


def make_unit(service: Service, dang_bo: str, chi_bo_members: dict[str, list[str]]) -> dict[str, str]:
    """A đảng bộ with chi bộ and members; returns member name → member id."""
    parent = service.members.create_unit(dang_bo, "dang_bo")
    ids: dict[str, str] = {}
    for chi_bo_name, names in chi_bo_members.items():
        chi_bo = service.members.create_unit(chi_bo_name, "chi_bo", parent.id)
        for name in names:
            ids[name] = service.members.add_member(MemberDraft(full_name=name, chi_bo_id=chi_bo.id)).id
    return ids


def study_everything(service: Service, member_id: str, document_id: str) -> None:
    for section in service.documents.sections(document_id):
        service.progress.mark_studied(member_id, section.id)
