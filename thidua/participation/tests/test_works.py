"""Works (công trình, phần việc; seed 000): registered → completed → inaugurated, declared once
and audited; evidence by the deadline, late evidence kept and flagged; only the unit's own."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.core.models import Attachment, AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.participation import services
from thidua.participation.models import DueDate, Evidence, Part, Work
from thidua.participation.queries import evidence_for
from thidua.participation.tests.conftest import local, photo


@pytest.fixture
def work(campaign, federation, school_chair):
    return services.register_work(
        school_chair,
        campaign=campaign,
        unit=federation.school,
        name="Sửa chữa nhà đa năng",
        value=150_000_000,
        planned_on=datetime.date(2023, 9, 1),
    )


def test_work_moves_registered_completed_inaugurated_and_each_step_is_audited(
    work, school_chair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_work(
            school_chair,
            work,
            completed_on=datetime.date(2023, 9, 5),
            photos=[photo()],
            article_url="https://longbien.gov.vn/tin/nha-da-nang",
            article_title="Khánh thành nhà đa năng",
            at=local("2023-09-05"),
        )
    services.inaugurate_work(school_chair, work, inaugurated_on=datetime.date(2023, 9, 10))
    work.refresh_from_db()
    assert work.status == "inaugurated"
    assert (work.completed_on, work.inaugurated_on) == (datetime.date(2023, 9, 5), datetime.date(2023, 9, 10))
    assert (work.article_count, work.photo_count, work.late_count) == (1, 1, 0)
    verbs = list(AuditEntry.objects.for_object(work).order_by("id").values_list("verb", "from_state", "to_state"))
    assert verbs == [
        ("register_work", "", "Đã đăng ký"),
        ("complete_work", "Đã đăng ký", "Đã hoàn thành"),
        ("add_evidence", "", ""),
        ("inaugurate_work", "Đã hoàn thành", "Đã khánh thành"),
    ]
    attachment = Evidence.objects.get(work=work, kind="photo").attachment
    assert attachment.thumbnail


def test_inauguration_before_completion_is_refused(work, school_chair):
    with pytest.raises(TransitionNotAllowed):
        services.inaugurate_work(school_chair, work, inaugurated_on=datetime.date(2023, 9, 10))
    services.complete_work(school_chair, work, completed_on=datetime.date(2023, 9, 5))
    with pytest.raises(ValidationError) as error:
        services.inaugurate_work(school_chair, work, inaugurated_on=datetime.date(2023, 9, 1))
    assert error.value.message_dict["inaugurated_on"] == ["Ngày khánh thành không được trước ngày hoàn thành."]


@pytest.mark.parametrize(
    ("day", "time", "late"),
    [
        ("2023-09-14", "10:00", False),  # before the due day
        ("2023-09-15", "23:59", False),  # on it, to its last minute in Hà Nội
        ("2023-09-16", "00:00", True),  # the next local day
    ],
)
def test_evidence_after_the_due_day_is_kept_and_flagged_late(work, school_chair, day, time, late):
    services.add_evidence(school_chair, work, articles=[("https://bao.vn/a", "Tin bài")], at=local(day, time))
    evidence = Evidence.objects.get(work=work)
    assert evidence.is_late is late
    work.refresh_from_db()
    assert work.late_count == (1 if late else 0)


def test_the_due_day_is_counted_in_hanoi_not_utc(work, school_chair):
    # 17:30 UTC on 15/9 is already 00:30 on 16/9 in Hà Nội.
    moment = datetime.datetime(2023, 9, 15, 17, 30, tzinfo=datetime.UTC)
    services.add_evidence(school_chair, work, articles=[("https://bao.vn/a", "")], at=moment)
    assert Evidence.objects.get(work=work).is_late is True


def test_a_due_date_set_for_works_replaces_the_window_end(campaign, work, school_chair, lb_officer):
    services.set_due_date(lb_officer, campaign, part=Part.WORK, due=datetime.date(2023, 9, 10))
    assert DueDate.objects.get(campaign=campaign).due_on == datetime.date(2023, 9, 10)
    services.add_evidence(school_chair, work, articles=[("https://bao.vn/a", "")], at=local("2023-09-12"))
    assert Evidence.objects.get(work=work).is_late is True


def test_a_bad_photo_among_good_ones_stores_nothing(work, school_chair):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh2.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        services.complete_work(school_chair, work, completed_on=datetime.date(2023, 9, 5), photos=[photo(), fake])
    assert "tệp chương trình" in error.value.messages[0]
    work.refresh_from_db()
    assert work.status == "registered"
    assert Attachment.objects.count() == 0
    assert Evidence.objects.count() == 0


def test_a_unit_cannot_register_or_act_for_another(campaign, federation, work, company_chair, lb_officer):
    with pytest.raises(PermissionDenied):
        services.register_work(company_chair, campaign=campaign, unit=federation.school, name="Công trình")
    with pytest.raises(PermissionDenied):
        services.complete_work(company_chair, work, completed_on=datetime.date(2023, 9, 5))
    with pytest.raises(PermissionDenied):
        services.add_evidence(lb_officer, work, articles=[("https://bao.vn/a", "")])
    assert Work.objects.count() == 1


def test_a_unit_the_plan_was_not_sent_to_cannot_register_a_work(campaign, federation, gia_lam_chair):
    with pytest.raises(ValidationError) as error:
        services.register_work(gia_lam_chair, campaign=campaign, unit=federation.gia_lam_cdcs, name="Công trình")
    assert "không được triển khai đến" in error.value.messages[0]


def test_evidence_for_gives_criteria_plain_facts(campaign, federation, work, school_chair):
    services.register_unit(school_chair, campaign=campaign, unit=federation.school, targets="100% đoàn viên tham gia")
    services.complete_work(
        school_chair,
        work,
        completed_on=datetime.date(2023, 9, 5),
        article_url="https://bao.vn/a",
        at=local("2023-09-20"),
    )
    services.register_model(school_chair, campaign=campaign, unit=federation.school, name="Mô hình", field="Giáo dục")
    facts = evidence_for(federation.school, campaign)
    assert facts.has_registration
    assert (facts.works_registered, facts.works_completed, facts.works_inaugurated) == (1, 1, 0)
    assert (facts.articles, facts.photos, facts.late_evidence, facts.models) == (1, 0, 1, 1)
    assert evidence_for(federation.company, campaign).has_registration is False
