"""Covenants in a cluster (seed 003): written by the organising federation, signed by each
unit (who, when) through one audited transition, inspected by the unit itself and by the level
above — and no unit signs or inspects for another."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.models import EmulationCluster
from thidua.org.tests.factories import SYSTEM
from thidua.participation import services
from thidua.participation.models import CovenantParty, Inspection
from thidua.participation.queries import evidence_for


@pytest.fixture
def cluster(federation):
    cluster = EmulationCluster.objects.create(name="Khối trường học", organiser=federation.long_bien)
    for unit in (federation.school, federation.company):
        unit.clusters.add(cluster)
    return cluster


@pytest.fixture
def covenant(cluster, lb_officer, campaign):
    return services.create_covenant(
        lb_officer,
        cluster=cluster,
        year=2023,
        title="Giao ước thi đua khối trường học năm 2023",
        content="Các đơn vị cùng thi đua thực hiện tốt nhiệm vụ năm học.",
        targets="100% đoàn viên tham gia\n01 mô hình mỗi đơn vị",
        campaign=campaign,
    )


def test_each_unit_of_the_cluster_is_a_party_and_signs_once(covenant, federation, school_chair):
    assert [p.unit for p in covenant.parties.all()] == [federation.school, federation.company]
    party = covenant.parties.get(unit=federation.school)
    services.sign_covenant(school_chair, party, signer_name="Nguyễn Thị Hà", signer_title="Chủ tịch CĐCS")
    party.refresh_from_db()
    assert (party.status, party.signer_name, party.signed_by) == ("signed", "Nguyễn Thị Hà", school_chair)
    assert party.signed_at is not None
    entry = AuditEntry.objects.for_object(party).get()
    assert (entry.verb, entry.from_state, entry.to_state) == ("sign_covenant", "Chưa ký", "Đã ký")
    with pytest.raises(TransitionNotAllowed):
        services.sign_covenant(school_chair, party, signer_name="Nguyễn Thị Hà")
    campaign = covenant.campaign
    assert evidence_for(federation.school, campaign).covenant_signed is True
    assert evidence_for(federation.company, campaign).covenant_signed is False


def test_a_unit_cannot_sign_for_another(covenant, federation, company_chair, lb_officer, login):
    party = covenant.parties.get(unit=federation.school)
    with pytest.raises(PermissionDenied):
        services.sign_covenant(company_chair, party, signer_name="Lê Văn Bình")
    with pytest.raises(PermissionDenied):
        services.sign_covenant(lb_officer, party, signer_name="Cán bộ quận")
    url = reverse("participation:covenant_sign", args=[covenant.pk, party.pk])
    assert login(company_chair).post(url, {"signer_name": "Lê Văn Bình"}).status_code == 404
    party.refresh_from_db()
    assert party.status == "pending"


def test_a_unit_outside_the_cluster_does_not_see_the_covenant(covenant, gia_lam_chair, login):
    assert login(gia_lam_chair).get(reverse("participation:covenant", args=[covenant.pk])).status_code == 404


def test_signing_without_a_name_is_refused_next_to_the_field(covenant, federation, school_chair, login):
    party = covenant.parties.get(unit=federation.school)
    response = login(school_chair).post(
        reverse("participation:covenant_sign", args=[covenant.pk, party.pk]), {"signer_name": ""}
    )
    assert response.status_code == 400
    assert 'data-field-error="signer_name"' in response.content.decode()
    party.refresh_from_db()
    assert party.status == "pending"


def test_self_inspection_and_upper_sample_inspection(covenant, federation, school_chair, company_chair, lb_officer):
    party = covenant.parties.get(unit=federation.school)
    services.record_inspection(
        school_chair,
        party,
        kind="self_half",
        inspected_on=datetime.date(2023, 7, 1),
        findings="Hoàn thành 6/8 chỉ tiêu.",
        inspector=federation.school,
    )
    services.record_inspection(
        lb_officer,
        party,
        kind="upper_sample",
        inspected_on=datetime.date(2023, 12, 10),
        findings="Đạt yêu cầu.",
        inspector=federation.long_bien,
    )
    with pytest.raises(PermissionDenied):
        services.record_inspection(
            company_chair,
            party,
            kind="self_year",
            inspected_on=datetime.date(2023, 12, 1),
            findings="x",
            inspector=federation.company,
        )
    with pytest.raises(PermissionDenied):  # a unit does not inspect itself as "the level above"
        services.record_inspection(
            school_chair,
            party,
            kind="upper_sample",
            inspected_on=datetime.date(2023, 12, 1),
            findings="x",
            inspector=federation.school,
        )
    assert list(Inspection.objects.values_list("kind", flat=True)) == ["self_half", "upper_sample"]


def test_only_the_organiser_writes_a_covenant(cluster, school_chair):
    with pytest.raises(PermissionDenied):
        services.create_covenant(school_chair, cluster=cluster, year=2023, title="T", content="C")


def test_a_covenant_needs_a_title_and_content(cluster, lb_officer):
    with pytest.raises(ValidationError) as error:
        services.create_covenant(lb_officer, cluster=cluster, year=2023, title=" ", content="")
    assert error.value.message_dict == {"title": ["Hãy nhập tên giao ước."]}


def test_covenant_pages_run_a_fixed_number_of_queries(
    cluster, covenant, federation, lb_officer, login, django_assert_num_queries
):
    from thidua.org.tests.factories import make_unit

    client = login(lb_officer)
    client.get(reverse("participation:covenant", args=[covenant.pk]))
    with django_assert_num_queries(7) as detail:  # with the plans the officer may tie it to; the covenant read once
        client.get(reverse("participation:covenant", args=[covenant.pk]))
    with django_assert_num_queries(6) as listing:
        client.get(reverse("participation:covenants"))
    for n in range(6):
        make_unit(federation.long_bien, "grassroots", f"Trường {n}").clusters.add(cluster)
    bigger = services.create_covenant(lb_officer, cluster=cluster, year=2024, title="Năm 2024", content="Nội dung")
    services.sign_covenant(SYSTEM, CovenantParty.objects.filter(covenant=bigger).first(), signer_name="A")
    with django_assert_num_queries(len(detail.captured_queries)):
        client.get(reverse("participation:covenant", args=[bigger.pk]))
    with django_assert_num_queries(len(listing.captured_queries)):
        client.get(reverse("participation:covenants"))


def test_inspections_are_recorded_from_the_covenant_page(covenant, federation, school_chair, lb_officer, login):
    party = covenant.parties.get(unit=federation.school)
    url = reverse("participation:covenant_inspect", args=[covenant.pk, party.pk])
    response = login(school_chair).post(
        url, {"self-kind": "self_year", "self-inspected_on": "2023-12-20", "self-findings": "Đạt 8/8 chỉ tiêu."}
    )
    assert response.status_code == 302
    response = login(lb_officer).post(
        url, {"upper-kind": "upper_sample", "upper-inspected_on": "2023-12-22", "upper-findings": ""}
    )
    assert response.status_code == 400
    assert 'data-field-error="findings"' in response.content.decode()
    login(lb_officer).post(
        url, {"upper-kind": "upper_sample", "upper-inspected_on": "2023-12-22", "upper-findings": "Tốt."}
    )
    inspections = list(Inspection.objects.order_by("id").values_list("kind", "inspector__name", "findings"))
    assert inspections == [
        ("self_year", "CĐCS Trường THCS Gia Thụy", "Đạt 8/8 chỉ tiêu."),
        ("upper_sample", "LĐLĐ quận Long Biên", "Tốt."),
    ]
    page = login(lb_officer).get(reverse("participation:covenant", args=[covenant.pk])).content.decode()
    assert "Đạt 8/8 chỉ tiêu." in page
