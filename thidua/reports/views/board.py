"""A period's status board — every unit that must report, on time, late, missing or returned —
and the roll-up of its indicators, both drilled down the tree with `?don-vi=` and exported."""

import html

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user, require
from thidua.org.exports import xlsx_response
from thidua.org.models import Unit
from thidua.org.queries import breadcrumbs
from thidua.reports import charts, queries, reminders
from thidua.reports.models import ReportPeriod, Submission, number_text
from thidua.reports.views import picker

STATE_LABELS = {
    "on_time": gettext_lazy("Đúng hạn"),
    "late": gettext_lazy("Nộp muộn"),
    "returned": gettext_lazy("Bị trả lại"),
    "missing": gettext_lazy("Chưa nộp, quá hạn"),
    "waiting": gettext_lazy("Chưa nộp, chưa đến hạn"),
}
STATE_COLOURS = {
    "on_time": "success",
    "late": "warning",
    "returned": "info",
    "missing": "danger",
    "waiting": "secondary",
}


def _period_and_unit(request, pk: int) -> tuple[ReportPeriod, Unit]:
    require(request.user, "reports.view_board")
    period = get_for_user(request.user, ReportPeriod, pk, related=("form", "form__issuer"))
    if request.GET.get("don-vi"):
        return period, get_for_user(request.user, Unit, request.GET["don-vi"])
    role = request.user.acting_role
    return period, role.unit if role is not None else period.form.issuer


def board_chart(children, title: str):
    labels = {k: str(STATE_LABELS[k]) for k in queries.STATES}  # translated once, not once a bar
    rows = [(child.name, [(k, getattr(b, k), labels[k]) for k in queries.STATES]) for child, b in children]
    return charts.stacked_bars(rows, title=title) if rows else ""


def _state(request) -> str:
    state = request.GET.get("tinh-trang", "")
    return state if state in STATE_LABELS else ""


# The board's two tables are built here, one string per row, rather than by the template: a
# district's board is a page of 50 units and a row per ward or CĐCS below it, and the ten
# template variables, filters and `{% url %}` of each row were two thirds of the page's CPU
# (BENCHMARKS.md, issue 18, "Status board"). The rows read exactly as the template wrote them.
# Every text is escaped as in charts.py; `html.escape` is what django's `escape` does, without
# its lazy-string wrapper (a few µs a call, two calls a row). Counts and ids are ints.
_ROW_FIELDS = ("pk", "unit__name", "unit__parent__name", "state", "first_submitted_at", "submitted_at", "version")


def _children_rows(children) -> SafeString:
    l_unit, l_total, l_on, l_late, l_ret, l_miss = (
        html.escape(label)
        for label in (_("Đơn vị"), _("Phải nộp"), _("Đúng hạn"), _("Muộn"), _("Trả lại"), _("Chưa nộp"))
    )
    out = []
    for child, b in children:
        name = html.escape(child.name)
        cell = name if child.kind.is_grassroots else f'<a href="?don-vi={child.pk}">{name}</a>'
        out.append(
            f'\n  <tr><td data-label="{l_unit}">{cell}</td>\n    <td class="text-end" data-label="{l_total}">{b.total}</td>'
            f'<td class="text-end" data-label="{l_on}">{b.on_time}</td><td class="text-end" data-label="{l_late}">{b.late}</td>'
            f'<td class="text-end" data-label="{l_ret}">{b.returned}</td>'
            f'<td class="text-end" data-label="{l_miss}">{b.missing + b.waiting}</td></tr>\n  '
        )
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _moment(value) -> str:
    """As the template's `|date:"d/m/Y H:i"`: local time, nothing when there is none."""
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _page_rows(page) -> SafeString:
    l_unit, l_parent, l_state, l_at = (
        html.escape(label) for label in (_("Đơn vị"), _("Cấp trên"), _("Tình trạng"), _("Nộp lần đầu"))
    )
    badges = {
        key: f'<span class="badge text-bg-{STATE_COLOURS[key]}">{html.escape(str(label))}</span>'
        for key, label in STATE_LABELS.items()
    }
    resent = _("nộp lại %(at)s (lần %(n)s)")  # the msgid of the template's blocktranslate
    marker = 987654321  # one reverse() for the page; each row's id takes the marker's place
    link = reverse("reports:submission", args=[marker]).replace(str(marker), "%d")
    out = []
    for pk, name, parent, state, first, last, version in page:
        again = ""
        if version > 1:
            again = (
                ' <span class="badge text-bg-light border" data-testid="resent">'
                f"{resent % {'at': _moment(last), 'n': version}}</span>"
            )
        out.append(
            f'\n  <tr><td data-label="{l_unit}"><a href="{link % pk}">{html.escape(name)}</a></td>'
            f'<td data-label="{l_parent}">{html.escape(parent or "")}</td>\n'
            f'    <td data-label="{l_state}">{badges[state]}</td>\n'
            f'    <td data-label="{l_at}">{_moment(first)}{again}</td></tr>\n  '
        )
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


@login_required
def board(request, pk: int):
    period, unit = _period_and_unit(request, pk)
    periods = picker.for_period(period, "reports:board", unit)
    if jump := periods.jump(request):
        return jump
    today = timezone.localdate()
    state = _state(request)
    total, children = queries.board_by_child(period, unit, today)
    rows = queries.board_rows(period, unit, today, state).values_list(*_ROW_FIELDS)
    page = Paginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("trang"))
    overdue = queries.is_overdue(period, today)
    states = [
        (key, label, STATE_COLOURS[key], getattr(total, key))
        for key, label in STATE_LABELS.items()
        if not (overdue and key == "waiting") and not (not overdue and key == "missing")
    ]
    return render(
        request,
        "reports/board.html",
        {
            "period": period,
            "unit": unit,
            "crumbs": breadcrumbs(request.user, unit),
            "total": total,
            "children": children,
            "children_rows": _children_rows(children),
            "page": page,
            "page_rows": _page_rows(page),
            "state": state,
            "state_label": STATE_LABELS.get(state, ""),
            "states": states,
            "overdue": overdue,
            "chart": board_chart(children[:30], _("Tình hình nộp báo cáo theo đơn vị trực thuộc")),
            "picker": periods,
            "can_remind": overdue and request.user.has_perm("reports.remind", unit),
            "late_count": total.missing + total.returned if overdue else 0,
            "reminded_today": reminders.reminded_today(period, unit, today) if overdue else 0,
            "reminders": list(reminders.sent_for(period, unit)),
        },
    )


@login_required
@require_POST
def remind_late(request, pk: int):
    """ "Nhắc các đơn vị chưa nộp": the board's late units (of its unit, ?don-vi=) reminded now."""
    period, unit = _period_and_unit(request, pk)
    if not request.user.has_perm("reports.remind", unit):
        raise Http404
    try:
        n = reminders.remind_late_units(request.user, period, unit, timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if n:
            messages.success(
                request,
                ngettext(
                    "Đã nhắc %(n)s đơn vị chưa nộp; thư nhắc được gửi đến cán bộ và địa chỉ của đơn vị.",
                    "Đã nhắc %(n)s đơn vị chưa nộp; thư nhắc được gửi đến cán bộ và địa chỉ của đơn vị.",
                    n,
                )
                % {"n": n},
            )
        else:
            messages.info(request, _("Không còn đơn vị nào chưa nộp cần nhắc (đã nhắc hôm nay hoặc đã nộp đủ)."))
    return redirect(reverse("reports:board", args=[period.pk]) + f"?don-vi={unit.pk}#nhac-nop")


@login_required
def board_export(request, pk: int):
    period, unit = _period_and_unit(request, pk)
    rows = queries.board_rows(period, unit, timezone.localdate(), _state(request))
    headers = [
        _("STT"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Cấp trên"),
        _("Tình trạng"),
        _("Nộp lần đầu"),
        _("Nộp lần cuối"),
        _("Lần nộp"),
        _("Lý do trả lại"),
    ]

    def moment(value) -> str:
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""

    def lines():
        # On time or late is decided by the first sending; the last one says when it was resent.
        for n, s in enumerate(rows.iterator(chunk_size=2000), start=1):
            parent = s.unit.parent.name if s.unit.parent else ""
            label = str(STATE_LABELS[s.state])
            first, last = moment(s.first_submitted_at), moment(s.submitted_at)
            yield [n, s.unit.code, s.unit.name, parent, label, first, last, s.version or "", s.return_reason]

    widths = [6, 14, 40, 30, 22, 18, 18, 8, 40]
    return xlsx_response(
        f"tinh-hinh-nop-bao-cao-{period.pk}.xlsx", headers, lines(), widths, sheet=_("Tình hình nộp báo cáo")
    )


def _rollup_context(period: ReportPeriod, unit: Unit) -> dict:
    indicators = queries.rolled_indicators(period)
    whole, children = queries.rollup_by_child(period, unit, indicators)
    grassroots = [c.pk for c, _r in children if c.kind.is_grassroots]
    submissions = dict(Submission.objects.filter(period=period, unit_id__in=grassroots).values_list("unit_id", "pk"))

    def values(rollup):
        return [number_text(rollup.figures.get(i.pk, queries.Figure()).value(i.aggregation)) for i in indicators]

    def cells(rollup):
        """(label, shown value) per indicator: a share reads "87,5 %", so it is not taken for a count."""
        shown = []
        for indicator, value in zip(indicators, values(rollup), strict=True):
            is_share = indicator.aggregation == "share_yes" or indicator.kind == "percent"
            shown.append((indicator.label, f"{value} %" if value and is_share else value))
        return shown

    return {
        "indicators": indicators,
        "whole": (whole, values(whole), cells(whole)),
        "rows": [
            (child, rollup, values(rollup), submissions.get(child.pk), cells(rollup)) for child, rollup in children
        ],
    }


@login_required
def rollup(request, pk: int):
    period, unit = _period_and_unit(request, pk)
    periods = picker.for_period(period, "reports:rollup", unit)
    if jump := periods.jump(request):
        return jump
    context = {"period": period, "unit": unit, "crumbs": breadcrumbs(request.user, unit), "picker": periods}
    context |= _rollup_context(period, unit)
    return render(request, "reports/rollup.html", context)


@login_required
def rollup_export(request, pk: int):
    period, unit = _period_and_unit(request, pk)
    data = _rollup_context(period, unit)
    headers = [_("STT"), _("Đơn vị"), _("Số báo cáo đã nộp"), *[i.label for i in data["indicators"]]]

    def lines():
        for n, (child, rollup_row, values, _s, _cells) in enumerate(data["rows"], start=1):
            yield [n, child.name, rollup_row.reports, *values]
        whole, values, _cells = data["whole"]
        yield ["", _("Tổng cộng %(unit)s") % {"unit": unit.name}, whole.reports, *values]

    widths = [6, 40, 12, *[22] * len(data["indicators"])]
    return xlsx_response(f"tong-hop-bao-cao-{period.pk}.xlsx", headers, lines(), widths, sheet=_("Tổng hợp báo cáo"))
