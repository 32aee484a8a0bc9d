"""The one scoped queryset for rows that belong to a unit (docs/architecture.md, "Scope").

A row of a unit is visible in that unit's subtree — to the unit itself and to every union
above it — and to nobody else: `within(unit)` is the path range of the tree, `visible_to(user)`
applies it for the unit the user acts for. Apps subclass it and name the field that holds the
unit (`unit_field`) when it is not `unit`; a stricter rule (roles that may read a register,
council members seated from below) overrides `visible_to` and still calls `within`."""

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
        role = getattr(user, "acting_role", None)
        return self.within(role.unit) if role is not None else self.none()
