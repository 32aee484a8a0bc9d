from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from thidua.core.access import require
from thidua.documents import queries
from thidua.documents.filters import RegisterFilter


@login_required
def register(request):
    """The document register (sổ văn bản) of the acting unit and the units below it."""
    require(request.user, "documents.view_register")
    register_filter = RegisterFilter(request.GET or None, queryset=queries.register_for_user(request.user))
    page = Paginator(register_filter.qs, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": register_filter, "page": page, "query": query.urlencode()}
    partial = request.htmx and not request.htmx.boosted
    return render(request, "documents/register.html#results" if partial else "documents/register.html", context)
