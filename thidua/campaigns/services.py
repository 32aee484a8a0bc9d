"""Writing campaigns: drafting a plan part by part, issuing it down the tree, and what each
target unit does with it (acknowledge, launch, forward, answer with its own plan).

The two state machines — a campaign's (`CAMPAIGN_WORKFLOW`) and a deployment's
(`DEPLOYMENT_WORKFLOW`) — are declared here and moved only through `core.workflow`, which
checks the permission and writes the audit trail.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import (
    FEDERATION_TARGET_MODES,
    GRASSROOTS_TARGET_MODES,
    Activity,
    Campaign,
    CampaignStatus,
    Deadline,
    Deployment,
    DeploymentStatus,
    DocumentReference,
    PlanSection,
    Responsibility,
    RewardPlan,
    TargetMode,
)
from thidua.core import access, audit
from thidua.core.db import PATH_END
from thidua.core.workflow import Transition, Workflow
from thidua.documents import legal
from thidua.documents.models import DocType
from thidua.documents.services import profile_for, signature_gaps, take_number
from thidua.org.models import EmulationCluster, Unit, UnitStatus
from thidua.org.queries import totals_for

CAMPAIGN_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "issue",
            (CampaignStatus.DRAFT,),
            CampaignStatus.ISSUED,
            "campaigns.issue_campaign",
            gettext_lazy("Ban hành"),
        ),
        Transition(
            "close",
            (CampaignStatus.ISSUED,),
            CampaignStatus.CLOSED,
            "campaigns.close_campaign",
            gettext_lazy("Kết thúc"),
        ),
    ],
)
DEPLOYMENT_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "acknowledge",
            (DeploymentStatus.DEPLOYED,),
            DeploymentStatus.ACKNOWLEDGED,
            "campaigns.act_on_deployment",
            gettext_lazy("Xác nhận đã nhận kế hoạch"),
        ),
        Transition(
            "launch",
            (DeploymentStatus.DEPLOYED, DeploymentStatus.ACKNOWLEDGED),
            DeploymentStatus.LAUNCHED,
            "campaigns.act_on_deployment",
            gettext_lazy("Phát động"),
        ),
    ],
)

CAMPAIGN_FIELDS = (
    "kind",
    "title",
    "movement_name",
    "issuing_body",
    "place",
    "plan_date",
    "intro",
    "closing",
    "starts_on",
    "ends_on",
    "end_condition",
    "is_public",
    "recipients",
    "signer_title",
    "signer_name",
)
# The parts of a plan edited one by one (htmx panels): model → editable fields.
PARTS: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "reference": (DocumentReference, ("relation", "doc_kind", "number", "issued_on", "issuer", "title", "order")),
    "section": (PlanSection, ("part", "heading", "body", "target_sector", "order")),
    "activity": (Activity, ("name", "planned_on", "owner", "order")),
    "deadline": (Deadline, ("what", "who", "due_on", "how", "order")),
    "responsibility": (Responsibility, ("level", "body", "order")),
}
REWARD_FIELDS = (
    "targets",
    "general_criteria",
    "collective_criteria",
    "individual_criteria",
    "quota_rule",
    "dossier",
    "procedure",
    "award_forms",
    "nomination_due_on",
    "nomination_due_text",
)


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


def _validate_window(values: dict[str, Any]) -> None:
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})


# --- drafting ------------------------------------------------------------------------------


@transaction.atomic
def create_campaign(actor, *, issuer: Unit, implements: Campaign | None = None, **values) -> Campaign:
    _check(actor, "campaigns.add_campaign", issuer)
    values = {k: v for k, v in values.items() if k in CAMPAIGN_FIELDS}
    _validate_window(values)
    if not values.get("title", "").strip():
        raise ValidationError({"title": _("Hãy nhập trích yếu của kế hoạch.")})
    campaign = Campaign.objects.create(issuer=issuer, implements=implements, created_by=access.person(actor), **values)
    parent_lineage = implements.lineage if implements is not None else ""
    campaign.lineage = f"{parent_lineage}{campaign.pk:010d}/"
    campaign.save(update_fields=["lineage"])
    RewardPlan.objects.create(campaign=campaign)
    audit.record(actor, "create_campaign", campaign, scope_path=issuer.path, to_state=campaign.title[:200])
    return campaign


@transaction.atomic
def update_campaign(actor, campaign: Campaign, **values) -> Campaign:
    _check(actor, "campaigns.change_campaign", campaign)
    values = {k: v for k, v in values.items() if k in CAMPAIGN_FIELDS}
    merged = {f: getattr(campaign, f) for f in ("starts_on", "ends_on")} | values
    _validate_window(merged)
    changes = {}
    for field, value in values.items():
        if getattr(campaign, field) != value:
            changes[field] = [str(getattr(campaign, field)), str(value)]
            setattr(campaign, field, value)
    campaign.save()
    if changes:
        audit.record(actor, "update_campaign", campaign, scope_path=campaign.issuer.path, changes=changes)
    return campaign


@transaction.atomic
def save_part(actor, campaign: Campaign, kind: str, pk: int | None = None, **values):
    """Create or change one reference, section, activity, deadline or responsibility (`kind`,
    a key of PARTS; not named "part" because a section has a field of that name)."""
    _check(actor, "campaigns.change_campaign", campaign)
    model, fields = PARTS[kind]
    values = {k: v for k, v in values.items() if k in fields}
    if pk is None:
        if "order" not in values or values["order"] is None:
            values["order"] = model.objects.filter(campaign=campaign).count() + 1
        obj = model(campaign=campaign, **values)
    else:
        obj = model.objects.get(campaign=campaign, pk=pk)
        for field, value in values.items():
            setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    audit.record(actor, f"save_{kind}", campaign, scope_path=campaign.issuer.path, to_state=str(obj)[:200])
    return obj


@transaction.atomic
def delete_part(actor, campaign: Campaign, kind: str, pk: int) -> None:
    _check(actor, "campaigns.change_campaign", campaign)
    model, _fields = PARTS[kind]
    obj = model.objects.get(campaign=campaign, pk=pk)
    audit.record(actor, f"delete_{kind}", campaign, scope_path=campaign.issuer.path, from_state=str(obj)[:200])
    obj.delete()


@transaction.atomic
def save_reward(actor, campaign: Campaign, **values) -> RewardPlan:
    _check(actor, "campaigns.change_campaign", campaign)
    reward, _created = RewardPlan.objects.get_or_create(campaign=campaign)
    for field, value in values.items():
        if field in REWARD_FIELDS:
            setattr(reward, field, value)
    reward.full_clean()
    reward.save()
    audit.record(actor, "save_reward", campaign, scope_path=campaign.issuer.path)
    return reward


def target_modes_for(issuer: Unit) -> tuple[TargetMode, ...]:
    """A federation deploys to units below it; a CĐCS's plan reaches its groups, its members or
    nobody below — it has no unit with an account under it to deploy to."""
    return GRASSROOTS_TARGET_MODES if issuer.kind.is_grassroots else FEDERATION_TARGET_MODES


def target_clusters(issuer: Unit):
    """The clusters, blocs a plan of `issuer` may go to: organised by the issuer or a union
    above it (HD 1723/HD-TLĐ: each level organises its own clusters), and holding a unit below
    the issuer — the plan reaches only its own subtree, so a cluster of a sibling district or
    of another province (Lai Châu's "7 tỉnh biên giới" for a Long Biên writer) is not offered."""
    below = Unit.objects.filter(path__gt=issuer.path, path__lt=issuer.path + PATH_END, status=UnitStatus.ACTIVE)
    return (
        EmulationCluster.objects.filter(organiser__path__in=[*issuer.ancestor_paths(), issuer.path])
        .filter(pk__in=below.values("clusters"))
        .order_by("name")
    )


@transaction.atomic
def set_targets(actor, campaign: Campaign, *, mode: str, sector: str = "", cluster=None, units=()) -> Campaign:
    _check(actor, "campaigns.change_campaign", campaign)
    if mode not in target_modes_for(campaign.issuer):
        raise ValidationError({"target_mode": _("Hãy chọn nơi triển khai kế hoạch.")})
    if mode == TargetMode.SECTOR and not sector:
        raise ValidationError({"target_sector": _("Hãy chọn khối.")})
    if mode == TargetMode.CLUSTER and cluster is None:
        raise ValidationError({"target_cluster": _("Hãy chọn cụm, khối thi đua.")})
    if mode == TargetMode.CLUSTER and not target_clusters(campaign.issuer).filter(pk=cluster.pk).exists():
        raise ValidationError({"target_cluster": _("Cụm, khối thi đua này không có đơn vị nào thuộc đơn vị ban hành.")})
    campaign.target_mode = mode
    campaign.target_sector = sector if mode == TargetMode.SECTOR else ""
    campaign.target_cluster = cluster if mode == TargetMode.CLUSTER else None
    campaign.save(update_fields=["target_mode", "target_sector", "target_cluster", "updated_at"])
    if mode == TargetMode.PICKED:
        outside = [u.name for u in units if not u.path.startswith(campaign.issuer.path) or u.pk == campaign.issuer_id]
        if outside:
            raise ValidationError(
                {"target_units": _("Không thuộc phạm vi đơn vị ban hành: %(names)s.") % {"names": ", ".join(outside)}}
            )
        campaign.target_units.set(units)
    else:
        campaign.target_units.clear()
    audit.record(
        actor, "set_targets", campaign, scope_path=campaign.issuer.path, to_state=campaign.get_target_mode_display()
    )
    return campaign


def resolve_targets(issuer: Unit, campaign: Campaign):
    """The units a campaign (or a forward of it) reaches, as a queryset."""
    units = Unit.objects.within(issuer).filter(status=UnitStatus.ACTIVE).exclude(pk=issuer.pk)
    mode = campaign.target_mode
    if mode == TargetMode.ALL_GRASSROOTS:
        return units.filter(kind__is_grassroots=True)
    if mode == TargetMode.SECTOR:
        return units.filter(kind__is_grassroots=True, sector=campaign.target_sector)
    if mode == TargetMode.CLUSTER:
        return units.filter(clusters=campaign.target_cluster)
    if mode == TargetMode.PICKED:
        return units.filter(pk__in=campaign.target_units.values("pk"))
    if mode == TargetMode.NEXT_LEVEL:
        return units.filter(parent=issuer, kind__is_group=False)
    if mode == TargetMode.GROUPS:
        return units.filter(parent=issuer, kind__is_group=True)
    return units.none()


def deploys(campaign: Campaign) -> bool:
    """Whether issuing creates deployments. A CĐCS's plan is sent to its groups and members on
    paper and at meetings: a group has no account to acknowledge or launch it, so a deployment
    to it could never move and would stay a laggard of every coverage page above."""
    return campaign.target_mode not in GRASSROOTS_TARGET_MODES


# --- issuing -------------------------------------------------------------------------------


def _later_citations(campaign: Campaign) -> list[str]:
    """A plan never cites a paper dated after itself (issue 15 item 3): the documents it
    implements ("Thực hiện Kế hoạch số … ngày …") and any law, decree or union rules of the
    legal table its text names by number (documents.legal) must be dated by the plan's day."""
    day = campaign.plan_date
    assert day is not None  # validate_for_issue asks for the day before it looks for later papers
    messages = [
        _("Văn bản căn cứ “%(document)s” có ngày sau ngày ban hành kế hoạch (%(day)s).")
        % {"document": str(reference), "day": f"{day:%d/%m/%Y}"}
        for reference in campaign.references.all()
        if reference.issued_on and reference.issued_on > day
    ]
    text = "\n".join([campaign.intro, campaign.closing, *(s.body for s in campaign.sections.all())])
    messages += [
        _("Kế hoạch dẫn “%(number)s” (ngày %(signed)s), văn bản ban hành sau ngày của kế hoạch (%(day)s).")
        % {"number": d.number, "signed": f"{d.signed_on:%d/%m/%Y}", "day": f"{day:%d/%m/%Y}"}
        for d in legal.later_documents(text, day)
    ]
    return messages


def validate_for_issue(campaign: Campaign) -> list:
    """Everything that must hold before a number is taken. Returns the target units."""
    errors: dict[str, list[str]] = {}
    if not campaign.title.strip():
        errors.setdefault("title", []).append(_("Kế hoạch chưa có trích yếu."))
    # The letterhead, the place and the signature block it would print (documents' one check).
    gaps = signature_gaps(
        profile_for(campaign.issuer),
        signer_title=campaign.signer_title,
        signer_name=campaign.signer_name,
        place=campaign.place,
    )
    for field, message in gaps.items():
        errors.setdefault(field, []).append(message)
    if not campaign.recipient_lines():
        # A plan goes to the units that carry it out and to the archive: without Nơi nhận the
        # paper says neither (Nghị định 30/2020, Điều 8 khoản 1 điểm i).
        errors.setdefault("recipients", []).append(
            _("Kế hoạch chưa có nơi nhận: hãy nhập ô “Nơi nhận”, mỗi dòng một nơi nhận (ít nhất “Lưu: VT.”).")
        )
    if not campaign.plan_date:
        errors.setdefault("plan_date", []).append(_("Hãy nhập ngày ban hành."))
    else:
        for message in _later_citations(campaign):
            errors.setdefault("intro", []).append(message)
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        errors.setdefault("ends_on", []).append(_("Ngày kết thúc phải sau ngày bắt đầu."))
    grace = datetime.timedelta(days=settings.THIDUA_DEADLINE_GRACE_DAYS)
    for deadline in campaign.deadlines.all():
        if campaign.starts_on and deadline.due_on < campaign.starts_on:
            errors.setdefault("deadlines", []).append(
                _("Thời hạn “%(what)s” (%(date)s) trước ngày bắt đầu thi đua.")
                % {"what": deadline.what, "date": f"{deadline.due_on:%d/%m/%Y}"}
            )
        if campaign.ends_on and deadline.due_on > campaign.ends_on + grace:
            errors.setdefault("deadlines", []).append(
                _("Thời hạn “%(what)s” (%(date)s) quá xa sau khi đợt thi đua kết thúc (%(end)s).")
                % {"what": deadline.what, "date": f"{deadline.due_on:%d/%m/%Y}", "end": f"{campaign.ends_on:%d/%m/%Y}"}
            )
    targets = list(resolve_targets(campaign.issuer, campaign))
    if campaign.target_mode not in target_modes_for(campaign.issuer):
        errors.setdefault("target_mode", []).append(_("Kế hoạch chưa có đơn vị nhận triển khai."))
    elif campaign.target_mode == TargetMode.GROUPS and not targets:
        errors.setdefault("target_mode", []).append(
            _("Đơn vị chưa có tổ công đoàn nào: hãy chọn triển khai đến toàn thể đoàn viên.")
        )
    elif deploys(campaign) and not targets:
        errors.setdefault("target_mode", []).append(_("Kế hoạch chưa có đơn vị nhận triển khai."))
    if errors:
        raise ValidationError(errors)
    return targets


def _deploy(campaign: Campaign, units: list[Unit], via: Deployment | None = None) -> int:
    totals = totals_for(units)
    existing = set(Deployment.objects.filter(campaign=campaign, unit__in=units).values_list("unit_id", flat=True))
    new = [
        Deployment(campaign=campaign, unit=u, via=via, members_at_launch=totals[u.pk].members)
        for u in units
        if u.pk not in existing
    ]
    Deployment.objects.bulk_create(new, batch_size=2000)
    return len(new)


@transaction.atomic
def issue_campaign(actor, campaign: Campaign) -> Campaign:
    """Number the plan from the issuer's register and deploy it. All or nothing: a refused
    plan uses no number."""
    campaign = Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)
    CAMPAIGN_WORKFLOW.transition(campaign, "issue")
    _check(actor, "campaigns.issue_campaign", campaign)
    targets = validate_for_issue(campaign)
    assert campaign.plan_date is not None  # validate_for_issue refuses a plan without its day
    entry = take_number(
        actor, campaign.issuer, DocType.PLAN, issued_on=campaign.plan_date, title=campaign.title, target=campaign
    )
    deployed = _deploy(campaign, targets) if deploys(campaign) else 0
    CAMPAIGN_WORKFLOW.move(
        campaign,
        "issue",
        actor=actor,
        scope_path=campaign.issuer.path,
        extra_fields={"register_entry": entry, "issued_at": timezone.now()},
        changes={"number": str(entry), "deployed": deployed},
    )
    return campaign


@transaction.atomic
def close_campaign(actor, campaign: Campaign, *, reason: str = "") -> Campaign:
    CAMPAIGN_WORKFLOW.move(campaign, "close", actor=actor, reason=reason, scope_path=campaign.issuer.path)
    return campaign


# --- what a target unit does ---------------------------------------------------------------


@transaction.atomic
def acknowledge(actor, deployment: Deployment) -> Deployment:
    deployment = (
        Deployment.objects.select_for_update(of=("self",)).select_related("unit", "campaign").get(pk=deployment.pk)
    )
    DEPLOYMENT_WORKFLOW.move(
        deployment,
        "acknowledge",
        actor=actor,
        scope_path=deployment.unit.path,
        extra_fields={"acknowledged_at": timezone.now(), "acknowledged_by": access.person(actor)},
    )
    return deployment


@transaction.atomic
def launch(actor, deployment: Deployment, *, launched_on: datetime.date, members_reached: int) -> Deployment:
    deployment = (
        Deployment.objects.select_for_update(of=("self",)).select_related("unit", "campaign").get(pk=deployment.pk)
    )
    members = totals_for([deployment.unit])[deployment.unit_id].members
    if members_reached < 0 or members_reached > members:
        raise ValidationError(
            {
                "members_reached": _("Số đoàn viên được phổ biến phải từ 0 đến %(n)s (số đoàn viên của đơn vị).")
                % {"n": members}
            }
        )
    if deployment.campaign.plan_date and launched_on < deployment.campaign.plan_date:
        raise ValidationError({"launched_on": _("Ngày phát động không thể trước ngày ban hành kế hoạch.")})
    extra = {"launched_on": launched_on, "members_reached": members_reached, "members_at_launch": members}
    if deployment.acknowledged_at is None:
        extra |= {"acknowledged_at": timezone.now(), "acknowledged_by": access.person(actor)}
    DEPLOYMENT_WORKFLOW.move(
        deployment,
        "launch",
        actor=actor,
        scope_path=deployment.unit.path,
        extra_fields=extra,
        changes={"members_reached": members_reached, "members": members},
    )
    return deployment


@transaction.atomic
def forward(actor, deployment: Deployment, *, mode: str, sector: str = "", cluster=None, units=()) -> int:
    """A federation that received a campaign deploys the same campaign further down its own
    subtree (the "next level down, which cascades further")."""
    deployment = Deployment.objects.select_related("unit", "campaign").get(pk=deployment.pk)
    _check(actor, "campaigns.act_on_deployment", deployment)
    if mode not in FEDERATION_TARGET_MODES or deployment.unit.kind.is_grassroots:
        raise ValidationError({"target_mode": _("Hãy chọn nơi triển khai kế hoạch.")})
    if mode == TargetMode.CLUSTER and (
        cluster is None or not target_clusters(deployment.unit).filter(pk=cluster.pk).exists()
    ):
        raise ValidationError({"target_cluster": _("Cụm, khối thi đua này không có đơn vị nào thuộc đơn vị của bạn.")})
    probe = Campaign(issuer=deployment.unit, target_mode=mode, target_sector=sector, target_cluster=cluster)
    if mode == TargetMode.PICKED:
        targets = [u for u in units if u.path.startswith(deployment.unit.path) and u.pk != deployment.unit_id]
    else:
        targets = list(resolve_targets(deployment.unit, probe))
    if not targets:
        raise ValidationError({"target_mode": _("Không có đơn vị nào để triển khai tiếp.")})
    count = _deploy(deployment.campaign, targets, via=deployment)
    audit.record(actor, "forward", deployment.campaign, scope_path=deployment.unit.path, to_state=str(count))
    return count


@transaction.atomic
def start_own_plan(actor, deployment: Deployment) -> Campaign:
    """The unit's implementing plan, pre-filled from the parent and linked to it."""
    deployment = (
        Deployment.objects.select_for_update()
        .select_related("unit", "campaign", "campaign__issuer")
        .get(pk=deployment.pk)
    )
    _check(actor, "campaigns.act_on_deployment", deployment)
    if deployment.own_plan is not None:  # no query when own_plan_id is None
        return deployment.own_plan
    parent = deployment.campaign
    number = parent.number
    # The own plan's words are part of an official document: Vietnamese, whatever language the
    # chair reads the site in.
    with translation.override("vi"):
        intro = _("Thực hiện Kế hoạch số %(number)s ngày %(date)s của %(body)s %(issuer)s về %(title)s;") % {
            "number": number,
            "date": f"{parent.plan_date:%d/%m/%Y}" if parent.plan_date else "",
            "body": parent.issuing_body,
            "issuer": parent.issuer.name,
            "title": parent.title.rstrip("."),
        }
        title = _("Triển khai %(title)s") % {"title": parent.title[:1].lower() + parent.title[1:]}
        issuing_body = _("Ban Chấp hành")
        # A CĐCS signs for its executive committee (the seeds' CĐCS plans: "TM. BAN CHẤP HÀNH").
        # One line with " / " between the titles: the field is a one-line box (signer_lines splits).
        signer_title = _("TM. BAN CHẤP HÀNH / CHỦ TỊCH") if deployment.unit.kind.is_grassroots else ""
    own = create_campaign(
        actor,
        issuer=deployment.unit,
        implements=parent,
        kind=parent.kind,
        title=title,
        movement_name=parent.movement_name,
        issuing_body=issuing_body,
        intro=intro,
        starts_on=parent.starts_on,
        ends_on=parent.ends_on,
        end_condition=parent.end_condition,
        signer_title=signer_title,
    )
    if deployment.unit.kind.is_grassroots:
        # Its groups when it has some, else its members: the chair may change it before issuing.
        has_groups = resolve_targets(deployment.unit, Campaign(target_mode=TargetMode.GROUPS)).exists()
        own.target_mode = TargetMode.GROUPS if has_groups else TargetMode.MEMBERS
        own.save(update_fields=["target_mode"])
    DocumentReference.objects.create(
        campaign=own,
        relation="Thực hiện",
        doc_kind="Kế hoạch",
        number=number,
        issued_on=parent.plan_date,
        issuer=parent.issuer.name,
        title=parent.title,
        linked_campaign=parent,
        order=1,
    )
    Deadline.objects.bulk_create(
        [
            Deadline(campaign=own, what=d.what, who=d.who, due_on=d.due_on, how=d.how, order=d.order)
            for d in parent.deadlines.all()
        ]
    )
    parent_reward = getattr(parent, "reward", None)
    if parent_reward is not None:
        RewardPlan.objects.filter(campaign=own).update(**{f: getattr(parent_reward, f) for f in REWARD_FIELDS})
    Deployment.objects.filter(pk=deployment.pk).update(own_plan=own)
    audit.record(actor, "start_own_plan", parent, scope_path=deployment.unit.path, to_state=deployment.unit.name)
    return own


def deployments_for(unit: Unit):
    """What a unit has received, newest first (its home page and campaign list)."""
    return (
        Deployment.objects.filter(unit=unit)
        .exclude(campaign__status=CampaignStatus.DRAFT)
        .select_related("campaign", "campaign__issuer", "campaign__register_entry")
        .order_by("-campaign__plan_date", "-id")
    )
