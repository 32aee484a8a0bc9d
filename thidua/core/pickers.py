"""Searchable pickers: a text box that finds members or units by a few letters typed without
diacritics, for forms whose choices run to thousands (a district's ~2,400 members as
checkboxes, a province's CĐCS as one dropdown).

Why our own and not a package: django-autocomplete-light and django-select2 bring jQuery and
Select2 for one box; django-htmx-autocomplete and django-tomselect scope their searches through
their own view classes and ship English strings. Ours is ~150 lines on htmx (already loaded on
every page) and one small script, searches through the scoping the rest of the app uses
(``visible_to`` of the acting role), and speaks our catalogue.

How it works, with or without JavaScript:
- The widget renders a search box (``<name>__tim``), the chosen items as chips (each a hidden
  input ``<name>=<id>`` with a remove button) and a results area.
- With htmx, typing asks ``/chon/<source>/`` for at most ``PICK_LIMIT`` matches, rendered as
  checkboxes (radios for a single choice) named like the field; core/picker.js turns a ticked
  match into a chip, so a new search keeps what was chosen.
- Without JavaScript the search box is an ordinary field: the form sent with it comes back with
  the matches listed as the same checkboxes, to tick and send again.

Scope is the endpoint's own: a source lists only what the acting role may see, so a Long Biên
officer typing a Gia Lâm name finds nothing; and the form's own queryset still refuses an id
posted by hand, whatever the picker showed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import render
from django.urls import reverse

from thidua.core.text import fold, search_terms

# Enough to pick from at a glance; more means the officer should type more letters.
PICK_LIMIT = 20
QUERY_SUFFIX = "__tim"


@dataclass(frozen=True)
class Source:
    """What a picker searches: the rows the user may pick (scoped), how to find some by typed
    text, and how each reads in the list."""

    scoped: Callable  # (user) -> QuerySet
    find: Callable  # (queryset, query) -> list of rows, at most PICK_LIMIT
    label: Callable  # (row) -> str


def _members_for(user) -> QuerySet:
    from thidua.org.models import Member  # noqa: PLC0415 — core sits below org

    return Member.objects.visible_to(user)


def _find_members(queryset, query: str) -> list:
    if not search_terms(query):
        return []
    return list(queryset.search(query).select_related("unit").order_by("search_key", "pk")[:PICK_LIMIT])


def _member_label(member) -> str:
    return f"{member.full_name} — {member.unit.name}"


def _grassroots_for(user) -> QuerySet:
    from thidua.org.models import Unit  # noqa: PLC0415 — core sits below org

    return Unit.objects.visible_to(user).grassroots().active()


def _find_units(queryset, query: str) -> list:
    """Every typed word in the folded name or the code. Folded in Python: a unit has no folded
    column, and a province's few thousand CĐCS names fold in milliseconds."""
    terms = search_terms(query)
    if not terms:
        return []
    found = []
    for pk, name, code in queryset.order_by("path").values_list("pk", "name", "code").iterator():
        key = f"{fold(name)} {fold(code)}"
        if all(term in key for term in terms):
            found.append(pk)
            if len(found) == PICK_LIMIT:
                break
    rows = queryset.model.objects.in_bulk(found)
    return [rows[pk] for pk in found]


SOURCES = {
    "doan-vien": Source(scoped=_members_for, find=_find_members, label=_member_label),
    "cdcs": Source(scoped=_grassroots_for, find=_find_units, label=lambda unit: unit.name),
}


class SearchPicker(forms.Widget):
    """For a ModelChoiceField or ModelMultipleChoiceField whose queryset is already scoped by
    the form: the field validates what is posted; the picker only helps find it."""

    template_name = "core/widgets/picker.html"

    def __init__(self, source: str, *, multiple: bool = False, submit_on_pick: bool = False, attrs=None):
        super().__init__(attrs)
        if source not in SOURCES:
            raise ValueError(f"unknown picker source {source!r}")
        self.source = source
        self.multiple = multiple
        self.allow_multiple_selected = multiple
        self.submit_on_pick = submit_on_pick
        self.choices = []
        self._query = ""

    def value_from_datadict(self, data, files, name):
        self._query = (data.get(name + QUERY_SUFFIX) or "").strip()
        if self.multiple:
            return [v for v in (data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])) if v]
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + QUERY_SUFFIX not in data

    def _chosen(self, value) -> list:
        values = value if isinstance(value, (list, tuple)) else [value]
        values = [str(v) for v in values if v not in (None, "")]
        queryset = getattr(self.choices, "queryset", None)
        if not values or queryset is None:
            return []
        try:
            rows = list(queryset.filter(pk__in=values))
        except (ValueError, TypeError):
            return []
        return [(row.pk, SOURCES[self.source].label(row)) for row in rows]

    def _matches(self, chosen: list) -> list:
        """The server's own results, for the form sent back without JavaScript."""
        queryset = getattr(self.choices, "queryset", None)
        if not self._query or queryset is None:
            return []
        taken = {pk for pk, _label in chosen}
        source = SOURCES[self.source]
        return [(row.pk, source.label(row)) for row in source.find(queryset, self._query) if row.pk not in taken]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = self._chosen(value)
        context["widget"].update(
            {
                "chosen": chosen,
                "matches": self._matches(chosen),
                "query": self._query,
                "query_name": name + QUERY_SUFFIX,
                "url": reverse("core:picker", args=[self.source]),
                "multiple": self.multiple,
                "submit_on_pick": self.submit_on_pick,
                "limit": PICK_LIMIT,
            }
        )
        return context

    def format_value(self, value):
        return value


@login_required
def search(request, source: str):
    """The matches for what was typed, within the acting role's scope (chosen ones left out)."""
    picker = SOURCES.get(source)
    if picker is None:
        return render(request, "core/widgets/picker_results.html", {"matches": []}, status=404)
    name = next((key.removesuffix(QUERY_SUFFIX) for key in request.GET if key.endswith(QUERY_SUFFIX)), "")
    query = request.GET.get(name + QUERY_SUFFIX, "")
    taken = {v for v in request.GET.getlist(name) if v.isdigit()}
    rows = picker.find(picker.scoped(request.user), query)
    matches = [(row.pk, picker.label(row)) for row in rows if str(row.pk) not in taken]
    context = {
        "matches": matches,
        "name": name,
        "multiple": request.GET.get("nhieu") == "1",
        "query": query,
        "limit": PICK_LIMIT,
    }
    return render(request, "core/widgets/picker_results.html", context)
