"""The award catalogue: the codes every part of the app relies on, loaded once however often
the loader runs, each kind with its legal basis and each criterion with its source."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind, Criterion, CriterionKind, DossierRequirement, SubjectKind
from thidua.campaigns.models import Procedure

pytestmark = pytest.mark.django_db

CODES = {
    "lao-dong-tien-tien": ("state_title", "individual", 3),
    "chien-si-thi-dua-co-so": ("state_title", "individual", 3),
    "tap-the-lao-dong-tien-tien": ("state_title", "collective", 3),
    "tap-the-lao-dong-xuat-sac": ("state_title", "collective", 2),
    "doan-vien-cong-doan-xuat-sac": ("union_title", "individual", 2),
    "cong-doan-co-so-vung-manh": ("union_title", "collective", 2),
    "to-cong-doan-vung-manh": ("union_title", "collective", 3),
    "giay-khen-cdcs": ("form", "both", 3),
    "giay-khen-cap-tren-co-so": ("form", "both", 2),
    "bang-khen-ldld-tinh": ("form", "both", 1),
    "co-thi-dua-ldld-tinh": ("union_title", "collective", 1),
    "bang-khen-tong-ldld": ("form", "both", 0),
    "co-thi-dua-tong-ldld": ("union_title", "collective", 0),
    "bieu-duong": ("praise", "both", None),
}


def counts():
    return (AwardKind.objects.count(), Criterion.objects.count(), DossierRequirement.objects.count())


def test_the_agreed_codes_with_their_category_subject_and_level():
    load_catalogue()
    loaded = {k.code: (k.category, k.subject, k.issuer_level) for k in AwardKind.objects.all()}
    assert loaded == CODES


def test_loading_twice_or_by_the_command_adds_nothing():
    load_catalogue()
    first = counts()
    load_catalogue()
    out = io.StringIO()
    call_command("load_award_catalogue", stdout=out)
    assert "14 danh hiệu" in out.getvalue()
    assert counts() == first
    assert first[1] >= 15


def test_every_kind_has_a_legal_basis_and_every_criterion_a_source():
    load_catalogue()
    assert not AwardKind.objects.filter(legal_basis="").exists()
    assert not Criterion.objects.filter(source="").exists()
    assert set(AwardKind.objects.filter(criteria__isnull=True).values_list("code", flat=True)) == set()


def test_figures_are_data_on_the_rows():
    load_catalogue()
    cstdcs = AwardKind.objects.get(code="chien-si-thi-dua-co-so")
    assert cstdcs.cap_of.code == "lao-dong-tien-tien" and cstdcs.cap_percent == Decimal("15")
    share = Criterion.objects.get(award_kind__code="tap-the-lao-dong-tien-tien", kind=CriterionKind.MEMBER_SHARE)
    assert (share.threshold, share.strict, share.related_kind.code) == (Decimal("50"), True, "lao-dong-tien-tien")
    xs = Criterion.objects.get(award_kind__code="tap-the-lao-dong-xuat-sac", kind=CriterionKind.MEMBER_SHARE, order=10)
    assert (xs.threshold, xs.strict) == (Decimal("70"), False)
    rating = Criterion.objects.get(award_kind__code="lao-dong-tien-tien", kind=CriterionKind.MEMBER_RATING)
    assert rating.rating_rank == 2
    # Chiến sĩ thi đua cơ sở: LĐTT required, then one of an initiative or an attested excellence.
    rows = list(cstdcs.criteria.order_by("order").values_list("kind", "is_required"))
    assert rows == [("award_streak", True), ("initiative", False), ("attested", False)]


def test_an_administrators_edit_survives_a_reload_but_not_a_reset():
    load_catalogue()
    Criterion.objects.filter(award_kind__code="tap-the-lao-dong-xuat-sac", order=10).update(threshold=75)
    AwardKind.objects.filter(code="chien-si-thi-dua-co-so").update(cap_percent=20)
    load_catalogue()
    assert Criterion.objects.get(award_kind__code="tap-the-lao-dong-xuat-sac", order=10).threshold == 75
    assert AwardKind.objects.get(code="chien-si-thi-dua-co-so").cap_percent == 20
    load_catalogue(reset=True)
    assert Criterion.objects.get(award_kind__code="tap-the-lao-dong-xuat-sac", order=10).threshold == 70
    assert AwardKind.objects.get(code="chien-si-thi-dua-co-so").cap_percent == 15


def test_default_dossiers_of_both_procedures():
    load_catalogue()

    def codes(procedure):
        return set(DossierRequirement.objects.filter(campaign=None, procedure=procedure).values_list("code", flat=True))

    assert codes(Procedure.STANDARD) == {
        "to-trinh",
        "danh-sach",
        "tom-tat-thanh-tich",
        "bao-cao-thanh-tich",
        "bien-ban-hop",
        "quyet-dinh-sang-kien",
    }
    assert codes(Procedure.SIMPLIFIED) == {"to-trinh", "danh-sach", "tom-tat-thanh-tich", "bien-ban-hop"}
    generated = set(DossierRequirement.objects.filter(generated=True).values_list("code", flat=True))
    assert generated == {"to-trinh", "danh-sach"}
    standard_summary = DossierRequirement.objects.get(procedure=Procedure.STANDARD, code="tom-tat-thanh-tich")
    assert standard_summary.subject == SubjectKind.INDIVIDUAL
    assert not DossierRequirement.objects.get(code="quyet-dinh-sang-kien").is_required
