"""The minutes as a paper to sign (issue 15 items 2 and 7): numbered from the register of the
unit holding the council when the session closes (Số 01/BB-CĐCS), headed by that unit over
the council's name, signed side by side by the secretary and who presided, with Nơi nhận
under them, printed with the letterhead kept at closing; closing is refused, with the field
named and nothing counted or numbered, when the unit's letterhead lacks its place."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from thidua.councils import minutes, services
from thidua.councils.models import Outcome, SessionStatus
from thidua.councils.tests.conftest import scores
from thidua.documents.models import RegisterEntry
from thidua.documents.rendering import render_docx, render_pdf
from thidua.documents.tests.letterheads import blank
from thidua.documents.tests.signatures import pdf_lines

DAY = datetime.date(2024, 5, 10)
pytestmark = pytest.mark.django_db


def _voted(council, chair, members):
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")
    item = services.add_to_agenda(chair, session, members["an"])
    for _seat, user in council.people.values():
        services.cast_ballot(user, item, agree=True, scores=scores(council))
    return session, item


def test_closed_minutes_are_numbered_headed_by_the_cdcs_and_signed_by_secretary_and_chair(
    council, chair, members, decided, login, federation
):
    session, _item = _voted(council, chair, members)
    response = login(chair).post(reverse("councils:close", args=[session.pk]))
    assert response.status_code == 302
    entry = RegisterEntry.objects.get(unit=federation.school, doc_type="BB")
    assert entry.symbol == "01/BB-CĐCS" and entry.target == session
    session.refresh_from_db()
    # The letterhead kept at closing is what prints, whatever the unit's letterhead says later.
    blank(federation.school, body_line="CĐCS TRƯỜNG THCS GIA THỤY (ĐÃ ĐỔI TÊN)")
    lines = pdf_lines(render_pdf(minutes.build(session)))
    head = "\n".join(lines[:4])
    # The unit's name (wrapped in its 40 % column, never before its last word) over the council's.
    assert "CĐCS TRƯỜNG THCS" in lines[0] and lines[1].split()[:2] == ["GIA", "THỤY"] and "ĐÃ ĐỔI TÊN" not in head
    assert "HỘI ĐỒNG SÁNG KIẾN" in head and "LONG BIÊN" not in head.replace("Long Biên, ngày", "")
    assert "Số: 01/BB-CĐCS" in head
    titles = next(i for i, line in enumerate(lines) if "THƯ KÝ" in line)
    assert "CHỦ TỊCH HỘI ĐỒNG" in lines[titles]
    names = next(i for i, line in enumerate(lines) if "Ngô Thị Thư" in line and i > titles)
    assert "Hoàng Văn Chủ" in lines[names]
    below = " ".join(" ".join(line.split()) for line in lines[names + 1 :])
    assert below.startswith(
        "Nơi nhận: - Các thành viên Hội đồng; - Ban Chấp hành CĐCS Trường THCS Gia Thụy (để báo cáo); - Lưu: VT, Hội đồng."
    )
    # Word signs the same way, the recipients under the two signatures.
    word = Document(io.BytesIO(render_docx(minutes.build(session))))
    left, right = (" ".join(c.text.split()) for c in word.tables[-1].rows[0].cells)
    assert (left, right) == ("THƯ KÝ Ngô Thị Thư", "CHỦ TỊCH HỘI ĐỒNG Hoàng Văn Chủ")
    assert "Nơi nhận:" in " ".join(p.text for p in word.paragraphs)


def test_an_open_session_s_minutes_are_an_unsigned_draft_with_the_number_blank(council, chair, members, decided, login):
    """QA (issue 15): an open session's minutes read as finished — adopted, signed — with no
    number and "Chưa biểu quyết". Until closing they are a DỰ THẢO that claims neither."""
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")
    services.add_to_agenda(chair, session, members["an"])
    page = login(chair).get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Xem dự thảo biên bản (PDF)" in page and "Biên bản (PDF)" not in page.replace("dự thảo biên bản (PDF)", "")
    response = login(chair).get(reverse("councils:minutes", args=[session.pk, "pdf"]))
    assert 'filename="du-thao-bien-ban-hop-hoi-dong-2024-05-10.pdf"' in response["Content-Disposition"]
    lines = pdf_lines(response.content)
    text = " ".join(" ".join(line.split()) for line in lines)
    head = "\n".join(lines[:6])
    assert "Số:" in head and "/BB-CĐCS" in head and "01/BB" not in head
    assert "DỰ THẢO BIÊN BẢN" in text and "Chưa biểu quyết." in text
    assert "thông qua tại phiên họp" not in text and "lập xong" not in text
    assert "chưa được thông qua" in text
    # No one has signed a draft and it goes to no one.
    assert "THƯ KÝ" not in text and "CHỦ TỊCH HỘI ĐỒNG" not in text and "Nơi nhận" not in text
    word = " ".join(p.text for p in Document(io.BytesIO(render_docx(minutes.build(session)))).paragraphs)
    assert "DỰ THẢO BIÊN BẢN" in word and "THƯ KÝ" not in word and "thông qua tại phiên họp" not in word


def test_closing_without_a_place_in_the_letterhead_is_refused_naming_it(
    council, chair, members, decided, login, federation
):
    session, item = _voted(council, chair, members)
    blank(federation.school, place="")
    page = login(chair).post(reverse("councils:close", args=[session.pk]), follow=True).content.decode()
    assert "Chưa có địa danh ở dòng ngày tháng (Thông tin cơ quan ban hành của CĐCS Trường THCS Gia Thụy)." in page
    session.refresh_from_db()
    item.refresh_from_db()
    assert session.status == SessionStatus.OPEN and item.outcome == Outcome.PENDING and decided == []
    assert not RegisterEntry.objects.filter(doc_type="BB").exists()


def test_the_council_line_does_not_name_its_unit_twice():
    """Under the unit's own line the council prints without the unit's name again (QA walk)."""
    from types import SimpleNamespace

    from thidua.councils.minutes import _council_line

    unit = SimpleNamespace(name="LĐLĐ quận Long Biên")
    district = SimpleNamespace(name="Hội đồng Thi đua – Khen thưởng LĐLĐ quận Long Biên", unit=unit)
    assert _council_line(district) == "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"
    plain = SimpleNamespace(name="Hội đồng sáng kiến", unit=unit)
    assert _council_line(plain) == "HỘI ĐỒNG SÁNG KIẾN"
