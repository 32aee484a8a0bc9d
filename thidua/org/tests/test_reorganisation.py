"""The 2025 reorganisation (docs/domain.md, "The union tree and its 2025 reform") through the services:
a district federation dissolved into its city (org.services.dissolve_unit) on the demo, and two
provinces merged into one (org.services.merge_units) on a small tree of their own.

What a union office checks afterwards: every record of the moved CĐCS still there and counted
under the new parent (hand-counted from the rows vs the roll-ups the pages read), the old unit's
open work going on under the successor, its papers still printing their old letterhead, the
people who held roles there, and a sibling province seeing none of it."""

import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from thidua.awards.models import Award, Nomination
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.plan_document import build
from thidua.core.db import PATH_END
from thidua.core.models import AuditEntry
from thidua.documents.rendering import render_pdf
from thidua.initiatives import queries as initiative_queries
from thidua.initiatives.models import Initiative, InitiativeStatus, Recognition
from thidua.org import queries, services
from thidua.org.models import Member, Role, RoleKind, Unit, UnitStatus
from thidua.org.tests.demo_snapshot import load_demo
from thidua.org.tests.factories import SYSTEM, make_unit, make_user
from thidua.reports import queries as report_queries
from thidua.reports.models import SENT, ReportPeriod, Submission

REASON = "Quyết định số 1234/QĐ-TLĐ ngày 20/6/2025 về kết thúc hoạt động công đoàn cấp huyện"


def _in(unit: Unit) -> Q:
    return Q(unit__path__gte=unit.path, unit__path__lt=unit.path + PATH_END)


def _act_as(username: str, unit: Unit | None = None):
    user = get_user_model().objects.get(username=username)
    roles = Role.objects.filter(user=user).select_related("unit", "unit__kind")
    user.acting_role = roles.filter(unit=unit).first() if unit is not None else roles.first()
    return user


def _pdf_text(pdf: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext is not installed")
    return subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def demo(db, unit_kinds):
    load_demo(scale=0.03)


def test_long_bien_dissolved_into_the_city_keeps_every_record_rolled_up_under_the_city(demo):
    city, long_bien = Unit.objects.get(code="HN"), Unit.objects.get(code="HN-LB")
    cdcs = list(Unit.objects.filter(parent=long_bien).order_by("pk"))
    # What Long Biên's CĐCS hold before, hand-counted from the rows.
    initiatives = set(Initiative.objects.filter(_in(long_bien)).values_list("pk", flat=True))
    recognitions = set(Recognition.objects.filter(initiative__in=initiatives).values_list("pk", flat=True))
    awards = set(Award.objects.filter(_in(long_bien)).values_list("pk", flat=True))
    nominations = set(Nomination.objects.filter(_in(long_bien)).values_list("pk", flat=True))
    members = Member.objects.filter(_in(long_bien)).count()
    assert initiatives and recognitions and awards and nominations  # the demo has some of each
    city_before = queries.subtree_totals(city)
    open_plans = set(
        Campaign.objects.filter(issuer=long_bien).exclude(status=CampaignStatus.CLOSED).values_list("pk", flat=True)
    )
    waiting = set(
        Nomination.objects.filter(level=long_bien, status__in=["submitted", "accepted"]).values_list("pk", flat=True)
    )
    seed_000 = Campaign.objects.get(register_entry__symbol="32/KH-LĐLĐ", issuer=long_bien)
    holders = set(Role.objects.filter(unit=long_bien).values_list("user__username", flat=True))
    assert open_plans and holders
    # A CĐCS's own plan, issued while it was under Long Biên: "LĐLĐ QUẬN LONG BIÊN" above its name.
    cdcs_plan = Campaign.objects.filter(issuer__parent=long_bien, register_entry__isnull=False).first()
    assert "LĐLĐ QUẬN LONG BIÊN" in _pdf_text(render_pdf(build(cdcs_plan)))

    services.dissolve_unit(_act_as("admin"), long_bien, city, reason=REASON)

    long_bien.refresh_from_db()
    assert (long_bien.status, long_bien.merged_into_id, long_bien.parent_id) == (UnitStatus.DISSOLVED, city.pk, city.pk)
    assert not Unit.objects.filter(parent=long_bien).exists()
    assert {u.parent_id for u in Unit.objects.filter(pk__in=[u.pk for u in cdcs])} == {city.pk}
    # Every record is still there, now in the city's direct CĐCS.
    assert set(Initiative.objects.filter(_in(city), unit__in=cdcs).values_list("pk", flat=True)) >= initiatives
    assert set(Award.objects.filter(_in(city)).values_list("pk", flat=True)) >= awards
    assert set(Recognition.objects.filter(initiative__unit__parent=city).values_list("pk", flat=True)) >= recognitions
    # Roll-ups = hand counts: the tree's totals, the initiative counters, the report roll-up.
    after = queries.subtree_totals(city)
    assert (after.grassroots, after.members) == (city_before.grassroots, city_before.members)
    assert queries.subtree_totals(long_bien).members == 0
    assert sum(queries.subtree_totals(Unit.objects.get(pk=c.pk)).members for c in cdcs) == members
    counted = initiative_queries.counters(city)
    assert counted.registered == Initiative.objects.filter(_in(city)).exclude(status=InitiativeStatus.DRAFT).count()
    assert counted.recognised == Initiative.objects.filter(_in(city), recognised_on__isnull=False).count()
    assert initiative_queries.counters(long_bien).registered == 0
    by_child = dict(initiative_queries.counters_by_child(city))
    assert long_bien not in by_child
    assert sum(c.registered for u, c in by_child.items() if u in cdcs) == len(
        Initiative.objects.filter(pk__in=initiatives).exclude(status=InitiativeStatus.DRAFT)
    )
    for period in ReportPeriod.objects.filter(submissions__unit__in=cdcs).distinct():
        whole, children = report_queries.rollup_by_child(period, city)
        sent = Submission.objects.filter(_in(city), period=period, status__in=SENT)
        assert whole.reports == sent.count()
        assert long_bien not in [u for u, _r in children]
        assert sum(r.reports for u, r in children if u in cdcs) == sent.filter(unit__in=cdcs).count()
    # Long Biên's open work goes on under the city; its seed plan keeps its letterhead.
    assert set(Campaign.objects.filter(pk__in=open_plans).values_list("issuer_id", flat=True)) == {city.pk}
    assert set(Nomination.objects.filter(pk__in=waiting).values_list("level_id", flat=True)) <= {city.pk}
    seed_000.refresh_from_db()
    assert seed_000.issuer_id == city.pk
    text = _pdf_text(render_pdf(build(seed_000)))
    assert "LĐLĐ QUẬN LONG BIÊN" in text
    assert "Số: 32/KH-LĐLĐ" in text
    assert seed_000.register_entry.unit_id == long_bien.pk  # still in Long Biên's register
    cdcs_plan = Campaign.objects.get(pk=cdcs_plan.pk)
    assert cdcs_plan.issuer.parent_id == city.pk
    moved_text = _pdf_text(render_pdf(build(cdcs_plan)))
    assert "LĐLĐ QUẬN LONG BIÊN" in moved_text
    assert "LĐLĐ THÀNH PHỐ HÀ NỘI" not in moved_text
    # The roles held at Long Biên ended, each named in the city's history with the reason.
    assert not Role.objects.filter(unit=long_bien).exists()
    ended = AuditEntry.objects.for_object(city).get(verb="end_roles")
    assert {line.split(":")[0] for line in ended.changes["roles"]} == holders
    assert ended.reason == REASON
    dissolved = AuditEntry.objects.for_object(long_bien).get(verb="dissolve")
    assert (dissolved.actor.username, dissolved.reason) == ("admin", REASON)
    assert dissolved.changes["handed_over"]["campaigns"] == len(open_plans)


def test_the_city_reads_the_moved_records_and_a_sibling_province_does_not(demo):
    city, long_bien = Unit.objects.get(code="HN"), Unit.objects.get(code="HN-LB")
    services.dissolve_unit(_act_as("admin"), long_bien, city, reason=REASON)
    moved = Initiative.objects.filter(unit__parent=city, unit__in=Unit.objects.filter(merged_into__isnull=True))
    city_officer, lai_chau = _act_as("hn_bantv"), _act_as("lc_thiduakt")
    assert Initiative.objects.visible_to(city_officer).filter(pk__in=moved).count() == moved.count() > 0
    assert not Initiative.objects.visible_to(lai_chau).filter(pk__in=moved).exists()
    assert not Nomination.objects.visible_to(lai_chau).filter(unit__parent=city).exists()
    assert not Campaign.objects.visible_to(lai_chau).filter(issuer=long_bien).exists()
    # Long Biên's history (its closed and handed-over plans) stays readable from the city.
    assert Campaign.objects.visible_to(city_officer).filter(register_entry__unit=long_bien).exists()


def test_a_dissolved_unit_is_not_offered_for_new_work(demo):
    city, gia_lam = Unit.objects.get(code="HN"), Unit.objects.get(code="HN-GL")
    services.dissolve_unit(_act_as("admin"), gia_lam, city, reason=REASON)
    assert gia_lam not in Unit.objects.active()
    with pytest.raises(ValidationError):
        services.create_unit(
            _act_as("admin"),
            parent=Unit.objects.get(pk=gia_lam.pk),
            name="X",
            code="X1",
            kind=Unit.objects.get(code="HN-LB").kind,
        )


def test_only_the_upper_standing_committee_or_an_administrator_dissolves(demo):
    city, gia_lam, long_bien = (Unit.objects.get(code=c) for c in ("HN", "HN-GL", "HN-LB"))
    with pytest.raises(PermissionDenied):  # the district's own office
        services.dissolve_unit(_act_as("gl_thiduakt"), gia_lam, city, reason=REASON)
    with pytest.raises(PermissionDenied):  # a neighbouring district
        services.dissolve_unit(_act_as("lb_chutich", long_bien), gia_lam, long_bien, reason=REASON)
    with pytest.raises(ValidationError):  # no reason, no dissolution
        services.dissolve_unit(_act_as("admin"), gia_lam, city, reason=" ")
    with pytest.raises(ValidationError):  # not into one of its own CĐCS
        services.dissolve_unit(_act_as("admin"), gia_lam, Unit.objects.filter(parent=gia_lam).first(), reason=REASON)
    assert Unit.objects.get(pk=gia_lam.pk).status == UnitStatus.ACTIVE
    chair = make_user("hn_chutich_thu", RoleKind.STANDING_COMMITTEE, city)
    services.dissolve_unit(chair, gia_lam, city, reason=REASON)
    assert Unit.objects.get(pk=gia_lam.pk).status == UnitStatus.DISSOLVED


def test_roles_move_to_the_successor_when_asked(demo):
    city, gia_lam = Unit.objects.get(code="HN"), Unit.objects.get(code="HN-GL")
    held = sorted(Role.objects.filter(unit=gia_lam).values_list("user__username", "kind"))
    assert ("gl_thiduakt", RoleKind.EMULATION_OFFICER) in held
    services.dissolve_unit(_act_as("admin"), gia_lam, city, reason=REASON, roles=services.RolePolicy.MOVE)
    assert not Role.objects.filter(unit=gia_lam).exists()
    for username, kind in held:
        assert Role.objects.filter(user__username=username, unit=city, kind=kind).exists()
    moved = AuditEntry.objects.for_object(city).get(verb="move_roles")
    assert "gl_thiduakt: Cán bộ Thi đua – Khen thưởng" in moved.changes["roles"]
    assert len(moved.changes["roles"]) == len(held)


# --- two provinces into one (Nghị quyết 202/2025/QH15: Hà Giang and Tuyên Quang → Tuyên Quang) --


@pytest.fixture
def provinces(db, unit_kinds):
    root = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam")
    ha_giang = make_unit(root, "province", "LĐLĐ tỉnh Hà Giang")
    tuyen_quang = make_unit(root, "province", "LĐLĐ tỉnh Tuyên Quang")
    lai_chau = make_unit(root, "province", "LĐLĐ tỉnh Lai Châu")  # unchanged in 2025
    district = make_unit(ha_giang, "district", "LĐLĐ huyện Đồng Văn")
    school = make_unit(district, "grassroots", "CĐCS Trường THPT Đồng Văn", sector="school")
    own = make_unit(ha_giang, "grassroots", "CĐCS Cơ quan LĐLĐ tỉnh Hà Giang", sector="public_service")
    tq_school = make_unit(tuyen_quang, "grassroots", "CĐCS Trường THPT chuyên Tuyên Quang", sector="school")
    for unit, n in ((school, 3), (own, 2), (tq_school, 4)):
        for i in range(n):
            services.create_member(SYSTEM, full_name=f"Đoàn viên {unit.pk}-{i}", gender="female", unit=unit)
    return root, ha_giang, tuyen_quang, lai_chau, district, school, own


def test_two_provinces_merge_into_one_and_only_the_survivor_reads_the_absorbed_history(provinces):
    root, ha_giang, tuyen_quang, lai_chau, district, school, own = provinces
    hg_officer = make_user("hg_thiduakt", RoleKind.EMULATION_OFFICER, ha_giang)
    admin = make_user("quan_tri", is_superuser=True)
    preview = services.restructure_preview(ha_giang)
    assert (preview.children, preview.grassroots, preview.members) == (2, 2, 5)
    assert preview.roles == ["hg_thiduakt: Cán bộ Thi đua – Khen thưởng"]

    services.merge_units(admin, ha_giang, tuyen_quang, reason="Nghị quyết 202/2025/QH15")

    ha_giang.refresh_from_db()
    assert (ha_giang.status, ha_giang.merged_into_id) == (UnitStatus.MERGED, tuyen_quang.pk)
    assert ha_giang.parent_id == tuyen_quang.pk  # kept as history inside the survivor's scope
    assert {u.parent_id for u in Unit.objects.filter(pk__in=[district.pk, own.pk])} == {tuyen_quang.pk}
    tuyen_quang.refresh_from_db()
    totals = queries.subtree_totals(tuyen_quang)
    assert (totals.grassroots, totals.members) == (3, 9)
    assert not Role.objects.filter(user=hg_officer).exists()
    tq_officer = make_user("tq_thiduakt", RoleKind.EMULATION_OFFICER, tuyen_quang)
    lc_officer = make_user("lc_thiduakt", RoleKind.EMULATION_OFFICER, lai_chau)
    assert set(Unit.objects.visible_to(tq_officer).filter(pk__in=[ha_giang.pk, school.pk])) == {ha_giang, school}
    assert not Unit.objects.visible_to(lc_officer).filter(pk__in=[ha_giang.pk, school.pk, district.pk]).exists()
    assert Member.objects.visible_to(tq_officer).filter(unit=school).count() == 3
    assert not Member.objects.visible_to(lc_officer).filter(unit=school).exists()
    assert queries.subtree_totals(root).members == 9


# --- the pages ---------------------------------------------------------------------------------


def test_dissolve_page_previews_then_confirms_and_is_404_outside_the_rule(provinces, login):
    from django.urls import reverse

    _root, ha_giang, _tuyen_quang, lai_chau, district, school, _own = provinces
    url = reverse("org:unit_dissolve", args=[district.pk])
    office = make_user("hg_vanphong", RoleKind.EMULATION_OFFICER, ha_giang)
    assert login(office).get(url).status_code == 404  # the office drafts, the committee decides
    neighbour = make_user("lc_bantv", RoleKind.STANDING_COMMITTEE, lai_chau)
    assert login(neighbour).get(url).status_code == 404  # another province
    client = login(make_user("hg_bantv", RoleKind.STANDING_COMMITTEE, ha_giang))
    values = {"successor": ha_giang.pk, "roles": "end", "reason": REASON}
    preview = client.post(url, values)
    assert (preview.context["preview"].grassroots, preview.context["preview"].members) == (1, 3)
    assert Unit.objects.get(pk=district.pk).status == UnitStatus.ACTIVE  # nothing moved yet
    missing = client.post(url, {**values, "reason": "", "confirm": "1"})
    assert "reason" in missing.context["form"].errors
    done = client.post(url, {**values, "confirm": "1"})
    assert done.status_code == 302
    assert Unit.objects.get(pk=school.pk).parent_id == ha_giang.pk
    assert Unit.objects.get(pk=district.pk).status == UnitStatus.DISSOLVED
    assert client.get(url).status_code == 404  # not a second time


def test_a_province_merges_only_into_a_province(provinces, login):
    from django.urls import reverse

    _root, ha_giang, tuyen_quang, _lai_chau, district, _school, _own = provinces
    admin = make_user("quan_tri", is_superuser=True)
    tq_city = make_unit(tuyen_quang, "district", "LĐLĐ thành phố Tuyên Quang")
    with pytest.raises(ValidationError, match="cùng cấp"):  # into a district: that is a dissolution
        services.merge_units(admin, ha_giang, tq_city, reason="x")
    url = reverse("org:unit_merge", args=[ha_giang.pk])
    offered = set(login(admin).get(url).context["form"].fields["survivor"].queryset)
    assert tuyen_quang in offered
    assert district not in offered and tq_city not in offered
    office = make_user("tlđ_vanphong", RoleKind.EMULATION_OFFICER, _root)
    assert login(office).get(url).status_code == 404  # the confederation's office drafts, its committee decides
