"""The one scoped queryset for rows that belong to a unit (docs/architecture.md, "Scope").

A row of a unit is visible in that unit's subtree — to the unit itself and to every union
above it — and to nobody else: `within(unit)` is the path range of the tree, `visible_to(user)`
applies it for the unit the user acts for, when the role acts for the unit at all: a member's
and a council member's roles are a person's reach, not the unit's (docs/reach.md). Apps
subclass it and name the field that holds the unit (`unit_field`) when it is not `unit`; a
stricter or wider rule (roles that may read a register, council members seated from below, what
a unit publishes to its members) overrides `visible_to` and still calls `within`."""

from django.db import models

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
        from thidua.org.models import acts_for_unit  # noqa: PLC0415 — org.models imports this module

        role = getattr(user, "acting_role", None)
        # A member's or a council member's role reads nothing of the unit's rows by default: a
        # queryset that publishes some to them (their own, the golden book, a seat) says so
        # (docs/reach.md).
        return self.within(role.unit) if acts_for_unit(role) else self.none()
