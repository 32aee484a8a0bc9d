from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core.access import get_for_user
from thidua.core.forms import form_copy, form_error
from thidua.core.models import AuditEntry
from thidua.org import queries, services
from thidua.org.forms import DissolveUnitForm, MergeUnitForm, MoveUnitForm, ReasonForm, UnitForm
from thidua.org.models import Unit, UnitStatus


@login_required
def unit_detail(request, pk: int):
    unit = get_for_user(request.user, Unit, pk, perm="org.view_unit_page")
    user = request.user
    history = []
    if user.has_perm("org.view_unit_history", unit):
        history = list(AuditEntry.objects.for_object(unit).select_related("actor")[:50])
    context = {
        "unit": unit,
        "totals": queries.subtree_totals(unit),
        "children": queries.children_with_totals(user, unit),
        "crumbs": queries.breadcrumbs(user, unit),
        "history": history,
        "ratings": unit.ratings.select_related("level").order_by("-year"),
        "can_change": user.has_perm("org.change_unit", unit),
        "can_add_child": unit.is_active and user.has_perm("org.add_child_unit", unit),
        "can_restructure": user.has_perm("org.restructure_unit", unit),
        # Merging and dissolving: the moves UNIT_WORKFLOW allows the user (a federation is merged
        # only by who may dissolve it).
        "can_dissolve": unit.kind.is_federation and services.UNIT_WORKFLOW.can(unit, user, "dissolve"),
        "can_add_member": unit.is_active
        and (unit.kind.is_grassroots or unit.kind.is_group)
        and user.has_perm("org.add_member", unit),
        "can_list_members": user.has_perm("org.list_members"),
        "can_rate": not unit.kind.is_group
        and user.has_perm("org.change_member" if unit.kind.is_grassroots else "org.change_unit", unit),
        "workflow_actions": services.UNIT_WORKFLOW.allowed(unit, user),
        "can_merge": services.UNIT_WORKFLOW.can(unit, user, "merge"),
    }
    return render(request, "org/unit_detail.html", context)


@login_required
def unit_create(request, parent_pk: int):
    parent = get_for_user(request.user, Unit, parent_pk, perm="org.add_child_unit")
    form = UnitForm(request.POST or None, parent=parent)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(request.user, parent=parent, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã thêm đơn vị “%(name)s”.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "parent": parent})


@login_required
def unit_edit(request, pk: int):
    unit = get_for_user(request.user, Unit, pk, perm="org.change_unit")
    form = UnitForm(request.POST or None, instance=form_copy(unit))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_unit(request.user, unit, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "unit": unit})


def _targets(user, unit: Unit):
    """Active units the user may place things under, outside the unit's own subtree."""
    return (
        Unit.objects.visible_to(user)
        .filter(status=UnitStatus.ACTIVE)
        .exclude(path__gte=unit.path, path__lt=unit.path + "~")
    )


@login_required
def unit_move(request, pk: int):
    unit = get_for_user(request.user, Unit, pk, perm="org.restructure_unit")
    targets = _targets(request.user, unit).filter(kind__level__lt=unit.kind.level, kind__is_group=False)
    form = MoveUnitForm(request.POST or None, targets=targets.select_related("kind"))
    if request.method == "POST" and form.is_valid():
        try:
            services.move_unit(request.user, unit, form.cleaned_data["new_parent"], reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã chuyển “%(name)s”.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_action.html", {"form": form, "unit": unit, "title": _("Chuyển đơn vị")})


def _restructure(request, unit: Unit, form, *, title: str, operation, done_message: str, target_field: str):
    """Choose → preview with counts → confirm. The preview is the same POST without `confirm`;
    the confirmed POST runs the service (one transaction) or shows its errors by the fields."""
    preview = None
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data[target_field]
        if request.POST.get("confirm"):
            try:
                operation(
                    request.user, unit, target, reason=form.cleaned_data["reason"], roles=form.cleaned_data["roles"]
                )
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(request, done_message % {"a": unit.name, "b": target.name})
                return redirect("org:unit_detail", pk=target.pk)
        else:
            preview = services.restructure_preview(unit)
    context = {"form": form, "unit": unit, "title": title, "preview": preview}
    if preview is not None:
        context["target"] = form.cleaned_data[target_field]
    return render(request, "org/unit_restructure.html", context)


@login_required
def unit_merge(request, pk: int):
    unit = get_for_user(request.user, Unit, pk, perm="org.restructure_unit")
    if unit.kind.is_federation and not request.user.has_perm("org.dissolve_unit", unit):
        raise Http404  # merging a federation ends it: the upper standing committee's decision
    targets = _targets(request.user, unit).filter(
        kind__is_grassroots=unit.kind.is_grassroots, kind__is_group=unit.kind.is_group
    )
    if unit.kind.is_federation:  # a province into a province; into the level above is "Giải thể"
        targets = targets.filter(kind__level=unit.kind.level)
    form = MergeUnitForm(request.POST or None, targets=targets.select_related("kind"))
    return _restructure(
        request,
        unit,
        form,
        title=_("Sáp nhập đơn vị"),
        operation=services.merge_units,
        done_message=_("Đã sáp nhập “%(a)s” vào “%(b)s”."),
        target_field="survivor",
    )


@login_required
def unit_dissolve(request, pk: int):
    """Giải thể (2025 reform: district federations): the successor takes its units and open work."""
    unit = get_for_user(request.user, Unit, pk, perm="org.dissolve_unit")
    if not unit.kind.is_federation or not unit.is_active:
        raise Http404
    # Federations above the unit's children: the unit's own parent first (the usual successor).
    targets = (
        _targets(request.user, unit)
        .filter(kind__is_grassroots=False, kind__is_group=False)
        .select_related("kind")
        .order_by("path")
    )
    form = DissolveUnitForm(request.POST or None, targets=targets, initial={"successor": unit.parent_id})
    return _restructure(
        request,
        unit,
        form,
        title=_("Giải thể đơn vị"),
        operation=services.dissolve_unit,
        done_message=_("Đã giải thể “%(a)s”; “%(b)s” tiếp nhận các đơn vị trực thuộc và công việc đang mở."),
        target_field="successor",
    )


@login_required
def unit_transition(request, pk: int, action: str):
    unit = get_for_user(request.user, Unit, pk, perm="org.restructure_unit")
    form = ReasonForm(request.POST or None)
    titles = {"deactivate": _("Ngừng hoạt động"), "reactivate": _("Hoạt động trở lại")}
    if action not in titles:
        raise Http404
    if request.method == "POST" and form.is_valid():
        operation = services.deactivate_unit if action == "deactivate" else services.reactivate_unit
        try:
            operation(request.user, unit, reason=form.cleaned_data["reason"])
        except (ValidationError, services.TransitionNotAllowed) as error:
            form_error(form, ValidationError(str(error)) if not isinstance(error, ValidationError) else error)
        else:
            messages.success(request, _("Đã cập nhật trạng thái của “%(name)s”.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_action.html", {"form": form, "unit": unit, "title": titles[action]})
