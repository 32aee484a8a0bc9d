"""Turning a higher level's plan, as read by `thidua.planimport`, into a draft campaign of the
acting unit.

Three steps, the first two without a database row:
- `draft_values(extract)`: what the importer found, as the plain values a draft is made of
  (the review page shows them, editable, beside the sentences they came from);
- `seal` / `unseal`: the extract travels between the upload and the review page as signed JSON,
  bound to the user and the unit it was read for, so nothing is stored before the officer
  decides and a tampered page is refused;
- `create_draft(actor, ...)`: one transaction that writes the campaign and all its parts, or
  nothing.

The uploaded plan is the one the new draft *implements*: it becomes its basis reference
("Thực hiện Kế hoạch số … của …"); its own number is never copied, the draft takes its own from
the unit's register when it is issued.
"""

import datetime
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns import services
from thidua.campaigns.models import (
    Campaign,
    CampaignKind,
    CampaignStatus,
    Deadline,
    DocumentReference,
    PlanSection,
    Procedure,
    Responsibility,
    RewardPlan,
    SectionPart,
)
from thidua.core import audit
from thidua.core.text import fold
from thidua.org.models import Sector, Unit
from thidua.planimport import Deadline as ExtractedDeadline
from thidua.planimport import Periodic, PlanExtract, Reference, Section
from thidua.planimport import Responsibility as ExtractedResponsibility

SALT = "thidua.campaigns.plan_import"
# Long enough to read a long plan over lunch; short enough that a forgotten tab goes stale.
STATE_MAX_AGE = 12 * 60 * 60
DEFAULT_WHO = "Công đoàn cơ sở"  # Deadline.who's default: the seeds' deadlines bind the CĐCS


class SectionMode:
    """What becomes of one extracted heading in the draft."""

    OWN = "own"  # a section of its own (the renderer numbers it I., II., …)
    MERGE = "merge"  # its heading and text go into the section above, as printed
    SKIP = "skip"  # left out

    CHOICES = (
        (OWN, gettext_lazy("Một mục của kế hoạch")),
        (MERGE, gettext_lazy("Gộp vào mục phía trên")),
        (SKIP, gettext_lazy("Bỏ, không nhập")),
    )


class ImportStateInvalid(Exception):
    """The review page's hidden state was altered, has expired, or belongs to someone else."""


# --- the extract between two requests ------------------------------------------------------


def seal(extract: PlanExtract, *, file_name: str, user_id: int, unit_id: int) -> str:
    payload = {"file": file_name, "user": user_id, "unit": unit_id, "extract": extract.as_dict()}
    return signing.dumps(payload, salt=SALT, compress=True)


def unseal(token: str, *, user_id: int, unit_id: int) -> tuple[PlanExtract, str]:
    """The extract and file name sealed for this user acting for this unit, or ImportStateInvalid."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is one
        raise ImportStateInvalid from error
    if payload.get("user") != user_id or payload.get("unit") != unit_id:
        raise ImportStateInvalid
    try:
        return extract_from_dict(payload["extract"]), str(payload.get("file") or "")
    except (KeyError, TypeError, ValueError) as error:
        raise ImportStateInvalid from error


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def extract_from_dict(data: dict) -> PlanExtract:
    """The inverse of PlanExtract.as_dict()."""
    scalars = {
        k: v
        for k, v in data.items()
        if k not in {"implements", "deadlines", "periodic", "sections", "responsibilities"}
        and k in PlanExtract.__dataclass_fields__
    }
    for key in ("date", "period_start", "period_end", "nomination_due"):
        scalars[key] = _date(scalars.get(key))
    return PlanExtract(
        **scalars,
        implements=[Reference(**{**r, "date": _date(r.get("date"))}) for r in data.get("implements", [])],
        deadlines=[ExtractedDeadline(**{**d, "date": _date(d.get("date"))}) for d in data.get("deadlines", [])],
        periodic=[Periodic(**p) for p in data.get("periodic", [])],
        sections=[Section(**s) for s in data.get("sections", [])],
        responsibilities=[ExtractedResponsibility(**r) for r in data.get("responsibilities", [])],
    )


# --- what the extract proposes ---------------------------------------------------------------


def guess_kind(extract: PlanExtract) -> str:
    """A window with both ends is a peak campaign (seed 000); an open end ("đến khi …") a
    special one (seed 002); a yearly theme says so in its title (seed 004); the rest are
    long-running movements (001, 003)."""
    title = fold(extract.title or "")
    if extract.period_start and extract.period_end:
        return CampaignKind.PEAK
    if extract.end_condition or "thi dua dac biet" in title:
        return CampaignKind.SPECIAL
    if "chu de cong tac nam" in title or "chu de nam" in title:
        return CampaignKind.ANNUAL_THEME
    return CampaignKind.MOVEMENT


def _number(number: str | None, symbol: str | None) -> str:
    return "/".join(part for part in (number, symbol) if part)


def _fit(text: str | None, limit: int) -> str:
    """The parser's sentence, cut at a word to fit a column; the full sentence stays beside the
    field on the review page."""
    text = (text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _lines(items: list[str]) -> str:
    return "\n".join(item.strip() for item in items if item and item.strip())


def _section_modes(sections: list[Section]) -> list[str]:
    """As printed: the outermost headings become the draft's sections, those under them stay
    inside their text."""
    if not sections:
        return []
    top = min(s.level for s in sections)
    return [SectionMode.OWN if s.level == top else SectionMode.MERGE for s in sections]


def draft_values(extract: PlanExtract) -> dict[str, Any]:
    """Everything `create_draft` takes, as the extract proposes it."""
    modes = _section_modes(extract.sections)
    return {
        "campaign": {
            "kind": guess_kind(extract),
            "title": (extract.title or "").strip(),
            "movement_name": _fit(extract.movement_names[0], 300) if extract.movement_names else "",
            "place": _fit(extract.place, 100),
            "starts_on": extract.period_start,
            "ends_on": extract.period_end,
            "end_condition": _fit(extract.end_condition, 300),
            "recipients": _lines(extract.recipients),
            "signer_title": _fit(extract.signer_title, 200),
            "signer_name": _fit(extract.signer_name, 200),
        },
        "higher_plan": {
            "doc_kind": _fit((extract.doc_type or "").capitalize(), 60),
            "number": _fit(_number(extract.number, extract.symbol), 60),
            "issued_on": extract.date,
            "issuer": _fit(extract.issuer, 200),
            "title": (extract.title or "").strip(),
        },
        "references": [
            {
                "relation": _fit(r.relation, 60) or "Căn cứ",
                "doc_kind": _fit(r.doc_kind, 60),
                "number": _fit(r.number, 60),
                "issued_on": r.date,
                "issuer": _fit(r.issuer, 200),
                "title": r.title,
            }
            for r in extract.implements
        ],
        "deadlines": [
            {"what": _fit(d.what, 300), "who": _fit(d.who, 200), "due_on": d.date} for d in extract.deadlines
        ],
        "periodic": [{"period": p.period, "rule": p.rule, "what": p.what} for p in extract.periodic],
        "sections": [
            {
                "numbering": s.numbering,
                "heading": _fit(s.heading, 300),
                "body": s.body,
                "part": s.part if s.part in SectionPart.values else SectionPart.OTHER,
                "target_sector": s.target_sector if s.target_sector in Sector.values else "",
                "mode": mode,
            }
            for s, mode in zip(extract.sections, modes, strict=True)
        ],
        "reward": {
            "targets": extract.reward_targets,
            "collective_criteria": _lines(extract.collective_criteria),
            "individual_criteria": _lines(extract.individual_criteria),
            "quota_rule": extract.quota,
            "dossier": _lines(extract.dossier),
            "procedure": extract.procedure if extract.procedure in Procedure.values else Procedure.STANDARD,
            "award_forms": _lines(extract.award_forms),
            "nomination_due_on": extract.nomination_due,
            "nomination_due_text": _fit(extract.nomination_due_text, 200),
        },
        "responsibilities": [{"level": _fit(r.level, 200), "body": r.body} for r in extract.responsibilities],
    }


def already_in_thidua(user, extract: PlanExtract) -> Campaign | None:
    """The issued campaign the uploaded plan is, when the user can see it in thidua: same
    register number and date. Its own-plan button links the new plan and counts it in coverage,
    which an import cannot."""
    if not (extract.number and extract.number.isdigit() and extract.date):
        return None
    return (
        Campaign.objects.visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .filter(register_entry__number=int(extract.number), register_entry__issued_on=extract.date)
        .select_related("register_entry", "issuer")
        .first()
    )


# --- the write --------------------------------------------------------------------------------


def _intro(higher: dict[str, Any]) -> str:
    """The basis paragraph of the new plan, as `start_own_plan` writes it."""
    if not higher.get("number") and not higher.get("issuer"):
        return ""
    title = (higher.get("title") or "").strip().rstrip(".")
    parts = [_("Thực hiện %(kind)s") % {"kind": higher.get("doc_kind") or _("Kế hoạch")}]
    if higher.get("number"):
        parts.append(_("số %(number)s") % {"number": higher["number"]})
    if higher.get("issued_on"):
        parts.append(_("ngày %(date)s") % {"date": f"{higher['issued_on']:%d/%m/%Y}"})
    if higher.get("issuer"):
        parts.append(_("của %(issuer)s") % {"issuer": higher["issuer"]})
    if title:
        parts.append(_("về %(title)s") % {"title": title[:1].lower() + title[1:]})
    return " ".join(parts) + ";"


def _fold_sections(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply each heading's mode: own sections in order, merged headings appended to the text of
    the section above with their numbering ("1. Đối với khối doanh nghiệp."), skipped ones gone.
    A merged heading with nothing above becomes a section of its own."""
    out: list[dict[str, Any]] = []
    for row in rows:
        mode = row.get("mode", SectionMode.OWN)
        if mode == SectionMode.SKIP:
            continue
        if mode == SectionMode.MERGE and out:
            head = " ".join(p for p in (row.get("numbering", ""), row["heading"].strip()) if p)
            out[-1]["body"] = "\n".join(p for p in (out[-1]["body"], head, (row.get("body") or "").strip()) if p)
        else:
            out.append(
                {
                    "heading": row["heading"].strip(),
                    "body": (row.get("body") or "").strip(),
                    "part": row.get("part") or SectionPart.OTHER,
                    "target_sector": row.get("target_sector") or "",
                }
            )
    return out


def _periodic_section(periodic: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Periodic duties have no table of their own yet (the reports app will own report forms):
    they go into the draft as one section the officer can edit or delete."""
    lines = []
    for item in periodic:
        what = (item.get("what") or "").strip().rstrip(".")
        when = ", ".join(p for p in ((item.get("period") or "").strip(), (item.get("rule") or "").strip()) if p)
        if what or when:
            lines.append("- " + ": ".join(p for p in (what, when) if p) + ".")
    if not lines:
        return None
    return {
        "heading": _("Chế độ báo cáo định kỳ"),
        "body": "\n".join(lines),
        "part": SectionPart.ORGANISATION,
        "target_sector": "",
    }


def _collect(errors: dict[str, list[str]], key: str, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            errors.setdefault(f"{key}.{field}" if key else field, []).extend(messages)
    else:
        errors.setdefault(key or "__all__", []).extend(error.messages)


def _check_rows(errors, key: str, objects: list, exclude=("campaign",)) -> None:
    for index, obj in enumerate(objects):
        try:
            obj.full_clean(exclude=list(exclude))
        except ValidationError as error:
            _collect(errors, f"{key}.{index}", error)


@transaction.atomic
def create_draft(
    actor,
    *,
    issuer: Unit,
    file_name: str,
    campaign: dict[str, Any],
    higher_plan: dict[str, Any],
    references: list[dict[str, Any]] = (),
    deadlines: list[dict[str, Any]] = (),
    periodic: list[dict[str, Any]] = (),
    sections: list[dict[str, Any]] = (),
    reward: dict[str, Any] | None = None,
    responsibilities: list[dict[str, Any]] = (),
) -> Campaign:
    """The draft campaign of `issuer` with every part the officer kept, in one transaction.

    Every value is checked before anything is written; a ValidationError names each bad value
    as "<list>.<row>.<field>" (e.g. "deadlines.2.due_on") or "<field>" for the campaign's own, so
    the review page puts the message next to the row."""
    services._check(actor, "campaigns.add_campaign", issuer)
    values = {k: v for k, v in campaign.items() if k in services.CAMPAIGN_FIELDS}
    values.setdefault("issuing_body", _("Ban Chấp hành") if issuer.kind.is_grassroots else _("Ban Thường vụ"))
    values["intro"] = _intro(higher_plan)
    values["plan_date"] = None  # the new plan is dated when it is issued

    errors: dict[str, list[str]] = {}
    if not (values.get("title") or "").strip():
        errors["title"] = [_("Hãy nhập trích yếu của kế hoạch.")]
    try:
        services._validate_window(values)
    except ValidationError as error:
        _collect(errors, "", error)
    probe = Campaign(issuer=issuer, **values)
    try:
        probe.full_clean(exclude=["issuer", "lineage", "title", "register_entry", "implements"])
    except ValidationError as error:
        _collect(errors, "", error)

    higher = None
    if any(higher_plan.get(k) for k in ("number", "issuer", "title", "issued_on")):
        higher = DocumentReference(
            relation="Thực hiện",
            doc_kind=higher_plan.get("doc_kind") or "",
            number=higher_plan.get("number") or "",
            issued_on=higher_plan.get("issued_on"),
            issuer=higher_plan.get("issuer") or "",
            title=higher_plan.get("title") or "",
        )
        _check_rows(errors, "higher_plan", [higher])
        # One row, so its messages read as the higher plan's own fields.
        for key in [k for k in errors if k.startswith("higher_plan.0.")]:
            errors["higher_plan." + key.removeprefix("higher_plan.0.")] = errors.pop(key)
    refs = [DocumentReference(**{k: v for k, v in r.items() if k != "linked_campaign"}) for r in references]
    _check_rows(errors, "references", refs)
    due = [
        Deadline(
            what=(d.get("what") or "").strip(), who=(d.get("who") or "").strip() or DEFAULT_WHO, due_on=d.get("due_on")
        )
        for d in deadlines
    ]
    _check_rows(errors, "deadlines", due)
    folded = _fold_sections(list(sections))
    extra = _periodic_section(list(periodic))
    plan_sections = [PlanSection(**s) for s in folded] + ([PlanSection(**extra)] if extra else [])
    # Rows are checked as submitted, so a message lands on the heading the officer sees.
    for index, row in enumerate(sections):
        if row.get("mode") == SectionMode.SKIP:
            continue
        probe_section = PlanSection(
            heading=(row.get("heading") or "").strip(),
            part=row.get("part") or SectionPart.OTHER,
            target_sector=row.get("target_sector") or "",
        )
        try:
            probe_section.full_clean(exclude=["campaign"])
        except ValidationError as error:
            _collect(errors, f"sections.{index}", error)
    duties = [
        Responsibility(level=(r.get("level") or "").strip(), body=(r.get("body") or "").strip())
        for r in responsibilities
    ]
    _check_rows(errors, "responsibilities", duties)
    reward_plan = RewardPlan(**{k: v for k, v in (reward or {}).items() if k in services.REWARD_FIELDS})
    if not reward_plan.procedure:
        reward_plan.procedure = Procedure.STANDARD
    try:
        reward_plan.full_clean(exclude=["campaign"])
    except ValidationError as error:
        _collect(errors, "reward", error)
    if errors:
        raise ValidationError(errors)

    created = services.create_campaign(actor, issuer=issuer, **values)
    ordered = ([higher] if higher else []) + refs
    for order, obj in enumerate(ordered, start=1):
        obj.campaign, obj.order = created, order
    DocumentReference.objects.bulk_create(ordered)
    for group in (due, plan_sections, duties):
        for order, obj in enumerate(group, start=1):
            obj.campaign, obj.order = created, order
    Deadline.objects.bulk_create(due)
    PlanSection.objects.bulk_create(plan_sections)
    Responsibility.objects.bulk_create(duties)
    RewardPlan.objects.filter(campaign=created).update(**{f: getattr(reward_plan, f) for f in services.REWARD_FIELDS})
    audit.record(
        actor,
        "import_plan",
        created,
        scope_path=issuer.path,
        to_state=file_name or _("văn bản dán vào"),
        changes={
            "references": len(ordered),
            "deadlines": len(due),
            "sections": len(plan_sections),
            "responsibilities": len(duties),
        },
    )
    return created
