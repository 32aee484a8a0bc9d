import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.core.models import AuditEntry
from thidua.documents.models import DocType, IssuerProfile, RegisterCounter, RegisterEntry
from thidua.documents.services import profile_for, save_issuer_profile, take_number
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, make_user

AUG_21 = datetime.date(2023, 8, 21)


def _take(unit, doc_type=DocType.PLAN, day=AUG_21, actor=SYSTEM, **kwargs):
    return take_number(actor, unit, doc_type, issued_on=day, title="Kế hoạch thi đua", **kwargs)


def test_take_number_consecutive_per_unit_year_and_type(federation):
    numbers = [_take(federation.long_bien).number for _ in range(3)]
    assert numbers == [1, 2, 3]


def test_take_number_symbol_and_number_line(federation):
    for _ in range(31):
        _take(federation.long_bien)
    entry = _take(federation.long_bien)
    assert str(entry) == "32/KH-LĐLĐ"
    assert entry.number_line == "Số: 32/KH-LĐLĐ"
    assert (entry.year, entry.issued_on, entry.unit) == (2023, AUG_21, federation.long_bien)


def test_take_number_small_numbers_take_a_leading_zero(federation):
    assert str(_take(federation.long_bien, DocType.DECISION)) == "01/QĐ-LĐLĐ"


def test_take_number_restarts_every_year(federation):
    _take(federation.long_bien, day=datetime.date(2023, 12, 31))
    _take(federation.long_bien, day=datetime.date(2023, 12, 31))
    assert _take(federation.long_bien, day=datetime.date(2024, 1, 2)).number == 1
    assert _take(federation.long_bien, day=datetime.date(2023, 12, 31)).number == 3


def test_take_number_separate_per_unit_and_per_type(federation):
    _take(federation.long_bien)
    _take(federation.long_bien)
    assert _take(federation.gia_lam).number == 1
    assert _take(federation.long_bien, DocType.DECISION).number == 1
    assert _take(federation.long_bien, DocType.SUBMISSION).symbol == "01/TTr-LĐLĐ"
    assert _take(federation.long_bien).number == 3


def test_take_number_rolled_back_issuing_gives_the_number_back(federation):
    _take(federation.long_bien)

    class IssuingFailed(Exception):
        pass

    with pytest.raises(IssuingFailed), transaction.atomic():
        assert _take(federation.long_bien).number == 2
        raise IssuingFailed

    assert _take(federation.long_bien).number == 2
    assert list(RegisterEntry.objects.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert RegisterCounter.objects.get(unit=federation.long_bien).last_number == 2


def test_take_number_official_letter_has_no_type_in_its_symbol(federation):
    assert _take(federation.long_bien, DocType.OFFICIAL_LETTER).symbol == "01/LĐLĐ-VP"
    assert _take(federation.long_bien, DocType.OFFICIAL_LETTER, office_symbol="TC").symbol == "02/LĐLĐ-TC"


def test_take_number_uses_the_saved_profile_symbol(federation):
    IssuerProfile.objects.filter(unit=federation.school).delete()  # the fixture's signed letterhead
    IssuerProfile.objects.create(
        unit=federation.school, body_line="CĐCS TRƯỜNG THCS GIA THỤY", symbol_suffix="CĐTHCSGT", place="Long Biên"
    )
    assert _take(federation.school, DocType.REPORT).symbol == "01/BC-CĐTHCSGT"


def test_take_number_links_the_target_and_writes_the_audit_entry(federation, officer):
    entry = _take(federation.long_bien, actor=officer, target=federation.school)
    entry.refresh_from_db()
    assert entry.target == federation.school
    assert entry.issued_by == officer
    audit = AuditEntry.objects.for_object(entry).get()
    assert (audit.verb, audit.actor, audit.to_state, audit.scope_path) == (
        "take_number",
        officer,
        "01/KH-LĐLĐ",
        federation.long_bien.path,
    )


def test_take_number_needs_the_issuing_transaction(federation):
    with pytest.raises(transaction.TransactionManagementError):
        transaction.get_connection().in_atomic_block = False
        try:
            _take(federation.long_bien)
        finally:
            transaction.get_connection().in_atomic_block = True


@pytest.mark.parametrize(
    ("kind", "unit_name", "allowed"),
    [
        (RoleKind.EMULATION_OFFICER, "long_bien", True),
        (RoleKind.STANDING_COMMITTEE, "long_bien", True),
        (RoleKind.COUNCIL_MEMBER, "long_bien", False),
        (RoleKind.VIEWER, "long_bien", False),
        (RoleKind.EMULATION_OFFICER, "city", False),  # a higher level never numbers a district's documents
        (RoleKind.EMULATION_OFFICER, "gia_lam", False),
        (RoleKind.GRASSROOTS_CHAIR, "school", False),
    ],
)
def test_take_number_for_long_bien_by_role(federation, kind, unit_name, allowed):
    actor = make_user("nguoi_lay_so", kind, getattr(federation, unit_name))
    if allowed:
        assert _take(federation.long_bien, actor=actor).number == 1
    else:
        with pytest.raises(PermissionDenied):
            _take(federation.long_bien, actor=actor)
        assert not RegisterEntry.objects.exists()


def test_take_number_grassroots_chair_numbers_own_unit(federation):
    chair = make_user("ct_cdcs", RoleKind.GRASSROOTS_CHAIR, federation.school)
    assert _take(federation.school, DocType.SUBMISSION, actor=chair).symbol == "01/TTr-CĐCS"
    officer = make_user("cb_cdcs", RoleKind.GRASSROOTS_OFFICER, federation.school)
    with pytest.raises(PermissionDenied):
        _take(federation.school, actor=officer)


def test_profile_for_derives_a_district_letterhead(federation):
    IssuerProfile.objects.filter(unit=federation.long_bien).delete()  # none saved: derived from the tree
    profile = profile_for(federation.long_bien)
    assert profile.pk is None
    assert (profile.superior_line, profile.body_line, profile.symbol_suffix, profile.place) == (
        "LĐLĐ THÀNH PHỐ HÀ NỘI",
        "LĐLĐ QUẬN LONG BIÊN",
        "LĐLĐ",
        "Long Biên",
    )
    assert profile.signer_lines == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]


def test_profile_for_grassroots_takes_the_place_of_its_federation(federation):
    profile = profile_for(federation.school)
    assert (profile.superior_line, profile.body_line, profile.symbol_suffix, profile.place) == (
        "LĐLĐ QUẬN LONG BIÊN",
        "CĐCS TRƯỜNG THCS GIA THỤY",
        "CĐCS",
        "Long Biên",
    )
    assert profile.signer_lines == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
    assert profile_for(federation.gia_lam_cdcs).place == "Đa Tốn"


def test_save_issuer_profile_keeps_edits_and_audits(federation, officer):
    IssuerProfile.objects.filter(unit=federation.long_bien).delete()  # the first save of a letterhead
    save_issuer_profile(officer, federation.long_bien, signer_name="Nguyễn Trường Giang")
    profile = profile_for(federation.long_bien)
    assert profile.pk is not None
    assert (profile.signer_name, profile.place) == ("Nguyễn Trường Giang", "Long Biên")
    audit = AuditEntry.objects.for_object(profile).get()
    assert audit.changes["signer_name"] == ["", "Nguyễn Trường Giang"]
    with pytest.raises(PermissionDenied):
        save_issuer_profile(officer, federation.gia_lam, signer_name="Ai đó")
