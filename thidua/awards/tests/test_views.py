"""The nomination flow's pages: the campaign's awards setup (quotas with per-cell messages),
a CĐCS's batch and nomination pages (criteria, dossier, sending), the review queue and the
decision, and the record sections on a member's and a unit's page."""

import datetime

import pytest
from django.urls import reverse

from thidua.awards import services
from thidua.awards.models import Award, Decision, Nomination, NominationStatus, Quota
from thidua.awards.tests.conftest import (
    BANG_KHEN,
    DECIDED_ON,
    GIAY_KHEN,
    LDTT,
    complete_dossier,
    nominate,
    pdf,
    recommended,
    submitted,
)

S = NominationStatus
pytestmark = pytest.mark.django_db


# --- setup -------------------------------------------------------------------------------------


def test_the_issuers_office_sets_offers_and_quotas(login, award_people, award_campaign, catalogue, federation):
    client = login(award_people["lb_officer"])
    url = reverse("awards:setup", args=[award_campaign.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mỗi công đoàn cơ sở đề nghị không quá 02 cá nhân" in text  # the plan's quota rule
    assert "Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị" in text  # the simplified dossier
    assert federation.school.name in text and federation.gia_lam_cdcs.name not in text
    kind = catalogue[GIAY_KHEN]
    school, company = f"q_{federation.school.pk}_{kind.pk}", f"q_{federation.company.pk}_{kind.pk}"
    response = client.post(url, {"part": "quotas", school: "2", company: "1"})
    assert response.status_code == 302
    assert dict(Quota.objects.values_list("unit_id", "count")) == {federation.school.pk: 2, federation.company.pk: 1}


def test_a_bad_quota_cell_gets_its_own_message_and_nothing_is_saved(
    login, award_people, award_campaign, catalogue, federation
):
    client = login(award_people["lb_officer"])
    kind = catalogue[GIAY_KHEN]
    school, company = f"q_{federation.school.pk}_{kind.pk}", f"q_{federation.company.pk}_{kind.pk}"
    response = client.post(
        reverse("awards:setup", args=[award_campaign.pk]), {"part": "quotas", school: "hai", company: "3"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert f'data-cell-error="{school}">Hãy nhập một số nguyên không âm.' in text
    assert f'data-cell-error="{company}"' not in text
    assert not Quota.objects.exists()


def test_only_the_issuers_office_reaches_the_setup(login, award_people, award_campaign):
    url = reverse("awards:setup", args=[award_campaign.pk])
    for who in ("school_chair", "hn_officer", "member"):
        assert login(award_people[who]).get(url).status_code == 404


def test_the_campaign_page_leads_to_awards(login, award_people, award_campaign):
    page = login(award_people["school_chair"]).get(reverse("campaigns:detail", args=[award_campaign.pk]))
    assert reverse("awards:unit_nominations", args=[award_campaign.pk]) in page.content.decode()
    page = login(award_people["lb_officer"]).get(reverse("campaigns:detail", args=[award_campaign.pk]))
    assert reverse("awards:setup", args=[award_campaign.pk]) in page.content.decode()


# --- a CĐCS's nominations ----------------------------------------------------------------------


def test_a_cdcs_nominates_a_member_from_its_own_list(login, award_people, award_campaign, catalogue, members, quota):
    quota(GIAY_KHEN, 1)
    client = login(award_people["school_chair"])
    form = client.get(reverse("awards:nomination_create", args=[award_campaign.pk])).content.decode()
    assert "Nguyễn Văn An" in form and "Trần Thị Bình (Tổ Toán – Tin)" in form
    assert "Lê Đức Cường" not in form  # the company's member is not offered
    response = client.post(
        reverse("awards:nomination_create", args=[award_campaign.pk]),
        {
            "award_kind": catalogue[GIAY_KHEN].pk,
            "subject": "individual",
            "subject_member": members["an"].pk,
            "achievement": "Dạy giỏi cấp quận.",
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("awards:nomination", args=[nomination.pk])
    batch = client.get(reverse("awards:unit_nominations", args=[award_campaign.pk])).content.decode()
    assert "đã dùng 1/1 · còn 0" in batch


def test_another_units_member_is_refused_next_to_the_field(login, award_people, award_campaign, catalogue, members):
    response = login(award_people["school_chair"]).post(
        reverse("awards:nomination_create", args=[award_campaign.pk]),
        {
            "award_kind": catalogue[GIAY_KHEN].pk,
            "subject": "individual",
            "subject_member": members["cuong"].pk,
            "achievement": "x",
        },
    )
    assert response.status_code == 400
    assert 'data-field-error="subject_member"' in response.content.decode()
    assert not Nomination.objects.exists()


def test_the_quota_message_is_shown_next_to_the_kind(login, award_people, award_campaign, catalogue, members, quota):
    quota(GIAY_KHEN, 0)
    response = login(award_people["school_chair"]).post(
        reverse("awards:nomination_create", args=[award_campaign.pk]),
        {
            "award_kind": catalogue[GIAY_KHEN].pk,
            "subject": "individual",
            "subject_member": members["an"].pk,
            "achievement": "x",
        },
    )
    assert response.status_code == 400
    assert 'data-field-error="award_kind">CĐCS Trường THCS Gia Thụy đã dùng hết chỉ tiêu' in response.content.decode()


def test_the_dossier_is_uploaded_and_the_batch_sent(
    login, award_people, award_campaign, catalogue, members, requirements
):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(award_people["school_chair"])
    detail = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    assert "Còn thiếu" in detail and "Trích biên bản họp" in detail
    refused = client.post(reverse("awards:submit_batch", args=[award_campaign.pk]))
    assert refused.status_code == 400
    assert "Nguyễn Văn An (" in refused.content.decode() and "còn thiếu" in refused.content.decode()
    for code in ("tom-tat-thanh-tich", "bien-ban-hop"):
        response = client.post(
            reverse("awards:upload", args=[nomination.pk, requirements[code].pk]), {"file": pdf(f"{code}.pdf")}
        )
        assert response.status_code == 302
    response = client.post(reverse("awards:submit_batch", args=[award_campaign.pk]))
    assert response.status_code == 302
    assert Nomination.objects.get().status == S.SUBMITTED


def test_a_refused_upload_says_why_next_to_its_requirement(
    login, award_people, award_campaign, catalogue, members, requirements
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    response = login(award_people["school_chair"]).post(
        reverse("awards:upload", args=[nomination.pk, requirements["bien-ban-hop"].pk]),
        {"file": SimpleUploadedFile("bien-ban.exe", b"MZ\x90\x00", "application/octet-stream")},
    )
    assert response.status_code == 400
    assert "là tệp chương trình: không được phép tải lên" in response.content.decode()
    assert not nomination.dossier_files.exists()


# --- scope -------------------------------------------------------------------------------------


def test_a_sibling_cdcs_cannot_see_or_touch_a_nomination(
    login, award_people, award_campaign, catalogue, members, requirements
):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(award_people["company_chair"])
    assert client.get(reverse("awards:nomination", args=[nomination.pk])).status_code == 404
    assert client.get(reverse("awards:nomination_edit", args=[nomination.pk])).status_code == 404
    assert (
        client.post(reverse("awards:nomination_action", args=[nomination.pk, "withdraw_nomination"])).status_code == 404
    )
    assert (
        client.post(
            reverse("awards:upload", args=[nomination.pk, requirements["bien-ban-hop"].pk]), {"file": pdf()}
        ).status_code
        == 404
    )
    assert Nomination.objects.get().status == S.DRAFT and not nomination.dossier_files.exists()
    # Nor through the sibling's own batch.
    batch = client.get(reverse("awards:unit_nominations", args=[award_campaign.pk])).content.decode()
    assert "Nguyễn Văn An" not in batch


def test_a_member_sees_no_officer_entries(login, award_people):
    client = login(award_people["member"])
    page = client.get("/").content.decode()
    assert reverse("awards:queue") not in page and reverse("awards:my_nominations") not in page
    assert client.get(reverse("awards:queue")).status_code == 404
    assert client.get(reverse("awards:my_nominations")).status_code == 404


def test_the_city_sees_forwarded_ones_and_not_the_districts_queue(
    login, award_people, award_campaign, catalogue, members, lb_council
):
    kept = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["binh"])
    nomination = recommended(award_people, award_campaign, catalogue[BANG_KHEN], lb_council, member=members["an"])
    services.forward(award_people["lb_officer"], nomination)
    city = login(award_people["hn_officer"])
    queue = city.get(reverse("awards:queue")).content.decode()
    assert "Nguyễn Văn An" in queue and "Trần Thị Bình" not in queue
    assert kept.level.name == "LĐLĐ quận Long Biên"
    assert city.get(reverse("awards:nomination", args=[nomination.pk])).status_code == 200
    district = login(award_people["lb_officer"]).get(reverse("awards:queue")).content.decode()
    assert "Trần Thị Bình" in district and "Nguyễn Văn An" not in district


# --- review ------------------------------------------------------------------------------------


def test_returned_with_a_reason_the_unit_sees_it(login, award_people, award_campaign, catalogue, members):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    officer = login(award_people["lb_officer"])
    url = reverse("awards:nomination_action", args=[nomination.pk, "return_nomination"])
    empty = officer.post(url, {"reason": ""})
    assert empty.status_code == 400 and 'data-field-error="reason"' in empty.content.decode()
    assert officer.post(url, {"reason": "Biên bản họp thiếu chữ ký."}).status_code == 302
    page = login(award_people["school_chair"]).get(reverse("awards:nomination", args=[nomination.pk]))
    assert "Biên bản họp thiếu chữ ký." in page.content.decode()
    assert "resubmit_nomination" in page.content.decode()


def _queue_rows(n, people, campaign, catalogue, federation):
    from thidua.org.tests.factories import MemberFactory

    for i in range(n):
        member = MemberFactory(full_name=f"Đoàn viên xét {i}", unit=federation.school)
        nomination = nominate(people, campaign, catalogue[GIAY_KHEN], member=member)
        complete_dossier(people["school_chair"], nomination)
    services.submit_batch(people["school_chair"], campaign=campaign, unit=federation.school)


def test_the_queue_runs_a_fixed_number_of_queries(
    login, award_people, award_campaign, catalogue, federation, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(award_people["lb_officer"])
    url = reverse("awards:queue")
    _queue_rows(2, award_people, award_campaign, catalogue, federation)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).content.decode().count("Đoàn viên xét") == 2
    _queue_rows(12, award_people, award_campaign, catalogue, federation)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).content.decode().count("Đoàn viên xét") == 14
    assert len(large) == len(small)


def test_the_batch_page_runs_a_fixed_number_of_queries(login, award_people, award_campaign, catalogue, federation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.org.tests.factories import MemberFactory

    client = login(award_people["school_chair"])
    url = reverse("awards:unit_nominations", args=[award_campaign.pk])

    def add(n, start):
        for _i in range(start, start + n):
            nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=MemberFactory(unit=federation.school))

    add(2, 0)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add(10, 2)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_standing_committee_issues_the_decision(
    login, award_people, award_campaign, catalogue, members, lb_council, federation
):
    first = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    forwarded = recommended(award_people, award_campaign, catalogue[BANG_KHEN], lb_council, member=members["binh"])
    chair = login(award_people["lb_chair"])
    form = chair.get(reverse("awards:decision_create") + f"?ke-hoach={award_campaign.pk}").content.decode()
    assert "Nguyễn Văn An" in form and "Trần Thị Bình" not in form  # a city award is not the district's to decide
    response = chair.post(
        reverse("awards:decision_create") + f"?ke-hoach={award_campaign.pk}",
        {"nominations": [first.pk], "issued_on": DECIDED_ON.isoformat(), "title": "Về việc khen thưởng năm 2026"},
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("awards:decision", args=[decision.pk])
    page = chair.get(response["Location"]).content.decode()
    assert "Quyết định số 01/QĐ-LĐLĐ" in page and "Nguyễn Văn An" in page
    assert Nomination.objects.get(pk=first.pk).status == S.AWARDED
    assert Nomination.objects.get(pk=forwarded.pk).status == S.RECOMMENDED
    # The officer cannot issue it (standing committee only).
    assert login(award_people["lb_officer"]).get(reverse("awards:decision_create")).status_code == 404


def test_the_award_shows_on_the_members_and_units_record(
    login, award_people, award_campaign, catalogue, members, federation
):
    services.record_award(
        award_people["lb_officer"], award_kind=catalogue[LDTT], year=2025, member=members["an"], source="QĐ số 5/QĐ-CĐ"
    )
    Award.objects.create(
        award_kind=catalogue["cong-doan-co-so-vung-manh"],
        year=2025,
        unit=federation.school,
        name=federation.school.name,
        source="QĐ số 9/QĐ-LĐLĐ",
    )
    client = login(award_people["lb_officer"])
    member_page = client.get(reverse("org:member_detail", args=[members["an"].pk])).content.decode()
    assert "2025: <strong>Lao động tiên tiến</strong>" in member_page
    unit_page = client.get(reverse("org:unit_detail", args=[federation.school.pk])).content.decode()
    assert "Công đoàn cơ sở vững mạnh" in unit_page and "QĐ số 9/QĐ-LĐLĐ" in unit_page


def test_an_administrator_edits_the_catalogue_in_the_admin(client, catalogue, award_people):
    from django.contrib.auth import get_user_model

    kind = catalogue[GIAY_KHEN]
    admin = get_user_model().objects.create_superuser("quantri", password="x")
    client.force_login(admin)
    page = client.get(reverse("admin:awards_awardkind_change", args=[kind.pk]))
    assert page.status_code == 200
    assert kind.name in page.content.decode() and "criteria-TOTAL_FORMS" in page.content.decode()
    assert client.get(reverse("admin:awards_dossierrequirement_changelist")).status_code == 200
    staff = award_people["lb_officer"]
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(reverse("admin:awards_awardkind_change", args=[kind.pk])).status_code == 302


def test_offers_are_saved_and_a_due_date_before_the_campaign_is_refused_on_its_row(
    login, award_people, award_campaign, catalogue
):
    from thidua.awards.models import CampaignAward

    client = login(award_people["lb_officer"])
    url = reverse("awards:setup", args=[award_campaign.pk])
    giay_khen, ldtt = catalogue[GIAY_KHEN], catalogue[LDTT]
    response = client.post(
        url,
        {
            "part": "offers",
            f"kind_{giay_khen.pk}": "on",
            f"due_{giay_khen.pk}": "2025-12-01",
            f"kind_{ldtt.pk}": "on",
            f"due_{ldtt.pk}": "2026-12-20",
        },
    )
    assert response.status_code == 400
    assert "Hạn gửi hồ sơ 01/12/2025 trước ngày bắt đầu thi đua (01/01/2026)." in response.content.decode()
    before = set(CampaignAward.objects.values_list("award_kind__code", flat=True))
    assert len(before) == 4  # unchanged: nothing half-saved
    response = client.post(
        url,
        {"part": "offers", f"kind_{giay_khen.pk}": "on", f"kind_{ldtt.pk}": "on", f"due_{ldtt.pk}": "2026-12-20"},
    )
    assert response.status_code == 302
    offers = dict(CampaignAward.objects.values_list("award_kind__code", "due_on"))
    assert offers == {GIAY_KHEN: None, LDTT: datetime.date(2026, 12, 20)}


def test_the_decisions_list_runs_a_fixed_number_of_queries(
    login, award_people, award_campaign, catalogue, federation, lb_council
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.org.tests.factories import MemberFactory

    def decide(n):
        for _i in range(n):
            member = MemberFactory(unit=federation.school)
            nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=member)
            services.issue_decision(
                award_people["lb_chair"],
                unit=federation.long_bien,
                campaign=award_campaign,
                nominations=[nomination],
                issued_on=DECIDED_ON,
            )

    client = login(award_people["lb_officer"])
    decide(1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("awards:decisions")).content.decode().count("/QĐ-") == 1
    decide(3)
    with CaptureQueriesContext(connection) as large:
        assert client.get(reverse("awards:decisions")).content.decode().count("/QĐ-") == 4
    assert len(large) == len(small)


def test_an_officer_records_an_earlier_paper_award_from_the_members_page(
    login, award_people, catalogue, members, federation
):
    officer = login(award_people["lb_officer"])
    member_page = officer.get(reverse("org:member_detail", args=[members["an"].pk])).content.decode()
    link = reverse("awards:record_award") + f"?doan-vien={members['an'].pk}"
    assert link in member_page
    refused = officer.post(link, {"award_kind": catalogue[LDTT].pk, "year": "2024", "source": " "})
    assert refused.status_code == 400 and 'data-field-error="source"' in refused.content.decode()
    response = officer.post(
        link, {"award_kind": catalogue[LDTT].pk, "year": "2024", "source": "Quyết định số 88/QĐ-THCS ngày 25/5/2024"}
    )
    assert response.status_code == 302
    assert (
        "2024: <strong>Lao động tiên tiến</strong> — Quyết định số 88/QĐ-THCS"
        in officer.get(reverse("org:member_detail", args=[members["an"].pk])).content.decode()
    )
    # Outside the scope, or not an office: not found.
    gia_lam = login(award_people["school_chair"])
    assert gia_lam.get(link).status_code == 404
    other = reverse("awards:record_award") + f"?doan-vien={members['dung'].pk}"
    assert login(award_people["lb_officer"]).get(other).status_code == 404


def test_composing_a_decision_ticks_no_one_until_the_chair_chooses(
    login, award_people, award_campaign, catalogue, members, lb_council
):
    """Every recommended nominee was pre-ticked (issue 14): a decision awards people, each one a
    choice. "Chọn tất cả" ticks them all on request."""
    first = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    from thidua.org.tests.factories import MemberFactory

    colleague = MemberFactory(full_name="Hoàng Thị Mai", unit=members["an"].unit)
    second = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=colleague)
    chair = login(award_people["lb_chair"])
    url = reverse("awards:decision_create") + f"?ke-hoach={award_campaign.pk}"
    form = chair.get(url).content.decode()
    for nomination in (first, second):
        assert f'value="{nomination.pk}" id="n{nomination.pk}" aria-label' in form  # listed, not checked
    assert " checked" not in form.split('data-testid="candidates"')[1].split("</table>")[0]
    assert 'data-testid="choose-all"' in form and "Chọn tất cả (2)" in form
    everyone = chair.get(url + "&chon=tat-ca").content.decode()
    table = everyone.split('data-testid="candidates"')[1].split("</table>")[0]
    assert table.count(" checked") == 2
    # Nothing chosen: refused with a message, no number taken.
    response = chair.post(url, {"issued_on": DECIDED_ON.isoformat(), "title": "Về việc khen thưởng năm 2026"})
    assert response.status_code == 400 and "Hãy chọn các đề nghị được khen thưởng." in response.content.decode()
    assert not Decision.objects.exists()
