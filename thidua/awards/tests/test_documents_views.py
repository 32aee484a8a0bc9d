"""Downloads of the award documents, across the scope: the issuer and the unions above it, the
CĐCS whose people are awarded, a member and their own certificate, a sibling district and a
sibling CĐCS (404, like a guessed id), drafts (no certificate)."""

import pytest
from django.urls import reverse

from thidua.awards.models import Award, Nomination
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import make_user

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def people(federation, hang):
    member_user = make_user("hang", RoleKind.MEMBER, federation.school)
    Member.objects.filter(pk=hang.pk).update(user=member_user)
    return {
        "city": make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city),
        "gia_lam": make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam),
        "school_chair": make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school),
        "gia_lam_chair": make_user("ct_da_ton", RoleKind.GRASSROOTS_CHAIR, federation.gia_lam_cdcs),
        "hang": member_user,
    }


def get(login, user, name, *args):
    return login(user).get(reverse(name, args=args))


def test_issuer_downloads_the_decision_as_pdf_and_docx(login, lb_officer, decision):
    response = get(login, lb_officer, "awards:decision_file", decision.pk, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == PDF
    assert response["Content-Disposition"] == 'attachment; filename="quyet-dinh-khen-thuong-01-2026.pdf"'
    response = get(login, lb_officer, "awards:decision_file", decision.pk, "docx")
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert get(login, lb_officer, "awards:decision_file", decision.pk, "odt").status_code == 404


def test_issuer_and_the_city_print_all_certificates(login, lb_officer, people, decision):
    for user in (lb_officer, people["city"]):
        response = get(login, user, "awards:certificates", decision.pk)
        assert response.status_code == 200 and response["Content-Type"] == PDF
        assert response.content.startswith(b"%PDF")


def test_a_sibling_district_finds_nothing(login, people, decision):
    award = decision.awards.first()
    sibling = people["gia_lam"]
    assert get(login, sibling, "awards:decision_file", decision.pk, "pdf").status_code == 404
    assert get(login, sibling, "awards:certificates", decision.pk).status_code == 404
    assert get(login, sibling, "awards:certificate", award.pk).status_code == 404


def test_the_cdcs_reads_the_decision_naming_its_people_and_their_certificates(login, people, decision, federation):
    chair = people["school_chair"]
    assert get(login, chair, "awards:decision_file", decision.pk, "pdf").status_code == 200
    own = decision.awards.get(name="Nguyễn Thị Hằng")
    assert get(login, chair, "awards:certificate", own.pk).status_code == 200
    # Not the company's certificate, nor the issuer's print file of every certificate.
    company = decision.awards.get(unit=federation.company, member__isnull=True)
    assert get(login, chair, "awards:certificate", company.pk).status_code == 404
    assert get(login, chair, "awards:certificates", decision.pk).status_code == 404


def test_a_sibling_cdcs_finds_nothing(login, people, decision):
    chair = people["gia_lam_chair"]
    assert get(login, chair, "awards:decision_file", decision.pk, "pdf").status_code == 404
    for award in decision.awards.all():
        assert get(login, chair, "awards:certificate", award.pk).status_code == 404


def test_a_member_downloads_their_own_certificate_only(login, people, decision):
    member = people["hang"]
    own = decision.awards.get(name="Nguyễn Thị Hằng")
    response = get(login, member, "awards:certificate", own.pk)
    assert response.status_code == 200 and response["Content-Type"] == PDF
    colleague = decision.awards.get(name="Nguyễn Văn An")  # same CĐCS
    assert get(login, member, "awards:certificate", colleague.pk).status_code == 404
    # The issued decision naming people of their CĐCS is published to them (docs/reach.md);
    # the bundle of everyone's certificates is not.
    assert get(login, member, "awards:decision_file", decision.pk, "pdf").status_code == 200
    assert get(login, member, "awards:certificates", decision.pk).status_code == 404


def test_a_draft_decision_has_no_certificates(
    login, lb_officer, people, federation, campaign, kinds, hang, new_decision
):
    draft = new_decision(
        federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], hang, "Vượt định mức")], issued=False
    )
    award = draft.awards.get()
    assert get(login, lb_officer, "awards:certificate", award.pk).status_code == 404
    assert get(login, lb_officer, "awards:certificates", draft.pk).status_code == 404
    assert get(login, people["hang"], "awards:certificate", award.pk).status_code == 404
    # The issuer may read the draft itself; the CĐCS does not see it before it is issued.
    assert get(login, lb_officer, "awards:decision_file", draft.pk, "docx").status_code == 200
    assert get(login, people["school_chair"], "awards:decision_file", draft.pk, "pdf").status_code == 404


def test_guessed_ids_and_anonymous_visitors(client, login, lb_officer, decision):
    missing = Award.objects.order_by("-pk").first().pk + 100
    assert get(login, lb_officer, "awards:certificate", missing).status_code == 404
    client.logout()
    response = client.get(reverse("awards:certificate", args=[decision.awards.first().pk]))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_cdcs_downloads_its_proposal(login, people, federation, campaign, kinds, hang):
    gk = kinds["giay-khen-cap-tren-co-so"]
    Nomination.objects.create(
        campaign=campaign,
        award_kind=gk,
        unit=federation.school,
        level=federation.long_bien,
        subject_member=hang,
        achievement="Có sáng kiến số hóa sổ điểm",
    )
    chair = people["school_chair"]
    response = get(login, chair, "awards:proposal_file", campaign.pk, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == PDF
    assert get(login, chair, "awards:proposal_file", campaign.pk, "docx").status_code == 200
    # A CĐCS of another district: the campaign is not theirs to see.
    assert get(login, people["gia_lam_chair"], "awards:proposal_file", campaign.pk, "pdf").status_code == 404
    # A member cannot produce the union's tờ trình.
    assert get(login, people["hang"], "awards:proposal_file", campaign.pk, "pdf").status_code == 404


def test_no_proposal_without_nominations(login, federation, campaign):
    chair = make_user("ct_duc_giang", RoleKind.GRASSROOTS_CHAIR, federation.company)
    assert get(login, chair, "awards:proposal_file", campaign.pk, "pdf").status_code == 404
