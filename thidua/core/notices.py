"""Telling a unit that something happened: the one way every app notifies (awards' returned
nominations and decisions, reports' reminders).

A notice has two faces, written once by the app in a `Notice`:
- in the application, the `text` line on the unit's home page. It is not stored: the app reads
  it from its own records (the returned nomination, the reminder row) with the same function
  that writes the notice's text, so the page and the email say the same thing;
- by email to the unit's officers, one format for all: greeting, text, details, what to do.

`notify(task, *args)` is called in the transaction that made the event and starts the app's
email task only after that transaction commits (`transaction.on_commit` through
`core.background`): a rolled-back event sends nothing. The task calls `deliver(effect, id,
compose)`, which claims the effect in the database (`core.once`) in the transaction that sends,
so a task delivered twice sends nothing the second time, and composes in Vietnamese whatever
language the worker runs in.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core import background, once

SUBJECT_MAX = 200  # mail servers fold longer subjects; the text is in the body anyway


@dataclass(frozen=True)
class Notice:
    addressee: str  # the unit's name, for "Kính gửi …"
    subject: str
    text: str  # the line the unit's home page shows
    action: str  # what to do, where in thidua
    recipients: list[str] = field(default_factory=list)
    details: str = ""  # e.g. the list of awards of a decision

    @property
    def body(self) -> str:
        parts = [_("Kính gửi %(unit)s,") % {"unit": self.addressee}, self.text, self.details, self.action]
        return "\n\n".join(part for part in parts if part)


def notify(task, *args, in_process: bool = False) -> None:
    """Start `task(*args)` (which calls `deliver`) once the current transaction commits; a
    rollback drops it. `in_process`: without a broker, run it here rather than in a thread
    (a management command's process would end before the thread finishes)."""
    background.enqueue(task, *args, in_process=in_process)


def deliver(effect: str, object_id: int, compose: Callable[[], Iterable[Notice]]) -> int:
    """Send the emails of the event (`effect`, `object_id`) once; returns how many left. A second
    run finds the first one's claim and sends nothing; a notice with no recipient is skipped."""
    sent = 0
    with transaction.atomic():
        if not once.claim(effect, object_id):
            return 0
        # Union offices read Vietnamese whatever language the task runs in.
        with translation.override(settings.LANGUAGE_CODE):
            notices = [(n.subject, n.body, n.recipients) for n in compose()]
        for subject, body, recipients in notices:
            if recipients:
                send_mail(subject[:SUBJECT_MAX], body, None, recipients)
                sent += 1
    return sent
