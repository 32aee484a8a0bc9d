"""core.notices: the one way an app notifies — the email leaves after the event's transaction
commits, once however often its task runs, never when the event is rolled back, in one format."""

import pytest
from celery import shared_task
from django.db import transaction
from django.utils import translation

from thidua.core.notices import Notice, deliver, notify

pytestmark = pytest.mark.django_db

EFFECT = "core.tests.notice"


def _notice(object_id: int) -> list[Notice]:
    return [
        Notice(
            addressee="Công đoàn Trường THCS Gia Thụy",
            subject="[thidua] Nhắc nộp báo cáo: Báo cáo quý",
            text=f"Sắp đến hạn nộp báo cáo số {object_id}.",
            action="Đăng nhập thidua, vào mục Báo cáo để điền và nộp.",
            recipients=["thcsgiathuy@example.vn"],
        ),
        Notice(addressee="Đơn vị không có địa chỉ thư", subject="x", text="y", action="z"),
    ]


@shared_task(name="core.tests.send_probe_notice")
def send_probe_notice(object_id: int) -> None:
    deliver(EFFECT, object_id, lambda: _notice(object_id))


def test_the_email_leaves_once_after_the_commit(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        notify(send_probe_notice, 7)
        assert mailoutbox == []  # nothing leaves inside the event's transaction
    assert mailoutbox == []
    for callback in callbacks:  # the commit
        callback()
    [mail] = mailoutbox  # the notice with no recipient sends nothing
    assert mail.to == ["thcsgiathuy@example.vn"]
    assert mail.subject == "[thidua] Nhắc nộp báo cáo: Báo cáo quý"
    assert mail.body == (
        "Kính gửi Công đoàn Trường THCS Gia Thụy,\n\n"
        "Sắp đến hạn nộp báo cáo số 7.\n\n"
        "Đăng nhập thidua, vào mục Báo cáo để điền và nộp."
    )
    # The task delivered again (a worker killed before it acknowledged): nothing more.
    send_probe_notice.apply(args=(7,))
    assert len(mailoutbox) == 1


def test_a_rolled_back_event_sends_nothing(mailoutbox, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(send_probe_notice, 8)
        raise RuntimeError("the service refused after queuing")
    assert callbacks == []
    assert mailoutbox == []
    # And the effect was not claimed: a later event of the same object still notifies.
    with django_capture_on_commit_callbacks(execute=True):
        notify(send_probe_notice, 8)
    assert len(mailoutbox) == 1


def test_the_email_is_in_vietnamese_whatever_language_the_worker_runs_in(mailoutbox):
    with translation.override("en"):
        deliver(EFFECT, 9, lambda: _notice(9))
    assert mailoutbox[0].body.startswith("Kính gửi ")
