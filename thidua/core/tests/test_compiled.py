"""Reads compiled once (core.compiled): the same objects as the ORM, one statement each, and a
read whose SQL would depend on its values is refused instead of answering wrongly."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.compiled import CompiledRead, NotCompilable
from thidua.core.db import PATH_END
from thidua.org.models import Role, RoleKind, Unit
from thidua.org.tests.factories import make_user

ROLES = CompiledRead(
    lambda user_id: Role.objects.filter(user_id=user_id).select_related("unit", "unit__kind").order_by("pk"),
    user_id=int,
)
SUBTREE = CompiledRead(
    lambda low, high: Unit.objects.filter(path__gte=low, path__lt=high).order_by("path"), low=str, high=str
)


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_a_compiled_read_gives_the_orms_objects_with_their_related_ones(federation):
    chair = make_user("chu_tich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    Role.objects.create(user=chair, unit=federation.long_bien, kind=RoleKind.EMULATION_OFFICER)
    other = make_user("khac", RoleKind.GRASSROOTS_CHAIR, federation.company)
    for user in (chair, other, chair):  # the second call of the same read reuses its SQL
        orm = list(Role.objects.filter(user_id=user.pk).select_related("unit", "unit__kind").order_by("pk"))
        compiled = ROLES(user_id=user.pk)
        assert [_fields(r) for r in compiled] == [_fields(r) for r in orm]
        assert [_fields(r.unit) for r in compiled] == [_fields(r.unit) for r in orm]
        assert [_fields(r.unit.kind) for r in compiled] == [_fields(r.unit.kind) for r in orm]
        assert all(not r._state.adding and r._state.db == "default" for r in compiled)
    assert len(ROLES(user_id=chair.pk)) == 2
    assert ROLES(user_id=10**9) == []


def test_a_compiled_read_is_one_statement_and_takes_a_suffix_of_its_value(federation):
    with CaptureQueriesContext(connection) as seen:
        units = SUBTREE(low=federation.long_bien.path, high=federation.long_bien.path + PATH_END)
    assert len(seen.captured_queries) == 1
    assert [u.pk for u in units] == list(
        Unit.objects.within(federation.long_bien).order_by("path").values_list("pk", flat=True)
    )
    assert federation.gia_lam not in units and federation.long_bien in units and federation.school in units

    within = CompiledRead(
        lambda path: Unit.objects.within(type("Stand", (), {"path": path})()).order_by("path"), path=str
    )
    assert [u.pk for u in within(path=federation.gia_lam.path)] == list(
        Unit.objects.within(federation.gia_lam).order_by("path").values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    "build",
    [
        # startswith escapes "%" and "_" in its value: running the stand-in's SQL with a raw
        # value would match more than the ORM does
        lambda name: Unit.objects.filter(name__startswith=name),
        # a value that decides the SQL itself (here: the two stand-ins take different branches)
        lambda name: Unit.objects.filter(name=name) if "%0_" in name else Unit.objects.filter(code=name),
        # no SQL at all
        lambda name: Unit.objects.none(),
        # a value that never reaches the statement
        lambda name: Unit.objects.filter(code="HN"),
    ],
)
def test_a_read_whose_sql_depends_on_its_values_is_refused(db, build):
    with pytest.raises(NotCompilable):
        CompiledRead(build, name=str)(name="LĐLĐ")


def test_only_whole_numbers_and_text_are_compiled():
    with pytest.raises(NotCompilable):
        CompiledRead(lambda day: Unit.objects.filter(created_at__date=day), day=object)
