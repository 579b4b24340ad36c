"""Report input data written for the tests (an invented resolution and invented members)."""

from __future__ import annotations

import datetime as dt

from reports.model import (
    AttemptRow,
    CommitmentRow,
    DocumentHeader,
    FormData,
    FormLayout,
    HardQuestion,
    IdentityField,
    PendingMember,
    ReflectionAnswer,
    SectionResult,
    UnitReportData,
    UnitRow,
)

HEADER = DocumentHeader(
    party_committee="Đảng bộ xã Hòa Bình Thượng",
    chi_bo="Chi bộ thôn Đồng Tâm",
    place="Hòa Bình",
    date=dt.date(2024, 3, 5),
)

RESOLUTION = "Nghị quyết về phát triển kinh tế nông nghiệp xanh giai đoạn 2025 - 2030"

COMMITMENTS = (
    CommitmentRow(
        "Tích cực nghiên cứu, tự giác học tập lý luận chính trị",
        "Đọc tài liệu mỗi tuần; trao đổi ở sinh hoạt chi bộ",
        "Quý II/2024",
        group="Tư tưởng chính trị",
    ),
    CommitmentRow(
        "Giữ gìn phẩm chất đạo đức, lối sống giản dị",
        "Gương mẫu trong gia đình và khu dân cư",
        "Thường xuyên",
        "Tự kiểm điểm",
        group="Phẩm chất đạo đức, lối sống",
    ),
    CommitmentRow(
        "Hoàn thành tốt nhiệm vụ chuyên môn được giao",
        "Lập kế hoạch tháng, báo cáo kết quả đúng hạn",
        "Tháng 12/2024",
        group="Thực hiện nhiệm vụ chuyên môn",
    ),
)


def sample_form(
    commitments: tuple[CommitmentRow, ...] = COMMITMENTS,
    name: str = "Nguyễn Thị Ánh Tuyết",
    layout: FormLayout = FormLayout.COMBINED,
    answer: str = "Điểm mới là chuyển đổi số trong sản xuất.\nTôi sẽ áp dụng quy trình tưới tiết kiệm nước.",
) -> FormData:
    return FormData(
        header=HEADER,
        resolution_title=RESOLUTION,
        member_name=name,
        identity=(
            IdentityField("Họ và tên", name),
            IdentityField("Ngày sinh", "14/07/1985"),
            IdentityField("Ngày vào Đảng", "03/02/2010"),
            IdentityField("Chức vụ", "Phó trưởng thôn"),
            IdentityField("Đơn vị công tác", "Hợp tác xã Đồng Tâm"),
            IdentityField("Chi bộ", "Chi bộ thôn Đồng Tâm"),
        ),
        sections=(
            SectionResult("Phần thứ nhất: Đánh giá kết quả nhiệm kỳ qua", True, 9, 10),
            SectionResult("Phần thứ hai: Mục tiêu, nhiệm vụ và giải pháp", True, 7, 10),
            SectionResult("Phần thứ ba: Tổ chức thực hiện", False),
        ),
        attempts=(
            AttemptRow(dt.date(2024, 2, 20), 6.5, 10, False),
            AttemptRow(dt.date(2024, 2, 27), 8.25, 10, True),
        ),
        reflections=(
            ReflectionAnswer("Những điểm mới của Nghị quyết là gì?", answer),
            ReflectionAnswer("Đồng chí vận dụng gì vào công việc của mình?", "Nâng cao năng suất, giảm chi phí."),
        ),
        commitments=commitments,
        layout=layout,
    )


def long_commitments(count: int = 45) -> tuple[CommitmentRow, ...]:
    """Enough rows to spread the commitment table over about three pages."""
    return tuple(
        CommitmentRow(
            f"Việc làm số {number}: tham gia trồng cây xanh và giữ vệ sinh đường làng ngõ xóm",
            f"Biện pháp {number}: phân công theo tổ, kiểm tra hằng tháng",
            f"Tháng {number % 12 + 1}/2025",
        )
        for number in range(1, count + 1)
    )


def sample_unit() -> UnitReportData:
    rows = (
        UnitRow("Chi bộ thôn Đồng Tâm", 30, 29, 28, 27, 25, 8.1),
        UnitRow("Chi bộ thôn Đông Hưng", 24, 20, 18, 15, 12, 7.25),
        UnitRow("Chi bộ Trường Tiểu học", 12, 12, 12, 12, 12, 9.0),
    )
    total = UnitRow("Toàn Đảng bộ", 66, 61, 58, 54, 49, 8.0)
    return UnitReportData(
        header=DocumentHeader("Đảng bộ xã Hòa Bình Thượng", "", "Hòa Bình", dt.date(2024, 3, 31)),
        resolution_title=RESOLUTION,
        rows=rows,
        total=total,
        deadline=dt.date(2024, 3, 30),
        pending=(
            PendingMember("Trần Văn Bình", "Chi bộ thôn Đông Hưng", ("chưa làm bài kiểm tra", "chưa đăng ký cam kết")),
            PendingMember("Lê Thị Hồng", "Chi bộ thôn Đồng Tâm", ("chưa đăng ký cam kết",)),
        ),
        hardest=(
            HardQuestion("Mục tiêu tỷ lệ che phủ rừng đến năm 2030 là bao nhiêu?", "Phần thứ hai", 58, 21),
            HardQuestion("Giải pháp đột phá thứ ba của Nghị quyết là gì?", "Phần thứ hai", 57, 30),
        ),
    )
