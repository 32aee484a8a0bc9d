"""Plans laid out as other federations and schools write them (not the seeds): a province's
plan with a tab-separated letterhead whose second line is the signing organ, and a school union's
plan exported without Word's automatic numbering. Written for these tests in the conventions of
Nghị định 30/2020; they guard the parser against fitting only the seeds' wording."""

import datetime
from pathlib import Path

from thidua.planimport import parse, read_text

D = datetime.date
DOCUMENTS = Path(__file__).resolve().parent / "documents"


def _read(name: str):
    path = DOCUMENTS / name
    return parse(read_text(path.name, path.read_bytes()))


def test_province_plan_letterhead_basis_and_window():
    extract = _read("province_worker_month.txt")
    assert (extract.issuer, extract.issuer_parent) == ("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NINH", None)
    assert (extract.number, extract.symbol, extract.place, extract.date) == (
        "195",
        "KH-LĐLĐ",
        "Quảng Ninh",
        D(2024, 3, 5),
    )
    assert (
        extract.title
        == "Tổ chức Tháng Công nhân năm 2024 và Chương trình “Tháng hành động về an toàn, vệ sinh lao động”"
    )
    assert [(r.relation, r.number, r.date, r.issuer) for r in extract.implements] == [
        ("Căn cứ", "68/KH-TLĐ", D(2024, 1, 15), "Tổng Liên đoàn Lao động Việt Nam"),
        ("Căn cứ", "31/2020/QĐ-UBND", D(2020, 12, 3), "UBND tỉnh Quảng Ninh"),
    ]
    assert (extract.period_start, extract.period_end) == (D(2024, 5, 1), D(2024, 5, 31))


def test_province_plan_duties_reward_and_closing():
    extract = _read("province_worker_month.txt")
    assert [(d.date, d.what) for d in extract.deadlines] == [
        (D(2024, 6, 10), "Các công đoàn cơ sở báo cáo kết quả về LĐLĐ tỉnh (qua Ban Tuyên giáo)"),
        (D(2024, 6, 15), "Hồ sơ gửi về LĐLĐ tỉnh"),
    ]
    assert [(p.period, p.rule) for p in extract.periodic] == [("tháng", "trước ngày 20 hằng tháng")]
    assert extract.award_forms == ["Bằng khen của Ban Chấp hành LĐLĐ tỉnh", "Giấy khen của LĐLĐ huyện"]
    assert extract.collective_criteria == [
        "Tổ chức tốt các hoạt động Tháng Công nhân",
        "Không có vi phạm về an toàn lao động",
    ]
    assert extract.individual_criteria == ["Hoàn thành xuất sắc nhiệm vụ", "Có sáng kiến được công nhận"]
    assert extract.dossier == ["Tờ trình đề nghị khen thưởng", "Báo cáo tóm tắt thành tích"]
    assert extract.nomination_due == D(2024, 6, 15)
    assert extract.recipients == ["Tổng LĐLĐ Việt Nam (b/c)", "Các LĐLĐ huyện", "Lưu: VT, TG"]
    assert (extract.signer_title, extract.signer_name) == ("TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng")
    assert extract.emails == ["tuyengiao@ldldquangninh.vn"]
    assert extract.contacts == ["0912 345 678"]
    assert "2 Các hoạt động phải thiết thực, hiệu quả, tránh hình thức" not in [
        f"{s.level} {s.heading}" for s in extract.sections
    ]


def test_school_plan_without_numbering():
    extract = _read("school_lost_numbering.txt")
    assert (extract.issuer_parent, extract.issuer) == ("PHÒNG GD&ĐT HUYỆN ĐÔNG ANH", "CÔNG ĐOÀN TRƯỜNG THCS UY NỖ")
    assert (extract.number, extract.symbol, extract.place, extract.date) == ("05", "KH-CĐ", "Đông Anh", D(2024, 9, 12))
    assert extract.title == "Tổ chức phong trào thi đua “Dạy tốt – Học tốt” năm học 2024 - 2025"
    assert [s.heading for s in extract.sections] == [
        "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THI ĐUA", "THỜI GIAN", "KHEN THƯỞNG", "TỔ CHỨC THỰC HIỆN",
    ]  # fmt: skip
    assert (extract.period_start, extract.period_end) == (D(2024, 9, 1), D(2025, 5, 31))
    assert [(d.date, d.what) for d in extract.deadlines] == [
        (D(2025, 5, 20), "Các tổ công đoàn gửi danh sách đề nghị khen thưởng về Ban Chấp hành")
    ]
    assert extract.collective_criteria == ["Tổ chuyên môn có 100% thành viên hoàn thành nhiệm vụ"]
    assert extract.individual_criteria == ["Đạt danh hiệu “Lao động tiên tiến” trở lên"]
    assert extract.award_forms == ["Giấy khen của Ban Chấp hành Công đoàn trường"]
    assert (extract.signer_title, extract.signer_name) == ("TM. BAN CHẤP HÀNH / CHỦ TỊCH", "Trần Thị Mai")
    assert [(r.relation, r.number) for r in extract.implements] == [("Căn cứ", "38/HD-CĐN")]


def test_type_and_title_on_one_line_and_parts_named_phan():
    extract = parse(
        "LĐLĐ HUYỆN GIA LÂM\nSố: 12/KH-LĐLĐ\nGia Lâm, ngày 3 tháng 4 năm 2024\n"
        "KẾ HOẠCH TỔ CHỨC THÁNG CÔNG NHÂN NĂM 2024\n"
        "Thực hiện Kế hoạch số 5/KH-LĐLĐ ngày 1/3/2024 của LĐLĐ thành phố Hà Nội về Tháng Công nhân;\n"
        "PHẦN I. MỤC ĐÍCH, YÊU CẦU\nCác công đoàn cơ sở tổ chức tốt các hoạt động.\n"
        "Phần II: Tổ chức thực hiện\nCác công đoàn báo cáo về LĐLĐ huyện trước ngày 30/5/2024."
    )
    assert (extract.doc_type, extract.title) == ("KẾ HOẠCH", "TỔ CHỨC THÁNG CÔNG NHÂN NĂM 2024")
    assert [(s.heading, s.level) for s in extract.sections] == [("MỤC ĐÍCH, YÊU CẦU", 1), ("Tổ chức thực hiện", 1)]
    assert [r.number for r in extract.implements] == ["5/KH-LĐLĐ"]
    assert [d.date for d in extract.deadlines] == [D(2024, 5, 30)]


def test_two_deadlines_in_one_sentence_are_two_duties():
    extract = parse(
        "KẾ HOẠCH\nThi đua năm 2024 của công đoàn\nCác công đoàn cơ sở đăng ký thi đua trước ngày 15/3/2024; "
        "tổ chức tổng kết, gửi báo cáo về LĐLĐ quận trước ngày 30/11/2024."
    )
    assert [(d.date, d.what) for d in extract.deadlines] == [
        (D(2024, 3, 15), "Các công đoàn cơ sở đăng ký thi đua"),
        (D(2024, 11, 30), "Tổ chức tổng kết, gửi báo cáo về LĐLĐ quận"),
    ]
