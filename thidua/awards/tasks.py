"""Background work of awards. Tasks are thin: ids in, the work is in the module it names."""

from celery import shared_task

from thidua.awards import notices


@shared_task(name="awards.send_notice_email")
def send_notice_email(kind: str, object_id: int) -> None:
    notices.send_email(kind, object_id)
