"""Seed 000 in the demo: Long Biên's plan 32/KH-LĐLĐ of 21/08/2023 and its award decision of
20/10/2023 cite only documents in force on their own dates (issue 15 item 3, Done when). The
decision once cited 999/QĐ-TLĐ of 29/05/2024 and Luật 06/2022/QH15, in force from 2024."""

import datetime
import re

import pytest

from thidua.awards import documents
from thidua.awards.models import Decision, DecisionStatus
from thidua.campaigns import plan_document
from thidua.campaigns.models import Campaign
from thidua.documents import legal
from thidua.documents.models import LegalDocument
from thidua.documents.rendering import Bullet, Heading, Paragraph, Table
from thidua.org.tests.demo_snapshot import load_demo

_DATE = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(scale=0.03)


def _text(value) -> str:
    return value if isinstance(value, str) else "".join(run.text for run in value)


def paper_text(doc) -> str:
    parts = [*doc.summary]
    for block in doc.body:
        if isinstance(block, (Paragraph, Bullet, Heading)):
            parts.append(_text(block.text))
        elif isinstance(block, Table):
            parts += [cell for row in block.rows for cell in row]
    return "\n".join(parts)


def cited(text: str) -> list[LegalDocument]:
    """The table's documents the paper names by number."""
    return [d for d in LegalDocument.objects.all() if re.search(rf"(?<![\w/]){re.escape(d.number)}(?!\w)", text)]


def test_seed_000s_plan_and_award_decision_cite_only_documents_in_force_on_their_dates(demo):
    plan = Campaign.objects.select_related("register_entry").get(
        issuer__code="HN-LB", register_entry__number=32, plan_date=datetime.date(2023, 8, 21)
    )
    decision = Decision.objects.get(campaign=plan, status=DecisionStatus.ISSUED)
    assert decision.issued_on == datetime.date(2023, 10, 20)

    # The plan: what it implements is dated by its day, and any law or rules it names was in force.
    plan_day = plan.plan_date
    text = paper_text(plan_document.build(plan))
    in_force = set(legal.in_force(plan_day))
    assert all(document in in_force for document in cited(text)), cited(text)
    references = list(plan.references.all())
    assert references and all(r.issued_on <= plan_day for r in references if r.issued_on)
    assert "338/KH-UBND ngày 09/8/2023" in text

    # The decision: the 2003 law as amended in 2013, 91/2017 and 1689/QĐ-TLĐ; its plan and its
    # council's minutes, all dated by 20/10/2023.
    doc, _list = documents.decision_document(decision)
    basis = [_text(b.text) for b in doc.body if isinstance(b, Paragraph) and _text(b.text).startswith("Căn cứ")]
    numbers = {d.number for d in cited("\n".join(basis))}
    assert numbers == {"15/2003/QH11", "39/2013/QH13", "91/2017/NĐ-CP", "1689/QĐ-TLĐ"}
    assert all(d in set(legal.in_force(decision.issued_on)) for d in cited(paper_text(doc)))
    assert f"Căn cứ Kế hoạch số {plan.register_entry.symbol} ngày 21/08/2023" in "\n".join(basis)
    for line in basis:
        for dd, mm, yyyy in _DATE.findall(line):
            assert datetime.date(int(yyyy), int(mm), int(dd)) <= decision.issued_on, line
