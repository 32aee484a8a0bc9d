"""Initiatives as a subject of councils (councils.subjects): the initiative council of the
level handling an initiative takes it up; its authors are recused (Thông tư 18/2013/TT-BKHCN
Điều 8: an author does not sit in judgement of their own initiative); the session's result
moves the initiative through the workflow's `council_pass` / `council_reject`
(`councils.subjects.record_council_result`, as for nominations)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.councils.models import CouncilKind
from thidua.councils.subjects import on_open_agenda
from thidua.initiatives.models import Author, Initiative, InitiativeStatus


def interested_members(initiative: Initiative) -> dict[int, str]:
    return {
        member_id: _("Tác giả")
        for member_id in Author.objects.filter(initiative=initiative).values_list("member_id", flat=True)
    }


def candidates(council):
    """Initiatives its level sent to this council, not already on the agenda of an open
    session. One proposed from below waits for the level's officer to send it (services)."""
    if council.kind != CouncilKind.INITIATIVE:
        return Initiative.objects.none()
    return (
        Initiative.objects.filter(level=council.unit, status=InitiativeStatus.AT_COUNCIL)
        .exclude(pk__in=on_open_agenda(council, Initiative))
        .select_related("unit")
        .order_by("pk")
    )


def url(initiative: Initiative) -> str:
    return reverse("initiatives:detail", args=[initiative.pk])
