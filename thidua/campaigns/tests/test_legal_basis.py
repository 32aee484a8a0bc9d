"""A plan never cites a paper dated after itself (issue 15 item 3): issuing is refused, before
a number is taken, when a document it implements is dated after the plan, or its text names a
law or rules of the legal table signed after it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, DocumentReference

D = datetime.date
pytestmark = pytest.mark.django_db


def _plan(federation, **values) -> Campaign:
    return Campaign.objects.create(
        issuer=federation.long_bien,
        kind="peak",
        title="Phát động đợt thi đua cao điểm",
        plan_date=D(2023, 8, 21),
        **values,
    )


def test_a_plan_citing_later_papers_is_refused_with_each_named(federation):
    plan = _plan(
        federation,
        intro="Thực hiện Quyết định số 999/QĐ-TLĐ của Tổng Liên đoàn; Nghị định 91/2017/NĐ-CP của Chính phủ.",
    )
    DocumentReference.objects.create(
        campaign=plan, doc_kind="Kế hoạch", number="338/KH-UBND", issued_on=D(2023, 9, 9), issuer="UBND quận"
    )
    with pytest.raises(ValidationError) as refused:
        services.validate_for_issue(plan)
    assert refused.value.message_dict["intro"] == [
        "Văn bản căn cứ “Thực hiện Kế hoạch số 338/KH-UBND ngày 09/09/2023 của UBND quận” có ngày sau ngày "
        "ban hành kế hoạch (21/08/2023).",
        "Kế hoạch dẫn “999/QĐ-TLĐ” (ngày 29/05/2024), văn bản ban hành sau ngày của kế hoạch (21/08/2023).",
    ]


def test_a_plan_citing_papers_of_its_day_or_before_passes_that_check(federation):
    plan = _plan(federation, intro="Thực hiện Kế hoạch số 338/KH-UBND ngày 09/8/2023; Nghị định 91/2017/NĐ-CP.")
    DocumentReference.objects.create(campaign=plan, number="338/KH-UBND", issued_on=D(2023, 8, 9))
    DocumentReference.objects.create(campaign=plan, number="107-KH/QU", issued_on=D(2023, 8, 21))
    with pytest.raises(ValidationError) as refused:  # refused for other reasons (no targets…)
        services.validate_for_issue(plan)
    assert "intro" not in refused.value.message_dict
