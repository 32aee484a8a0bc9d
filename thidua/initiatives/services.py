"""Writing initiatives. Each function takes the acting user and plain values, runs in one
transaction and writes the audit trail; refusals are ValidationErrors in Vietnamese raised
before anything is written. Files are written after the commit (core.attachments).

The initiative's one state machine is `INITIATIVE_WORKFLOW`, moved only through
core.workflow. The counters (`Tally`) move in the same transactions as the states they count.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import access, attachments, audit
from thidua.core.db import PATH_END
from thidua.core.text import fold
from thidua.core.workflow import Transition, Workflow
from thidua.councils import minutes
from thidua.documents import legal
from thidua.documents.models import DocType, LegalRole
from thidua.documents.services import profile_for, require_signable, take_number
from thidua.initiatives.models import (
    Author,
    Comment,
    GoldenBook,
    Initiative,
    InitiativeStatus,
    Recognition,
    RecognitionDecision,
    SupportTeam,
    Tally,
    UnitTally,
)
from thidua.org.models import Member, Unit

S = InitiativeStatus
# One table for every level. An initiative proposed from below (PROPOSED, `level` = the union
# above) is that level's "submitted": the receiving level assigns its own support team or
# sends it straight to its own council, then recognises it by its own decision into its own
# golden book, and may propose it up again. Returning to the authors (and editing the dossier)
# stays at the authors' CĐCS: above it the dossier is the one the CĐCS recognised.
INITIATIVE_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition("submit", (S.DRAFT,), S.SUBMITTED, "initiatives.submit", gettext_lazy("Gửi đăng ký")),
        Transition(
            "assign_support_team",
            # Again while with a team: another of the level's teams takes over (or, after the
            # level was dissolved and its work handed over, the successor's own team).
            (S.SUBMITTED, S.PROPOSED, S.WITH_SUPPORT_TEAM),
            S.WITH_SUPPORT_TEAM,
            "initiatives.assign_support_team",
            gettext_lazy("Giao tổ hỗ trợ"),
        ),
        Transition(
            "return_to_authors",
            (S.SUBMITTED, S.WITH_SUPPORT_TEAM),
            S.DRAFT,
            "initiatives.return_to_authors",
            gettext_lazy("Trả lại tác giả để bổ sung"),
        ),
        Transition(
            "send_to_council",
            (S.SUBMITTED, S.WITH_SUPPORT_TEAM, S.PROPOSED),
            S.AT_COUNCIL,
            "initiatives.support",
            gettext_lazy("Trình Hội đồng sáng kiến"),
        ),
        Transition(
            "council_pass",
            (S.AT_COUNCIL,),
            S.COUNCIL_PASSED,
            "initiatives.decide",
            gettext_lazy("Hội đồng thông qua"),
        ),
        Transition(
            "council_reject",
            (S.AT_COUNCIL,),
            S.NOT_RECOGNISED,
            "initiatives.decide",
            gettext_lazy("Hội đồng không thông qua"),
        ),
        Transition("recognise", (S.COUNCIL_PASSED,), S.RECOGNISED, "initiatives.recognise", gettext_lazy("Công nhận")),
        Transition("propose", (S.RECOGNISED,), S.PROPOSED, "initiatives.propose", gettext_lazy("Đề nghị cấp trên xét")),
    ],
)
ACTIONS = [t.action for t in INITIATIVE_WORKFLOW.transitions]
EDITABLE_FIELDS = (
    "kind",
    "title",
    "problem",
    "solution",
    "novelty",
    "application",
    "applied_since",
    "benefit_amount",
    "benefit_text",
    "programme",
    "campaign",
)


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


_user = access.person  # the user row to store (None for the system actor)


# --- counters --------------------------------------------------------------------------------


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def _bump(initiative: Initiative, day: datetime.date, **deltas) -> None:
    """Add `deltas` to the unit's counters of the initiative's programme, campaign and the
    quarter of `day` (creating the row the first time; the unique key makes a race wait)."""
    key = {
        "unit_id": initiative.unit_id,
        "programme_id": initiative.programme_id or 0,
        "campaign_id": initiative.campaign_id or 0,
        "year": day.year,
        "quarter": quarter_of(day),
    }
    changes = {name: F(name) + value for name, value in deltas.items()}
    path = Unit.objects.filter(pk=initiative.unit_id).values_list("path", flat=True).get()
    Tally.objects.bulk_create([Tally(**key, unit_path=path)], ignore_conflicts=True)
    Tally.objects.filter(**key).update(**changes)
    UnitTally.objects.bulk_create([UnitTally(unit_id=initiative.unit_id, unit_path=path)], ignore_conflicts=True)
    UnitTally.objects.filter(unit_id=initiative.unit_id).update(**changes)


def rewrite_paths(old_prefix: str, new_prefix: str) -> None:
    """Units moved (core.tree): the counters' copies of their paths move with them."""
    for model in (Initiative, Tally, UnitTally):
        model.objects.filter(unit_path__gte=old_prefix, unit_path__lt=old_prefix + PATH_END).update(
            unit_path=Concat(Value(new_prefix), Substr("unit_path", len(old_prefix) + 1))
        )


def _recognised_deltas(initiative: Initiative, sign: int = 1) -> dict:
    return {
        "recognised": sign,
        "applied": sign if initiative.applied_since else 0,
        "benefit": sign * (initiative.benefit_amount or 0),
    }


# --- registering -----------------------------------------------------------------------------


def _share(value) -> Decimal:
    try:
        share = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({"authors": _("Tỷ lệ đóng góp phải là một số.")}) from None
    if share <= 0 or share > 100:
        raise ValidationError({"authors": _("Tỷ lệ đóng góp của mỗi tác giả phải lớn hơn 0 và không quá 100%.")})
    return share


def _validate(unit: Unit, values: dict, authors: list[tuple[Member, object]]) -> list[tuple[Member, Decimal]]:
    errors: dict[str, list] = {}
    if not (values.get("title") or "").strip():
        errors.setdefault("title", []).append(_("Hãy nhập tên sáng kiến."))
    if not (values.get("solution") or "").strip():
        errors.setdefault("solution", []).append(_("Hãy mô tả nội dung giải pháp."))
    amount = values.get("benefit_amount")
    if amount is not None and Decimal(amount) < 0:
        errors.setdefault("benefit_amount", []).append(_("Lợi ích không được âm."))
    since = values.get("applied_since")
    if since is not None and since > timezone.localdate():
        errors.setdefault("applied_since", []).append(_("Ngày áp dụng lần đầu không được sau hôm nay."))
    if errors:
        raise ValidationError(errors)
    if not authors:
        raise ValidationError({"authors": _("Hãy ghi ít nhất một tác giả.")})
    checked, seen = [], set()
    for member, share in authors:
        if member.pk in seen:
            raise ValidationError({"authors": _("%(name)s được ghi hai lần.") % {"name": member.full_name}})
        seen.add(member.pk)
        if not member.unit.is_within(unit):
            raise ValidationError(
                {
                    "authors": _("%(name)s không phải đoàn viên của %(unit)s: tác giả phải thuộc đơn vị.")
                    % {"name": member.full_name, "unit": unit.name}
                }
            )
        checked.append((member, _share(share)))
    total = sum((share for _member, share in checked), Decimal(0))
    if total != 100:
        raise ValidationError(
            {
                "authors": _("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%% (hiện là %(total)s%%).")
                % {"total": f"{total.normalize():f}".replace(".", ",")}
            }
        )
    return checked


def _set_authors(initiative: Initiative, authors: list[tuple[Member, Decimal]]) -> None:
    initiative.authors.all().delete()
    Author.objects.bulk_create(
        [Author(initiative=initiative, member=m, share=s, order=n) for n, (m, s) in enumerate(authors)]
    )


@transaction.atomic
def register_initiative(actor, *, unit: Unit, authors: list, files=(), **values) -> Initiative:
    """A new initiative in draft, with its authors and their shares and its files."""
    _check(actor, "initiatives.register", unit)
    values = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    checked = _validate(unit, values, authors)
    attachments.check_all(files, images_only=False)
    values["title"] = values["title"].strip()
    initiative = Initiative.objects.create(
        unit=unit,
        level=unit,
        unit_path=unit.path,
        search_key=fold(values["title"]),
        created_by=_user(actor),
        **values,
    )
    _set_authors(initiative, checked)
    for upload in files:
        attachments.attach(actor, initiative, upload, scope_path=unit.path, images_only=False)
    audit.record(
        actor, "register_initiative", initiative, scope_path=unit.path, to_state=initiative.get_status_display()
    )
    return initiative


@transaction.atomic
def update_initiative(actor, initiative: Initiative, *, authors: list, files=(), **values) -> Initiative:
    initiative = Initiative.objects.select_for_update(of=("self",)).select_related("unit").get(pk=initiative.pk)
    _check(actor, "initiatives.change_initiative", initiative)
    values = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    checked = _validate(initiative.unit, values, authors)
    attachments.check_all(files, images_only=False)
    old_key = (initiative.programme_id, initiative.campaign_id)
    changes = {}
    for name, value in values.items():
        if getattr(initiative, name) != value:
            changes[name] = [str(getattr(initiative, name) or ""), str(value or "")]
            setattr(initiative, name, value)
    initiative.title = initiative.title.strip()
    initiative.search_key = fold(initiative.title)
    if initiative.submitted_on and old_key != (initiative.programme_id, initiative.campaign_id):
        # Counted where it was registered: move its count to its new programme or campaign
        # (the unit's all-time row gets -1 then +1: unchanged).
        moved = Initiative(unit_id=initiative.unit_id, programme_id=old_key[0], campaign_id=old_key[1])
        _bump(moved, initiative.submitted_on, registered=-1)
        _bump(initiative, initiative.submitted_on, registered=1)
    initiative.save()
    _set_authors(initiative, checked)
    for upload in files:
        attachments.attach(actor, initiative, upload, scope_path=initiative.unit.path, images_only=False)
    audit.record(actor, "update_initiative", initiative, scope_path=initiative.unit.path, changes=changes)
    return initiative


def _locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update(of=("self",)).select_related("unit", "level").get(pk=initiative.pk)


@transaction.atomic
def submit(actor, initiative: Initiative, *, on: datetime.date | None = None) -> Initiative:
    initiative = _locked(initiative)
    first_time = initiative.submitted_on is None
    day = initiative.submitted_on or on or timezone.localdate()
    INITIATIVE_WORKFLOW.move(
        initiative, "submit", actor=actor, scope_path=initiative.unit.path, extra_fields={"submitted_on": day}
    )
    if first_time:  # sent back for changes and submitted again: still one registration
        _bump(initiative, day, registered=1)
    return initiative


@transaction.atomic
def create_support_team(actor, *, unit: Unit, name: str, members: list[Member]) -> SupportTeam:
    _check(actor, "initiatives.manage_unit", unit)
    if not (name or "").strip():
        raise ValidationError({"name": _("Hãy nhập tên tổ hỗ trợ.")})
    if not members:
        raise ValidationError({"members": _("Hãy chọn ít nhất một thành viên.")})
    outside = [m.full_name for m in members if not m.unit.is_within(unit)]
    if outside:
        raise ValidationError({"members": _("Không thuộc đơn vị: %(names)s.") % {"names": ", ".join(outside)}})
    team = SupportTeam.objects.create(unit=unit, name=name.strip())
    team.members.set(members)
    audit.record(actor, "create_support_team", team, scope_path=unit.path, to_state=team.name)
    return team


@transaction.atomic
def assign_support_team(actor, initiative: Initiative, *, team: SupportTeam) -> Initiative:
    initiative = _locked(initiative)
    # The team of the level handling it: the CĐCS's own, or the district's for one proposed up.
    if team is None or team.unit_id != initiative.level_id:
        raise ValidationError({"team": _("Hãy chọn một tổ hỗ trợ của %(level)s.") % {"level": initiative.level.name}})
    INITIATIVE_WORKFLOW.move(
        initiative,
        "assign_support_team",
        actor=actor,
        scope_path=initiative.unit.path,
        reason=f"{team.name} — {initiative.level.name}" if initiative.level_id != initiative.unit_id else team.name,
        extra_fields={"support_team": team},
    )
    return initiative


@transaction.atomic
def add_comment(actor, initiative: Initiative, *, text: str) -> Comment:
    initiative = _locked(initiative)
    _check(actor, "initiatives.comment", initiative)
    if _user(actor) is None:  # a note is someone's: the page names who wrote it
        raise ValidationError({"text": _("Góp ý phải có người viết.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Hãy nhập nội dung góp ý.")})
    comment = Comment.objects.create(initiative=initiative, author=_user(actor), text=text.strip())
    audit.record(actor, "comment_initiative", initiative, scope_path=initiative.unit.path, reason=comment.text[:300])
    return comment


@transaction.atomic
def return_to_authors(actor, initiative: Initiative, *, reason: str) -> Initiative:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Hãy ghi nội dung cần bổ sung.")})
    initiative = _locked(initiative)
    INITIATIVE_WORKFLOW.move(
        initiative, "return_to_authors", actor=actor, scope_path=initiative.unit.path, reason=reason
    )
    return initiative


@transaction.atomic
def send_to_council(actor, initiative: Initiative) -> Initiative:
    initiative = _locked(initiative)
    INITIATIVE_WORKFLOW.move(initiative, "send_to_council", actor=actor, scope_path=initiative.unit.path)
    return initiative


# --- recognition, golden book, next level ----------------------------------------------------


def _locked_book(unit: Unit) -> GoldenBook:
    GoldenBook.objects.bulk_create([GoldenBook(unit=unit)], ignore_conflicts=True)
    return GoldenBook.objects.select_for_update().get(unit=unit)


def authors_line(initiative: Initiative) -> str:
    return ", ".join(
        f"{a.member.full_name} ({a.share_text}%)" for a in initiative.authors.select_related("member").order_by("order")
    )


@transaction.atomic
def issue_recognition_decision(
    actor, *, unit: Unit, initiative_ids: list[int], issued_on: datetime.date, signer_name: str = ""
) -> RecognitionDecision:
    """One numbered decision (the unit's register) recognising the initiatives its council
    passed; each enters the unit's golden book with the next entry number."""
    if issued_on is None:
        raise ValidationError({"issued_on": _("Hãy nhập ngày ban hành.")})
    initiatives = list(
        Initiative.objects.select_for_update(of=("self",))
        .select_related("unit", "level")
        .filter(pk__in=initiative_ids, level=unit)
        .order_by("pk")
    )
    if not initiatives or len(initiatives) != len(set(initiative_ids)):
        raise ValidationError({"initiatives": _("Hãy chọn các sáng kiến Hội đồng đã thông qua.")})
    waiting = [i.title for i in initiatives if i.status != S.COUNCIL_PASSED]
    if waiting:
        raise ValidationError(
            {"initiatives": _("Chưa được Hội đồng thông qua: %(titles)s.") % {"titles": "; ".join(waiting)}}
        )
    for initiative in initiatives:
        _check(actor, "initiatives.recognise", initiative)
    # The Điều lệ Sáng kiến in force that day, which the decision cites (documents.legal).
    legal.require(issued_on, (LegalRole.INITIATIVES,))
    # Nor dated before the council's session that passed them: the decision cites its minutes
    # (as an award decision is refused, awards.documents.require_basis).
    minutes.require_not_before(Initiative, [i.pk for i in initiatives], issued_on, unit=unit)
    # The signer typed on the form, else the letterhead's: refused before a number is taken.
    require_signable(profile_for(unit), signer_name=signer_name.strip() or None)
    entry = take_number(
        actor,
        unit,
        DocType.DECISION,
        issued_on=issued_on,
        title=_("Quyết định công nhận sáng kiến (%(n)s sáng kiến)") % {"n": len(initiatives)},
    )
    decision = RecognitionDecision.objects.create(
        unit=unit, register_entry=entry, issued_on=issued_on, signer_name=signer_name.strip(), created_by=_user(actor)
    )
    entry.target = decision
    entry.save(update_fields=["target_type", "target_id"])
    book = _locked_book(unit)
    for initiative in initiatives:
        book.last_number += 1
        Recognition.objects.create(
            initiative=initiative,
            unit=unit,
            decision=decision,
            entry_number=book.last_number,
            recognised_on=issued_on,
            authors_text=authors_line(initiative)[:1000],
        )
        first = initiative.recognised_on is None
        INITIATIVE_WORKFLOW.move(
            initiative,
            "recognise",
            actor=actor,
            scope_path=initiative.unit.path,
            reason=entry.symbol,
            extra_fields={"recognised_on": initiative.recognised_on or issued_on},
        )
        if first:  # counted once, at the first level that recognised it
            _bump(initiative, issued_on, **_recognised_deltas(initiative))
    book.save(update_fields=["last_number"])
    audit.record(actor, "issue_recognition", decision, scope_path=unit.path, to_state=entry.symbol)
    return decision


@transaction.atomic
def propose_to_next_level(actor, initiative: Initiative, *, reason: str = "") -> Initiative:
    """To the council of the union above, with this level's recognition attached."""
    initiative = _locked(initiative)
    parent = initiative.level.parent
    if parent is None:
        raise ValidationError(_("Đơn vị này không có cấp trên để đề nghị."))
    INITIATIVE_WORKFLOW.move(
        initiative,
        "propose",
        actor=actor,
        scope_path=initiative.unit.path,
        reason=reason or (parent.name if parent else ""),
        extra_fields={"level": parent},
    )
    return initiative
