"""The award documents read back: the decision (PDF text, DOCX text), the certificates (name with
its diacritics, decision number, date line; one page per awardee) and the CĐCS's tờ trình."""

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document

from thidua.awards import documents
from thidua.awards.models import Nomination, NominationStatus
from thidua.councils.models import AgendaItem, Council, CouncilKind, Session

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


def pdf_text(pdf: bytes, *, layout: bool = True) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is missing: apt-get install -y poppler-utils")
    options = ["-layout"] if layout else []
    return subprocess.run([pdftotext, *options, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def flat(text: str) -> str:
    """Text with its line breaks (wrapped cells, wrapped lines) as single spaces."""
    return " ".join(text.split())


def pdf_pages(pdf: bytes) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo is missing: apt-get install -y poppler-utils")
    out = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_certificate_holds_the_name_with_its_diacritics_the_number_and_the_date(decision):
    award = decision.awards.get(name="Nguyễn Thị Hằng")
    text = pdf_text(documents.certificate_pdf(award))
    assert "Nguyễn Thị Hằng" in text
    assert decision.register_entry.symbol in text  # "01/QĐ-LĐLĐ"
    assert "Long Biên, ngày 15 tháng 12 năm 2026" in text
    assert "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN" in text
    assert "TẶNG" in text and "GIẤY KHEN" in text
    assert "Giáo viên Toán" in text
    assert pdf_pages(documents.certificate_pdf(award)) == 1


def test_certificates_of_a_decision_are_one_page_per_awardee_in_the_list_order(decision):
    pdf = documents.certificates_pdf(decision)
    assert pdf_pages(pdf) == 4
    text = pdf_text(pdf)
    pages = text.split("\f")
    # Catalogue order: Lao động tiên tiến (order 10) before the Giấy khen (80); in a kind,
    # collectives first.
    assert "Lê Đức Cường" in pages[0] and "CÔNG NHẬN DANH HIỆU" in pages[0] and "LAO ĐỘNG TIÊN TIẾN" in pages[0]
    assert "CĐCS Công ty May Đức Giang" in pages[1]
    assert "Nguyễn Thị Hằng" in pages[2]
    assert "Nguyễn Văn An" in pages[3]
    for page in pages[:4]:
        assert "Quyết định số 01/QĐ-LĐLĐ, ngày 15 tháng 12 năm 2026" in flat(page)


def test_decision_pdf_has_the_legal_layout_and_the_attached_list(decision, campaign):
    text = pdf_text(documents.decision_pdf(decision))
    assert "Số: 01/QĐ-LĐLĐ" in text
    assert "Long Biên, ngày 15 tháng 12 năm 2026" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Về việc khen thưởng" in text
    assert f"Căn cứ Kế hoạch số {campaign.register_entry.symbol} ngày 21/08/2026" in text
    assert "Điều 1." in text and "1 tập thể và 3 cá nhân" in text
    assert "Điều 2." in text and "Điều 3." in text
    assert "TM. BAN THƯỜNG VỤ" in text and "CHỦ TỊCH" in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG" in text
    assert "(Kèm theo Quyết định số 01/QĐ-LĐLĐ ngày 15/12/2026 của LĐLĐ quận Long Biên)" in flat(text)
    # The law, decree and union rules in force on 15/12/2026 (documents.legal).
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;" in flat(text)
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/06/2025 của Chính phủ" in flat(text)
    assert (
        "Căn cứ Quyết định số 999/QĐ-TLĐ ngày 29/05/2024 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam "
        "ban hành Quy chế khen thưởng của tổ chức Công đoàn;"
    ) in flat(text)
    assert "Nguyễn Thị Hằng" in text and "Lê Đức Cường" in text
    assert "Lao động tiên tiến — Cá nhân (1)" in text
    # The list starts on a page of its own, after the signature.
    pages = text.split("\f")
    assert "DANH SÁCH" not in pages[0] and "DANH SÁCH" in pages[1]


def test_decision_cites_the_council_minutes_when_the_council_met(decision, federation, kinds, campaign, members):
    from django.contrib.contenttypes.models import ContentType

    from thidua.awards.models import Award

    nomination = Nomination.objects.create(
        campaign=campaign,
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        unit=federation.school,
        level=federation.long_bien,
        subject_member=members["an"],
        achievement="Hoàn thành xuất sắc nhiệm vụ năm học",
        status=NominationStatus.AWARDED,
    )
    Award.objects.filter(decision=decision, member=members["an"]).update(nomination=nomination)
    council = Council.objects.create(
        unit=federation.long_bien, kind=CouncilKind.AWARD, name="Hội đồng Thi đua – Khen thưởng LĐLĐ quận Long Biên"
    )
    import datetime

    from thidua.councils.models import SessionStatus
    from thidua.documents.models import RegisterEntry

    held_on = datetime.date(2026, 12, 10)
    session = Session.objects.create(council=council, held_on=held_on, status=SessionStatus.CLOSED)
    AgendaItem.objects.create(
        session=session,
        subject_type=ContentType.objects.get_for_model(Nomination),
        subject_id=nomination.pk,
        title="Nguyễn Văn An",
    )
    # Numbered from the district's register when the session closed (councils.minutes.number).
    RegisterEntry.objects.create(
        unit=federation.long_bien, year=2026, doc_type="BB", number=1, symbol="01/BB-LĐLĐ",
        issued_on=held_on, title="Họp Hội đồng", target=session,
    )  # fmt: skip
    text = " ".join(pdf_text(documents.decision_pdf(decision)).split())
    # QA (issue 15): the minutes were cited by day but not by their number.
    assert (
        "Căn cứ Biên bản số 01/BB-LĐLĐ ngày 10/12/2026 của Hội đồng Thi đua – Khen thưởng LĐLĐ quận Long Biên;" in text
    )


def test_decision_docx_has_the_decision_and_the_list_as_one_table(decision):
    data = documents.decision_docx(decision)
    text = docx_text(data)
    assert "Số: 01/QĐ-LĐLĐ" in text
    assert "Long Biên, ngày 15 tháng 12 năm 2026" in text
    assert "Điều 1." in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG" in text
    document = Document(io.BytesIO(data))
    listing = document.tables[-1]
    names = [row.cells[1].text for row in listing.rows]
    assert names[0] == "Họ và tên / Tên tập thể"
    awardees = ["Lê Đức Cường", "CĐCS Công ty May Đức Giang", "Nguyễn Thị Hằng", "Nguyễn Văn An"]
    assert [n for n in names if n in awardees] == awardees
    # The archive stays a valid Word document: one body, its section properties last.
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.rstrip().endswith("</w:body></w:document>")
    assert xml.rfind("<w:sectPr") > xml.rfind("</w:tbl>")


def test_user_text_is_never_markup(federation, campaign, kinds, new_decision):
    from thidua.org.tests.factories import MemberFactory

    odd = MemberFactory(full_name="Đỗ #Thị <b>Ánh</b> $x$ & @ref", unit=federation.school)
    odd_decision = new_decision(federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], odd, "*đậm* _nghiêng_")])
    listed = flat(pdf_text(documents.decision_pdf(odd_decision), layout=False))
    # A table cell wraps: its lines come out between the next cells' first lines.
    assert "Đỗ #Thị <b>Ánh</b>" in listed and "$x$ & @ref" in listed and "*đậm* _nghiêng_" in listed
    assert "Đỗ #Thị <b>Ánh</b> $x$ & @ref" in flat(pdf_text(documents.certificates_pdf(odd_decision), layout=False))
    assert "Đỗ #Thị <b>Ánh</b> $x$ & @ref" in docx_text(documents.decision_docx(odd_decision))


def test_proposal_lists_collectives_then_individuals_unnumbered(federation, campaign, kinds, members, hang):
    gk = kinds["giay-khen-cap-tren-co-so"]
    common = {"campaign": campaign, "unit": federation.school, "level": federation.long_bien}
    Nomination.objects.create(award_kind=gk, subject_member=hang, achievement="Có sáng kiến số hóa sổ điểm", **common)
    Nomination.objects.create(
        award_kind=gk, subject_unit=federation.group, achievement="Tổ dẫn đầu phong trào dạy tốt", **common
    )
    nominations = Nomination.objects.filter(campaign=campaign, unit=federation.school)
    text = pdf_text(documents.proposal_pdf(campaign, federation.school, nominations))
    flat = " ".join(text.split())
    assert "TỜ TRÌNH" in text and "Về việc đề nghị khen thưởng" in text
    assert "/TTr-CĐCS" in text
    assert "Kính gửi: Ban Thường vụ LĐLĐ quận Long Biên" in flat
    assert flat.index("I. Tập thể (1)") < flat.index("Tổ Toán – Tin") < flat.index("II. Cá nhân (1)")
    assert flat.index("II. Cá nhân (1)") < flat.index("Nguyễn Thị Hằng")
    assert "TM. BAN CHẤP HÀNH" in text
    docx = docx_text(documents.proposal_docx(campaign, federation.school, nominations))
    assert "Nguyễn Thị Hằng" in docx and "Tổ Toán – Tin" in docx and "TỜ TRÌNH" in docx


def test_short_text_cuts_at_a_word():
    assert documents.short_text("Hoàn thành xuất sắc", 100) == "Hoàn thành xuất sắc"
    assert documents.short_text("Hoàn thành xuất sắc nhiệm vụ", 14) == "Hoàn thành…"


def test_certificate_heading_by_category(kinds):
    assert documents.certificate_heading(kinds["giay-khen-cap-tren-co-so"]) == ("TẶNG", "GIẤY KHEN")
    assert documents.certificate_heading(kinds["bang-khen-ldld-tinh"]) == ("TẶNG", "BẰNG KHEN")
    assert documents.certificate_heading(kinds["lao-dong-tien-tien"]) == ("CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN")


def test_large_documents_are_compiled_in_a_child_process_with_the_same_result(decision, monkeypatch):
    """Above ISOLATE_ABOVE rows the PDF comes from isolated_typst.py (Typst's cache then leaves
    with the child): the same pages and text."""
    in_process = documents.certificates_pdf(decision), documents.decision_pdf(decision)
    monkeypatch.setattr(documents, "ISOLATE_ABOVE", 0)
    calls = []
    real_run = documents.subprocess.run
    monkeypatch.setattr(documents.subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    isolated = documents.certificates_pdf(decision), documents.decision_pdf(decision)
    assert len(calls) == 2
    for before, after in zip(in_process, isolated, strict=True):
        assert pdf_pages(after) == pdf_pages(before)
        assert pdf_text(after) == pdf_text(before)


def test_a_certificate_stays_one_page_with_long_texts(federation, campaign, kinds, new_decision):
    from thidua.org.tests.factories import make_unit

    long_name = (
        "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Một thành viên Điện lực Long Biên – "
        "Chi nhánh Tổng công ty Điện lực thành phố Hà Nội"
    )
    unit = make_unit(federation.long_bien, "grassroots", long_name)
    long = new_decision(
        federation.long_bien,
        campaign,
        [
            (
                kinds["giay-khen-cap-tren-co-so"],
                unit,
                "hoàn thành xuất sắc nhiệm vụ " * 40,
                {"position": "Khối doanh nghiệp " * 8},
            )
        ],
    )
    pdf = documents.certificates_pdf(long)
    assert pdf_pages(pdf) == 1
    # With a campaign the certificate says the seeds' sentence; a long achievement is cut in
    # test_certificate_wording (a decision without a campaign prints the achievement).
    assert "Đã có thành tích xuất sắc trong đợt thi đua cao điểm" in flat(pdf_text(pdf))
