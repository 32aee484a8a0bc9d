"""The dated table of legal documents (issue 15 item 3): what a paper dated on a day may cite,
on the days a law or rules change hands, and the refusal where nothing is in force."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.documents import legal
from thidua.documents.models import LegalDocument, LegalRole

D = datetime.date
pytestmark = pytest.mark.django_db


def numbers(on, role=None) -> list[str]:
    return [d.number for d in legal.in_force(on, role)]


def test_the_new_law_and_decree_take_over_on_1_january_2024():
    assert numbers(D(2023, 12, 31), LegalRole.LAW) == ["15/2003/QH11", "39/2013/QH13"]
    assert numbers(D(2023, 12, 31), LegalRole.DECREE) == ["91/2017/NĐ-CP"]
    assert numbers(D(2024, 1, 1), LegalRole.LAW) == ["06/2022/QH15"]
    assert numbers(D(2024, 1, 1), LegalRole.DECREE) == ["98/2023/NĐ-CP"]


def test_the_confederation_rules_change_on_29_may_2024():
    assert numbers(D(2024, 5, 28), LegalRole.UNION_RULES) == ["1689/QĐ-TLĐ"]
    assert numbers(D(2024, 5, 29), LegalRole.UNION_RULES) == ["999/QĐ-TLĐ"]


def test_a_law_passed_but_not_yet_in_force_is_not_cited():
    # Luật 06/2022/QH15 was passed on 15/06/2022: a paper of 2023 still cites the 2003 law.
    assert "06/2022/QH15" not in numbers(D(2023, 10, 20))


def test_nothing_is_cited_that_was_signed_after_the_day():
    for day in (D(2019, 12, 26), D(2023, 10, 20), D(2024, 5, 29), D(2025, 7, 1), D(2026, 12, 15)):
        assert all(d.signed_on <= day for d in legal.in_force(day))


def test_citations_read_as_a_decision_prints_them():
    lines = legal.citations(D(2023, 10, 20), legal.AWARD_ROLES)
    assert lines == [
        "Căn cứ Luật Thi đua, khen thưởng số 15/2003/QH11 ngày 26/11/2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 39/2013/QH13 ngày 16/11/2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/07/2017 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 1689/QĐ-TLĐ ngày 26/12/2019 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam "
        "ban hành Quy chế khen thưởng của tổ chức Công đoàn;",
    ]


def test_a_role_with_nothing_in_force_is_refused_with_the_role_and_the_day():
    LegalDocument.objects.filter(role=LegalRole.UNION_RULES).delete()
    with pytest.raises(ValidationError) as refused:
        legal.require(D(2025, 3, 1), legal.AWARD_ROLES)
    assert refused.value.message_dict["issued_on"] == [
        "Chưa có văn bản “Quy chế khen thưởng của tổ chức Công đoàn” còn hiệu lực ngày 01/03/2025 trong bảng "
        "văn bản pháp lý làm căn cứ: quản trị viên cần bổ sung trước khi ban hành."
    ]


def test_the_next_rules_added_by_the_administrator_take_over_on_their_day():
    LegalDocument.objects.filter(number="999/QĐ-TLĐ").update(in_force_until=D(2027, 6, 30))
    LegalDocument.objects.create(
        role=LegalRole.UNION_RULES,
        doc_type="Quyết định",
        number="1234/QĐ-TLĐ",
        title="ban hành Quy chế khen thưởng của tổ chức Công đoàn",
        issuer="Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
        signed_on=D(2027, 6, 20),
        in_force_from=D(2027, 7, 1),
    )
    assert numbers(D(2027, 6, 30), LegalRole.UNION_RULES) == ["999/QĐ-TLĐ"]
    assert numbers(D(2027, 7, 1), LegalRole.UNION_RULES) == ["1234/QĐ-TLĐ"]


def test_roles_named_by_an_award_kinds_legal_basis():
    assert legal.roles_named("Quy chế khen thưởng của tổ chức Công đoàn; Luật Thi đua, khen thưởng, Điều 25") == [
        LegalRole.LAW,
        LegalRole.UNION_RULES,
    ]
    # A basis typed before the table, with its number: the role still comes from the table by date.
    assert legal.roles_named("Quy chế khen thưởng của tổ chức Công đoàn (999/QĐ-TLĐ ngày 29/05/2024)") == [
        LegalRole.UNION_RULES
    ]


def test_a_text_naming_a_later_document_is_refused():
    text = "Thực hiện Quyết định số 999/QĐ-TLĐ và Nghị định 91/2017/NĐ-CP"
    assert [d.number for d in legal.later_documents(text, D(2023, 10, 20))] == ["999/QĐ-TLĐ"]
    assert legal.later_documents(text, D(2024, 5, 29)) == []
    # "1999/QĐ-TLĐ" is another document, not 999/QĐ-TLĐ.
    assert legal.later_documents("Quyết định 1999/QĐ-TLĐ", D(2023, 10, 20)) == []
    with pytest.raises(ValidationError) as refused:
        legal.refuse_later_documents(text, D(2023, 10, 20), field="intro")
    assert refused.value.message_dict["intro"] == [
        "Văn bản dẫn “999/QĐ-TLĐ” (ngày 29/05/2024) sau ngày ban hành 20/10/2023."
    ]


def test_the_administrator_edits_the_table_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "matkhau-dai-123")
    client.force_login(admin)
    page = client.get(reverse("admin:documents_legaldocument_changelist"))
    assert page.status_code == 200
    assert "999/QĐ-TLĐ" in page.content.decode()
    document = LegalDocument.objects.get(number="999/QĐ-TLĐ")
    document.in_force_until = D(2024, 1, 1)
    with pytest.raises(ValidationError) as refused:
        document.full_clean()
    assert "in_force_until" in refused.value.message_dict
