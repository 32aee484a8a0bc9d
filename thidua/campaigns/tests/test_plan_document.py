"""The plan as an official document: deadlines the text does not name are listed, once."""

import datetime

from django.utils import translation

from thidua.campaigns import plan_document, services
from thidua.documents.rendering import Bullet
from thidua.org.tests.factories import SYSTEM


def _listed_deadlines(campaign) -> list[str]:
    doc = plan_document.build(campaign)
    return [b.text for b in doc.body if isinstance(b, Bullet) and "chậm nhất ngày" in b.text]


def test_deadline_named_in_the_text_is_not_listed_again(draft):
    services.update_campaign(SYSTEM, draft, closing="Báo cáo kết quả chậm nhất ngày 18/9/2023.")
    listed = _listed_deadlines(draft)
    assert not any("18/09/2023" in line for line in listed)
    assert any("15/09/2023" in line for line in listed)


def test_a_date_inside_another_date_does_not_count_as_named(draft):
    """ "15/9/2023" in the text does not name a deadline of 5/9/2023."""
    services.update_campaign(SYSTEM, draft, closing="Gửi tin bài chậm nhất ngày 15/9/2023.")
    services.save_part(SYSTEM, draft, "deadline", what="Đăng ký công trình", due_on=datetime.date(2023, 9, 5))
    listed = _listed_deadlines(draft)
    assert any(line.startswith("Đăng ký công trình: chậm nhất ngày 05/09/2023") for line in listed)
    assert not any("15/09/2023" in line for line in listed)


def test_the_document_is_vietnamese_whatever_language_the_reader_uses(draft):
    with translation.override("en"):
        listed = _listed_deadlines(draft)
        texts = [getattr(b, "text", "") for b in plan_document.build(draft).body]
    assert any("chậm nhất ngày 15/09/2023" in line for line in listed)
    assert not any("deadline" in t.lower() or "emulation period" in t.lower() for t in texts)
