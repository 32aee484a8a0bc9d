"""A plan's signature block (issue 15 items 2 and 7): the signer's title typed on several lines
prints line by line above the name; a plan whose letterhead or signer is incomplete is refused
with the missing field named, and takes no number."""

import pytest

from thidua.campaigns import plan_document, services
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.documents.models import RegisterEntry
from thidua.documents.rendering import render_pdf
from thidua.documents.tests.letterheads import blank
from thidua.documents.tests.signatures import assert_signed, pdf_lines

pytestmark = pytest.mark.django_db


def test_the_title_is_typed_on_several_lines_and_printed_so_with_the_name(draft, lb_officer, login):
    client = login(lb_officer)
    form = client.get(f"/ke-hoach/{draft.pk}/sua/").content.decode()
    assert '<textarea name="signer_title"' in form  # a one-line input would lose the lines
    Campaign.objects.filter(pk=draft.pk).update(
        signer_title="TM. BAN THƯỜNG VỤ\r\nKT. CHỦ TỊCH\r\nPHÓ CHỦ TỊCH", signer_name="Lê Minh Tuấn"
    )
    services.issue_campaign(lb_officer, Campaign.objects.get(pk=draft.pk))
    lines = pdf_lines(render_pdf(plan_document.build(Campaign.objects.get(pk=draft.pk))))
    assert_signed(lines, "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn", after="Nơi nhận:")


def test_a_plan_without_a_place_anywhere_is_refused_naming_it(draft, lb_officer, login, federation):
    Campaign.objects.filter(pk=draft.pk).update(place="")
    blank(federation.long_bien, place="")
    page = login(lb_officer).post(f"/ke-hoach/{draft.pk}/ban-hanh/", follow=True).content.decode()
    assert "Chưa có địa danh ở dòng ngày tháng." in page
    assert Campaign.objects.get(pk=draft.pk).status == CampaignStatus.DRAFT
    assert not RegisterEntry.objects.exists()


def test_a_plan_of_a_unit_without_its_name_line_is_refused(draft, lb_officer, login, federation):
    blank(federation.long_bien, body_line="")
    page = login(lb_officer).post(f"/ke-hoach/{draft.pk}/ban-hanh/", follow=True).content.decode()
    assert "Chưa có tên cơ quan ban hành (Thông tin cơ quan ban hành của LĐLĐ quận Long Biên)." in page
    assert not RegisterEntry.objects.exists()
