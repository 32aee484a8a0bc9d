"""Fixtures shared by every app's tests: a small federation with two districts."""

from dataclasses import dataclass

import pytest

from thidua.org.models import RoleKind, Sector, Unit
from thidua.org.tests.factories import MemberFactory, make_unit, make_user


@pytest.fixture(autouse=True)
def _inline_background(settings):
    settings.THIDUA_BACKGROUND_INLINE = True


@pytest.fixture(autouse=True)
def _vietnamese_around_each_test():
    """The test client runs the middleware in the test's own thread: a page read in English (the
    crawl, the language tests) leaves English active there, and the next test then stores English
    labels (a council's scoring criteria, the demo's texts) and cannot find its Vietnamese buttons.
    Every test starts and ends in the default language, whatever ran before it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Production hashes passwords with PBKDF2 (over a million rounds: ~0.4 s a user on these
    # machines), which made fixtures creating half a dozen accounts cost seconds per test.
    # Tests are not about password strength; the login flow still runs the real check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    """`postgres_only` tests need row locks that SQLite's in-memory test database cannot show;
    CI runs the suite on PostgreSQL too, where they run.

    Every transactional test also restores the migrated catalogues (content types, unit kinds)
    afterwards: its flush empties them, content types then come back under new ids, and the
    next test that restores the serialized copy collides with them (UNIQUE constraint failed:
    django_content_type) — whatever order the tests run in."""
    from django.db import connection

    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True), append=False
            )
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="cần PostgreSQL (CI chạy lại bộ kiểm thử trên PostgreSQL)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@dataclass
class Federation:
    confederation: Unit
    city: Unit
    long_bien: Unit
    gia_lam: Unit
    school: Unit  # CĐCS in Long Biên
    company: Unit  # CĐCS in Long Biên
    gia_lam_cdcs: Unit  # CĐCS in Gia Lâm
    group: Unit  # group of the school


@pytest.fixture
def unit_kinds(db):
    """The unit kinds migration 0003 loads. A transactional test's flush empties every table,
    catalogues included; serialized_rollback should restore them, but not in browser tests:
    there Playwright's event loop gives the test a new connection object (asgiref locals),
    which lacks the serialized copy. So load them again when missing, and drop the content
    type cache, whose ids the flush made stale."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from thidua.org.models import UnitKind

    if not UnitKind.objects.exists():
        ContentType.objects.clear_cache()
        importlib.import_module("thidua.org.migrations.0003_default_unit_kinds").load(apps, None)
    # The dated table of laws and rules papers cite (documents migration 0003), emptied the same way.
    from thidua.documents.legal import ensure_defaults

    ensure_defaults()


@pytest.fixture
def federation(db, unit_kinds) -> Federation:
    confederation = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    city = make_unit(confederation, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    long_bien = make_unit(city, "district", "LĐLĐ quận Long Biên", code="HN-LB")
    gia_lam = make_unit(city, "district", "LĐLĐ huyện Gia Lâm", code="HN-GL")
    school = make_unit(long_bien, "grassroots", "CĐCS Trường THCS Gia Thụy", code="LB-001", sector=Sector.SCHOOL)
    company = make_unit(
        long_bien,
        "grassroots",
        "CĐCS Công ty May Đức Giang",
        code="LB-002",
        sector=Sector.ENTERPRISE,
        ownership="state",
    )
    gia_lam_cdcs = make_unit(gia_lam, "grassroots", "CĐCS UBND xã Đa Tốn", code="GL-001", sector=Sector.PUBLIC_SERVICE)
    group = make_unit(school, "group", "Tổ Toán – Tin", code="LB-001-T1")
    federation = Federation(confederation, city, long_bien, gia_lam, school, company, gia_lam_cdcs, group)
    # Who signs each unit's papers: nothing is issued without a signer's title and name.
    from thidua.documents.tests.letterheads import sign_letterheads

    sign_letterheads(federation)
    return federation


@pytest.fixture
def members(federation):
    """Named members in three CĐCS: the ones scope tests try to reach."""
    return {
        "an": MemberFactory(full_name="Nguyễn Văn An", unit=federation.school, card_number="LB0001", gender="male"),
        "binh": MemberFactory(full_name="Trần Thị Bình", unit=federation.group, card_number="LB0002"),
        "cuong": MemberFactory(
            full_name="Lê Đức Cường",
            unit=federation.company,
            card_number="LB0003",
            is_direct_worker=True,
            gender="male",
        ),
        "dung": MemberFactory(full_name="Phạm Thị Dung", unit=federation.gia_lam_cdcs, card_number="GL0001"),
    }


@pytest.fixture
def login(client):
    """Log a user in and pick the role they act in, as the role picker does."""

    def _login(user, role=None):
        client.force_login(user)
        role = role or getattr(user, "acting_role", None)
        if role is not None:
            session = client.session
            session["acting_role_id"] = role.pk
            session.save()
        return client

    return _login


@pytest.fixture
def officer(federation):
    return make_user("lb_thiduakt", RoleKind.EMULATION_OFFICER, federation.long_bien)
