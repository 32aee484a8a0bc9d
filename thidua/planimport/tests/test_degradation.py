"""The same plans as offices paste them (issue 17, Build 1 and 2): every clean document the tests
hold, flattened onto one line, its letterhead on one line, its two columns interleaved, its
columns split by "|", damaged by a PDF's font, its short words lost (tests/degrade.py).

The header fields the import preview shows (type, number, symbol, issuer and its parent, place,
date, summary, signer) must come out as from the clean copy or stay empty, never wrong: a wrong
value is worse than an empty one the reviewer is warned about. No document is excepted; how many
fields are found per degradation is in BENCHMARKS.md (bench/bench_planimport_degraded.py).
"""

import datetime

import pytest

from thidua.planimport import parse, read_text
from thidua.planimport.tests.degrade import DEGRADATIONS, HEADER_FIELDS, documents, header_of, same

D = datetime.date
DOCUMENTS = {path.stem: path for path in documents()}


@pytest.fixture(scope="module")
def clean_headers():
    return {stem: header_of(parse(read_text(path.name, path.read_bytes()))) for stem, path in DOCUMENTS.items()}


def test_the_harness_holds_every_clean_test_document():
    assert len(DOCUMENTS) >= 29  # the five seeds, the documents in other styles, the real copies


@pytest.mark.parametrize("degradation", list(DEGRADATIONS))
def test_degraded_copies_give_the_clean_header_or_nothing(degradation, clean_headers):
    wrong = set()
    for stem, path in DOCUMENTS.items():
        text = read_text(path.name, path.read_bytes())
        found = header_of(parse(DEGRADATIONS[degradation](text)))
        for field in HEADER_FIELDS:
            got = found[field]
            if got is not None and not same(field, clean_headers[stem][field], got, degradation):
                wrong.add((stem, degradation, field))
    assert wrong == set(), "wrong values"


# ---------------------------------------------------------------------------- the copies of issue 17


def test_letterhead_of_a_cong_van_flattened_onto_one_line():
    """The issue's own example: both columns interleaved on one line, "V/v …" at its end."""
    extract = parse(
        "UBND TỈNH NGHỆ AN SỞ NỘI VỤ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 123/SNV-TĐKT Nghệ An, ngày 05 tháng 3 "
        "năm 2025 Độc lập - Tự do - Hạnh phúc V/v hướng dẫn đăng ký thi đua năm 2025\n"
        "Kính gửi: Các cơ quan, đơn vị thuộc Sở.\n"
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh Nghệ An về phong trào thi đua năm 2025, "
        "Sở Nội vụ hướng dẫn như sau:\n"
        "1. Các đơn vị gửi bản đăng ký thi đua về Sở (qua Ban Thi đua – Khen thưởng) trước ngày 30/3/2025.\n"
        "Nơi nhận: - Như trên; - Lưu: VT, TĐKT. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Minh"
    )
    assert (extract.doc_type, extract.number, extract.symbol) == ("CÔNG VĂN", "123", "SNV-TĐKT")
    assert (extract.issuer_parent, extract.issuer) == ("UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ")
    assert (extract.place, extract.date) == ("Nghệ An", D(2025, 3, 5))
    assert extract.title == "hướng dẫn đăng ký thi đua năm 2025"  # "V/v …", then "Kính gửi:"
    # Nơi nhận and the signature on one line
    assert extract.recipients == ["Như trên", "Lưu: VT, TĐKT"]
    assert (extract.signer_title, extract.signer_name) == ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Trần Văn Minh")


def test_a_plan_copied_onto_one_line_keeps_its_header_and_signature():
    extract = parse(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU LĐLĐ THÀNH PHỐ LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
        "do - Hạnh phúc Số: 15/KH-LĐLĐ Lai Châu, ngày 02 tháng 3 năm 2024 KẾ HOẠCH Tổ chức Tháng Công nhân năm 2024 "
        "Thực hiện Kế hoạch số 20/KH-LĐLĐ ngày 20/02/2024 của LĐLĐ tỉnh Lai Châu về Tháng Công nhân; I. MỤC ĐÍCH, "
        "YÊU CẦU Các công đoàn cơ sở tổ chức tốt các hoạt động. II. TỔ CHỨC THỰC HIỆN Các công đoàn cơ sở báo cáo "
        "về LĐLĐ thành phố trước ngày 30/5/2024. Nơi nhận: - LĐLĐ tỉnh (b/c); - Lưu VT. TM. BAN THƯỜNG VỤ CHỦ TỊCH "
        "Lò Văn Pằng"
    )
    assert (extract.doc_type, extract.number, extract.symbol) == ("KẾ HOẠCH", "15", "KH-LĐLĐ")
    assert (extract.issuer_parent, extract.issuer) == ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "LĐLĐ THÀNH PHỐ LAI CHÂU")
    assert (extract.place, extract.date) == ("Lai Châu", D(2024, 3, 2))
    assert extract.title == "Tổ chức Tháng Công nhân năm 2024"
    assert [r.number for r in extract.implements] == ["20/KH-LĐLĐ"]
    assert [s.numbering for s in extract.sections] == ["I.", "II."]
    assert [d.date for d in extract.deadlines] == [D(2024, 5, 30)]
    assert extract.recipients == ["LĐLĐ tỉnh (b/c)", "Lưu VT"]
    assert (extract.signer_title, extract.signer_name) == ("TM. BAN THƯỜNG VỤ / CHỦ TỊCH", "Lò Văn Pằng")


def test_a_date_with_a_missing_part_is_unknown_not_a_referenced_documents_date():
    extract = parse(
        "LĐLĐ TỈNH LAI CHÂU\nSố: 12/KH-LĐLĐ\nLai Châu, ngày 05 tháng năm 2024 KẾ HOẠCH Thi đua năm 2024\n"
        "Thực hiện Kế hoạch số 5/KH-TLĐ ngày 01/02/2024 của Tổng LĐLĐ Việt Nam;\nI. MỤC ĐÍCH\nCác công đoàn thi đua."
    )
    assert extract.date is None
    assert extract.implements[0].date == D(2024, 2, 1)
    assert any(w.startswith("Ngày ban hành thiếu ngày, tháng hoặc năm") for w in extract.warnings)
    assert (extract.number, extract.title) == ("12", "Thi đua năm 2024")


def test_letterhead_rows_split_by_bars():
    extract = parse(
        "UBND TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN THI ĐUA – KHEN THƯỞNG | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 45/KH-BTĐKT | Bắc Ninh, ngày 10 tháng 1 năm 2025\n"
        "KẾ HOẠCH\nTổ chức phong trào thi đua năm 2025\nI. MỤC ĐÍCH\nCác cơ quan thi đua."
    )
    assert (extract.issuer_parent, extract.issuer) == ("UBND TỈNH BẮC NINH", "BAN THI ĐUA – KHEN THƯỞNG")
    assert (extract.number, extract.symbol, extract.place) == ("45", "KH-BTĐKT", "Bắc Ninh")


def test_pdf_font_damage_is_repaired():
    extract = parse(
        "LIÊN ĐỒN LAO ĐỘNG TỈNH QUẢNG NINH\nCƠNG ĐỒN NGÀNH Y TẾ\nSố: 08/KH-CĐN\nHạ Long, ngày 3 tháng 4 năm 2025\n"
        "KẾ HOẠCH\nTổ chức thi đua trong cơng nhân, viên chức năm 2025\n"
        "I. MỤC ĐÍCH, U CẦU\nCác cơng đồn cơ sở khơng để sót đồn viên."
    )
    assert (extract.issuer_parent, extract.issuer) == ("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NINH", "CÔNG ĐOÀN NGÀNH Y TẾ")
    assert extract.title == "Tổ chức thi đua trong công nhân, viên chức năm 2025"
    assert extract.sections[0].heading == "MỤC ĐÍCH, YÊU CẦU"
    assert extract.sections[0].body == "Các công đoàn cơ sở không để sót đoàn viên."


def test_short_words_lost_leave_the_number_and_the_motto_out_of_the_issuer():
    extract = parse(
        "LĐLĐ TỈNH BẮC GIANG\nLĐLĐ HUYỆN LẠNG GIANG\n: 21/KH-LĐLĐ\nCỘNG HÒA HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – do – Hạnh phúc\nLạng Giang, ngày 3 tháng 4 năm 2025\nHOẠCH\nThi đua năm 2025\n"
        "I. MỤC ĐÍCH\nCác công đoàn thi đua."
    )
    assert (extract.doc_type, extract.number, extract.symbol) == ("KẾ HOẠCH", "21", "KH-LĐLĐ")
    assert (extract.issuer_parent, extract.issuer) == ("LĐLĐ TỈNH BẮC GIANG", "LĐLĐ HUYỆN LẠNG GIANG")
    assert extract.title == "Thi đua năm 2025"


def test_an_issuer_the_body_does_not_name_is_left_empty_not_completed_with_the_place():
    """A copy without its letterhead: "Ban Thường vụ Công đoàn …" names no body ("Công đoàn Gia
    Lâm" would be a guess); "Ban Thường vụ LĐLĐ huyện" is completed with the date line's place."""
    body = "KẾ HOẠCH\nThi đua năm 2024\n{} xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\nCác công đoàn thi đua."
    vague = parse("Gia Lâm, ngày 3 tháng 4 năm 2024\n" + body.format("Ban Thường vụ Công đoàn"))
    assert vague.issuer is None
    assert "Không tìm thấy cơ quan ban hành." in vague.warnings
    named = parse("Gia Lâm, ngày 3 tháng 4 năm 2024\n" + body.format("Ban Thường vụ LĐLĐ huyện"))
    assert named.issuer == "LĐLĐ huyện Gia Lâm"


BODY = "KẾ HOẠCH\nThi đua năm 2025\nI. MỤC ĐÍCH\nCác công đoàn thi đua.\n"


def test_a_signature_whose_prefix_was_lost_keeps_both_positions():
    """ "KT." lost in the copy, its full stop left: the deputy signs, so both positions are read
    (the chair's alone would name the wrong signer); "(ký đóng dấu)" run onto the line is left out."""
    head = "LĐLĐ TỈNH HẢI DƯƠNG\nLĐLĐ HUYỆN CẨM GIÀNG\nSố: 21/KH-LĐLĐ\nCẩm Giàng, ngày 3 tháng 4 năm 2025\n"
    extract = parse(head + BODY + "Nơi nhận:\n- Các CĐCS;\n- Lưu: VT.\n. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Thị Hương")
    assert (extract.signer_title, extract.signer_name) == ("CHỦ TỊCH / PHÓ CHỦ TỊCH", "Đào Thị Hương")
    extract = parse(head + BODY + "Nơi nhận:\n- Lưu: VT.\n. BAN THƯỜNG VỤ\nCHỦ TỊCH (ký đóng dấu)\nPhạm Văn Đức")
    assert (extract.signer_title, extract.signer_name) == ("BAN THƯỜNG VỤ / CHỦ TỊCH", "Phạm Văn Đức")


def test_the_stamp_under_a_one_line_signature_is_neither_the_issuer_nor_the_position():
    extract = parse(
        "Long Biên, ngày 01 tháng 4 năm 2019 KẾ HOẠCH Thi đua năm 2019 Ban Thường vụ LĐLĐ quận Long Biên xây "
        "dựng kế hoạch như sau: I. MỤC ĐÍCH Các công đoàn thi đua. Nơi nhận: - Công đoàn cơ sở; - Lưu VP. "
        "TM. BAN THƯỜNG VỤ CHỦ TỊCH BCH LIÊN ĐOÀN Lao Động QUẬN LONG BIÊN Phạm Thị Thu Hằng"
    )
    assert extract.issuer == "LĐLĐ quận Long Biên"
    assert (extract.signer_title, extract.signer_name) == ("TM. BAN THƯỜNG VỤ / CHỦ TỊCH", "Phạm Thị Thu Hằng")


def test_a_letterhead_name_missing_a_word_is_left_empty_with_a_warning():
    """ "PHÒNG &ĐT HUYỆN ĐÔNG ANH": "GD" of "GD&ĐT" lost; the name would be wrong, so it is empty."""
    extract = parse(
        "PHÒNG &ĐT HUYỆN ĐÔNG ANH\nCÔNG ĐOÀN TRƯỜNG THCS ĐÔNG ANH\nSố: 05/KH-CĐ\nĐông Anh, ngày 3 tháng 9 năm 2025\n"
        + BODY
    )
    assert (extract.issuer_parent, extract.issuer) == (None, "CÔNG ĐOÀN TRƯỜNG THCS ĐÔNG ANH")
    assert "Tên cơ quan trong tiêu đề bị mất chữ (“PHÒNG &ĐT HUYỆN ĐÔNG ANH”): cần nhập lại." in extract.warnings


def test_an_html_break_that_lost_its_letters_still_breaks_the_line():
    extract = parse(
        "| LĐLĐ TỈNH ĐỒNG NAI<>**CÔNG ĐOÀN KCN BIÊN HÒA** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n"
        "Số: 07/TB-CĐ\nBiên Hòa, ngày 2 tháng 5 năm 2025\nTHÔNG BÁO\nKết quả thi đua\nI. KẾT QUẢ\nCác CĐCS đạt giải.\n"
    )
    assert (extract.issuer_parent, extract.issuer) == ("LĐLĐ TỈNH ĐỒNG NAI", "CÔNG ĐOÀN KCN BIÊN HÒA")
