"""Signature blocks (issue 15): the signer's title in as many lines as it has (Nghị định
30/2020, Phụ lục I, mục 9: TM., KT., Q., TL.), the name under it, in PDF and Word; a second
signer beside the first; and the one check every issuing service makes before a number is
taken (documents.services.require_signable)."""

import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from thidua.documents.models import IssuerProfile, title_lines
from thidua.documents.rendering import OfficialDocument, Paragraph, render_docx, render_pdf
from thidua.documents.services import profile_for, require_signable
from thidua.documents.tests.letterheads import blank
from thidua.documents.tests.signatures import assert_signed, pdf_lines


def test_a_title_is_split_at_line_breaks_and_at_slashes_between_spaces():
    assert title_lines("TM. BAN THƯỜNG VỤ / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") == [
        "TM. BAN THƯỜNG VỤ",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert title_lines("TL. BAN THƯỜNG VỤ\r\n  CHÁNH VĂN PHÒNG \n") == ["TL. BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"]
    assert title_lines("Q. CHỦ TỊCH", "") == ["Q. CHỦ TỊCH"]
    assert title_lines("GIÁM ĐỐC SỞ GD/ĐT") == ["GIÁM ĐỐC SỞ GD/ĐT"]  # a slash inside a word stays


def _letter(**signature) -> OfficialDocument:
    return OfficialDocument(
        superior_line="LĐLĐ THÀNH PHỐ HÀ NỘI",
        body_line="LĐLĐ QUẬN LONG BIÊN",
        number_line="Số: 05/QĐ-LĐLĐ",
        date_line="Long Biên, ngày 15 tháng 12 năm 2026",
        type_name="QUYẾT ĐỊNH",
        summary=["Về việc khen thưởng"],
        body=[Paragraph("Điều 1. Khen thưởng.")],
        recipients=["Như Điều 3;", "Lưu: VT."],
        **signature,
    )


def test_the_kt_form_prints_three_title_lines_then_the_name_in_pdf_and_word():
    doc = _letter(
        signer_lines=title_lines("TM. BAN THƯỜNG VỤ / KT. Chủ tịch", "Phó Chủ tịch"), signer_name="Lê Minh Tuấn"
    )
    lines = pdf_lines(render_pdf(doc))
    assert_signed(lines, "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn", after="Nơi nhận:")
    cells = Document(io.BytesIO(render_docx(doc))).tables[-1].rows[0].cells
    signed = [p.text for p in cells[1].paragraphs if p.text.strip()]
    assert signed == ["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn"]


def test_two_signers_sign_side_by_side_above_the_recipients():
    doc = _letter(
        signer_lines=["CHỦ TỊCH HỘI ĐỒNG"],
        signer_name="Nguyễn Trường Giang",
        cosigner_lines=["THƯ KÝ"],
        cosigner_name="Trần Thị Thu Trang",
    )
    lines = pdf_lines(render_pdf(doc))
    row = next(line for line in lines if "THƯ KÝ" in line)
    assert "CHỦ TỊCH HỘI ĐỒNG" in row  # the two titles level
    names = next(line for line in lines if "Trần Thị Thu Trang" in line)
    assert "Nguyễn Trường Giang" in names
    assert lines.index(names) < next(i for i, line in enumerate(lines) if "Nơi nhận:" in line)


@pytest.mark.django_db
def test_require_signable_names_every_missing_field(federation):
    blank(
        federation.long_bien,
        superior_line="",
        body_line="",
        place="",
        signer_authority="",
        signer_title="",
        signer_name="",
    )
    with pytest.raises(ValidationError) as refused:
        require_signable(profile_for(federation.long_bien))
    errors = refused.value.message_dict
    assert set(errors) == {"superior_line", "body_line", "place", "signer_title", "signer_name"}
    assert errors["signer_name"] == ["Chưa có họ tên người ký (Thông tin cơ quan ban hành của LĐLĐ quận Long Biên)."]
    # A paper's own signer (a plan, a review) is checked instead of the letterhead's.
    with pytest.raises(ValidationError) as refused:
        require_signable(profile_for(federation.gia_lam), signer_title="TM. BAN THƯỜNG VỤ", signer_name=" ")
    assert refused.value.message_dict == {"signer_name": ["Chưa có họ tên người ký."]}
    require_signable(profile_for(federation.gia_lam))  # complete: no error


@pytest.mark.django_db
def test_the_top_union_needs_no_superior_line(federation):
    profile = profile_for(federation.confederation)
    profile.signer_name, profile.place = "Nguyễn Đình Khang", "Hà Nội"
    profile.save()
    assert IssuerProfile.objects.get(unit=federation.confederation).superior_line == ""
    require_signable(profile)
