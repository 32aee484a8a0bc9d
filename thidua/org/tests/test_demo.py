"""The demo federation (`manage.py load_demo`): built from an empty database, complete, exact
counters, safe to rerun, deterministic. Built at a small scale: the full size is for `make run`."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from thidua.core.models import AuditEntry
from thidua.org.demo import federation
from thidua.org.models import (
    EmulationCluster,
    Member,
    MemberRating,
    RatingLevel,
    Role,
    RoleKind,
    Sector,
    Unit,
    UnitRating,
)
from thidua.org.tests.factories import make_unit

SCALE = 0.03


def load(scale: float = SCALE) -> str:
    out = StringIO()
    call_command("load_demo", scale=scale, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "units": Unit.objects.count(),
        "members": Member.objects.count(),
        "users": get_user_model().objects.count(),
        "roles": Role.objects.count(),
        "clusters": EmulationCluster.objects.count(),
        "levels": RatingLevel.objects.count(),
        "unit_ratings": UnitRating.objects.count(),
        "member_ratings": MemberRating.objects.count(),
    }


def fingerprint() -> tuple:
    """The demo's content by natural keys (codes, card numbers), not ids."""
    return (
        list(Unit.objects.order_by("code").values_list("code", "name", "path", "sector", "ownership", "email")),
        list(
            Member.objects.order_by("card_number").values_list(
                "card_number", "full_name", "gender", "birth_year", "unit__code", "position", "joined_on"
            )
        ),
        list(
            MemberRating.objects.order_by("member__card_number", "year").values_list(
                "member__card_number", "year", "level__code"
            )
        ),
        list(UnitRating.objects.order_by("unit__code", "year").values_list("unit__code", "year", "level__code")),
        list(Role.objects.order_by("user__username", "unit__code").values_list("user__username", "unit__code", "kind")),
    )


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # The demo hashes its one password with the production hasher (PBKDF2, slow on purpose).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db, monkeypatch):
    # The org part of the demo only: stages of higher apps (campaigns…) have their own tests.
    monkeypatch.setattr("thidua.core.demo._STAGES", {})
    return load()


def test_builds_the_issuers_of_the_seeds(demo):
    issuers = dict(Unit.objects.filter(kind__is_grassroots=False, kind__is_group=False).values_list("code", "name"))
    assert issuers == {
        "TLD": "Tổng Liên đoàn Lao động Việt Nam",
        "HN": "LĐLĐ thành phố Hà Nội",
        "HN-LB": "LĐLĐ quận Long Biên",
        "HN-GL": "LĐLĐ huyện Gia Lâm",
        "LC": "LĐLĐ tỉnh Lai Châu",
        "LC-TP": "LĐLĐ thành phố Lai Châu",
        "LC-TD": "LĐLĐ huyện Tam Đường",
        "LC-GD": "Công đoàn Giáo dục tỉnh Lai Châu",
    }
    long_bien = Unit.objects.get(code="HN-LB")
    assert long_bien.parent.code == "HN" and long_bien.kind.code == "district"
    assert Unit.objects.get(code="HN-LB-001").is_within(long_bien)
    # The signers of the seeds are members of their federation's own CĐCS.
    signers = {"Nguyễn Trường Giang": "HN-LB", "Phạm Thị Thu Hằng": "HN-LB", "Nguyễn Đức Thê": "HN-GL"}
    signers["Nguyễn Thị Thiệp"] = "LC"
    for name, code in signers.items():
        assert Member.objects.get(full_name=name).unit.parent.code == code
    an = Member.objects.within(long_bien).search("nguyen van an")
    assert "Nguyễn Văn An" in {m.full_name for m in an}


def test_every_role_has_a_demo_user_and_the_table_lists_them(demo):
    assert set(Role.objects.values_list("kind", flat=True)) == set(RoleKind.values)
    User = get_user_model()
    assert User.objects.filter(username="admin", is_superuser=True).exists()
    for username in ("lb_thiduakt", "cdcs_chutich", "doanvien"):
        assert User.objects.get(username=username).check_password(federation.DEMO_PASSWORD)
    picker = User.objects.get(username="lb_kiemnhiem")
    assert picker.roles.count() == 2
    doanvien = User.objects.get(username="doanvien")
    assert doanvien.member.full_name == "Nguyễn Văn An" and doanvien.get_full_name() == "Nguyễn Văn An"
    for username in ("admin", "lb_kiemnhiem", "doanvien"):
        assert username in demo
    assert "Tên đăng nhập" in demo and federation.DEMO_PASSWORD in demo and "http://127.0.0.1:8000" in demo


def test_three_blocs_under_each_district(demo):
    for district in Unit.objects.filter(kind__code="district"):
        cdcs = Unit.objects.filter(parent=district, kind__is_grassroots=True)
        assert set(cdcs.values_list("sector", flat=True)) == set(Sector.values), district.name
        blocs = EmulationCluster.objects.filter(organiser=district)
        assert set(blocs.values_list("name", flat=True)) == {name for _sector, name in federation.BLOCS}
        for sector, name in federation.BLOCS:
            assert set(blocs.get(name=name).units.all()) == set(cdcs.filter(sector=sector)), (district.name, name)
    assert set(EmulationCluster.objects.get(name="Cụm thi đua số 1").units.values_list("code", flat=True)) == {"HN-LB"}


def test_counters_equal_a_recount(demo):
    actual = dict(Member.objects.values("unit").annotate(n=Count("id")).values_list("unit", "n"))
    direct = dict(
        Member.objects.filter(is_direct_worker=True).values("unit").annotate(n=Count("id")).values_list("unit", "n")
    )
    for unit in Unit.objects.all():
        assert unit.member_count == actual.get(unit.pk, 0), unit.code
        assert unit.direct_worker_count == direct.get(unit.pk, 0), unit.code
    # Enterprises hold the direct workers; ratings exist for every year of the scales.
    assert Member.objects.filter(is_direct_worker=True).exclude(unit__sector=Sector.ENTERPRISE).count() == 0
    years = set(MemberRating.objects.values_list("year", flat=True))
    assert years == set(federation.RATING_YEARS)


def test_the_demo_is_audited_as_the_system_not_as_nobody(demo):
    """load_demo acts through the services as the explicit system actor (issue 16): its entries
    name it, and no entry is left without a user or a label."""
    assert AuditEntry.objects.filter(actor_label="Hệ thống (load_demo)", verb="create_unit").exists()
    assert not AuditEntry.objects.filter(actor=None, actor_label="").exists()


def test_second_run_changes_nothing(demo):
    before, print_before = counts(), fingerprint()
    output = load()
    assert counts() == before
    assert fingerprint() == print_before
    assert "Dữ liệu mẫu đã có sẵn" in output and "lb_kiemnhiem" in output


def test_two_fresh_runs_give_the_same_data(demo):
    first = fingerprint()
    # Empty the database in dependency order, then build again.
    Role.objects.all().delete()
    MemberRating.objects.all().delete()
    UnitRating.objects.all().delete()
    Member.objects.all().delete()
    EmulationCluster.objects.all().delete()
    for depth in sorted(set(Unit.objects.values_list("depth", flat=True)), reverse=True):
        Unit.objects.filter(depth=depth).delete()
    RatingLevel.objects.all().delete()
    AuditEntry.objects.all().delete()
    get_user_model().objects.all().delete()
    load()
    assert fingerprint() == first


def test_plans_members_deterministically_at_any_scale():
    fed = next(f for f in federation.FEDERATIONS if f.code == "HN-LB")
    cdcs = fed.cdcs[0]
    assert federation.plan_members(fed, cdcs) == federation.plan_members(fed, cdcs)
    full = federation.plan_members(fed, cdcs)
    assert len(full) == cdcs.size and len({r.card_number for r in full}) == cdcs.size
    # The named people keep their cards whatever the scale (the demo users are linked by card).
    assert federation.plan_members(fed, cdcs, 0.01)[:2] == full[:2]


def test_refuses_a_tree_it_did_not_build(db):
    make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    with pytest.raises(CommandError, match="không nạp đè"):
        load()
    assert Unit.objects.count() == 1 and Member.objects.count() == 0


def test_readme_lists_every_demo_login():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tài khoản dùng thử", 1)[1]
    for user in federation.DEMO_USERS:
        assert f"| `{user.username}` | `{federation.DEMO_PASSWORD}` |" in section, user.username


def test_every_management_command_prints_its_help():
    """`manage.py <command> --help` is how an IT officer learns a command; a lazy translation in
    a help text used to crash argparse's formatter (load_demo --help raised a TypeError)."""
    from django.core.management import get_commands, load_command_class

    for name, app in get_commands().items():
        if not app.startswith("thidua"):
            continue
        parser = load_command_class(app, name).create_parser("manage.py", name)
        assert "--help" in parser.format_help(), name


def test_living_year_is_anchored_on_the_given_day_and_a_later_rerun_adds_nothing(db):
    """`load_demo --hom-nay` fixes the demo's today: the open work is dated from it, and a rerun
    on another day (a later `make run`) finds everything and adds no row in any app."""
    from django.apps import apps as django_apps

    from thidua.campaigns.demo import living_campaign
    from thidua.reports.models import ReportPeriod

    out = StringIO()
    call_command("load_demo", scale=SCALE, today="2026-03-10", stdout=out)
    assert "Hôm nay của dữ liệu mẫu: 10/03/2026" in out.getvalue()
    living = living_campaign()
    assert living.plan_date.isoformat() == "2026-02-17"
    quarters = ReportPeriod.objects.filter(form__period="quarter").values_list("label", flat=True)
    assert sorted(quarters) == ["Quý I năm 2026", "Quý IV năm 2025"]
    rows = {m._meta.label: m.objects.count() for m in django_apps.get_models() if m._meta.app_label != "sessions"}
    call_command("load_demo", scale=SCALE, today="2026-11-20", stdout=StringIO())
    again = {m._meta.label: m.objects.count() for m in django_apps.get_models() if m._meta.app_label != "sessions"}
    assert {k: (v, again[k]) for k, v in rows.items() if again[k] != v} == {}


def test_hom_nay_must_be_a_date():
    with pytest.raises(CommandError, match="--hom-nay"):
        call_command("load_demo", scale=SCALE, today="10/03/2026", stdout=StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_run_s_address_ends_the_output_and_the_demo_s_emails_are_not_printed(unit_kinds, settings, capsys):
    """`make run PORT=…` passes its address; the decisions the demo issues notify their CĐCS by
    email, which the console backend of `make run` printed after the logins table, from a thread
    the command did not wait for. Transactional: each service commits, as in `make demo`."""
    from django.core import mail

    from thidua.documents.legal import ensure_defaults

    ensure_defaults()
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.THIDUA_BACKGROUND_INLINE = False
    out = StringIO()
    call_command("load_demo", scale=0.03, dia_chi="http://127.0.0.1:8123", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines[-1] == "Mở http://127.0.0.1:8123 và đăng nhập bằng một tài khoản ở trên."
    assert "Subject:" not in capsys.readouterr().out
    assert any("Quyết định" in message.subject for message in mail.outbox)  # sent, kept in memory
