from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.core.access import get_for_user, require
from thidua.org import queries
from thidua.org.models import Unit


@login_required
def tree(request):
    """The union tree from the user's unit down; children open on demand (htmx)."""
    require(request.user, "org.browse_units")
    nodes = queries.children_with_totals(request.user, None)
    return render(request, "org/tree.html", {"nodes": nodes})


@login_required
def tree_children(request, pk: int):
    parent = get_for_user(request.user, Unit, pk, perm="org.view_unit_page")
    nodes = queries.children_with_totals(request.user, parent)
    return render(request, "org/tree.html#children", {"nodes": nodes, "parent": parent})
