"""Nominations as a subject of councils (councils.subjects): the award council (Hội đồng Thi
đua – Khen thưởng) of the level handling a nomination takes it up; the nominee and the members
of a nominated collective are recused (nobody votes on their own award); the award kind's own
threshold, when it has one, replaces the council's pass rule (docs/domain.md: ≥ 90 % for the
highest titles); the session's result moves the nomination through the workflow's
`nomination_council_pass` / `nomination_council_reject` (`councils.subjects.record_council_result`,
as for initiatives)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.awards.models import Nomination, NominationStatus
from thidua.councils.models import CouncilKind
from thidua.councils.subjects import on_open_agenda
from thidua.org.models import Member


def interested_members(nomination: Nomination) -> dict[int, str]:
    if nomination.subject_member_id is not None:
        return {nomination.subject_member_id: _("Người được đề nghị khen thưởng")}
    members = Member.objects.within(nomination.subject_unit).values_list("pk", flat=True)
    reason = _("Thành viên tập thể được đề nghị khen thưởng")
    return {pk: reason for pk in members}


def candidates(council):
    """Nominations waiting for this council, not already on the agenda of an open session."""
    if council.kind != CouncilKind.AWARD:
        return Nomination.objects.none()
    return (
        Nomination.objects.filter(level=council.unit, status=NominationStatus.AT_COUNCIL)
        .exclude(pk__in=on_open_agenda(council, Nomination))
        .select_related("award_kind", "subject_member", "subject_unit", "unit")
        .order_by("pk")
    )


def pass_rule(nomination: Nomination) -> tuple[int, int] | None:
    kind = nomination.award_kind
    if kind.pass_numerator and kind.pass_denominator:
        return kind.pass_numerator, kind.pass_denominator
    return None


def url(nomination: Nomination) -> str:
    return reverse("awards:nomination", args=[nomination.pk])
