"""The office's pages: the queue of nominations its level handles (filterable; a fixed number
of queries whatever its length), the decisions of its standing committee and the page where
one is issued from the nominations the award council recommended."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.awards import documents, queries, services
from thidua.awards.forms import DecisionForm, QueueFilterForm, RecordAwardForm
from thidua.awards.models import Decision, NominationStatus
from thidua.awards.views.nominations import _unit, url_or_none
from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.org.models import Member, Unit

S = NominationStatus


def _campaign_filter(request):
    pk = request.GET.get("ke-hoach", "")
    if not pk.isdigit():
        return None
    return queries.campaigns_with_awards(request.user).filter(pk=pk).first()


def filtered_queue(request):
    """The level's queue as the page's filters narrow it — shared by the page and its .xlsx
    export, so the file holds what the page lists. 404 for a user without a queue."""
    level = _unit(request)
    if level is None:  # the administrator acts in no unit: there is no level's queue to show
        raise Http404
    require(request.user, "awards.view_queue")
    # The office of the level works its queue; a viewer above (Theo dõi) reads the queues of
    # every level of its subtree and acts on none (its pages offer no action: the rules say so).
    works = request.user.has_perm("awards.review", level)
    if not works and not request.user.has_perm("awards.read_queue", level):
        raise Http404
    read_only = not works
    units = Unit.objects.within(level).exclude(pk=level.pk).filter(kind__is_group=False).order_by("path")
    data = request.GET.copy()
    data.setdefault("trang_thai", QueueFilterForm.WAITING)
    form = QueueFilterForm(data, units=units)
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    campaign = _campaign_filter(request)
    rows = queries.queue(
        request.user,
        level,
        status=filters.get("trang_thai", ""),
        award_kind=filters.get("hinh_thuc"),
        unit=filters.get("don_vi"),
        campaign=campaign,
        subtree=read_only,
    )
    return level, works, form, campaign, rows


@login_required
def queue(request):
    level, works, form, campaign, rows = filtered_queue(request)
    read_only = not works
    page = Paginator(rows, 50).get_page(request.GET.get("trang"))
    queries.with_dues(queries.with_verdicts(page.object_list))
    counts = queries.status_counts(request.user, level, subtree=read_only)
    campaigns = list(queries.campaigns_with_awards(request.user).filter(issuer=level)[:20]) if works else []
    return render(
        request,
        "awards/review/queue.html",
        {
            "level": level,
            "read_only": read_only,
            "form": form,
            "page": page,
            "campaign": campaign,
            "campaigns": campaigns,
            "waiting": counts.get(S.SUBMITTED, 0) + counts.get(S.FORWARDED, 0),
            "status_links": [
                (value, _("Cấp dưới đề nghị") if value == S.FORWARDED else label, counts[value])
                for value, label in S.choices
                if counts.get(value) and value not in (S.DRAFT, S.WITHDRAWN)
            ],
            "recommended": counts.get(S.RECOMMENDED, 0),
            "can_decide": request.user.has_perm("awards.decide", level),
            "can_allocate": {c.pk for c in campaigns if request.user.has_perm("awards.allocate_quota", c)},
        },
    )


@login_required
def decisions(request):
    level = _unit(request)
    require(request.user, "awards.use_review")
    rows = queries.decisions(request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "awards/review/decisions.html",
        {
            "page": page,
            "level": level,
            "can_decide": level is not None and request.user.has_perm("awards.decide", level),
            "waiting": len(queries.decidable(level)) if level is not None else 0,
        },
    )


ALL = "tat-ca"


def _ticked(request, candidates) -> set[int]:
    return {n.pk for n in candidates} if request.GET.get("chon") == ALL else set()


@login_required
def decision_create(request):
    level = _unit(request)
    require(request.user, "awards.decide", level)
    campaign = _campaign_filter(request)
    candidates = queries.decidable(level, campaign)
    campaigns = sorted({n.campaign for n in queries.decidable(level)}, key=lambda c: -c.pk)
    initial = {"title": services.default_title(campaign)} if campaign is not None else {}
    form = DecisionForm(request.POST or None, initial=initial)
    chosen = {int(v) for v in request.POST.getlist("nominations") if v.isdigit()}
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.issue_decision(
                request.user,
                unit=level,
                campaign=campaign,
                nominations=sorted(chosen),
                issued_on=form.cleaned_data["issued_on"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form_error(form, error)
        except PermissionDenied:
            form.add_error(None, _("Có đề nghị vượt thẩm quyền quyết định của đơn vị."))
        else:
            messages.success(
                request,
                _("Đã ban hành quyết định %(number)s khen thưởng %(n)s tập thể, cá nhân.")
                % {"number": decision.number, "n": decision.awards.count()},
            )
            return redirect("awards:decision", pk=decision.pk)
    return render(
        request,
        "awards/review/decision_form.html",
        {
            "form": form,
            "level": level,
            "campaign": campaign,
            "campaigns": campaigns,
            "candidates": candidates,
            # Nothing is ticked until the chair chooses (a decision awards people: each name is
            # a choice); "Chọn tất cả" (?chon=tat-ca) ticks every candidate shown.
            "chosen": chosen if request.method == "POST" else _ticked(request, candidates),
            "all_chosen": request.method != "POST" and request.GET.get("chon") == ALL,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def decision_detail(request, pk: int):
    decision = get_for_user(
        request.user, Decision, pk, perm="awards.view_decision", related=("unit", "campaign", "register_entry")
    )
    awards = list(decision.awards.select_related("award_kind", "member", "unit").order_by("order", "pk"))
    # As the decision's list prints them (documents.list_groups).
    awards.sort(key=lambda a: documents.group_key(a.award_kind, a.member_id is not None))
    for award in awards:
        award.certificate_url = url_or_none("awards:certificate", award.pk)
    return render(
        request,
        "awards/review/decision.html",
        {
            "decision": decision,
            "awards": awards,
            "docx": url_or_none("awards:decision_file", decision.pk, "docx"),
            "pdf": url_or_none("awards:decision_file", decision.pk, "pdf"),
            "certificates": url_or_none("awards:certificates", decision.pk),
            "honour_roll": url_or_none("awards:honour_roll", decision.campaign_id) if decision.campaign_id else None,
        },
    )


@login_required
def record_award(request):
    """An award from an earlier paper decision, entered on a member's or a unit's record so
    that later criteria ("3 năm liên tục") can read it."""
    member_pk, unit_pk = request.GET.get("doan-vien", ""), request.GET.get("don-vi", "")
    member = get_for_user(request.user, Member, member_pk) if member_pk else None
    unit = get_for_user(request.user, Unit, unit_pk) if unit_pk and member is None else None
    if member is None and unit is None:
        raise Http404
    holder = member.unit if member is not None else unit
    require(request.user, "awards.record_award", holder)
    form = RecordAwardForm(request.POST or None, collective=member is None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_award(
                request.user,
                award_kind=form.cleaned_data["award_kind"],
                year=form.cleaned_data["year"],
                member=member,
                unit=unit,
                source=form.cleaned_data["source"],
            )
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã ghi khen thưởng vào hồ sơ."))
            if member is not None:
                return redirect("org:member_detail", pk=member.pk)
            return redirect("org:unit_detail", pk=unit.pk)
    return render(
        request,
        "awards/review/record_award.html",
        {
            "form": form,
            "member": member,
            "unit": unit,
            "holder_name": member.full_name if member is not None else unit.name,
        },
        status=400 if form.is_bound else 200,
    )
