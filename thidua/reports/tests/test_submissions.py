"""A CĐCS fills in, saves a draft and sends its report; bad values are refused next to their
field with nothing saved; a late report is accepted and marked late; the federation accepts it
or sends it back with a reason; every version sent is kept."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from thidua.core.models import AuditEntry
from thidua.reports import services
from thidua.reports.models import Answer, ReportPeriod, Submission, SubmissionStatus
from thidua.reports.tests.conftest import answers, local

GOOD = {"total": "", "reached": "2", "share": "87,5", "held": "yes", "note": "Tổ chức hội nghị tháng 7"}


def _submission(form, unit) -> Submission:
    return Submission.objects.get(period__form=form, unit=unit)


def test_publishing_opens_the_quarter_for_every_cdcs_of_the_district(quarterly, federation):
    period = ReportPeriod.objects.get(form=quarterly)
    assert (period.label, period.due_on.isoformat()) == ("Quý III năm 2023", "2023-09-14")
    units = set(period.submissions.values_list("unit__name", flat=True))
    assert units == {federation.school.name, federation.company.name}
    assert set(period.submissions.values_list("status", flat=True)) == {SubmissionStatus.PENDING}


def test_draft_then_submit_on_time(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    services.save_report(school_chair, submission, values=answers(quarterly, reached="1"))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
    services.save_report(
        school_chair, submission, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-14", "23:59")
    )
    submission.refresh_from_db()
    assert (submission.status, submission.is_late, submission.version) == (SubmissionStatus.SUBMITTED, False, 1)
    values = {a.indicator.label: a.display() for a in submission.answers.select_related("indicator")}
    assert values["Tổng số đoàn viên"] == "2"  # filled in from the school's members (An, Bình)
    assert values["Tỷ lệ CNLĐ được ký thỏa ước"] == "87,5"
    verbs = list(AuditEntry.objects.for_object(submission).values_list("verb", flat=True))
    assert set(verbs) == {"save_report_draft", "submit_report"}


def test_submitting_after_the_due_day_is_allowed_and_marked_late(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    services.save_report(
        school_chair, submission, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-15", "00:05")
    )
    submission.refresh_from_db()
    assert (submission.status, submission.is_late) == (SubmissionStatus.SUBMITTED, True)


def _refused(chair, submission, values, files=None, submit=False) -> dict:
    with pytest.raises(ValidationError) as refused:
        services.save_report(chair, submission, values=values, files=files or {}, submit=submit)
    return {field: " ".join(messages) for field, messages in refused.value.message_dict.items()}


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("reached", "bốn mươi", "Hãy nhập một số nguyên"),
        ("reached", "12a", "Hãy nhập một số nguyên"),
        ("reached", "-3", "Hãy nhập một số nguyên"),
        ("share", "120", "Tỷ lệ phải từ 0 đến 100 %"),
        ("share", "nhiều", "Hãy nhập một tỷ lệ bằng số"),
    ],
)
def test_bad_value_is_refused_next_to_its_field_and_nothing_is_saved(
    quarterly, federation, school_chair, key, typed, message
):
    submission = _submission(quarterly, federation.school)
    values = answers(quarterly, **{**GOOD, key: typed})
    errors = _refused(school_chair, submission, values, submit=True)
    field = answers(quarterly, **{key: typed}).popitem()[0]
    assert list(errors) == [field]
    assert message in errors[field]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING
    assert not Answer.objects.filter(submission=submission).exists()


def test_members_reached_cannot_exceed_the_members(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    errors = _refused(school_chair, submission, answers(quarterly, **{**GOOD, "total": "30", "reached": "31"}))
    assert "Không thể lớn hơn “Tổng số đoàn viên” (30)" in " ".join(errors.values())


def test_required_answers_are_needed_to_submit_not_to_save_a_draft(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    partial = answers(quarterly, reached="1")
    services.save_report(school_chair, submission, values=partial)
    errors = _refused(school_chair, submission, partial, submit=True)
    assert set(errors) == set(answers(quarterly, share="", held=""))
    assert all("bắt buộc" in m for m in errors.values())
    submission.refresh_from_db()
    assert (submission.status, submission.version) == (SubmissionStatus.DRAFT, 0)


def test_a_file_of_the_wrong_type_is_refused(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    file_field = quarterly.indicators.get(label="Biên bản hội nghị").field_name
    word = SimpleUploadedFile("bien-ban.docx", b"PK\x03\x04 word document", content_type="application/msword")
    errors = _refused(school_chair, submission, answers(quarterly, **GOOD), files={file_field: word}, submit=True)
    assert "không phải là ảnh hay tệp PDF" in errors[file_field]
    assert not Answer.objects.filter(submission=submission).exists()


def test_a_scan_is_attached_to_the_report(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    file_field = quarterly.indicators.get(label="Biên bản hội nghị").field_name
    out = io.BytesIO()
    Image.new("RGB", (60, 40)).save(out, format="PNG")
    scan = SimpleUploadedFile("bien-ban.png", out.getvalue(), content_type="image/png")
    services.save_report(school_chair, submission, values=answers(quarterly, **GOOD), files={file_field: scan})
    answer = Answer.objects.get(submission=submission, indicator__label="Biên bản hội nghị")
    assert answer.attachment.original_name == "bien-ban.png"


def test_return_needs_a_reason_and_resubmission_keeps_every_version(quarterly, federation, school_chair, lb_officer):
    submission = _submission(quarterly, federation.school)
    services.save_report(school_chair, submission, values=answers(quarterly, **GOOD), submit=True)
    with pytest.raises(ValidationError):
        services.return_report(lb_officer, submission, reason="  ")
    services.return_report(lb_officer, submission, reason="Số đoàn viên được phổ biến chưa khớp sổ sách")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    services.save_report(school_chair, submission, values=answers(quarterly, **{**GOOD, "reached": "1"}), submit=True)
    services.accept_report(lb_officer, submission)
    submission.refresh_from_db()
    assert (submission.status, submission.version) == (SubmissionStatus.ACCEPTED, 2)
    sent = {v.number: {a["label"]: a["value"] for a in v.answers} for v in submission.versions.all()}
    assert sent[1]["Số đoàn viên được phổ biến"] == "2"
    assert sent[2]["Số đoàn viên được phổ biến"] == "1"
    entry = AuditEntry.objects.for_object(submission).get(verb="return_report")
    assert (entry.reason, entry.from_state, entry.to_state) == (
        "Số đoàn viên được phổ biến chưa khớp sổ sách",
        "Đã nộp",
        "Bị trả lại",
    )


def test_a_sent_report_cannot_be_changed_until_returned(quarterly, federation, school_chair):
    submission = _submission(quarterly, federation.school)
    services.save_report(school_chair, submission, values=answers(quarterly, **GOOD), submit=True)
    with pytest.raises(ValidationError):
        services.save_report(school_chair, submission, values=answers(quarterly, **GOOD))


def test_only_the_unit_itself_fills_in_and_only_a_union_above_reviews(
    quarterly, federation, school_chair, company_chair, lb_officer
):
    submission = _submission(quarterly, federation.school)
    with pytest.raises(PermissionDenied):
        services.save_report(company_chair, submission, values=answers(quarterly, **GOOD))
    with pytest.raises(PermissionDenied):
        services.save_report(lb_officer, submission, values=answers(quarterly, **GOOD))
    services.save_report(school_chair, submission, values=answers(quarterly, **GOOD), submit=True)
    with pytest.raises(PermissionDenied):
        services.accept_report(school_chair, submission)


def test_lateness_is_decided_by_the_first_sending(quarterly, federation, school_chair, company_chair, lb_officer):
    """Sent on time, returned for correction, sent again after the due day: still on time —
    the board says so, and that it was sent again. Sent first after the due day: late."""
    from thidua.reports import queries

    school = _submission(quarterly, federation.school)
    services.save_report(
        school_chair, school, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-13", "09:00")
    )
    services.return_report(lb_officer, school, reason="Thiếu biên bản hội nghị")
    services.save_report(
        school_chair, school, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-20", "10:00")
    )
    company = _submission(quarterly, federation.company)
    services.save_report(
        company_chair,
        company,
        values=answers(quarterly, **{**GOOD, "reached": "1"}),
        submit=True,
        at=local("2023-09-15", "08:00"),
    )
    school.refresh_from_db()
    company.refresh_from_db()
    assert (school.is_late, school.version, school.is_resent) == (False, 2, True)
    assert school.first_submitted_at == local("2023-09-13", "09:00")
    assert school.submitted_at == local("2023-09-20", "10:00")
    # Each version still records when it went out, the second one after the due day.
    assert list(school.versions.order_by("number").values_list("is_late", flat=True)) == [False, True]
    assert company.is_late is True
    period = school.period
    total, _children = queries.board_by_child(period, federation.long_bien, period.due_on)
    assert (total.on_time, total.late) == (1, 1)
    states = {s.unit_id: s.state for s in queries.board_rows(period, federation.long_bien, period.due_on)}
    assert states == {federation.school.pk: "on_time", federation.company.pk: "late"}
