"""Test data built through the services, so counters and paths are what production has."""

import itertools

import factory
from django.contrib.auth import get_user_model

from thidua.core.access import system_actor
from thidua.org import services
from thidua.org.models import Gender, Member, Role, Unit, UnitKind

_codes = itertools.count(1)


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


def make_unit(parent: Unit | None, kind_code: str, name: str | None = None, **values) -> Unit:
    n = next(_codes)
    return services.create_unit(
        SYSTEM,
        parent=parent,
        kind=kind(kind_code),
        name=name or f"Đơn vị {n}",
        code=values.pop("code", f"U{n:05d}"),
        **values,
    )


# The actor of fixtures and setup steps: the system, as for commands and the demo (a service
# refuses None). Tests of a permission pass a user.
SYSTEM = system_actor("tests")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Hoa {n}")
    gender = Gender.FEMALE
    birth_year = 1985
    card_number = factory.Sequence(lambda n: f"CD{n:07d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_member(SYSTEM, **kwargs)


def make_user(username: str, role_kind: str | None = None, unit: Unit | None = None, **extra):
    user = get_user_model().objects.create_user(username=username, password="matkhau-thu-nghiem", **extra)
    if role_kind is not None:
        role = Role.objects.create(user=user, unit=unit, kind=role_kind)
        user.acting_role = role
    else:
        user.acting_role = None
    return user
