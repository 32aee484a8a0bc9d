"""An award decision cites the law, decree and union rules in force on its own date, never a
document dated after itself, and is refused where the table gives no basis that day (issue 15
items 3 and 7). A decision of 20/10/2023 once cited 999/QĐ-TLĐ of 29/05/2024."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from thidua.awards import documents
from thidua.awards.models import Decision, Nomination, NominationStatus
from thidua.documents.models import LegalDocument, LegalRole
from thidua.documents.rendering import Paragraph

D = datetime.date
pytestmark = pytest.mark.django_db
pytest_plugins = ["thidua.awards.tests.documents_fixtures"]

_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def basis_of(decision: Decision) -> list[str]:
    """The decision's "Căn cứ …" lines, as printed."""
    doc, _list = documents.decision_document(decision)
    return [b.text for b in doc.body if isinstance(b, Paragraph) and b.text.startswith("Căn cứ")]


def dated(decision, issued_on: datetime.date, plan_date: datetime.date) -> Decision:
    Decision.objects.filter(pk=decision.pk).update(issued_on=issued_on)
    decision.campaign.__class__.objects.filter(pk=decision.campaign_id).update(plan_date=plan_date)
    return Decision.objects.get(pk=decision.pk)


def test_a_2023_decision_cites_the_2003_law_as_amended_in_2013_and_1689(decision):
    lines = " ".join(basis_of(dated(decision, D(2023, 10, 20), D(2023, 8, 21))))
    for number in ("15/2003/QH11", "39/2013/QH13", "91/2017/NĐ-CP", "1689/QĐ-TLĐ"):
        assert number in lines
    for number in ("999/QĐ-TLĐ", "06/2022/QH15", "98/2023/NĐ-CP", "152/2025/NĐ-CP"):
        assert number not in lines
    assert "ngày 21/08/2023" in lines  # its campaign's plan, number and date


def test_a_2025_decision_cites_06_2022_its_decree_and_999(decision):
    lines = basis_of(dated(decision, D(2025, 3, 10), D(2025, 1, 15)))
    assert lines[:4] == [
        "Căn cứ Điều lệ Công đoàn Việt Nam;",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 999/QĐ-TLĐ ngày 29/05/2024 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam "
        "ban hành Quy chế khen thưởng của tổ chức Công đoàn;",
    ]
    assert not any(old in " ".join(lines) for old in ("1689/QĐ-TLĐ", "15/2003/QH11", "39/2013/QH13"))


@pytest.mark.parametrize("day", [D(2020, 6, 1), D(2023, 12, 31), D(2024, 1, 1), D(2024, 5, 28), D(2024, 5, 29)])
def test_a_decision_never_cites_a_document_dated_after_itself(decision, day):
    # The campaign's plan is dated after the decision here: it is named without a later date.
    lines = basis_of(dated(decision, day, day + datetime.timedelta(days=30)))
    for line in lines:
        for dd, mm, yyyy in _DATE.findall(line):
            assert D(int(yyyy), int(mm), int(dd)) <= day, line


def nominations_of(decision) -> list[Nomination]:
    award = decision.awards.select_related("award_kind").first()
    return [
        Nomination.objects.create(
            campaign=decision.campaign,
            award_kind=award.award_kind,
            unit=award.unit,
            level=decision.unit,
            subject_member=award.member,
            subject_unit=None if award.member_id else award.unit,
            achievement=award.achievement,
            status=NominationStatus.RECOMMENDED,
        )
    ]


def test_no_union_rules_in_force_refuses_the_decision(decision):
    # awards.services.issue_decision calls this before it takes a number.
    LegalDocument.objects.filter(role=LegalRole.UNION_RULES).delete()
    with pytest.raises(ValidationError) as refused:
        documents.require_basis(D(2025, 3, 10), decision.campaign, nominations_of(decision))
    assert refused.value.message_dict["issued_on"] == [
        "Chưa có văn bản “Quy chế khen thưởng của tổ chức Công đoàn” còn hiệu lực ngày 10/03/2025 trong bảng "
        "văn bản pháp lý làm căn cứ: quản trị viên cần bổ sung trước khi ban hành."
    ]


def test_a_decision_dated_before_its_campaigns_plan_is_refused(decision):
    plan_date = decision.campaign.plan_date
    nominations = nominations_of(decision)
    documents.require_basis(plan_date, decision.campaign, nominations)  # the same day is fine
    with pytest.raises(ValidationError) as refused:
        documents.require_basis(plan_date - datetime.timedelta(days=1), decision.campaign, nominations)
    assert "trước ngày của kế hoạch" in refused.value.message_dict["issued_on"][0]


def test_an_issued_decision_still_prints_after_the_table_is_edited(decision):
    LegalDocument.objects.filter(role=LegalRole.UNION_RULES).delete()
    lines = basis_of(decision)
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;" in lines
    assert not any("Quy chế khen thưởng" in line for line in lines)


def test_the_proposal_is_refused_with_the_reason_when_no_rules_are_in_force(login, federation, campaign, kinds, hang):
    from django.contrib.messages import get_messages
    from django.urls import reverse

    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    Nomination.objects.create(
        campaign=campaign,
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        unit=federation.school,
        level=federation.long_bien,
        subject_member=hang,
        achievement="Có sáng kiến số hóa sổ điểm",
    )
    LegalDocument.objects.filter(role=LegalRole.UNION_RULES).delete()
    chair = make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school)
    response = login(chair).get(reverse("awards:proposal_file", args=[campaign.pk, "pdf"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:unit_nominations", args=[campaign.pk])
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Quy chế khen thưởng của tổ chức Công đoàn" in m and "còn hiệu lực" in m for m in shown)
