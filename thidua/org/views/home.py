from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.core.home import panels_for, tasks_for
from thidua.org import queries
from thidua.org.models import Member, acts_for_unit


@login_required
def home(request):
    role = request.user.acting_role
    # "What must I do now" first: every app's open tasks, most urgent first (core.home).
    context = {"role": role, "panels": panels_for(request), "tasks": tasks_for(request)}
    if role is not None:
        # The unit's counters are the unit's business, not a member's (docs/reach.md).
        context["totals"] = queries.subtree_totals(role.unit) if acts_for_unit(role) else None
        context["unit"] = role.unit
    # Every member sees their own record, whatever role they act in.
    context["own_member"] = Member.objects.filter(user=request.user).only("pk", "full_name").first()
    return render(request, "org/home.html", context)
