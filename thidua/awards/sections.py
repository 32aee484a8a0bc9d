"""What the nomination flow adds to other apps' pages (core.sections): on a campaign's page,
the way to its awards (setting them up for the issuer's office, nominating for a CĐCS); on a
member's and a unit's page, the awards on their record."""

from thidua.awards.models import Award, CampaignAward
from thidua.campaigns.models import CampaignStatus


def campaign_section(request, campaign) -> dict | None:
    user = request.user
    role = getattr(user, "acting_role", None)
    if role is None or campaign.status == CampaignStatus.DRAFT:
        return None
    can_setup = user.has_perm("awards.allocate_quota", campaign)
    offered = CampaignAward.objects.filter(campaign=campaign).exists()
    can_nominate = (
        offered and user.has_perm("awards.nominate", role.unit) and role.unit.is_within(campaign.issuer)
    ) and role.unit.pk != campaign.issuer_id
    if not (can_setup or can_nominate):
        return None
    return {"campaign": campaign, "can_setup": can_setup, "can_nominate": can_nominate, "offered": offered}


def _record(request, rows, holder, param: str, pk: int) -> dict | None:
    rows = list(rows.select_related("award_kind", "decision", "decision__register_entry").order_by("-year", "pk")[:50])
    can_record = request.user.has_perm("awards.record_award", holder)
    if not rows and not can_record:
        return None
    return {"awards": rows, "can_record": can_record, "record_query": f"{param}={pk}"}


def member_section(request, member) -> dict | None:
    return _record(request, Award.objects.filter(member=member), member.unit, "doan-vien", member.pk)


def unit_section(request, unit) -> dict | None:
    return _record(request, Award.objects.filter(unit=unit, member__isnull=True), unit, "don-vi", unit.pk)


def agenda_item_section(request, subject) -> dict | None:
    """On a council session's item: what the council judges — the achievement, each
    criterion as it stood when the dossier was sent, the dossier's files."""
    from thidua.awards.models import Nomination

    if not isinstance(subject, Nomination):
        return None
    checks = list(subject.checks.select_related("criterion", "evidence").order_by("criterion__order", "pk"))
    files = list(subject.dossier_files.select_related("requirement", "attachment"))
    return {"nomination": subject, "checks": checks, "files": files}
