import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.initiatives import services
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council, register
from thidua.org.tests.factories import SYSTEM


def _form(members, **extra):
    data = {
        "kind": "initiative",
        "title": "Ứng dụng Zalo OA tiếp nhận ý kiến đoàn viên",
        "solution": "Lập tài khoản Zalo OA, phân công trả lời trong 48 giờ.",
        "benefit_amount": "5000000",
        "author_0": str(members["an"].pk),
        "share_0": "70",
        "author_1": str(members["binh"].pk),
        "share_1": "30",
    }
    data.update(extra)
    return data


def test_a_member_registers_on_the_page(login, people, members):
    client = login(people["author"])
    response = client.post(reverse("initiatives:create"), _form(members))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:detail", args=[initiative.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Nguyễn Văn An (70%)" in page and "Gửi đăng ký" in page


def test_shares_not_summing_to_100_are_shown_next_to_the_authors_and_nothing_is_saved(login, people, members):
    response = login(people["author"]).post(reverse("initiatives:create"), _form(members, share_1="20"))
    assert response.status_code == 400
    assert re.search(r'data-field-error="authors">[^<]*bằng 100% \(hiện là 90%\)', response.content.decode())
    assert not Initiative.objects.exists()


def test_an_author_of_another_cdcs_cannot_even_be_chosen(login, people, members):
    response = login(people["author"]).post(
        reverse("initiatives:create"), _form(members, author_1=str(members["cuong"].pk))
    )
    assert response.status_code == 400
    assert 'data-field-error="author_1"' in response.content.decode()
    assert not Initiative.objects.exists()


def test_the_duplicate_warning_answers_as_the_title_is_typed(login, people, initiative):
    response = login(people["school_chair"]).get(
        reverse("initiatives:similar"), {"title": "so hoa so theo doi doan vien"}
    )
    assert initiative.title in response.content.decode()


def test_a_sibling_cdcs_and_a_guessed_id_find_nothing(login, people, initiative):
    client = login(people["company_chair"])
    for url in [
        reverse("initiatives:detail", args=[initiative.pk]),
        reverse("initiatives:edit", args=[initiative.pk]),
        reverse("initiatives:detail", args=[initiative.pk + 1000]),
        reverse("initiatives:unit_golden_book", args=[initiative.unit_id]),
        reverse("initiatives:golden_book_file", args=[initiative.unit_id, "xlsx"]),
        reverse("initiatives:unit_counters", args=[initiative.unit_id]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("initiatives:action", args=[initiative.pk, "submit"])).status_code == 404
    assert "Số hóa" not in client.get(reverse("initiatives:list")).content.decode()


def test_an_author_cannot_send_their_own_initiative_to_the_council(login, people, initiative):
    services.submit(people["author"], initiative, on=DAY)
    response = login(people["author"]).post(reverse("initiatives:action", args=[initiative.pk, "send_to_council"]))
    assert response.status_code == 404
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.SUBMITTED


@pytest.mark.parametrize("n", [1, 4])
def test_the_list_runs_a_fixed_number_of_queries(login, people, members, federation, django_assert_num_queries, n):
    for i in range(n):
        register(people["author"], federation.school, [(members["an"], 100)], title=f"Sáng kiến số {i}")
    client = login(people["lb_officer"])
    client.get(reverse("initiatives:list"))
    with django_assert_num_queries(5):  # session, user, role, count, page
        response = client.get(reverse("initiatives:list"))
    assert (
        response.content.decode().count('href="/sang-kien/') - response.content.decode().count('href="/sang-kien/dang')
        >= n
    )


@pytest.fixture
def recognised(federation, initiative, people, team):
    chair = people["school_chair"]
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative)
    return services.issue_recognition_decision(
        chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY, signer_name="Hoàng Văn Chủ"
    )


def test_golden_book_page_pdf_and_xlsx(login, people, federation, initiative, recognised):
    client = login(people["lb_officer"])  # the district reads the CĐCS's book
    page = client.get(reverse("initiatives:unit_golden_book", args=[federation.school.pk])).content.decode()
    assert initiative.title in page and "Nguyễn Văn An (60%), Trần Thị Bình (40%)" in page
    xlsx = client.get(reverse("initiatives:golden_book_file", args=[federation.school.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[3]][:3] == ["1", "10/05/2024", initiative.title]
    pdf = client.get(reverse("initiatives:golden_book_file", args=[federation.school.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF")


def test_decision_download_lists_the_initiative(login, people, initiative, recognised):
    from docx import Document

    response = login(people["school_chair"]).get(reverse("initiatives:decision", args=[recognised.pk, "docx"]))
    word = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "QUYẾT ĐỊNH" in text and "Về việc công nhận sáng kiến" in text
    assert any(f"Số: {recognised.register_entry.symbol}" in c for c in cells)  # the letterhead is a table
    assert initiative.title in cells


def test_counters_page_and_home_panel(login, people, federation, initiative, recognised):
    client = login(people["lb_officer"])
    page = client.get(reverse("initiatives:counters")).content.decode()
    assert "CĐCS Trường THCS Gia Thụy" in page and "12.000.000" in page
    home = client.get(reverse("home")).content.decode()
    assert 'data-testid="home-initiatives"' in home


def test_a_district_council_member_of_another_cdcs_reads_the_dossier_on_the_agenda(
    login, federation, initiative, people, team
):
    from thidua.councils import services as councils
    from thidua.councils.models import Session
    from thidua.org.models import Member

    chair = people["school_chair"]
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    pass_council(chair, council, initiative)
    services.issue_recognition_decision(chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY)
    services.propose_to_next_level(chair, initiative)
    officer = people["lb_officer"]
    services.send_to_council(officer, initiative)
    district = council_for(federation.long_bien, officer, ["Phan Văn Một", "Phan Văn Hai"], federation.company)
    detail = reverse("initiatives:detail", args=[initiative.pk])
    seat_user = Member.objects.get(full_name="Phan Văn Một").user
    from thidua.org.models import Role

    seat_user.acting_role = Role.objects.get(user=seat_user)
    assert login(seat_user).get(detail).status_code == 404  # not on an agenda yet
    session = councils.open_session(officer, district, held_on=DAY)
    councils.add_to_agenda(officer, session, initiative)
    client = login(seat_user)
    assert client.get(detail).status_code == 200
    assert client.get(reverse("councils:session", args=[session.pk])).status_code == 200
    # A colleague of the same CĐCS who does not sit on the council sees neither.
    assert login(people["company_chair"]).get(detail).status_code == 404
    assert login(people["company_chair"]).get(reverse("councils:session", args=[session.pk])).status_code == 404
    assert Session.objects.visible_to(people["company_chair"]).count() == 0


def test_counters_page_filters_by_campaign_and_quarter(login, people, federation, members):
    from thidua.campaigns import services as campaigns

    plan = campaigns.create_campaign(
        SYSTEM, issuer=federation.long_bien, kind="movement", title="Đổi mới, sáng tạo, hiệu quả", place="Long Biên"
    )
    Campaign = type(plan)
    Campaign.objects.filter(pk=plan.pk).update(status="issued")
    for n, campaign in enumerate([plan, None, plan]):
        item = register(
            people["author"], federation.school, [(members["an"], 100)], title=f"Sáng kiến {n}", campaign=campaign
        )
        services.submit(SYSTEM, item, on=DAY)
    client = login(people["lb_officer"])
    page = client.get(reverse("initiatives:counters"), {"campaign": plan.pk, "year": 2024, "quarter": 2})
    assert re.search(
        r'data-testid="counter-total">\s*<div[^>]*><div[^>]*><div[^>]*><div class="fs-4">2<', page.content.decode()
    )
    page = client.get(reverse("initiatives:counters"), {"year": 2024, "quarter": 3})
    assert re.search(
        r'data-testid="counter-total">\s*<div[^>]*><div[^>]*><div[^>]*><div class="fs-4">0<', page.content.decode()
    )


@pytest.mark.parametrize("n", [1, 5])
def test_golden_book_and_figures_pages_run_a_fixed_number_of_queries(
    login, people, federation, members, django_assert_num_queries, n
):
    ids = []
    for i in range(n):
        item = register(people["author"], federation.school, [(members["an"], 100)], title=f"Sáng kiến số {i}")
        services.submit(SYSTEM, item, on=DAY)
        ids.append(item.pk)
    Initiative.objects.filter(pk__in=ids).update(status=InitiativeStatus.COUNCIL_PASSED)
    services.issue_recognition_decision(SYSTEM, unit=federation.school, initiative_ids=ids, issued_on=DAY)
    client = login(people["school_chair"])
    client.get(reverse("initiatives:golden_book"))
    with django_assert_num_queries(4):  # session, user, role, the book
        page = client.get(reverse("initiatives:golden_book")).content.decode()
    assert page.count("Sáng kiến số ") == n
    officer = login(people["lb_officer"])
    officer.get(reverse("initiatives:counters"))
    with django_assert_num_queries(8):  # session, user, role, programmes, campaigns, total, by child, units
        officer.get(reverse("initiatives:counters"))
