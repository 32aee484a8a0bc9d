"""What documents.signing looks for in the signed text (issue 21): the number, the date as
Nghị định 30 prints it, and the title — broken over lines as the PDF lays it out, or the summary
a paper prints where its register title is a label of its own (a recognition decision)."""

import datetime

from thidua.documents.signing import missing_identity

DAY = datetime.date(2026, 8, 6)
PRINTED = """LĐLĐ QUẬN LONG BIÊN
Số: 01/QĐ-CĐCS
Bồ Đề, ngày 06 tháng 8 năm 2026
QUYẾT ĐỊNH
Về việc công nhận sáng kiến
"""


def test_number_date_and_the_printed_summary_of_a_recognition_decision_are_found():
    title = "Quyết định công nhận sáng kiến (1 sáng kiến)"
    assert missing_identity(PRINTED, symbol="01/QĐ-CĐCS", issued_on=DAY, title=title) == []


def test_a_title_broken_over_lines_is_found_and_another_number_or_day_is_not():
    text = "Số: 05/KH-LĐLĐ\nLong Biên, ngày 21 tháng 8 năm 2026\nKẾ HOẠCH\nPhát động đợt thi đua\ncao điểm “chào mừng”"
    title = "Phát động đợt thi đua cao điểm chào mừng"
    day = datetime.date(2026, 8, 21)
    assert missing_identity(text, symbol="05/KH-LĐLĐ", issued_on=day, title=title) == []
    assert missing_identity(text, symbol="15/KH-LĐLĐ", issued_on=day, title=title) == ["số 15/KH-LĐLĐ"]
    assert missing_identity(text, symbol="05/KH-LĐLĐ", issued_on=DAY, title=title) == ["ngày 06/08/2026"]
    assert missing_identity(text, symbol="05/KH-LĐLĐ", issued_on=day, title="Tổng kết năm") == ["trích yếu"]
