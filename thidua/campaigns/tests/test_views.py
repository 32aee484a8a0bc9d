import datetime

import icalendar
import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus, TargetMode
from thidua.documents.models import RegisterEntry
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_unit, make_user


def test_officer_writes_a_plan_part_by_part_and_issues_it_to_a_bloc(federation, members, login, lb_officer):
    client = login(lb_officer)
    response = client.post(
        "/ke-hoach/moi/",
        {
            "kind": "peak",
            "title": "Phát động thi đua trong khối trường học",
            "issuing_body": "Ban Thường vụ",
            "place": "Long Biên",
            "plan_date": "2023-08-21",
            "starts_on": "2023-08-16",
            "ends_on": "2023-09-15",
            "signer_title": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
            "signer_name": "Nguyễn Trường Giang",
            "recipients": "Công đoàn các trường học;\nLưu VP, TĐ",
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ke-hoach/{campaign.pk}/"

    panel = client.post(
        f"/ke-hoach/{campaign.pk}/muc/section/them/",
        {"heading": "Mục đích, yêu cầu", "part": "purpose", "body": "- 100% trường học tham gia.", "order": 1},
        HTTP_HX_REQUEST="true",
    )
    assert panel.status_code == 200 and "Mục đích, yêu cầu" in panel.content.decode()
    client.post(
        f"/ke-hoach/{campaign.pk}/muc/deadline/them/",
        {"what": "Báo cáo kết quả", "who": "Công đoàn cơ sở", "due_on": "2023-09-18", "order": 1},
        HTTP_HX_REQUEST="true",
    )
    client.post(f"/ke-hoach/{campaign.pk}/noi-trien-khai/", {"mode": "sector", "sector": "school"})
    client.post(f"/ke-hoach/{campaign.pk}/ban-hanh/")

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ISSUED and campaign.number == "01/KH-LĐLĐ"
    assert list(Deployment.objects.values_list("unit__code", flat=True)) == ["LB-001"]
    page = client.get(f"/ke-hoach/{campaign.pk}/").content.decode()
    assert "01/KH-LĐLĐ" in page and "Đã ban hành" in page
    # The number is not ASCII: the file name travels as RFC 6266's filename* (a plain
    # filename="…LĐLĐ" was MIME-encoded: Chromium opened the PDF inline, saved "download.docx").
    docx = client.get(f"/ke-hoach/{campaign.pk}/tai/docx/")
    assert docx["Content-Disposition"] == "attachment; filename*=utf-8''ke-hoach-01-KH-L%C4%90L%C4%90.docx"


def test_issuing_an_incomplete_plan_shows_why_and_takes_no_number(federation, login, lb_officer):
    campaign = services.create_campaign(lb_officer, issuer=federation.long_bien, title="Kế hoạch thiếu người ký")
    client = login(lb_officer)
    page = client.post(f"/ke-hoach/{campaign.pk}/ban-hanh/", follow=True).content.decode()
    assert "Chưa có chức danh người ký." in page and "Chưa có họ tên người ký." in page
    assert "Kế hoạch chưa có đơn vị nhận triển khai." in page
    assert not RegisterEntry.objects.exists()


def test_cdcs_chair_acknowledges_launches_and_starts_own_plan(draft, lb_officer, school_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    client = login(school_chair)
    home = client.get("/").content.decode()
    assert "Phát động đợt thi đua cao điểm" in home
    deployment = Deployment.objects.get(unit=federation.school)
    client.post(f"/trien-khai/{deployment.pk}/xac-nhan/")
    client.post(f"/trien-khai/{deployment.pk}/phat-dong/", {"launched_on": "2023-08-25", "members_reached": 2})
    response = client.post(f"/trien-khai/{deployment.pk}/ke-hoach-rieng/")
    deployment.refresh_from_db()
    assert deployment.status == DeploymentStatus.LAUNCHED and deployment.members_reached == 2
    assert response["Location"] == f"/ke-hoach/{deployment.own_plan_id}/"


def test_launch_with_more_members_than_the_unit_shows_the_error_next_to_the_field(
    draft, lb_officer, school_chair, federation, login
):
    services.issue_campaign(lb_officer, draft)
    deployment = Deployment.objects.get(unit=federation.school)
    page = (
        login(school_chair)
        .post(f"/trien-khai/{deployment.pk}/phat-dong/", {"launched_on": "2023-08-25", "members_reached": 50})
        .content.decode()
    )
    assert 'data-field-error="members_reached"' in page and "từ 0 đến 2" in page
    assert Deployment.objects.get(pk=deployment.pk).status == DeploymentStatus.DEPLOYED


def test_cdcs_sees_only_campaigns_deployed_to_it(draft, lb_officer, federation, login, company_chair):
    school_only = services.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        title="Riêng khối trường học",
        plan_date=datetime.date(2023, 8, 22),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Nguyễn Trường Giang",
    )
    services.set_targets(lb_officer, school_only, mode=TargetMode.SECTOR, sector="school")
    services.issue_campaign(lb_officer, school_only)
    client = login(company_chair)
    listing = client.get("/ke-hoach/").content.decode()
    assert "Riêng khối trường học" not in listing
    assert client.get(f"/ke-hoach/{school_only.pk}/").status_code == 404  # guessed id
    assert client.get(f"/ke-hoach/{draft.pk}/").status_code == 404  # a draft of the district
    school_deployment = Deployment.objects.get(campaign=school_only)
    assert client.post(f"/trien-khai/{school_deployment.pk}/xac-nhan/").status_code == 404
    assert client.get(f"/ke-hoach/{school_only.pk}/tai/pdf/").status_code == 404


def test_district_sees_but_cannot_edit_the_citys_plan(federation, city_officer, lb_officer, login):
    plan = services.create_campaign(
        city_officer,
        issuer=federation.city,
        title="Kế hoạch thành phố",
        plan_date=datetime.date(2023, 8, 10),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Phạm Quang Thanh",
    )
    services.set_targets(city_officer, plan, mode=TargetMode.NEXT_LEVEL)
    services.issue_campaign(city_officer, plan)
    client = login(lb_officer)
    assert client.get(f"/ke-hoach/{plan.pk}/").status_code == 200
    assert client.get(f"/ke-hoach/{plan.pk}/sua/").status_code == 404
    assert client.post(f"/ke-hoach/{plan.pk}/muc/section/them/", {"heading": "x", "part": "other"}).status_code == 404


def test_coverage_page_rolls_up_and_exports_laggards(draft, lb_officer, school_chair, federation, login):
    import openpyxl

    services.issue_campaign(lb_officer, draft)
    services.acknowledge(school_chair, Deployment.objects.get(unit=federation.school))
    client = login(lb_officer)
    page = client.get(f"/ke-hoach/{draft.pk}/tien-do/").content.decode()
    assert 'data-testid="cov-targets">2<' in page
    assert "CĐCS Công ty May Đức Giang" in page
    export = client.get(f"/ke-hoach/{draft.pk}/tien-do/chua-phat-dong.xlsx")
    sheet = openpyxl.load_workbook(__import__("io").BytesIO(b"".join(export.streaming_content))).active
    names = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"CĐCS Trường THCS Gia Thụy", "CĐCS Công ty May Đức Giang"}


def test_coverage_page_query_count_does_not_grow_with_units(
    draft, lb_officer, federation, login, django_assert_num_queries
):
    services.issue_campaign(lb_officer, draft)
    client = login(lb_officer)
    url = f"/ke-hoach/{draft.pk}/tien-do/"
    client.get(url)
    with django_assert_num_queries(12):
        client.get(url)
    for n in range(15):
        make_unit(federation.long_bien, "grassroots", f"CĐCS mới {n}")
    more = services.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        title="Kế hoạch khác",
        plan_date=datetime.date(2023, 8, 22),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Nguyễn Trường Giang",
    )
    services.set_targets(lb_officer, more, mode=TargetMode.ALL_GRASSROOTS)
    services.issue_campaign(lb_officer, more)
    with django_assert_num_queries(12):
        client.get(f"/ke-hoach/{more.pk}/tien-do/")


def test_calendar_and_ical_feed_list_the_units_deadlines(draft, lb_officer, school_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    client = login(school_chair)
    page = client.get("/lich/").content.decode()
    assert "Báo cáo kết quả" in page and "18/09/2023" in page and "Quá hạn" in page
    assert "Tạo đường dẫn lịch" in page and not school_chair.calendar_tokens.exists()  # a GET writes nothing
    page = client.post("/lich/", follow=True).content.decode()
    token = school_chair.calendar_tokens.get().token
    assert f"/lich/{token}.ics" in page and "Tạo đường dẫn lịch" not in page
    client.post("/lich/")  # pressing again keeps the address calendar apps already use
    assert school_chair.calendar_tokens.get().token == token
    client.logout()
    feed = icalendar.Calendar.from_ical(client.get(f"/lich/{token}.ics").content)
    events = {str(e["summary"]): e.decoded("dtstart") for e in feed.walk("VEVENT")}
    assert events["Báo cáo kết quả (01/KH-LĐLĐ)"] == datetime.date(2023, 9, 18)
    assert client.get("/lich/khong-co-that.ics").status_code == 404


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (datetime.date(2023, 9, 12), "due_soon"),
        (datetime.date(2023, 9, 18), "due_soon"),  # the due day itself is still on time
        (datetime.date(2023, 9, 19), "overdue"),
        (datetime.date(2023, 8, 1), "upcoming"),
    ],
)
def test_deadline_state_counts_the_whole_due_day(draft, today, state):
    deadline = draft.deadlines.get(what="Báo cáo kết quả")
    assert deadline.state(today) == state


def test_grassroots_member_role_cannot_create_plans(federation, login):
    member_user = make_user("dv", RoleKind.MEMBER, federation.school)
    client = login(member_user)
    assert client.get("/ke-hoach/moi/").status_code == 404


def test_plan_part_titles_follow_the_reader_language(federation, members, login, lb_officer, settings):
    """PART_TITLES is built at import: its titles must still be read in each request's language."""
    from django.utils import translation

    client = login(lb_officer)
    client.post(
        "/ke-hoach/moi/",
        {
            "kind": "peak",
            "title": "Phát động thi đua trong khối trường học",
            "issuing_body": "Ban Thường vụ",
            "place": "Long Biên",
            "plan_date": "2023-08-21",
            "starts_on": "2023-08-16",
            "ends_on": "2023-09-15",
            "signer_title": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
            "signer_name": "Nguyễn Trường Giang",
            "recipients": "Công đoàn các trường học;\nLưu VP, TĐ",
        },
    )
    campaign = Campaign.objects.get()
    try:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        page = client.get(f"/ke-hoach/{campaign.pk}/").content.decode()
        assert "Basis documents" in page and "Văn bản căn cứ" not in page
        form = client.get(f"/ke-hoach/{campaign.pk}/muc/deadline/them/").content.decode()
        assert "Deadlines" in form
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
        page = client.get(f"/ke-hoach/{campaign.pk}/").content.decode()
        assert "Văn bản căn cứ" in page and "Basis documents" not in page
    finally:
        translation.activate(settings.LANGUAGE_CODE)
