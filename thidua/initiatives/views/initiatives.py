"""Initiatives: the list of the scope, registering (with the duplicate warning as the title
is typed), the page of one initiative with what the acting user may do next, editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.core.models import Attachment, AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.councils.models import Council, CouncilKind
from thidua.initiatives import queries, services
from thidua.initiatives.forms import CommentForm, InitiativeForm, ReasonForm, TeamForm
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.org.models import Member

# What a person does by hand on the page; the council's result and the recognition come from
# the session and the decision.
MANUAL_ACTIONS = ("submit", "assign_support_team", "send_to_council", "return_to_authors", "propose")


def _unit(request):
    role = getattr(request.user, "acting_role", None)
    return role.unit if role is not None else None


@login_required
def initiative_list(request):
    status, q = request.GET.get("trang-thai", ""), request.GET.get("q", "")
    unit = _unit(request)
    # "Cấp dưới đề nghị": the acting level's queue of initiatives proposed to it from below.
    from_below = unit if unit is not None and request.GET.get("nguon") == "cap-duoi" else None
    rows = queries.initiatives_for_table(request.user, status=status, q=q, from_below=from_below)
    page = Paginator(rows, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "page": page,
            "status": status,
            "q": q,
            "statuses": InitiativeStatus.choices,
            "can_register": unit is not None and request.user.has_perm("initiatives.register", unit),
            "can_manage": unit is not None and request.user.has_perm("initiatives.manage_unit", unit),
            "unit": unit,
            "from_below": from_below is not None,
            "receives_proposals": unit is not None and not unit.kind.is_grassroots,
        },
    )


def _similar_context(request, title: str, exclude_pk=None) -> dict:
    unit = _unit(request)
    found = queries.similar(title, unit, exclude_pk=exclude_pk) if unit is not None and title.strip() else []
    return {"similar": found}


@login_required
def similar(request):
    """The duplicate warning under the title field (htmx, as the title is typed)."""
    return render(request, "initiatives/_similar.html", _similar_context(request, request.GET.get("title", "")))


def _initial(initiative: Initiative | None, user) -> dict:
    if initiative is None:
        own = Member.objects.filter(user=user).first()
        return {"author_0": str(own.pk), "share_0": 100} if own else {}
    initial = {f: getattr(initiative, f) for f in services.EDITABLE_FIELDS}
    for n, author in enumerate(initiative.authors.order_by("order")):
        initial[f"author_{n}"], initial[f"share_{n}"] = str(author.member_id), author.share
    return initial


def _save(request, initiative: Initiative | None):
    unit = initiative.unit if initiative is not None else _unit(request)
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = InitiativeForm(*data, user=request.user, unit=unit, initial=_initial(initiative, request.user))
    if request.method == "POST" and form.is_valid():
        try:
            if initiative is None:
                initiative = services.register_initiative(
                    request.user, unit=unit, authors=form.authors(), files=form.cleaned_data["files"], **form.values()
                )
                messages.success(request, _("Đã lưu sáng kiến. Kiểm tra lại rồi bấm “Gửi đăng ký”."))
            else:
                services.update_initiative(
                    request.user, initiative, authors=form.authors(), files=form.cleaned_data["files"], **form.values()
                )
                messages.success(request, _("Đã lưu hồ sơ sáng kiến."))
        except ValidationError as error:
            # Authors' errors go next to the authors' rows, the others next to their fields.
            if hasattr(error, "error_dict") and "authors" in error.error_dict:
                form.author_errors = [m for e in error.error_dict.pop("authors") for m in e.messages]
                if error.error_dict:
                    form_error(form, error)
            else:
                form_error(form, error)
        else:
            return redirect("initiatives:detail", pk=initiative.pk)
    title = form.data.get("title", "") if form.is_bound else (initiative.title if initiative else "")
    context = {
        "form": form,
        "initiative": initiative,
        "unit": unit,
        **_similar_context(request, title, getattr(initiative, "pk", None)),
    }
    return render(request, "initiatives/initiative_form.html", context, status=400 if form.is_bound else 200)


@login_required
def initiative_create(request):
    require(request.user, "initiatives.register", _unit(request))
    return _save(request, None)


@login_required
def initiative_edit(request, pk: int):
    initiative = get_for_user(request.user, Initiative, pk, perm="initiatives.change_initiative")
    return _save(request, initiative)


def _detail_context(request, initiative: Initiative, **forms) -> dict:
    user = request.user
    allowed = {t.action for t in services.INITIATIVE_WORKFLOW.allowed(initiative, user)}
    at_council = initiative.status in (InitiativeStatus.AT_COUNCIL, InitiativeStatus.PROPOSED)
    return {
        "initiative": initiative,
        "authors": list(initiative.authors.select_related("member", "member__unit").order_by("order")),
        "files": list(Attachment.objects.for_object(initiative)),
        "recognitions": list(initiative.recognitions.select_related("unit", "decision__register_entry").order_by("pk")),
        "comments": list(initiative.comments.select_related("author")),
        "actions": [a for a in MANUAL_ACTIONS if a in allowed],
        **_next_steps(user, initiative),
        "can_edit": user.has_perm("initiatives.change_initiative", initiative),
        "can_comment": user.has_perm("initiatives.comment", initiative),
        "team_form": forms.get("team_form") or TeamForm(unit=initiative.level),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "reason_form": forms.get("reason_form") or ReasonForm(),
        "history": list(AuditEntry.objects.for_object(initiative).select_related("actor")[:40]),
        **(_similar_context(request, initiative.title, initiative.pk) if at_council or allowed else {"similar": []}),
    }


def _next_steps(user, initiative: Initiative) -> dict:
    """Where the level's manager goes for the steps taken elsewhere: the council's session
    (councils' pages) and the recognition decision (the level's recognition page)."""
    if not user.has_perm("initiatives.manage_unit", initiative.level):
        return {}
    if initiative.status == InitiativeStatus.AT_COUNCIL:
        council = Council.objects.filter(unit=initiative.level, kind=CouncilKind.INITIATIVE).order_by("pk").first()
        return {"acts_at_level": True, "council": council, "needs_council": council is None}
    if services.INITIATIVE_WORKFLOW.can(initiative, user, "recognise"):
        return {"acts_at_level": True, "to_recognise": True}
    return {"acts_at_level": True}


def _initiative(request, pk: int, perm: str = "initiatives.view_initiative") -> Initiative:
    return get_for_user(
        request.user,
        Initiative,
        pk,
        perm=perm,
        related=("unit", "level", "level__parent", "programme", "campaign", "support_team"),
    )


@login_required
def initiative_detail(request, pk: int):
    initiative = _initiative(request, pk)
    return render(request, "initiatives/initiative_detail.html", _detail_context(request, initiative))


@login_required
@require_POST
def initiative_action(request, pk: int, action: str):
    initiative = _initiative(request, pk)
    forms, form = {}, None
    try:
        if action == "submit":
            services.submit(request.user, initiative)
            done = _("Đã gửi đăng ký sáng kiến.")
        elif action == "assign_support_team":
            form = forms["team_form"] = TeamForm(request.POST, unit=initiative.level)
            if not form.is_valid():
                raise ValidationError(_("Hãy chọn tổ hỗ trợ."))
            services.assign_support_team(request.user, initiative, team=form.cleaned_data["team"])
            done = _("Đã giao tổ hỗ trợ.")
        elif action == "send_to_council":
            services.send_to_council(request.user, initiative)
            done = _("Đã trình Hội đồng sáng kiến.")
        elif action == "return_to_authors":
            form = forms["reason_form"] = ReasonForm(request.POST)
            services.return_to_authors(request.user, initiative, reason=request.POST.get("reason", ""))
            done = _("Đã trả lại tác giả để bổ sung.")
        elif action == "propose":
            services.propose_to_next_level(request.user, initiative)
            done = _("Đã đề nghị cấp trên xét.")
        elif action == "comment":
            form = forms["comment_form"] = CommentForm(request.POST)
            services.add_comment(request.user, initiative, text=request.POST.get("text", ""))
            done = _("Đã ghi góp ý.")
        else:
            raise Http404
    except (ValidationError, TransitionNotAllowed) as error:
        if form is not None and isinstance(error, ValidationError):
            form.is_valid()
            form_error(form, error)
        else:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        initiative = _initiative(request, pk)
        return render(
            request, "initiatives/initiative_detail.html", _detail_context(request, initiative, **forms), status=400
        )
    except PermissionDenied:  # outside what the role may do: as if it did not exist
        raise Http404 from None
    messages.success(request, done)
    return redirect("initiatives:detail", pk=initiative.pk)
