"""Writes through the API (issue 20) go through the pages' services: a report is saved or sent by
reports.services.save_report (same validation, workflow, versions, audit, roll-up), members are
recorded by the Excel import's own rules. Bad input is a 400 with each message, in Vietnamese,
under its field — and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.models import AuditEntry
from thidua.org.models import Member
from thidua.reports.models import Answer, Submission, SubmissionVersion
from thidua.reports.tests.conftest import answers

pytestmark = pytest.mark.django_db


def field(form, label: str) -> str:
    return form.indicators.get(label=label).field_name


def test_the_cdcs_sends_its_report_as_the_page_does(api, world, roles):
    report = world["school_report"]
    form = report.period.form
    chair = api(roles["cdcs_chair"], write=True)
    values = answers(form, total="2", reached="2", share="87,5", held="yes", note="Tổ chức hội nghị")
    response = chair.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": values, "submit": True})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["status_display"] == "Đã nộp"
    shown = {a["label"]: a["value"] for a in body["answers"]}
    assert shown["Tỷ lệ CNLĐ được ký thỏa ước"] == "87,5" or shown["Tỷ lệ CNLĐ được ký thỏa ước"].startswith("87")
    assert shown["Đã tổ chức Hội nghị người lao động"] == "Có"
    assert SubmissionVersion.objects.filter(submission=report, number=1).exists()
    assert AuditEntry.objects.for_object(report).filter(verb="submit_report", actor=roles["cdcs_chair"]).exists()
    # The district's board counts it.
    board = api(roles["district"]).get(f"/api/v1/report-periods/{world['period'].pk}/board/").json()
    assert board["total"]["on_time"] + board["total"]["late"] == 1
    # And its roll-up: the sent figures, as the roll-up page aggregates them.
    rollup = api(roles["district"]).get(f"/api/v1/report-periods/{world['period'].pk}/rollup/").json()
    by_label = {i["id"]: i["label"] for i in rollup["indicators"]}
    totals = {by_label[v["indicator"]]: v["value"] for v in rollup["total"]["values"]}
    assert rollup["total"]["reports"] == 1
    assert totals["Tổng số đoàn viên"] == "2"
    assert totals["Tỷ lệ CNLĐ được ký thỏa ước"] == "87,5"
    assert [c["unit"]["code"] for c in rollup["children"]] == ["LB-001"]
    assert chair.get(f"/api/v1/report-periods/{world['period'].pk}/rollup/").status_code == 404


def test_bad_answers_are_refused_with_vietnamese_messages_and_nothing_saved(api, world, roles):
    report = world["school_report"]
    form = report.period.form
    chair = api(roles["cdcs_chair"], write=True)
    values = answers(form, total="hai", reached="5", share="120", held="có lẽ")
    response = chair.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": values, "submit": True})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[f"answers.{field(form, 'Tổng số đoàn viên')}"] == [
        "Hãy nhập một số nguyên, chỉ gồm chữ số (vd. 125)."
    ]
    assert errors[f"answers.{field(form, 'Tỷ lệ CNLĐ được ký thỏa ước')}"] == ["Tỷ lệ phải từ 0 đến 100 %."]
    assert errors[f"answers.{field(form, 'Đã tổ chức Hội nghị người lao động')}"] == ["Hãy chọn Có hoặc Không."]
    unknown = chair.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": {"i999999": "1"}})
    assert unknown.status_code == 400
    assert unknown.json()["errors"] == {"answers.i999999": ["Báo cáo này không có chỉ tiêu i999999."]}
    shape = chair.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": "125", "submit": "có"})
    assert shape.json()["errors"] == {
        "answers": ['“answers” phải có dạng {"i<id>": "giá trị"}.'],
        "submit": ["“submit” phải là true hoặc false."],
    }
    report.refresh_from_db()
    assert report.status == "pending" and report.version == 0
    assert not Answer.objects.filter(submission=report).exists()
    assert not AuditEntry.objects.for_object(report).exists()


def test_only_the_reporting_unit_sends_its_report(api, world, roles):
    """The district's read-write token reads the CĐCS's report but cannot send it (the page's
    rule); the sibling's report does not exist for the chair."""
    district = api(roles["district"], write=True)
    report = world["school_report"]
    assert district.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": {}}).status_code == 403
    chair = api(roles["cdcs_chair"], write=True)
    sibling = world["company_report"]
    assert chair.post(f"/api/v1/submissions/{sibling.pk}/send/", {"answers": {}}).status_code == 404
    assert Submission.objects.get(pk=report.pk).status == "pending"


def test_a_file_is_attached_to_a_report_as_on_the_page(api, world, roles):
    report = world["school_report"]
    form = report.period.form
    chair = api(roles["cdcs_chair"], write=True)
    name = field(form, "Biên bản hội nghị")
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = chair.client.post(
        f"/api/v1/submissions/{report.pk}/send/",
        {name: upload, field(form, "Tổng số đoàn viên"): "2", "submit": "false"},
        headers=chair.headers,
    )
    assert response.status_code == 200, response.content
    shown = {a["field"]: a["value"] for a in response.json()["answers"]}
    assert shown[name] == "bien-ban.pdf"
    assert response.json()["status"] == "draft"


def test_members_are_recorded_by_the_imports_rules(api, federation, roles):
    chair = api(roles["cdcs_chair"], write=True)
    rows = [
        {
            "full_name": "Đỗ Thị Lan",
            "gender": "Nữ",
            "unit_code": "LB-001",
            "birth_year": "1990",
            "card_number": "LB9001",
        },
        {"full_name": "Vũ Văn Nam", "gender": "Nam", "unit_code": "LB-001-T1", "officer_type": "Không chuyên trách"},
    ]
    response = chair.post("/api/v1/members/", {"members": rows})
    assert response.status_code == 201, response.content
    assert response.json() == {"created": 2}
    lan = Member.objects.get(card_number="LB9001")
    assert lan.unit == federation.school and lan.get_gender_display() == "Nữ"
    assert AuditEntry.objects.filter(verb="import_members", actor=roles["cdcs_chair"]).exists()


def test_bad_member_rows_are_refused_by_field_and_none_is_written(api, federation, members, roles):
    chair = api(roles["cdcs_chair"], write=True)
    before = Member.objects.count()
    rows = [
        {"full_name": "Đỗ Thị Lan", "gender": "Nữ", "unit_code": "LB-001"},
        {"full_name": "", "gender": "Khác", "unit_code": "LB-002", "card_number": "LB0001"},
    ]
    response = chair.post("/api/v1/members/", {"members": rows})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["members.1.full_name"] == ["bắt buộc."]
    assert "members.1.gender" in errors
    # The sibling CĐCS is outside the chair's scope: refused as on the import.
    assert "members.1.unit_code" in errors
    assert errors["members.1.card_number"] == ['số thẻ "LB0001" đã có trong hệ thống.']
    assert "members.0.full_name" not in errors
    assert Member.objects.count() == before
    empty = chair.post("/api/v1/members/", {"members": []})
    assert empty.json() == {"errors": {"members": ["Danh sách đoàn viên đang trống."]}}
    shape = chair.post("/api/v1/members/", {"members": ["Đỗ Thị Lan", {"full_name": 5, "gender": None}]})
    assert shape.status_code == 400
    assert shape.json()["errors"]["members.0"] == ['Mỗi đoàn viên là một đối tượng {"full_name": …, "gender": …}.']
    assert shape.json()["errors"]["members.1.gender"] == ['Không được để null: để trống thì ghi "".']
    assert Member.objects.count() == before


def test_a_body_or_page_it_cannot_read_is_refused_in_vietnamese_and_nothing_saved(api, world, roles):
    chair = api(roles["cdcs_chair"], write=True)
    report = world["school_report"]
    send = f"/api/v1/submissions/{report.pk}/send/"
    broken = chair.post(send, '{"answers": {"i1": "5"')
    assert broken.status_code == 400
    assert broken.json() == {"detail": "Không đọc được nội dung gửi lên: hãy gửi JSON hợp lệ."}
    text = chair.post(send, "submit=true", content_type="text/plain")
    assert text.status_code == 415
    assert text.json()["detail"].startswith("Kiểu nội dung này không được nhận")
    report.refresh_from_db()
    assert report.version == 0 and not Answer.objects.filter(submission=report).exists()
    beyond = chair.get("/api/v1/submissions/", page=99)
    assert beyond.status_code == 404 and beyond.json() == {"detail": "Không có trang 99."}
