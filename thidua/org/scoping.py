"""The one scoped queryset for rows that belong to a unit (docs/architecture.md, "Scope").

A row of a unit is visible in that unit's subtree — to the unit itself and to every union
above it — and to nobody else: `within(unit)` is the path range of the tree, `visible_to(user)`
applies it for the unit the user acts for, when the role acts for the unit at all: a member's
and a council member's roles are a person's reach, not the unit's (docs/reach.md). Apps
subclass it and name the field that holds the unit (`unit_field`) when it is not `unit`; a
stricter or wider rule (roles that may read a register, council members seated from below, what
a unit publishes to its members) overrides `visible_to` and still calls `within`."""

from types import SimpleNamespace

from django.db import models
from django.http import Http404

from thidua.core.access import get_for_user
from thidua.core.compiled import CompiledRead
from thidua.core.db import PATH_END


class UnitScopedQuerySet(models.QuerySet):
    unit_field = "unit"

    def within(self, unit):
        path = f"{self.unit_field}__path"
        return self.filter(**{f"{path}__gte": unit.path, f"{path}__lt": unit.path + PATH_END})

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        unit = reach_unit(user)
        # A member's or a council member's role reads nothing of the unit's rows by default: a
        # queryset that publishes some to them (their own, the golden book, a seat) says so
        # (docs/reach.md).
        return self.within(unit) if unit is not None else self.none()


def reach_unit(user):
    """The unit whose subtree `user` reads through `visible_to`, or None: no acting role, or a
    personal one (a member's, a council member's)."""
    from thidua.org.models import acts_for_unit  # noqa: PLC0415 — org.models imports this module

    role = getattr(user, "acting_role", None)
    return role.unit if acts_for_unit(role) else None


class CompiledGet:
    """`get_for_user(user, model, pk, related=…)` for a request every CĐCS makes at once (a
    report being sent): the same object or the same 404, with the scoped SELECT compiled once
    per connection (core.compiled) where the user reads a unit's subtree through the default
    `visible_to`; a superuser, a personal role or a model with its own `visible_to` take
    `get_for_user` as it is."""

    def __init__(self, model, related: tuple[str, ...]):
        self.model = model
        self.related = related
        self.compiled = type(model.objects.all()).visible_to is UnitScopedQuerySet.visible_to
        self.read = CompiledRead(
            lambda pk, path: model.objects.within(SimpleNamespace(path=path)).select_related(*related).filter(pk=pk),
            pk=int,
            path=str,
        )

    def __call__(self, user, pk):
        unit = reach_unit(user) if self.compiled and user.is_authenticated and not user.is_superuser else None
        if unit is None:
            return get_for_user(user, self.model, pk, related=self.related)
        try:
            pk = int(pk)
        except (ValueError, TypeError):
            raise Http404 from None
        found = self.read(pk=pk, path=unit.path) if -(2**63) <= pk < 2**63 else None  # a bigint, or no row
        if not found:
            raise Http404
        return found[0]
