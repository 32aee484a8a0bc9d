"""Writing what units and members do during a campaign. Each function takes the acting user
and plain values, runs in one transaction and writes the audit trail; files are written and
thumbnails made after the commit (core.attachments).

Two state machines are declared here and moved only through core.workflow: a work's
(registered → completed → inaugurated) and a covenant party's (pending → signed).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment
from thidua.core import access, attachments, audit
from thidua.core.workflow import Transition, Workflow
from thidua.org.models import EmulationCluster, Member, Unit
from thidua.participation.models import (
    Covenant,
    CovenantParty,
    DueDate,
    EmulationTitle,
    Evidence,
    EvidenceKind,
    Inspection,
    InspectionKind,
    ModelProject,
    Part,
    PartyStatus,
    Registration,
    TitleRegistration,
    Work,
    WorkStatus,
)

WORK_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "complete_work",
            (WorkStatus.REGISTERED,),
            WorkStatus.COMPLETED,
            "participation.change_own",
            gettext_lazy("Hoàn thành"),
        ),
        Transition(
            "inaugurate_work",
            (WorkStatus.COMPLETED,),
            WorkStatus.INAUGURATED,
            "participation.change_own",
            gettext_lazy("Tổ chức lễ khánh thành"),
        ),
    ],
)
PARTY_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "sign_covenant",
            (PartyStatus.PENDING,),
            PartyStatus.SIGNED,
            "participation.sign_covenant",
            gettext_lazy("Ký giao ước"),
        ),
    ],
)


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


# --- deadlines -----------------------------------------------------------------------------


# Parts due only by the day the plan sets for them. A registration (đăng ký thi đua) is a pledge
# made at the start ("trước ngày 25/8/2023" in seed 000); the window's end is no deadline for it
# — a plan that sets none has none, and its pages say so. Works and models, carried out during
# the campaign, are due by the window's end when the plan sets no day of its own.
NO_FALLBACK = frozenset({Part.REGISTRATION})


def _fallback(campaign: Campaign, part: str) -> datetime.date | None:
    return None if part in NO_FALLBACK else campaign.ends_on


def due_on(campaign: Campaign, part: str) -> datetime.date | None:
    """The day a part is due: the campaign's own due date for it, else (works, models) the
    window's end."""
    for due in campaign.participation_due_dates.all():
        if due.part == part:
            return due.due_on
    return _fallback(campaign, part)


def due_dates(campaign: Campaign) -> dict[str, datetime.date | None]:
    """Every part's due day, in one query (pages show them all)."""
    own = dict(DueDate.objects.filter(campaign=campaign).values_list("part", "due_on"))
    return {part: own.get(part, _fallback(campaign, part)) for part in Part.values}


def is_late(campaign: Campaign, part: str, moment: datetime.datetime) -> bool:
    """ "Chậm nhất ngày 15/9/2023" is the whole of that day in Asia/Ho_Chi_Minh: late only from
    the next local day."""
    due = due_on(campaign, part)
    return due is not None and timezone.localdate(moment) > due


@transaction.atomic
def set_due_date(actor, campaign: Campaign, *, part: str, due: datetime.date | None) -> None:
    # The plan's issuer sets its due dates, before or after issuing it.
    _check(actor, "campaigns.issue_campaign", campaign)
    if part not in Part.values:
        raise ValidationError({"part": _("Hãy chọn phần việc.")})
    if due is None:
        DueDate.objects.filter(campaign=campaign, part=part).delete()
    else:
        DueDate.objects.update_or_create(campaign=campaign, part=part, defaults={"due_on": due})
    audit.record(
        actor,
        "set_participation_due",
        campaign,
        scope_path=campaign.issuer.path,
        to_state=f"{Part(part).label}: {due:%d/%m/%Y}" if due else str(Part(part).label),
    )


def _require_deployed(campaign: Campaign, unit: Unit) -> None:
    if not Deployment.objects.filter(campaign=campaign, unit=unit).exists():
        raise ValidationError(_("Kế hoạch này không được triển khai đến đơn vị “%(unit)s”.") % {"unit": unit.name})


# --- works ---------------------------------------------------------------------------------


def _validate_work(values: dict) -> None:
    if not (values.get("name") or "").strip():
        raise ValidationError({"name": _("Hãy nhập tên công trình, phần việc.")})
    value = values.get("value")
    if value is not None and Decimal(value) < 0:
        raise ValidationError({"value": _("Giá trị không được âm.")})


@transaction.atomic
def register_work(
    actor,
    *,
    campaign: Campaign,
    unit: Unit,
    name: str,
    value: Decimal | None = None,
    planned_on: datetime.date | None = None,
    description: str = "",
) -> Work:
    _check(actor, "participation.act_for_unit", unit)
    _require_deployed(campaign, unit)
    values = {"name": name.strip(), "value": value, "planned_on": planned_on, "description": description}
    _validate_work(values)
    work = Work.objects.create(campaign=campaign, unit=unit, created_by=_user(actor), **values)
    audit.record(actor, "register_work", work, scope_path=unit.path, to_state=work.get_status_display())
    return work


def _check_day(day: datetime.date | None, field: str, label: str) -> None:
    if day is None:
        raise ValidationError({field: _("Hãy nhập %(what)s.") % {"what": label}})
    if day > timezone.localdate():
        raise ValidationError({field: _("%(what)s không được sau hôm nay.") % {"what": label.capitalize()}})


@transaction.atomic
def complete_work(
    actor,
    work: Work,
    *,
    completed_on: datetime.date,
    photos=(),
    article_url: str = "",
    article_title: str = "",
    at: datetime.datetime | None = None,
) -> Work:
    _check_day(completed_on, "completed_on", _("ngày hoàn thành"))
    attachments.check_all(photos)
    work = Work.objects.select_for_update(of=("self",)).select_related("unit", "campaign").get(pk=work.pk)
    WORK_WORKFLOW.move(
        work, "complete_work", actor=actor, scope_path=work.unit.path, extra_fields={"completed_on": completed_on}
    )
    _add_evidence(actor, work, photos=photos, articles=[(article_url, article_title)] if article_url else [], at=at)
    return work


@transaction.atomic
def inaugurate_work(actor, work: Work, *, inaugurated_on: datetime.date) -> Work:
    _check_day(inaugurated_on, "inaugurated_on", _("ngày khánh thành"))
    work = Work.objects.select_for_update().select_related("unit").get(pk=work.pk)
    if work.completed_on and inaugurated_on < work.completed_on:
        raise ValidationError({"inaugurated_on": _("Ngày khánh thành không được trước ngày hoàn thành.")})
    WORK_WORKFLOW.move(
        work, "inaugurate_work", actor=actor, scope_path=work.unit.path, extra_fields={"inaugurated_on": inaugurated_on}
    )
    return work


@transaction.atomic
def add_evidence(actor, work: Work, *, photos=(), articles=(), at: datetime.datetime | None = None) -> list[Evidence]:
    """Articles (url, title) and photos sent for a work; after the deadline they are kept and
    flagged late."""
    _check(actor, "participation.change_own", work)
    attachments.check_all(photos)
    articles = [(url.strip(), title.strip()) for url, title in articles if url and url.strip()]
    if not photos and not articles:
        raise ValidationError(_("Hãy chọn ảnh hoặc nhập đường dẫn tin bài."))
    work = Work.objects.select_for_update(of=("self",)).select_related("unit", "campaign").get(pk=work.pk)
    return _add_evidence(actor, work, photos=photos, articles=articles, at=at)


def _add_evidence(actor, work: Work, *, photos, articles, at) -> list[Evidence]:
    moment = at or timezone.now()
    late = is_late(work.campaign, Part.WORK, moment)
    created = []
    for url, title in articles:
        created.append(
            Evidence.objects.create(
                work=work,
                kind=EvidenceKind.ARTICLE,
                url=url,
                title=title,
                submitted_at=moment,
                is_late=late,
                submitted_by=_user(actor),
            )
        )
    for photo in photos:
        evidence = Evidence(
            work=work, kind=EvidenceKind.PHOTO, submitted_at=moment, is_late=late, submitted_by=_user(actor)
        )
        evidence.attachment = attachments.attach(actor, work, photo, scope_path=work.unit.path)
        evidence.save()
        created.append(evidence)
    if created:
        Work.objects.filter(pk=work.pk).update(
            article_count=F("article_count") + len(articles),
            photo_count=F("photo_count") + len(photos),
            late_count=F("late_count") + (len(created) if late else 0),
        )
        audit.record(
            actor,
            "add_evidence",
            work,
            scope_path=work.unit.path,
            reason=_("gửi muộn") if late else "",
            changes={"articles": len(articles), "photos": len(photos), "late": late},
        )
    return created


# --- registrations ---------------------------------------------------------------------------


@transaction.atomic
def register_unit(
    actor, *, campaign: Campaign, unit: Unit, targets: str, at: datetime.datetime | None = None
) -> Registration:
    """A CĐCS registers for a campaign with its targets; registering again updates them."""
    _check(actor, "participation.act_for_unit", unit)
    _require_deployed(campaign, unit)
    if not targets.strip():
        raise ValidationError({"targets": _("Hãy nhập nội dung, chỉ tiêu đăng ký.")})
    moment = at or timezone.now()
    registration = Registration.objects.filter(campaign=campaign, unit=unit).first()
    if registration is None:
        registration = Registration.objects.create(
            campaign=campaign,
            unit=unit,
            targets=targets.strip(),
            registered_at=moment,
            is_late=is_late(campaign, Part.REGISTRATION, moment),
            registered_by=_user(actor),
        )
        audit.record(actor, "register_unit", registration, scope_path=unit.path, reason=_late_note(registration))
    else:
        registration.targets = targets.strip()
        registration.save(update_fields=["targets"])
        audit.record(actor, "update_registration", registration, scope_path=unit.path)
    return registration


def _late_note(obj) -> str:
    return _("đăng ký muộn") if obj.is_late else ""


@transaction.atomic
def register_titles(actor, *, year: int, member: Member, titles: list[EmulationTitle], by_unit: bool = False) -> int:
    """A member's titles for a year (adds those not yet registered; returns how many)."""
    _check(actor, "participation.register_title", member)
    if not titles:
        raise ValidationError({"titles": _("Hãy chọn ít nhất một danh hiệu.")})
    added = 0
    for title in titles:
        _row, created = TitleRegistration.objects.get_or_create(
            year=year, member=member, title=title, defaults={"registered_by": _user(actor), "by_unit": by_unit}
        )
        added += created
    if added:
        audit.record(
            actor,
            "register_titles",
            member,
            scope_path=member.unit.path,
            to_state=", ".join(t.name for t in titles),
            changes={"year": year},
        )
    return added


@transaction.atomic
def withdraw_title(actor, registration: TitleRegistration) -> None:
    _check(actor, "participation.register_title", registration.member)
    audit.record(
        actor,
        "withdraw_title",
        registration.member,
        scope_path=registration.member.unit.path,
        from_state=registration.title.name,
        changes={"year": registration.year},
    )
    registration.delete()


# --- models ("Dân vận khéo") ----------------------------------------------------------------


@transaction.atomic
def register_model(
    actor,
    *,
    campaign: Campaign,
    unit: Unit,
    name: str,
    field: str,
    description: str = "",
    at: datetime.datetime | None = None,
) -> ModelProject:
    _check(actor, "participation.act_for_unit", unit)
    _require_deployed(campaign, unit)
    if not name.strip():
        raise ValidationError({"name": _("Hãy nhập tên mô hình.")})
    if not field.strip():
        raise ValidationError({"field": _("Hãy nhập lĩnh vực của mô hình.")})
    moment = at or timezone.now()
    project = ModelProject.objects.create(
        campaign=campaign,
        unit=unit,
        name=name.strip(),
        field=field.strip(),
        description=description,
        registered_at=moment,
        is_late=is_late(campaign, Part.MODEL, moment),
        registered_by=_user(actor),
    )
    audit.record(actor, "register_model", project, scope_path=unit.path, reason=_late_note(project))
    return project


@transaction.atomic
def record_model_results(actor, project: ModelProject, *, results: str) -> ModelProject:
    _check(actor, "participation.change_own", project)
    if not results.strip():
        raise ValidationError({"results": _("Hãy nhập kết quả đạt được.")})
    project.results = results.strip()
    project.save(update_fields=["results"])
    audit.record(actor, "model_results", project, scope_path=project.unit.path)
    return project


# --- covenants ------------------------------------------------------------------------------


def covenant_campaigns(actor):
    """The plans a covenant may be tied to by the acting unit: its own plans (drafts included,
    so the plan's "Giao ước thi đua" part can be printed) and the issued plans sent to it — the
    ones that ask it to organise covenants (seed 003: "ký kết giao ước thi đua")."""
    if access.named(actor).is_superuser:
        return Campaign.objects.all()
    role = getattr(actor, "acting_role", None)
    if role is None:
        return Campaign.objects.none()
    sent = Deployment.objects.filter(unit=role.unit).exclude(campaign__status=CampaignStatus.DRAFT)
    return Campaign.objects.filter(Q(issuer=role.unit) | Q(pk__in=sent.values("campaign_id")))


def _check_campaign(actor, campaign: Campaign | None) -> None:
    if campaign is not None and not covenant_campaigns(actor).filter(pk=campaign.pk).exists():
        raise ValidationError(
            {"campaign": _("Chỉ gắn giao ước với kế hoạch của đơn vị mình hoặc kế hoạch cấp trên gửi đến.")}
        )


@transaction.atomic
def tie_covenant(actor, covenant: Covenant, campaign: Campaign | None) -> Covenant:
    """Tie a covenant to the plan that asks for it (or untie it, with None): the plan's
    "Giao ước thi đua" part lists it, and its parties' records for that plan show it."""
    _check(actor, "participation.manage_covenant", covenant)
    _check_campaign(actor, campaign)
    before = covenant.campaign
    covenant.campaign = campaign
    covenant.save(update_fields=["campaign"])
    audit.record(
        actor,
        "tie_covenant",
        covenant,
        scope_path=covenant.cluster.organiser.path,
        from_state=str(before or "")[:200],
        to_state=str(campaign or "")[:200],
    )
    return covenant


@transaction.atomic
def create_covenant(
    actor,
    *,
    cluster: EmulationCluster,
    year: int,
    title: str,
    content: str,
    targets: str = "",
    campaign: Campaign | None = None,
) -> Covenant:
    """A covenant of a cluster, to be signed by each of its units (one party per unit),
    tied to the plan that asks for it when one is given."""
    _check(actor, "participation.manage_covenant", cluster)
    _check_campaign(actor, campaign)
    if not title.strip():
        raise ValidationError({"title": _("Hãy nhập tên giao ước.")})
    if not content.strip():
        raise ValidationError({"content": _("Hãy nhập nội dung giao ước.")})
    units = list(Unit.objects.filter(clusters=cluster).order_by("path"))
    if not units:
        raise ValidationError({"cluster": _("Cụm, khối thi đua này chưa có đơn vị nào.")})
    covenant = Covenant.objects.create(
        cluster=cluster,
        year=year,
        title=title.strip(),
        content=content.strip(),
        targets=targets.strip(),
        campaign=campaign,
        created_by=_user(actor),
    )
    CovenantParty.objects.bulk_create(CovenantParty(covenant=covenant, unit=u) for u in units)
    audit.record(actor, "create_covenant", covenant, scope_path=cluster.organiser.path)
    return covenant


@transaction.atomic
def sign_covenant(
    actor, party: CovenantParty, *, signer_name: str, signer_title: str = "", at: datetime.datetime | None = None
) -> CovenantParty:
    if not signer_name.strip():
        raise ValidationError({"signer_name": _("Hãy nhập họ tên người ký.")})
    party = CovenantParty.objects.select_for_update().select_related("unit").get(pk=party.pk)
    PARTY_WORKFLOW.move(
        party,
        "sign_covenant",
        actor=actor,
        scope_path=party.unit.path,
        extra_fields={
            "signer_name": signer_name.strip(),
            "signer_title": signer_title.strip(),
            "signed_at": at or timezone.now(),
            "signed_by": _user(actor),
        },
    )
    return party


@transaction.atomic
def record_inspection(
    actor, party: CovenantParty, *, kind: str, inspected_on: datetime.date, findings: str, inspector: Unit
) -> Inspection:
    """A self-inspection (by the party itself) or an upper-level sample inspection (by a union
    above it), with findings."""
    if kind == InspectionKind.UPPER_SAMPLE:
        _check(actor, "participation.inspect_below", party)
    elif kind in (InspectionKind.SELF_HALF, InspectionKind.SELF_YEAR):
        _check(actor, "participation.self_inspect", party)
    else:
        raise ValidationError({"kind": _("Hãy chọn hình thức kiểm tra.")})
    if not findings.strip():
        raise ValidationError({"findings": _("Hãy nhập kết quả, nhận xét.")})
    _check_day(inspected_on, "inspected_on", _("ngày kiểm tra"))
    inspection = Inspection.objects.create(
        party=party,
        kind=kind,
        inspected_on=inspected_on,
        findings=findings.strip(),
        inspector=inspector,
        recorded_by=_user(actor),
    )
    audit.record(actor, "inspect_covenant", party, scope_path=party.unit.path, to_state=inspection.get_kind_display())
    return inspection


_user = access.person  # the user row to store (None for the system actor)
