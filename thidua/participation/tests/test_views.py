"""The participation pages: a CĐCS's record for a campaign, a work with its evidence, the
federation's overview — each scoped to the viewer's subtree (404 outside it)."""

import datetime

import pytest
from django.urls import reverse

from thidua.core.models import Attachment
from thidua.org.tests.factories import SYSTEM, make_unit
from thidua.participation import services
from thidua.participation.models import Evidence, Registration, Work
from thidua.participation.tests.conftest import local, photo


def test_chair_registers_registers_a_work_and_a_model_from_the_record_page(campaign, school_chair, login):
    client = login(school_chair)
    page = client.get(reverse("participation:record", args=[campaign.pk]))
    assert page.status_code == 200
    assert "Đơn vị chưa đăng ký thi đua." in page.content.decode()
    response = client.post(
        reverse("participation:register", args=[campaign.pk]), {"targets": "100% đoàn viên được phổ biến"}
    )
    assert response.status_code == 302
    client.post(
        reverse("participation:work_add", args=[campaign.pk]),
        {"name": "Sửa chữa nhà đa năng", "value": "150000000", "planned_on": "2023-09-01"},
    )
    client.post(
        reverse("participation:model_add", args=[campaign.pk]),
        {"name": "Gia đình công đoàn", "field": "Giáo dục", "description": "Thăm hỏi"},
    )
    page = client.get(reverse("participation:record", args=[campaign.pk])).content.decode()
    assert "100% đoàn viên được phổ biến" in page
    assert "Sửa chữa nhà đa năng" in page
    assert "150.000.000 đ" in page
    assert "Gia đình công đoàn" in page


def test_a_work_without_a_name_is_refused_next_to_the_field(campaign, school_chair, login):
    response = login(school_chair).post(reverse("participation:work_add", args=[campaign.pk]), {"value": "-5"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'data-field-error="name"' in body
    assert 'data-field-error="value"' in body
    assert Work.objects.count() == 0


def test_completing_a_work_with_a_photo_and_an_article(
    campaign, federation, school_chair, login, django_capture_on_commit_callbacks
):
    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    client = login(school_chair)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participation:work_complete", args=[work.pk]),
            {
                "completed_on": "2023-09-05",
                "photos": [photo("a.jpg"), photo("b.jpg")],
                "article_url": "https://longbien.gov.vn/tin/vuon-truong",
                "article_title": "Khánh thành vườn trường",
            },
        )
    assert response.status_code == 302
    work.refresh_from_db()
    assert (work.status, work.photo_count, work.article_count) == ("completed", 2, 1)
    page = client.get(reverse("participation:work", args=[work.pk])).content.decode()
    assert "Khánh thành vườn trường" in page
    assert page.count(reverse("core:attachment_thumb", args=[Attachment.objects.first().pk])) == 1


def test_a_renamed_file_is_refused_on_the_form_and_nothing_is_kept(campaign, federation, school_chair, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    fake = SimpleUploadedFile("anh.jpg", "Danh sách đoàn viên".encode(), content_type="image/jpeg")
    response = login(school_chair).post(
        reverse("participation:work_complete", args=[work.pk]), {"completed_on": "2023-09-05", "photos": [fake]}
    )
    assert response.status_code == 400
    assert "Tệp “anh.jpg” không phải là ảnh" in response.content.decode()
    work.refresh_from_db()
    assert work.status == "registered"
    assert Attachment.objects.count() == Evidence.objects.count() == 0


def test_another_cdcs_cannot_see_or_act_on_a_work(campaign, federation, school_chair, company_chair, login):
    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    client = login(company_chair)
    assert client.get(reverse("participation:work", args=[work.pk])).status_code == 404
    response = client.post(reverse("participation:work_complete", args=[work.pk]), {"completed_on": "2023-09-05"})
    assert response.status_code == 404
    record = reverse("participation:record", args=[campaign.pk]) + f"?don-vi={federation.school.pk}"
    assert client.get(record).status_code == 404
    work.refresh_from_db()
    assert work.status == "registered"


def test_a_federation_reads_a_cdcs_record_but_cannot_act_for_it(campaign, federation, lb_officer, login):
    client = login(lb_officer)
    record = reverse("participation:record", args=[campaign.pk]) + f"?don-vi={federation.school.pk}"
    page = client.get(record)
    assert page.status_code == 200
    assert "Lưu đăng ký" not in page.content.decode()
    # Registering always acts for the acting unit — here the district, which the plan was not sent to.
    assert client.post(reverse("participation:register", args=[campaign.pk]), {"targets": "x"}).status_code == 404
    assert Registration.objects.count() == 0


def test_overview_rolls_up_and_lists_who_has_nothing(
    campaign, federation, school_chair, lb_officer, login, django_capture_on_commit_callbacks
):
    services.register_unit(
        school_chair, campaign=campaign, unit=federation.school, targets="Chỉ tiêu", at=local("2023-08-25")
    )
    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_work(
            school_chair, work, completed_on=datetime.date(2023, 9, 5), photos=[photo()], at=local("2023-09-20")
        )
    page = login(lb_officer).get(reverse("participation:overview", args=[campaign.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    total = page.context["total"]
    assert (total.targets, total.registered, total.with_works, total.completed, total.photos, total.late) == (
        2,
        1,
        1,
        1,
        1,
        1,
    )
    assert [d["unit__name"] for d in page.context["missing"]] == [federation.company.name]
    assert "1 CĐCS chưa đăng ký công trình, phần việc" in body
    assert "Vườn trường" in body  # the gallery and the late list


def test_overview_is_not_found_for_a_sibling_district(campaign, federation, login):
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    gia_lam = make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    assert login(gia_lam).get(reverse("participation:overview", args=[campaign.pk])).status_code == 404


def test_overview_runs_the_same_queries_for_one_and_many_units(
    campaign, federation, school_chair, lb_officer, login, django_assert_num_queries
):
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, TargetMode

    services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    client = login(lb_officer)
    url = reverse("participation:overview", args=[campaign.pk])
    client.get(url)
    with django_assert_num_queries(14) as first:
        client.get(url)
    for n in range(12):
        make_unit(federation.long_bien, "grassroots", f"CĐCS mới {n}")
    more = campaigns.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        title="Kế hoạch khác",
        plan_date=datetime.date(2023, 8, 22),
        ends_on=datetime.date(2023, 9, 30),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(lb_officer, more, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(lb_officer, Campaign.objects.get(pk=more.pk))
    for unit in (federation.school, federation.company):
        services.register_work(SYSTEM, campaign=more, unit=unit, name="Công trình")
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(reverse("participation:overview", args=[more.pk]))


def test_campaign_page_shows_the_units_part(campaign, federation, school_chair, lb_officer, login):
    services.register_unit(school_chair, campaign=campaign, unit=federation.school, targets="Chỉ tiêu")
    page = login(school_chair).get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert 'data-testid="participation-section"' in page
    assert "Đã đăng ký" in page
    page = login(lb_officer).get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert reverse("participation:overview", args=[campaign.pk]) in page


@pytest.mark.parametrize("who", ["company_chair", "gia_lam"])
def test_a_works_photo_is_not_served_outside_the_units_scope(
    who, campaign, federation, school_chair, company_chair, lb_officer, login, django_capture_on_commit_callbacks
):
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_evidence(school_chair, work, photos=[photo()])
    attachment = Attachment.objects.get()
    ok = login(lb_officer).get(reverse("core:attachment_thumb", args=[attachment.pk]))
    assert ok.status_code == 200
    assert b"".join(ok.streaming_content)[:2] == b"\xff\xd8"  # a JPEG; reading it to the end closes it
    outsider = (
        company_chair if who == "company_chair" else make_user("gl", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    )
    assert login(outsider).get(reverse("core:attachment", args=[attachment.pk])).status_code == 404


def test_record_and_work_pages_run_a_fixed_number_of_queries(
    campaign, federation, school_chair, login, django_assert_num_queries, django_capture_on_commit_callbacks
):
    work = services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Công trình 1")
    services.register_model(school_chair, campaign=campaign, unit=federation.school, name="Mô hình 1", field="A")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_evidence(school_chair, work, photos=[photo()], articles=[("https://bao.vn/1", "Tin 1")])
    client = login(school_chair)
    record = reverse("participation:record", args=[campaign.pk])
    detail = reverse("participation:work", args=[work.pk])
    client.get(record)
    with django_assert_num_queries(13) as record_queries:
        client.get(record)
    with django_assert_num_queries(8) as detail_queries:  # the work read once, with its campaign and unit
        client.get(detail)
    for n in range(2, 6):
        other = services.register_work(school_chair, campaign=campaign, unit=federation.school, name=f"Công trình {n}")
        services.register_model(school_chair, campaign=campaign, unit=federation.school, name=f"Mô hình {n}", field="A")
        with django_capture_on_commit_callbacks(execute=True):
            services.add_evidence(school_chair, work, photos=[photo()], articles=[(f"https://bao.vn/{n}", "")])
        assert other.pk
    with django_assert_num_queries(len(record_queries.captured_queries)):
        client.get(record)
    with django_assert_num_queries(len(detail_queries.captured_queries)):
        client.get(detail)


def test_the_city_sees_the_districts_figures_rolled_up_and_a_cdcs_its_own(
    campaign, federation, school_chair, lb_officer, login
):
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    services.register_unit(school_chair, campaign=campaign, unit=federation.school, targets="Chỉ tiêu")
    services.register_work(school_chair, campaign=campaign, unit=federation.school, name="Vườn trường")
    city = make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    page = login(city).get(reverse("participation:overview", args=[campaign.pk]))
    assert [(u.name, p.targets, p.registered, p.works) for u, p in page.context["rows"]] == [
        ("LĐLĐ quận Long Biên", 2, 1, 1)
    ]
    assert (page.context["total"].targets, page.context["total"].works) == (2, 1)
    school = reverse("participation:overview", args=[campaign.pk]) + f"?don-vi={federation.school.pk}"
    page = login(lb_officer).get(school)
    assert (page.context["total"].targets, page.context["total"].registered, page.context["rows"]) == (1, 1, [])
