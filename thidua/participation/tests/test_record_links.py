"""The CĐCS's record of a campaign links each work only for those who may open it (QA walk,
session 6: a member read the works table on /tham-gia/N/ and each name linked a page that
answered 404 — a work's page is the unit's business, docs/reach.md)."""

from django.urls import reverse

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.participation import services


def test_every_work_link_on_the_record_opens_for_who_reads_it(campaign, federation, school_chair, login):
    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường xanh")
    record = reverse("participation:record", args=[campaign.pk])
    work_url = reverse("participation:work", args=[work.pk])
    member = make_user("dv_truong", RoleKind.MEMBER, federation.school)
    for user, linked in ((school_chair, True), (member, False)):
        client = login(user)
        page = client.get(record)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Vườn trường xanh" in html
        assert (f'href="{work_url}"' in html) is linked
        assert client.get(work_url).status_code == (200 if linked else 404)
