"""A campaign's plan as an official document (Nghị định 30/2020 layout), ready for
documents.rendering to turn into DOCX or PDF.

The officer writes each section's text as in Word (lines starting "- " are bullets). Parts the
system holds as data fill sections left empty: the window, the reward part, the
responsibilities; deadlines the text does not mention are listed so none is lost.
"""

import re

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, SectionPart
from thidua.core.text import date_line
from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph
from thidua.documents.services import profile_for

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_NUMBERED = re.compile(r"^(\d+(\.\d+)*\.?|[a-zđ]\))\s")


def _text_blocks(text: str) -> list:
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in {"- ", "+ ", "• ", "* "}:
            blocks.append(Bullet(line[2:].strip()))
        elif _NUMBERED.match(line) and len(line) < 160:
            blocks.append(Paragraph(line, bold=True))
        else:
            blocks.append(Paragraph(line))
    return blocks


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•+ ").strip() for line in text.splitlines() if line.strip()]


def window_text(campaign: Campaign) -> str:
    if campaign.starts_on and campaign.ends_on:
        return _("Thời gian thi đua: từ ngày %(start)s đến hết ngày %(end)s.") % {
            "start": f"{campaign.starts_on:%d/%m/%Y}",
            "end": f"{campaign.ends_on:%d/%m/%Y}",
        }
    if campaign.starts_on:
        tail = f" {campaign.end_condition}" if campaign.end_condition else ""
        return _("Thời gian thi đua: từ ngày %(start)s%(tail)s.") % {
            "start": f"{campaign.starts_on:%d/%m/%Y}",
            "tail": tail,
        }
    return ""


def _reward_blocks(campaign: Campaign) -> list:
    reward = getattr(campaign, "reward", None)
    if reward is None:
        return []
    blocks: list = []
    if reward.targets:
        blocks += [Paragraph(_("1. Đối tượng"), bold=True), *_text_blocks(reward.targets)]
    if reward.general_criteria or reward.collective_criteria or reward.individual_criteria:
        blocks.append(Paragraph(_("2. Tiêu chuẩn"), bold=True))
        blocks += _text_blocks(reward.general_criteria)
        if reward.collective_criteria:
            blocks += [Paragraph(_("Tập thể:"), italic=True), *[Bullet(c) for c in _lines(reward.collective_criteria)]]
        if reward.individual_criteria:
            blocks += [Paragraph(_("Cá nhân:"), italic=True), *[Bullet(c) for c in _lines(reward.individual_criteria)]]
    tail: list = []
    if reward.quota_rule:
        tail.append(Paragraph(_("a. Số lượng: %(rule)s") % {"rule": reward.quota_rule}))
    if reward.dossier:
        procedure = _(" (theo thủ tục đơn giản)") if reward.procedure == "simplified" else ""
        tail += [Paragraph(_("b. Hồ sơ gồm%(p)s:") % {"p": procedure}), *[Bullet(d) for d in _lines(reward.dossier)]]
    if reward.award_forms:
        tail += [Paragraph(_("Hình thức khen thưởng:")), *[Bullet(f) for f in _lines(reward.award_forms)]]
    due = f"{reward.nomination_due_on:%d/%m/%Y}" if reward.nomination_due_on else reward.nomination_due_text
    if due:
        tail.append(Paragraph(_("c. Thời gian gửi hồ sơ đề nghị khen thưởng: %(due)s.") % {"due": due}))
    if tail:
        blocks += [Paragraph(_("3. Số lượng, hồ sơ, thời gian đề nghị khen thưởng"), bold=True), *tail]
    return blocks


def _responsibility_blocks(campaign: Campaign) -> list:
    blocks: list = []
    for n, item in enumerate(campaign.responsibilities.all(), start=1):
        blocks += [Paragraph(f"{n}. {item.level}", bold=True), *_text_blocks(item.body)]
    return blocks


def _covenant_blocks(campaign: Campaign) -> list:
    """The covenants tied to the plan (participation.Covenant, through its related name, so
    this module needs no import of the app): title, cluster, and each target as a bullet."""
    covenants = getattr(campaign, "covenants", None)
    if covenants is None:
        return []
    blocks: list = []
    for covenant in covenants.select_related("cluster").order_by("-year", "title"):
        blocks.append(
            Paragraph(
                _("%(title)s (%(cluster)s, năm %(year)s).")
                % {"title": covenant.title, "cluster": covenant.cluster.name, "year": covenant.year}
            )
        )
        blocks += [Bullet(line) for line in covenant.target_lines()]
    return blocks


def _mentions(text: str, day) -> bool:
    """Whether the text names the day, as "05/9/2023", "5/9/2023" or "05/09/2023" — a whole
    date, so a deadline of 5/9 is not taken as written because the text says 15/9."""
    pattern = rf"(?<!\d)0?{day.day}/0?{day.month}/{day.year}(?!\d)"
    return re.search(pattern, text) is not None


def build(campaign: Campaign) -> OfficialDocument:
    # An official document is written in Vietnamese (Nghị định 30/2020) whatever language the
    # person printing it reads the site in: the words this module adds must not follow them.
    with translation.override("vi"):
        return _build(campaign)


def _build(campaign: Campaign) -> OfficialDocument:
    # An issued plan prints the letterhead it was issued under (its issuer may since have been
    # dissolved or merged, or its campaign handed over to a successor: core.succession).
    profile = profile_for(campaign.issuer, issued=campaign.register_entry)
    sections = list(campaign.sections.all())
    blocks: list = [*_text_blocks(campaign.intro)]
    written = campaign.intro + campaign.closing + "".join(s.body for s in sections)
    for n, section in enumerate(sections):
        number = ROMAN[n] if n < len(ROMAN) else str(n + 1)
        blocks.append(Heading(1, f"{number}. {section.heading.upper()}"))
        body = _text_blocks(section.body)
        if not body:
            if section.part == SectionPart.WINDOW:
                body = [Paragraph(window_text(campaign))]
            elif section.part == SectionPart.REWARD:
                body = _reward_blocks(campaign)
            elif section.part == SectionPart.ORGANISATION:
                body = _responsibility_blocks(campaign)
            elif section.part == SectionPart.COVENANT:
                body = _covenant_blocks(campaign)
        blocks += body
    missing = [d for d in campaign.deadlines.all() if not _mentions(written, d.due_on)]
    if missing:
        blocks.append(Paragraph(_("Các thời hạn:"), bold=True))
        blocks += [
            Bullet(
                _("%(what)s: chậm nhất ngày %(date)s%(how)s.")
                % {
                    "what": d.what,
                    "date": f"{d.due_on:%d/%m/%Y}",
                    "how": f" ({d.how})" if d.how else "",
                }
            )
            for d in missing
        ]
    blocks += _text_blocks(campaign.closing)
    place = campaign.place or profile.place
    return OfficialDocument(
        superior_line=profile.superior_line,
        body_line=profile.body_line,
        number_line=campaign.register_entry.number_line
        if campaign.register_entry_id
        else f"Số:      /KH-{profile.symbol_suffix}",
        date_line=date_line(place, campaign.plan_date) if campaign.plan_date else f"{place}, ngày     tháng     năm",
        type_name="KẾ HOẠCH",
        summary=[line for line in campaign.title.splitlines() if line.strip()],
        body=blocks,
        recipients=campaign.recipient_lines(),
        signer_lines=campaign.signer_lines(),
        signer_name=campaign.signer_name,
    )
