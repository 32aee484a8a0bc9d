"""The days units must answer by, as the pages show them: a plan that sets no registration
deadline says so (the window's end is no registration deadline), and after a model deadline
(seed 004: at least one "Dân vận khéo" model per CĐCS by 22/02/2021) the federation sees who
has none and who sent theirs late."""

import datetime

from django.urls import reverse

from thidua.org.tests.factories import SYSTEM, make_unit
from thidua.participation import services
from thidua.participation.models import ModelProject, Part, Registration
from thidua.participation.tests.conftest import local


def test_a_new_plan_says_it_sets_no_registration_deadline(campaign, school_chair, lb_officer, login):
    record = login(school_chair).get(reverse("participation:record", args=[campaign.pk])).content.decode()
    assert "Kế hoạch chưa đặt hạn đăng ký." in record
    assert "15/09/2023" not in record.split('data-testid="record-works"')[0]  # not the window's end
    overview = login(lb_officer).get(reverse("participation:overview", args=[campaign.pk])).content.decode()
    assert 'data-testid="ov-registration-due">chưa đặt<' in overview


def test_the_registration_deadline_set_by_the_officer_is_shown(campaign, school_chair, lb_officer, login):
    login(lb_officer).post(
        reverse("participation:set_due", args=[campaign.pk]), {"part": "registration", "due": "2023-08-25"}
    )
    record = login(school_chair).get(reverse("participation:record", args=[campaign.pk])).content.decode()
    assert "Hạn đăng ký: hết ngày 25/08/2023" in record
    overview = login(lb_officer).get(reverse("participation:overview", args=[campaign.pk])).content.decode()
    assert 'data-testid="ov-registration-due">25/08/2023<' in overview


def test_without_a_registration_deadline_a_registration_is_never_late(campaign, federation, school_chair, login):
    # Today is years after the window's end (15/09/2023): the pledge is still not "late".
    login(school_chair).post(
        reverse("participation:register", args=[campaign.pk]), {"targets": "100% đoàn viên được phổ biến"}
    )
    registration = Registration.objects.get(campaign=campaign, unit=federation.school)
    assert registration.is_late is False


def test_after_the_model_deadline_the_federation_sees_who_has_none_and_who_was_late(
    campaign, federation, school_chair, company_chair, lb_officer, login
):
    login(lb_officer).post(reverse("participation:set_due", args=[campaign.pk]), {"part": "model", "due": "2021-02-22"})
    # The school registers from its record page (today: after the deadline, so late)…
    login(school_chair).post(
        reverse("participation:model_add", args=[campaign.pk]),
        {"name": "Nhà giáo gương mẫu, học sinh chăm ngoan", "field": "Giáo dục"},
    )
    assert ModelProject.objects.get(unit=federation.school).is_late is True
    record = login(school_chair).get(reverse("participation:record", args=[campaign.pk])).content.decode()
    assert "Ít nhất 01 mô hình, hết ngày 22/02/2021" in record and "Muộn" in record

    page = login(lb_officer).get(reverse("participation:overview", args=[campaign.pk]) + "?chua-co=model")
    body = page.content.decode()
    assert "1 CĐCS chưa có mô hình" in body and "đã quá hạn" in body
    assert [d["unit__name"] for d in page.context["missing"]] == ["CĐCS Công ty May Đức Giang"]
    assert "1 lượt đăng ký sau thời hạn" in body
    late = body.split('data-testid="ov-late-parts"')[1].split("</ul>")[0]
    assert "CĐCS Trường THCS Gia Thụy" in late and "CĐCS Công ty May Đức Giang" not in late


def test_a_model_on_time_is_not_listed_late(campaign, federation, school_chair, lb_officer, login):
    services.set_due_date(lb_officer, campaign, part=Part.MODEL, due=datetime.date(2023, 9, 1))
    services.register_model(
        school_chair,
        campaign=campaign,
        unit=federation.school,
        name="Mô hình",
        field="Giáo dục",
        at=local("2023-08-30"),
    )
    body = login(lb_officer).get(reverse("participation:overview", args=[campaign.pk]) + "?chua-co=model")
    assert "0 lượt đăng ký sau thời hạn" in body.content.decode()


def test_the_model_overview_runs_the_same_queries_with_more_late_units(
    campaign, federation, school_chair, lb_officer, login, django_assert_num_queries
):
    services.set_due_date(lb_officer, campaign, part=Part.MODEL, due=datetime.date(2021, 2, 22))
    services.register_model(school_chair, campaign=campaign, unit=federation.school, name="Mô hình", field="Giáo dục")
    client = login(lb_officer)
    url = reverse("participation:overview", args=[campaign.pk]) + "?chua-co=model"
    client.get(url)
    with django_assert_num_queries(16) as first:
        client.get(url)
    from thidua.campaigns.models import Deployment

    for n in range(8):
        unit = make_unit(federation.long_bien, "grassroots", f"CĐCS mới {n}")
        Deployment.objects.create(campaign=campaign, unit=unit)
        services.register_model(SYSTEM, campaign=campaign, unit=unit, name=f"Mô hình {n}", field="Khác")
    with django_assert_num_queries(len(first.captured_queries)):
        page = client.get(url)
    assert "9 lượt đăng ký sau thời hạn" in page.content.decode()
