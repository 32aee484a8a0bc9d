"""The campaigns panel of the home page: plans received and not yet launched, deadlines due."""

from django.utils import timezone

from thidua.campaigns.models import DeploymentStatus
from thidua.campaigns.services import deployments_for
from thidua.campaigns.views.calendar import deadlines_for


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        return None
    today = timezone.localdate()
    pending = list(deployments_for(role.unit).exclude(status=DeploymentStatus.LAUNCHED)[:10])
    deadlines = [(d, s) for d, s in deadlines_for(role.unit, today) if s != "upcoming" or d.due_on >= today][:10]
    return {"pending": pending, "rows": deadlines}
