import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    """Marks each message as started, waits (a slow mail server), then writes it out."""

    def send_messages(self, messages):
        folder = Path(settings.EMAIL_FILE_PATH)
        for message in messages:
            stamp = uuid.uuid4().hex
            (folder / f"started-{stamp}").write_text(",".join(message.to))
            time.sleep(float(os.environ.get("THIDUA_TEST_MAIL_DELAY", "2")))
            (folder / f"mail-{stamp}.txt").write_text("\n".join([",".join(message.to), message.subject, message.body]))
        return len(messages)
