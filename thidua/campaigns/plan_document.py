"""A campaign's plan as an official document (Nghị định 30/2020 layout), ready for
documents.rendering to turn into DOCX or PDF.

The officer writes each section's text as in Word (lines starting "- " are bullets; numbered
lines "1. …", "a) …" are ordinary paragraphs, as in the seeds). What the system holds as data —
the activities, the reward part, the responsibilities, the deadlines — is printed wherever the
officer's own words do not already say it, so nothing entered is lost and nothing is said twice:
into the section of its part (after the officer's text, its numbering continuing), or, where the
officer wrote no such section, into one of its own placed in the seeds' order (I Mục đích, yêu
cầu … IV Khen thưởng, V Tổ chức thực hiện).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, Procedure, SectionPart
from thidua.core.text import date_line
from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph, Run
from thidua.documents.services import profile_for

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_BULLET_MARKS = ("- ", "+ ", "• ", "* ")
# A line numbered at the part's first level ("3. Liên đoàn Lao động Quận."), not "1.1." nor "a)".
_TOP_NUMBER = re.compile(r"^(\d+)[.)]\s")
# Where a part of its own goes when the officer wrote none: before the first section of a later
# part, in the seeds' order. "Phần khác" has no place of its own and stays where it was written.
_RANK = {
    SectionPart.PURPOSE: 0,
    SectionPart.SUBJECTS: 1,
    SectionPart.CONTENT: 2,
    SectionPart.MEASURES: 3,
    SectionPart.WINDOW: 4,
    SectionPart.REWARD: 5,
    SectionPart.COVENANT: 6,
    SectionPart.ORGANISATION: 7,
}


def _text_blocks(text: str) -> list:
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in _BULLET_MARKS:
            blocks.append(Bullet(line[2:].strip()))
        else:
            blocks.append(Paragraph(line))
    return blocks


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•+* ").strip() for line in text.splitlines() if line.strip()]


def _next_number(text: str) -> int:
    """The number the next first-level item of a part takes after the officer's own text."""
    numbers = [int(m.group(1)) for line in text.splitlines() if (m := _TOP_NUMBER.match(line.strip()))]
    return max(numbers, default=0) + 1


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _says(written: str, text: str) -> bool:
    """Whether the officer's words already say each clause of `text` (its lines cut at ";"
    and ":", bullet marks and end punctuation aside): the seeds type their reward part and
    responsibilities both as text and as data, the data's lines sometimes joined."""
    clauses = [_normal(c).strip(" .;:,") for line in _lines(text) for c in re.split(r"[;:]", line)]
    return all(clause in written for clause in clauses if clause)


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


def _window_said(campaign: Campaign, written: str) -> bool:
    """Whether the plan's words (or its date line) already give the competition period: both
    its days named; a calendar year's period in a text that names "năm <year>" (seeds 001,
    004); a standing movement with no end that starts on the plan's own day (seed 003)."""
    start, end = campaign.starts_on, campaign.ends_on
    if start is None:
        return True
    if end is None and not campaign.end_condition and start == campaign.plan_date:
        return True
    whole_year = end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_year and start.year == end.year and f"năm {start.year}" in written:
        return True
    return _mentions(written, start) and (end is None or _mentions(written, end))


def _cites(intro: str, reference) -> bool:
    """Whether the opening text already names a document the plan implements: its number, or,
    for one without a number (a theme, a movement), its title or else its issuer."""
    said = reference.number or reference.title or reference.issuer
    return not said.strip() or _normal(said) in intro


def reference_line(reference) -> str:
    """ "Căn cứ Kế hoạch số 123/KH-LĐLĐ ngày 20/11/2026 của LĐLĐ Thành phố về …" as the seeds'
    opening text writes it; a quoted title (a theme, a movement's name) follows without "về"."""
    relation = reference.relation.strip() or _("Thực hiện")
    words = [relation[:1].upper() + relation[1:], reference.doc_kind.strip()]
    if reference.number:
        words.append(_("số %(number)s") % {"number": reference.number.strip()})
    if reference.issued_on:
        words.append(_("ngày %(day)s") % {"day": f"{reference.issued_on:%d/%m/%Y}"})
    if reference.issuer:
        words.append(_("của %(issuer)s") % {"issuer": reference.issuer.strip()})
    title = reference.title.strip().rstrip(" .;")
    if title:
        words.append(title if title[:1] in "“\"'" else _("về %(title)s") % {"title": title})
    return " ".join(w for w in words if w)


def _reference_blocks(campaign: Campaign) -> list:
    """The documents under "Văn bản căn cứ" that the opening text does not name, one line each
    ending ";" as in the seeds, the last "." when no opening text follows them."""
    intro = _normal(campaign.intro)
    lines = [reference_line(r) for r in campaign.references.all() if not _cites(intro, r)]
    if not lines:
        return []
    ends = [";"] * len(lines)
    if not campaign.intro.strip():
        ends[-1] = "."
    return [Paragraph(line + end) for line, end in zip(lines, ends, strict=True)]


def _item(label: str, text: str, *, listed: bool = False) -> list:
    """ "1. Đối tượng: …" on one line when the officer typed one line; else the label, then
    the lines (each a bullet when `listed`: a list typed without dashes)."""
    lines = _lines(text)
    if len(lines) == 1:
        return [Paragraph(f"{label}: {lines[0]}")]
    body = [Bullet(line) for line in lines] if listed else _text_blocks(text)
    return [Paragraph(f"{label}:"), *body]


def _criteria(label: str, text: str) -> list:
    """ "Tập thể: <its lead-in>" then each criterion as a bullet (seed 000's layout); a first
    line ending in ":" or "sau." is the lead-in, not a criterion."""
    lines = _lines(text)
    lead = ""
    if lines and re.search(r"(:|\bsau\.?)$", lines[0]):
        lead = lines.pop(0)
    head = Paragraph((Run(label, italic=True), Run(f": {lead}" if lead else ":")))
    return [head, *[Bullet(line) for line in lines]]


# One first-level item of a part, numbered when placed: given its number, its blocks.
Item = Callable[[int], list]
_REWARD_TEXT = (
    "targets",
    "general_criteria",
    "collective_criteria",
    "individual_criteria",
    "award_forms",
    "quota_rule",
    "dossier",
)


def _reward_items(campaign: Campaign, written: str) -> list[Item]:
    """The reward part's items (targets, criteria, award forms, then quota, dossier and
    deadline lettered a), b), c)) that the officer's text does not say."""
    reward = getattr(campaign, "reward", None)
    if reward is None:
        return []
    new = {f: getattr(reward, f) for f in _REWARD_TEXT if getattr(reward, f) and not _says(written, getattr(reward, f))}
    simplified = reward.procedure == Procedure.SIMPLIFIED and "thủ tục đơn giản" not in written
    day = f"{reward.nomination_due_on:%d/%m/%Y}" if reward.nomination_due_on else ""
    due = _("chậm nhất ngày %(day)s") % {"day": day} if day else reward.nomination_due_text
    due_new = bool(due) and not _says(written, day or due)
    items: list = []
    if "targets" in new:
        items.append(lambda n: _item(f"{n}. {_('Đối tượng')}", new["targets"]))
    if {"general_criteria", "collective_criteria", "individual_criteria"} & new.keys():

        def criteria(n):
            blocks = [Paragraph(f"{n}. {_('Tiêu chuẩn')}:")]
            blocks += _text_blocks(new.get("general_criteria", ""))
            if "collective_criteria" in new:
                blocks += _criteria(_("Tập thể"), new["collective_criteria"])
            if "individual_criteria" in new:
                blocks += _criteria(_("Cá nhân"), new["individual_criteria"])
            return blocks

        items.append(criteria)
    if "award_forms" in new:
        items.append(lambda n: _item(f"{n}. {_('Hình thức khen thưởng')}", new["award_forms"], listed=True))
    points: list = []
    if "quota_rule" in new:
        points.append((_("Số lượng"), new["quota_rule"], False))
    if "dossier" in new or simplified:
        label = _("Hồ sơ gồm (theo thủ tục đơn giản)") if simplified else _("Hồ sơ gồm")
        points.append((label, new.get("dossier") or _("theo thủ tục đơn giản"), True))
    if due_new:
        points.append((_("Thời gian gửi hồ sơ đề nghị khen thưởng"), due, False))
    if points:

        def tail(n):
            blocks = [Paragraph(f"{n}. {_('Số lượng, hồ sơ, thời gian đề nghị khen thưởng')}:")]
            for letter, (label, text, listed) in zip("abcdeg", points, strict=False):
                blocks += _item(f"{letter}) {label}", text, listed=listed)
            return blocks

        items.append(tail)
    return items


def _activity_items(campaign: Campaign, written: str) -> list[Item]:
    """The issuer's own activities the text does not name, as one item: its bullets."""
    # The unit that issued the plan, even after its campaign was handed to a successor.
    issuer = campaign.register_entry.unit if campaign.register_entry_id else campaign.issuer
    lines = []
    for activity in campaign.activities.all():
        if _says(written, activity.name):
            continue
        extra = [_("ngày %(day)s") % {"day": f"{activity.planned_on:%d/%m/%Y}"}] if activity.planned_on else []
        if activity.owner and activity.owner != issuer.name:
            extra.append(activity.owner)
        text = activity.name.rstrip(" .;") + (f" ({'; '.join(extra)})" if extra else "")
        lines.append(Bullet(text))
    if not lines:
        return []
    label = _("Các hoạt động của %(issuer)s") % {"issuer": issuer.name}
    return [lambda n: [Paragraph(f"{n}. {label}:"), *lines]]


def _responsibility_items(campaign: Campaign, written: str) -> list[Item]:
    """Each level's duties the text does not say: "1. Liên đoàn Lao động quận:" and its lines."""
    items = []
    for duty in campaign.responsibilities.all():
        if _says(written, duty.level) and _says(written, duty.body):
            continue
        level = duty.level.rstrip(" :.")
        items.append(lambda n, level=level, body=duty.body: [Paragraph(f"{n}. {level}:"), *_text_blocks(body)])
    return items


def _deadline_items(campaign: Campaign, written: str) -> list[Item]:
    """The deadlines the text does not name, as one item of the organisation part ("n. Các
    thời hạn:"): appended after the last part, they read as part of "Khen thưởng"."""
    missing = [d for d in campaign.deadlines.all() if not _mentions(written, d.due_on)]
    if not missing:
        return []
    lines = [
        Bullet(
            _("%(what)s: chậm nhất ngày %(date)s%(how)s.")
            % {"what": d.what, "date": f"{d.due_on:%d/%m/%Y}", "how": f" ({d.how})" if d.how else ""}
        )
        for d in missing
    ]
    return [lambda n: [Paragraph(f"{n}. {_('Các thời hạn')}:"), *lines]]


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


@dataclass
class _Part:
    """One Roman-numbered part of the printed plan."""

    kind: str
    heading: str
    blocks: list = field(default_factory=list)
    next_number: int = 1


def _place(parts: list[_Part], part: _Part) -> _Part:
    """Insert a part of its own before the first section of a later part, in the seeds' order."""
    later = [i for i, p in enumerate(parts) if _RANK.get(p.kind, -1) > _RANK[part.kind]]
    parts.insert(later[0] if later else len(parts), part)
    return part


def _parts(campaign: Campaign, written: str) -> list[_Part]:
    parts = []
    for section in campaign.sections.all():
        part = _Part(section.part, section.heading.upper(), _text_blocks(section.body), _next_number(section.body))
        if not part.blocks:
            if section.part == SectionPart.WINDOW:
                part.blocks = [Paragraph(window_text(campaign))]
            elif section.part == SectionPart.COVENANT:
                part.blocks = _covenant_blocks(campaign)
        parts.append(part)
    # The period stored on the campaign, in a part of its own (seed 000's "III. THỜI GIAN THI
    # ĐUA") when no section holds it and the words do not already give it.
    window = window_text(campaign)
    if (
        window
        and not any(p.kind == SectionPart.WINDOW for p in parts)
        and not _window_said(campaign, f"{_normal(campaign.title)} {written}")
    ):
        _place(parts, _Part(SectionPart.WINDOW, _("Thời gian thi đua").upper(), [Paragraph(window)]))
    data = [
        (SectionPart.CONTENT, _("Nội dung thi đua"), _activity_items(campaign, written)),
        (SectionPart.REWARD, _("Khen thưởng"), _reward_items(campaign, written)),
        (
            SectionPart.ORGANISATION,
            _("Tổ chức thực hiện"),
            _responsibility_items(campaign, written) + _deadline_items(campaign, written),
        ),
    ]
    for kind, heading, items in data:
        if not items:
            continue
        part = next((p for p in parts if p.kind == kind), None)
        if part is None:
            part = _place(parts, _Part(kind, heading.upper()))
        for item in items:
            part.blocks += item(part.next_number)
            part.next_number += 1
    return parts


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
    raw = "\n".join([campaign.intro, campaign.closing, *(f"{s.heading}\n{s.body}" for s in sections)])
    blocks: list = [*_reference_blocks(campaign), *_text_blocks(campaign.intro)]
    for n, part in enumerate(_parts(campaign, _normal(raw))):
        number = ROMAN[n] if n < len(ROMAN) else str(n + 1)
        blocks.append(Heading(1, f"{number}. {part.heading}"))
        blocks += part.blocks
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
