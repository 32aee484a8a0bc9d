"""Background work of core. Tasks are thin: ids in, the work is in the module it names."""

from celery import shared_task

from thidua.core import attachments


@shared_task(name="core.make_thumbnail")
def make_thumbnail(attachment_id: int) -> None:
    attachments.make_thumbnail(attachment_id)
