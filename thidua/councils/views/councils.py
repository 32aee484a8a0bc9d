"""Councils of the acting unit and below: the list, setting one up, its members and pass
rule, and opening a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.councils import services
from thidua.councils.forms import CouncilForm, MemberForm, PassRuleForm, SessionForm
from thidua.councils.models import Council
from thidua.org.models import Member


def _unit(request):
    role = getattr(request.user, "acting_role", None)
    return role.unit if role is not None else None


@login_required
def council_list(request):
    unit = _unit(request)
    can_add = unit is not None and request.user.has_perm("councils.add_council", unit)
    form = CouncilForm(request.POST or None, initial={"name": _("Hội đồng sáng kiến")})
    if request.method == "POST":
        require(request.user, "councils.add_council", unit)
        if form.is_valid():
            try:
                council = services.create_council(request.user, unit=unit, **form.cleaned_data)
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(request, _("Đã thành lập “%(name)s”.") % {"name": council.name})
                return redirect("councils:detail", pk=council.pk)
    councils = Council.objects.visible_to(request.user).select_related("unit").order_by("unit__path", "kind")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "councils/council_list.html", {"councils": councils, "form": form, "can_add": can_add}, status=status
    )


def _detail_context(request, council: Council, **forms) -> dict:
    return {
        "council": council,
        "seats": list(council.members.select_related("member", "member__unit").in_role_order()),
        "criteria": list(council.criteria.all()),
        "sessions": list(council.sessions.order_by("-held_on", "-id")),
        "can_manage": request.user.has_perm("councils.manage_council", council),
        "member_form": forms.get("member_form") or MemberForm(),
        "rule_form": forms.get("rule_form")
        or PassRuleForm(
            initial={
                "pass_numerator": council.pass_numerator,
                "pass_denominator": council.pass_denominator,
                "quorum_numerator": council.quorum_numerator,
                "quorum_denominator": council.quorum_denominator,
            }
        ),
        "session_form": forms.get("session_form") or SessionForm(),
        "history": list(AuditEntry.objects.for_object(council).select_related("actor")[:20]),
    }


@login_required
def council_detail(request, pk: int):
    council = get_for_user(request.user, Council, pk, perm="councils.view_council")
    return render(request, "councils/council_detail.html", _detail_context(request, council))


def _find_member(council: Council, who: str) -> Member:
    """A member of the council's unit by card number or name — exactly one, or a message."""
    scope = Member.objects.within(council.unit)
    found = list(scope.filter(card_number=who.strip().upper())[:2]) or list(scope.search(who)[:2])
    if len(found) != 1:
        message = (
            _("Không tìm thấy đoàn viên này trong đơn vị.")
            if not found
            else _("Có nhiều người trùng: hãy nhập số thẻ.")
        )
        raise ValidationError({"who": message})
    return found[0]


def _post(request, pk: int, form_class, form_name: str, action, success: str):
    council = get_for_user(request.user, Council, pk, perm="councils.manage_council")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            result = action(council, form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, success)
            if form_name == "session_form":
                return redirect("councils:session", pk=result.pk)
            return redirect("councils:detail", pk=council.pk)
    return render(
        request, "councils/council_detail.html", _detail_context(request, council, **{form_name: form}), status=400
    )


@login_required
@require_POST
def add_member(request, pk: int):
    return _post(
        request,
        pk,
        MemberForm,
        "member_form",
        lambda c, d: services.add_member(request.user, c, member=_find_member(c, d["who"]), role=d["role"]),
        _("Đã thêm thành viên hội đồng."),
    )


@login_required
@require_POST
def set_rule(request, pk: int):
    return _post(
        request,
        pk,
        PassRuleForm,
        "rule_form",
        lambda c, d: services.set_rules(request.user, c, **d),
        _("Đã lưu tỷ lệ thông qua và số thành viên có mặt tối thiểu."),
    )


@login_required
@require_POST
def open_session(request, pk: int):
    return _post(
        request,
        pk,
        SessionForm,
        "session_form",
        lambda c, d: services.open_session(request.user, c, **d),
        _("Đã mở phiên họp."),
    )
