"""The pages that turn an uploaded plan into a draft: upload, review, create."""

import datetime
from pathlib import Path

import pytest

from thidua.campaigns import plan_import
from thidua.campaigns.models import Campaign, Deadline
from thidua.campaigns.tests.test_plan_import import seed_000_extract
from thidua.campaigns.views.plan_import import _review_forms
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

URL = "/ke-hoach/nhap-tu-van-ban/"
CREATE = "/ke-hoach/nhap-tu-van-ban/tao-ban-nhap/"


def review_post(extract, state: str, **changes) -> dict:
    """What the review page submits when the officer changes nothing but `changes`."""
    data = {"state": state}
    for form in _review_forms(extract).all():
        if hasattr(form, "management_form"):
            for field in form.management_form:
                data[field.html_name] = field.value()
            forms = form.forms
        else:
            forms = [form]
        for each in forms:
            for field in each:
                value = field.value()
                if value is None or value is False:
                    continue
                data[field.html_name] = value.isoformat() if isinstance(value, datetime.date) else value
    data.update(changes)
    return data


def sealed(user, unit, extract=None, file_name="KH 32 LĐLĐ.docx"):
    extract = extract or seed_000_extract()
    return extract, plan_import.seal(extract, file_name=file_name, user_id=user.pk, unit_id=unit.pk)


def test_the_plan_list_offers_the_import_to_those_who_may_create(federation, login, lb_officer):
    page = login(lb_officer).get("/ke-hoach/").content.decode()
    assert 'href="/ke-hoach/nhap-tu-van-ban/"' in page and "Nhập từ văn bản" in page


def test_reviewed_values_create_the_draft_and_lead_to_its_page(federation, login, school_chair):
    extract, state = sealed(school_chair, federation.school)
    client = login(school_chair)
    response = client.post(
        CREATE,
        review_post(
            extract,
            state,
            **{"plan-title": "Kế hoạch hưởng ứng đợt thi đua cao điểm", "deadline-0-DELETE": "on"},
        ),
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ke-hoach/{campaign.pk}/"
    assert (campaign.issuer, campaign.title, campaign.status) == (
        federation.school,
        "Kế hoạch hưởng ứng đợt thi đua cao điểm",
        "draft",
    )
    assert list(campaign.deadlines.values_list("due_on", "what")) == [
        (datetime.date(2023, 9, 18), "Báo cáo kết quả thực hiện về LĐLĐ Quận")
    ]
    page = client.get(response["Location"]).content.decode()
    assert "18/09/2023" in page and "32/KH-LĐLĐ" in page and "Dự thảo" in page
    preview = client.get(f"/ke-hoach/{campaign.pk}/xem-truoc/").content.decode()
    assert "Thực hiện Kế hoạch số 32/KH-LĐLĐ ngày 21/08/2023 của LĐLĐ quận Long Biên" in preview


def test_an_invalid_deadline_is_shown_on_its_row_and_nothing_is_created(federation, login, lb_officer):
    extract, state = sealed(lb_officer, federation.long_bien)
    response = login(lb_officer).post(CREATE, review_post(extract, state, **{"deadline-1-due_on": "2023-02-31"}))
    assert response.status_code == 200
    page = response.content.decode()
    rows = page.split('data-testid="deadline-row"')
    assert 'data-field-error="due_on"' not in rows[1] and 'data-field-error="due_on"' in rows[2]
    assert "Chưa tạo được bản nháp" in page
    assert not Campaign.objects.exists() and not Deadline.objects.exists()


def test_a_bad_window_is_shown_next_to_the_end_date(federation, login, lb_officer):
    extract, state = sealed(lb_officer, federation.long_bien)
    page = (
        login(lb_officer).post(CREATE, review_post(extract, state, **{"plan-ends_on": "2023-08-01"})).content.decode()
    )
    assert 'data-field-error="ends_on">Ngày kết thúc phải sau ngày bắt đầu.' in page
    assert not Campaign.objects.exists()


def test_the_review_page_shows_sources_warnings_and_what_was_not_found(federation, login, lb_officer):
    extract = seed_000_extract()
    extract.evidence["signer_name"] = "Nguyễn Trường Giang"
    extract.award_forms = []
    extract, state = sealed(lb_officer, federation.long_bien, extract)
    # A refused submit shows the review page again, as the upload does.
    page = login(lb_officer).post(CREATE, review_post(extract, state, **{"plan-title": ""})).content.decode()
    assert "Không thấy hình thức khen thưởng." in page  # the parser's warning, on top
    assert 'value="Nguyễn Trường Giang"' in page
    assert "Thực hiện kế hoạch số 107-KH/QU ngày 24/02/2022 của Quận ủy Long Biên" in page  # a reference's source
    award = page.split('data-import-field="reward-award_forms"')[1].split("data-import-field=")[0]
    assert 'data-testid="not-found"' in award
    title = page.split('data-import-field="plan-title"')[1].split("data-import-field=")[0]
    assert 'data-field-error="title"' in title
    assert f'name="state" value="{state}"' in page


def test_tampered_or_foreign_state_is_refused(federation, login, lb_officer):
    extract, state = sealed(lb_officer, federation.long_bien)
    client = login(lb_officer)
    tampered = state.replace(state[5], "A" if state[5] != "A" else "B", 1)
    response = client.post(CREATE, review_post(extract, tampered))
    assert response.status_code == 400 and "Hãy tải văn bản lên lại" in response.content.decode()
    # Sealed for someone else (another district's officer), replayed by this one.
    other = make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    _extract, foreign = sealed(other, federation.gia_lam)
    assert client.post(CREATE, review_post(extract, foreign)).status_code == 400
    assert not Campaign.objects.exists()


def test_a_cdcs_creates_only_for_its_own_unit(federation, login, school_chair, company_chair):
    # A state sealed for the company's chair cannot create a draft of the school, nor the reverse.
    extract, state = sealed(company_chair, federation.company)
    assert login(school_chair).post(CREATE, review_post(extract, state)).status_code == 400
    extract, state = sealed(school_chair, federation.school)
    login(school_chair).post(CREATE, review_post(extract, state))
    assert list(Campaign.objects.values_list("issuer", flat=True)) == [federation.school.pk]


@pytest.mark.parametrize("kind", [RoleKind.VIEWER, RoleKind.COUNCIL_MEMBER, RoleKind.MEMBER])
def test_roles_that_may_not_write_plans_cannot_import(federation, login, kind):
    user = make_user("khong_soan", kind, federation.long_bien)
    client = login(user)
    extract, state = sealed(user, federation.long_bien)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"text": "KẾ HOẠCH"}).status_code == 404
    assert client.post(CREATE, review_post(extract, state)).status_code == 404
    assert "nhap-tu-van-ban" not in client.get("/ke-hoach/").content.decode()
    assert not Campaign.objects.exists()


def test_upload_without_file_or_text_says_so_next_to_the_file(federation, login, lb_officer):
    page = login(lb_officer).post(URL, {"text": "   "}).content.decode()
    assert 'data-field-error="file">Hãy chọn tệp kế hoạch hoặc dán nội dung vào ô bên dưới.' in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "là Word cũ (.doc), chưa đọc được"),
        ("ke-hoach.pdf", b"%PDF-1.4", "Chỉ nhận tệp .docx, .txt hoặc .md"),
        ("ke-hoach.txt", b"", "Tệp rỗng, không có nội dung nào."),
    ],
)
def test_upload_errors_are_shown_next_to_the_file(federation, login, lb_officer, name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = login(lb_officer).post(URL, {"file": SimpleUploadedFile(name, content)})
    page = response.content.decode()
    assert response.status_code == 200 and 'data-field-error="file"' in page and message in page


def test_a_file_over_the_limit_is_refused(federation, login, lb_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua.campaigns.forms import IMPORT_MAX_BYTES

    big = SimpleUploadedFile("ke-hoach.txt", b"a" * (IMPORT_MAX_BYTES + 1))
    page = login(lb_officer).post(URL, {"file": big}).content.decode()
    assert 'data-field-error="file">Tệp quá lớn (10,0' in page


SEEDS = (
    Path(__file__).resolve().parents[2] / "planimport" / "tests" / "seeds"
)  # the repository's copies of the seed plans


def seed_text(key: str) -> str:
    found = sorted(SEEDS.glob(f"{key}_*.txt"))
    assert found, f"không có kế hoạch mẫu {key} trong {SEEDS}"
    return found[0].read_text(encoding="utf-8")


def test_a_binary_file_is_refused_next_to_the_file(federation, login, lb_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("ke-hoach.txt", bytes(range(256)) * 40)
    page = login(lb_officer).post(URL, {"file": upload}).content.decode()
    assert 'data-field-error="file">Tệp không phải văn bản' in page
    assert not Campaign.objects.exists()


def test_pasted_seed_is_read_into_the_review_page(federation, login, lb_officer):
    response = login(lb_officer).post(URL, {"text": seed_text("000")})
    page = response.content.decode()
    assert response.status_code == 200 and 'name="state"' in page
    assert 'name="higher-number" value="32/KH-LDLĐ"' in page  # as printed, typo included
    assert "Số: 32/KH-LDLĐ" in page  # the line it came from
    assert 'name="plan-starts_on" value="2023-08-16"' in page and 'name="plan-ends_on" value="2023-09-15"' in page
    assert 'name="deadline-0-due_on" value="2023-09-15"' in page
    assert 'data-testid="import-warnings"' in page
    assert not Campaign.objects.exists()  # nothing stored before "Tạo bản nháp"


def test_a_word_file_is_read_into_the_review_page(federation, login, lb_officer):
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = docx.Document()
    for line in seed_text("000").splitlines():
        document.add_paragraph(line.replace("**", "").replace("*", ""))
    buffer = io.BytesIO()
    document.save(buffer)
    page = login(lb_officer).post(URL, {"file": SimpleUploadedFile("KH 32.docx", buffer.getvalue())}).content.decode()
    assert "KH 32.docx" in page and 'name="plan-ends_on" value="2023-09-15"' in page


def test_a_plan_already_issued_in_thidua_is_pointed_to(draft, federation, login, lb_officer, school_chair):
    from thidua.campaigns import services

    services.issue_campaign(lb_officer, draft)  # 01/KH-LĐLĐ of 21/8/2023, deployed to the school
    extract = seed_000_extract()
    extract.number, extract.symbol = "01", "KH-LĐLĐ"
    extract, state = sealed(school_chair, federation.school, extract)
    page = login(school_chair).post(CREATE, review_post(extract, state, **{"plan-title": ""})).content.decode()
    notice = page.split('data-testid="already-in-thidua"')[1].split("</div>")[0]
    assert f'href="/ke-hoach/{draft.pk}/"' in notice and "Soạn kế hoạch của đơn vị" in notice

    # Another number: nothing to point to.
    extract.number = "32"
    extract, state = sealed(school_chair, federation.school, extract)
    page = login(school_chair).post(CREATE, review_post(extract, state, **{"plan-title": ""})).content.decode()
    assert "already-in-thidua" not in page


def test_a_dropped_row_is_not_checked_nor_created(federation, login, lb_officer):
    extract, state = sealed(lb_officer, federation.long_bien)
    data = review_post(extract, state, **{"deadline-1-due_on": "", "deadline-1-DELETE": "on", "ref-0-DELETE": "on"})
    response = login(lb_officer).post(CREATE, data)
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/ke-hoach/{campaign.pk}/"
    assert list(campaign.deadlines.values_list("due_on", flat=True)) == [datetime.date(2023, 9, 15)]
    assert list(campaign.references.values_list("number", flat=True)) == ["32/KH-LĐLĐ"]  # the uploaded plan only


def test_text_in_another_language_is_refused_next_to_the_text(federation, login, lb_officer):
    page = (
        login(lb_officer)
        .post(URL, {"text": "Quarterly sales figures were strong across all regions."})
        .content.decode()
    )
    assert 'data-field-error="text">Văn bản không phải tiếng Việt' in page


def test_text_that_is_no_plan_shows_what_was_not_found_and_creates_nothing(federation, login, lb_officer):
    client = login(lb_officer)
    page = client.post(URL, {"text": "Hôm nay trời đẹp, công đoàn tổ chức đi tham quan."}).content.decode()
    assert 'data-testid="import-warnings"' in page
    title = page.split('data-import-field="plan-title"')[1].split("data-import-field=")[0]
    assert 'data-testid="not-found"' in title
    state = page.split('name="state" value="')[1].split('"')[0]
    extract, _file = plan_import.unseal(state, user_id=lb_officer.pk, unit_id=federation.long_bien.pk)
    refused = client.post(CREATE, review_post(extract, state)).content.decode()
    assert 'data-field-error="title"' in refused and not Campaign.objects.exists()


def _plan_with_headings(parts: int, per_part: int) -> str:
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
    text = "LĐLĐ QUẬN LONG BIÊN\nSố: 40/KH-LĐLĐ\nLong Biên, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nThi đua năm 2025\n"
    text += "Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 10/01/2025 của LĐLĐ Thành phố Hà Nội;\n"
    for i in range(parts):
        text += f"{roman[i]}. PHẦN THỨ {i + 1}\n"
        for k in range(1, per_part + 1):
            text += f"{k}. Nội dung {i + 1}.{k}\nCác công đoàn cơ sở thực hiện nội dung {i + 1}.{k}.\n"
    return text + "Nơi nhận:\n- Các CĐCS;\n- Lưu VT.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNguyễn Văn An\n"


def test_a_plan_of_300_headings_is_reviewed_and_created_through_the_pages(federation, client, lb_officer):
    """300 headings are 1,500 fields on the review page, over Django's 1,000 a request may carry
    (DATA_UPLOAD_MAX_NUMBER_FIELDS): the page is posted back as a browser would, CSRF checked."""
    from urllib.parse import urlencode

    import lxml.html
    from django.conf import settings
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(lb_officer)
    session = browser.session
    session["acting_role_id"] = lb_officer.acting_role.pk
    session.save()
    upload_page = browser.get(URL).content.decode()
    token = lxml.html.fromstring(upload_page).forms[-1].fields["csrfmiddlewaretoken"]
    response = browser.post(URL, {"text": _plan_with_headings(10, 30), "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    form = next(f for f in lxml.html.fromstring(response.content.decode()).forms if f.action.endswith("tao-ban-nhap/"))
    values = form.form_values()
    assert len(values) > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    values.append(("plan-title", "Kế hoạch thi đua năm 2025 của công đoàn cơ sở"))
    created = browser.post(CREATE, urlencode(values), content_type="application/x-www-form-urlencoded")
    campaign = Campaign.objects.get()
    assert created.status_code == 302 and created["Location"] == f"/ke-hoach/{campaign.pk}/"
    assert campaign.title == "Kế hoạch thi đua năm 2025 của công đoàn cơ sở"
    assert campaign.sections.count() >= 10


def test_the_review_page_without_its_csrf_token_is_still_refused(federation, lb_officer):
    from django.test import Client

    extract, state = sealed(lb_officer, federation.long_bien)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(lb_officer)
    response = browser.post(CREATE, review_post(extract, state))
    assert response.status_code == 403 and not Campaign.objects.exists()


def test_a_plan_whose_review_page_would_be_too_long_is_refused_next_to_the_text(
    federation, login, lb_officer, monkeypatch
):
    from thidua.campaigns.views import plan_import as views

    monkeypatch.setattr(views, "REVIEW_MAX_FIELDS", 1_200)
    page = login(lb_officer).post(URL, {"text": _plan_with_headings(10, 30)}).content.decode()
    assert 'data-field-error="text">Văn bản có quá nhiều mục, hạn và dòng (1.' in page
    assert "ô) để xem lại trên một trang: tối đa 1.200 ô. Hãy tách văn bản thành nhiều phần." in page
    assert 'name="state"' not in page


def test_more_fields_than_the_review_page_holds_are_refused(federation, login, lb_officer, monkeypatch):
    from urllib.parse import urlencode

    from thidua.campaigns.views import plan_import as views

    monkeypatch.setattr(views, "REVIEW_MAX_FIELDS", 1_200)
    extract, state = sealed(lb_officer, federation.long_bien)
    data = list(review_post(extract, state).items()) + [(f"x-{i}", "1") for i in range(1_300)]
    response = login(lb_officer).post(CREATE, urlencode(data), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and not Campaign.objects.exists()
