"""The report of a campaign's interim or final review (báo cáo sơ kết, tổng kết): a draft
written with the figures thidua holds — deployment coverage (campaigns.queries), registrations,
works and models (participation.queries), the initiatives of the campaign (initiatives.queries),
the result reports sent (reports.queries) — for the officer to edit, then laid out as an
official document (Nghị định 30/2020) for documents.rendering to print as DOCX or PDF.

Apps above reports add their own lines to section II through `register_lines` (the awards'
figures: awards.figures.review_lines). A review that covers a stretch of the campaign (`CampaignReview.covers_from`/`covers_to`) counts
initiatives and report periods between those days, and says so; otherwise over the campaign.
"""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign
from thidua.campaigns.queries import coverage_total
from thidua.core.db import PATH_END
from thidua.core.text import date_line
from thidua.documents import legal
from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph, title_lines
from thidua.documents.services import profile_for
from thidua.initiatives.models import Initiative
from thidua.initiatives.queries import Counters, Filters
from thidua.initiatives.queries import counters as initiative_counters
from thidua.org.models import Unit
from thidua.participation.queries import progress_total
from thidua.reports import queries
from thidua.reports.models import CampaignReview, ReviewKind


def _n(value) -> str:
    return f"{value:,}".replace(",", ".")


def _pct(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# Higher apps add their part of section II (the awards' figures) from AppConfig.ready, so this
# module never imports them: provider(campaign, unit, start, end) -> bullet lines.
_LINE_PROVIDERS: list[Callable] = []


def register_lines(provider: Callable) -> None:
    if provider not in _LINE_PROVIDERS:
        _LINE_PROVIDERS.append(provider)


def _embedded(title: str) -> str:
    """A plan's title as it reads inside a sentence: without its own closing "." (or ";", ":",
    ","), which doubled the sentence's ("…06/11/2023)., LĐLĐ quận báo cáo")."""
    return title.strip().rstrip(".;:, ").strip()


def draft_title(campaign: Campaign, kind: str) -> str:
    word = "Sơ kết" if kind == ReviewKind.INTERIM else "Tổng kết"
    return f"{word} {_embedded(campaign.movement_name or campaign.title)}"


def default_recipients(issuer: Unit) -> list[str]:
    """Nơi nhận of a fresh draft. A báo cáo has no "Kính gửi", so "Như trên" refers to nothing:
    it goes to the level above (its Ban Thường vụ, as a CĐCS's tờ trình is addressed in
    awards.documents; a Ban Chấp hành where that level is itself a CĐCS) and to the file copy,
    the "Lưu: VT." of every paper. A unit with no level above keeps only the file copy."""
    parent = issuer.parent
    with translation.override("vi"):  # the paper's words, whatever the officer reads the site in
        lines = []
        if parent is not None:
            committee = _("Ban Chấp hành") if parent.kind.is_grassroots else _("Ban Thường vụ")
            lines.append(_("%(committee)s %(unit)s;") % {"committee": committee, "unit": parent.name})
        return [*lines, _("Lưu: VT.")]


def draft_body(
    campaign: Campaign, unit: Unit, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> str:
    """The body, with every figure filled in; Vietnamese whatever the officer reads the site in.
    With `start` and `end` (the review covers a stretch of the campaign) initiatives and report
    periods are counted between those days; without them, over the campaign."""
    with translation.override("vi"):
        return _draft_body(campaign, unit, start, end)


def initiatives_between(unit: Unit, start: datetime.date, end: datetime.date) -> Counters:
    """The subtree's initiatives registered between the two days, and those first recognised
    between them (with the applied ones and their benefit) — as initiatives' own counters
    count them, by the day of registration and of first recognition (one query)."""
    registered = Q(submitted_on__gte=start, submitted_on__lte=end)
    recognised = Q(recognised_on__gte=start, recognised_on__lte=end)
    row = Initiative.objects.filter(unit_path__gte=unit.path, unit_path__lt=unit.path + PATH_END).aggregate(
        registered=Count("id", filter=registered),
        recognised=Count("id", filter=recognised),
        applied=Count("id", filter=recognised & Q(applied_since__isnull=False)),
        benefit=Sum("benefit_amount", filter=recognised),
    )
    return Counters(
        registered=row["registered"],
        recognised=row["recognised"],
        applied=row["applied"],
        benefit=Decimal(row["benefit"] or 0),
    )


def _draft_body(campaign: Campaign, unit: Unit, start, end) -> str:
    coverage = coverage_total(campaign, unit)
    progress = progress_total(campaign, unit)
    if start and end:
        initiatives = initiatives_between(unit, start, end)
        initiatives_scope = _("từ ngày %(start)s đến ngày %(end)s, trong toàn đơn vị") % {
            "start": f"{start:%d/%m/%Y}",
            "end": f"{end:%d/%m/%Y}",
        }
    else:
        # The initiatives linked to the campaign in the unit's subtree (one query over the tallies).
        initiatives = initiative_counters(unit, Filters(campaign_id=campaign.pk))
        initiatives_scope = _("gắn với kế hoạch")
    number = f" số {campaign.number}" if campaign.number else ""
    if campaign.number and campaign.plan_date:
        number += f" ngày {campaign.plan_date:%d/%m/%Y}"
    lines = [
        _("Thực hiện Kế hoạch%(number)s của %(issuer)s về %(title)s, %(unit)s báo cáo kết quả như sau:")
        % {"number": number, "issuer": campaign.issuer.name, "title": _embedded(campaign.title), "unit": unit.name},
        _("I. CÔNG TÁC TRIỂN KHAI"),
        _(
            "- Kế hoạch được triển khai đến %(targets)s đơn vị; %(ack)s đơn vị đã xác nhận (%(ack_pct)s%%), "
            "%(launched)s đơn vị đã phát động (%(launched_pct)s%%)."
        )
        % {
            "targets": _n(coverage.targets),
            "ack": _n(coverage.acknowledged),
            "ack_pct": _pct(coverage.acknowledged_pct),
            "launched": _n(coverage.launched),
            "launched_pct": _pct(coverage.launched_pct),
        },
        _(
            "- Số đoàn viên được phổ biến: %(reached)s/%(members)s (%(pct)s%%); %(plans)s đơn vị ban hành kế hoạch riêng."
        )
        % {
            "reached": _n(coverage.members_reached),
            "members": _n(coverage.members),
            "pct": _pct(coverage.reached_pct),
            "plans": _n(coverage.own_plans),
        },
        _("II. KẾT QUẢ THỰC HIỆN"),
        _("- %(registered)s/%(targets)s công đoàn cơ sở đăng ký thi đua (%(pct)s%%).")
        % {
            "registered": _n(progress.registered),
            "targets": _n(progress.targets),
            "pct": _pct(progress.registered_pct),
        },
        _(
            "- %(works)s công trình, phần việc được đăng ký; %(completed)s hoàn thành, %(inaugurated)s khánh thành; "
            "%(articles)s tin bài, %(photos)s hình ảnh."
        )
        % {
            "works": _n(progress.works),
            "completed": _n(progress.completed),
            "inaugurated": _n(progress.inaugurated),
            "articles": _n(progress.articles),
            "photos": _n(progress.photos),
        },
        _("- %(units)s công đoàn cơ sở có mô hình (%(pct)s%%).")
        % {"units": _n(progress.with_models), "pct": _pct(progress.with_models_pct)},
        _(
            "- Sáng kiến (%(scope)s): đăng ký %(registered)s, được công nhận %(recognised)s, "
            "áp dụng %(applied)s, làm lợi %(benefit)s đồng."
        )
        % {
            "scope": initiatives_scope,
            "registered": _n(initiatives.registered),
            "recognised": _n(initiatives.recognised),
            "applied": _n(initiatives.applied),
            "benefit": initiatives.benefit_text,
        },
    ]
    for provider in _LINE_PROVIDERS:
        lines += provider(campaign, unit, start, end)
    today = timezone.localdate()
    for form in campaign.report_forms.all():
        periods = form.periods.all()
        if start and end:  # the periods that overlap the stretch reviewed
            periods = periods.filter(starts_on__lte=end, ends_on__gte=start)
        for period in periods:
            board, _children = queries.board_by_child(period, unit, today)
            lines.append(
                _("- Báo cáo “%(form)s”: %(sent)s/%(total)s đơn vị đã nộp (%(pct)s%%), %(late)s nộp muộn.")
                % {
                    "form": form.title,
                    "sent": _n(board.sent),
                    "total": _n(board.total),
                    "pct": _pct(board.sent_pct),
                    "late": _n(board.late),
                }
            )
    lines += [
        _("III. ĐÁNH GIÁ CHUNG"),
        _("- Ưu điểm: …"),
        _("- Hạn chế, nguyên nhân: …"),
        _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
        _("- …"),
    ]
    return "\n".join(lines)


_ASSESSMENT = re.compile(r"^\s*III\.\s", re.MULTILINE)


def with_fresh_figures(body: str, fresh: str) -> str:
    """The draft `body` with its figures (the opening line, parts I and II: everything before
    "III. ĐÁNH GIÁ CHUNG") replaced by those of `fresh`, and the officer's own parts from "III."
    on kept as written. A body without a part III keeps all its text below the new figures."""
    fresh_cut = _ASSESSMENT.search(fresh)
    figures = fresh[: fresh_cut.start()] if fresh_cut else fresh
    cut = _ASSESSMENT.search(body)
    rest = body[cut.start() :] if cut else body
    return figures.rstrip("\n") + "\n" + rest.lstrip("\n")


_ROMAN_HEADING = re.compile(r"^[IVX]+\.\s")


def _blocks(text: str) -> list:
    """The officer's text as document blocks: "I. …" a part heading, "- …" a bullet."""
    blocks: list = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _ROMAN_HEADING.match(line):
            blocks.append(Heading(1, line.upper()))
        elif line[:2] in {"- ", "+ ", "• "}:
            blocks.append(Bullet(line[2:].strip()))
        else:
            blocks.append(Paragraph(line))
    return blocks


def require_basis(review: CampaignReview) -> None:
    """Refuse issuing a review dated before the plan it reports on, a tổng kết dated before
    the campaign ends (its figures would count what happened after its own day: the awards of
    20/10/2023 in a report of 01/09/2023; a sơ kết is made within the campaign, so may be), or
    one whose text names a document of the legal table signed after its day (documents.legal:
    a paper never cites a later document)."""
    if review.issued_on is None:
        return
    day = f"{review.issued_on:%d/%m/%Y}"
    plan_date = review.campaign.plan_date
    if plan_date and plan_date > review.issued_on:
        raise ValidationError(
            {
                "issued_on": _("Ngày báo cáo %(day)s trước ngày của kế hoạch được báo cáo (%(plan)s).")
                % {"day": day, "plan": f"{plan_date:%d/%m/%Y}"}
            }
        )
    ends_on = review.campaign.ends_on
    if review.kind == ReviewKind.FINAL and ends_on and ends_on > review.issued_on:
        raise ValidationError(
            {
                "issued_on": _(
                    "Báo cáo tổng kết ngày %(day)s trước khi đợt thi đua kết thúc (%(end)s): hãy đề ngày từ "
                    "%(end)s trở đi, hoặc soạn báo cáo sơ kết."
                )
                % {"day": day, "end": f"{ends_on:%d/%m/%Y}"}
            }
        )
    legal.refuse_later_documents(review.body, review.issued_on, field="body")


def build(review: CampaignReview) -> OfficialDocument:
    with translation.override("vi"):
        profile = profile_for(review.issuer, issued=review.register_entry)  # as issued
        place = review.place or profile.place
        return OfficialDocument(
            superior_line=profile.superior_line,
            body_line=profile.body_line,
            number_line=review.register_entry.number_line
            if review.register_entry_id
            else f"Số:      /BC-{profile.symbol_suffix}",
            date_line=date_line(place, review.issued_on) if review.issued_on else f"{place}, ngày     tháng     năm",
            type_name="BÁO CÁO",
            summary=[line for line in review.title.splitlines() if line.strip()],
            body=_blocks(review.body),
            recipients=[line.strip() for line in review.recipients.splitlines() if line.strip()],
            signer_lines=title_lines(review.signer_title),
            signer_name=review.signer_name,
        )
