"""The reward part: who may be commended, on which criteria, how many, with which dossier, by
which procedure and form, and by when the nominations are due.

Plans write it under "KHEN THƯỞNG" (sometimes inside "TỔ CHỨC THỰC HIỆN"): "Đối tượng",
"Tiêu chuẩn" split into "Tập thể" / "Cá nhân" (as sub-parts, bullets or labels), "Số lượng",
"Hồ sơ gồm: …" (bullets, or items separated by ";"), "Thời gian: … (có thông báo sau)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates
from .normalize import Line, capitalise, fold, strip_item
from .sections import Part, heading_of

_COLLECTIVE = re.compile(
    r"^(?:doi voi\s+)?(?:cac\s+)?(?:danh hieu\s+)?(?:khen thuong\s+)?(?:tieu chuan\s+)?(?:cho\s+)?tap the\b"
)
_INDIVIDUAL = re.compile(
    r"^(?:doi voi\s+)?(?:cac\s+)?(?:danh hieu\s+)?(?:khen thuong\s+)?(?:tieu chuan\s+)?(?:cho\s+)?ca nhan\b"
)
_CRITERIA = re.compile(r"\b(tieu chuan|tieu chi|dieu kien)\b")
_FORM_CONTEXT = re.compile(r"\b(hinh thuc|tang|trao|xet tang|de nghi)\b")
_LEAD_IN_TAIL = re.compile(
    r"[,;]?\s*(?:va\s+)?(?:phai\s+)?(?:dat|dam bao|co)\s+(?:du\s+)?(?:cac|nhung)\s+(?:tieu chuan|tieu chi|dieu kien)\s*(?:sau|nhu sau|cu the)?\s*[:.]?\s*$"
)
_FORMS = re.compile(
    r"\b(giay khen|bang khen|co thi dua|ky niem chuong|huan chuong|huy chuong|bang lao dong sang tao|"
    r"danh hieu|chien si thi dua|lao dong tien tien|tap the lao dong (?:xuat sac|tien tien))\b"
)
_FORM_OWNER = re.compile(r"^\s+(?:cua|do)\s+")
_FORM_STOP = re.compile(r"[,;.:(]|\s(?:cho|va|doi voi|ve|nam|trong|tang|de|theo|hoac|gom|kem)\s")
# "đạt danh hiệu “Lao động tiên tiến”": a title the nominee must already hold, a criterion.
_HELD_TITLE = re.compile(r"\b(?:dat|dat cac|duoc cong nhan|giu vung|co)\s*$")
_TOPIC = re.compile(r"^(hinh thuc|ho so|so luong|thoi gian|thu tuc|thoi han)\b")
_LIST_AFTER = re.compile(r"\bgom\b[^:]{0,30}:\s*(?=\S)")


@dataclass
class RewardPart:
    targets: str = ""
    collective: list[str] = field(default_factory=list)
    individual: list[str] = field(default_factory=list)
    quota: str = ""
    dossier: list[str] = field(default_factory=list)
    procedure: str = ""
    forms: list[str] = field(default_factory=list)
    due: object = None
    due_text: str = ""
    evidence: dict[str, str] = field(default_factory=dict)


def read_reward(body: list[Line], parts: list[Part], end: int, default_year: int | None) -> RewardPart:
    reward = RewardPart()
    reward_parts = [p for p in parts if p.section.part == "reward"]
    reward_lines = sorted({i for p in reward_parts for i in range(p.line, p.last)})
    scope = reward_lines or list(range(end))
    for part in reward_parts:
        folded = part.folded or fold(part.section.heading)
        text = _part_text(body, part)
        if "doi tuong" in folded and not reward.targets:
            reward.targets = text
            reward.evidence["reward_targets"] = text
        elif "so luong" in folded and not reward.quota and "ho so" not in folded:
            reward.quota = text.strip("() .").strip()
            reward.evidence["quota"] = text
        elif ("thoi gian" in folded and "ho so" not in folded) or folded.startswith("thoi han"):
            _read_due(reward, text, default_year)
    _read_criteria(reward, body, parts, end)
    _read_dossier(reward, body, parts, end)
    _read_procedure(reward, body, scope)
    _read_forms(reward, body, scope)
    return reward


def _part_text(body: list[Line], part: Part) -> str:
    following = part.children[0].line if part.children else part.last
    pieces = [part.label_text] if part.label_text else []
    pieces += [body[i].text for i in range(part.line + 1, following) if not heading_of(body[i])]
    return " ".join(pieces).strip()


def _read_due(reward: RewardPart, text: str, default_year: int | None) -> None:
    dates = find_dates(text, default_year=default_year)
    if dates:
        reward.due = dates[-1].date
        reward.evidence["nomination_due"] = text
    later = re.search(r"(co|se co|theo)\s+thong bao sau", fold(text))
    if later:
        reward.due_text = text[later.start() : later.end()]
        reward.evidence["nomination_due_text"] = text


def _items(body: list[Line], start: int, stop: int) -> list[str]:
    items = []
    for index in range(start, stop):
        line = body[index]
        if heading_of(line):
            continue
        item = strip_item(line.text)
        if item:
            items.append(item)
    return items


def _marker(line: Line) -> tuple[str, str] | None:
    """("collective" | "individual", lead-in text) for a line that opens one side of the criteria."""
    text = line.text
    label = re.match(r"^(?P<label>[^:]{2,60}?)\s*:\s*(?P<rest>.*)$", text)
    heading = heading_of(line)
    candidate = heading[0] if heading else (label.group("label") if label else text)
    rest = heading[3] if heading else (label.group("rest") if label else "")
    folded = fold(candidate).strip(" *.")
    if len(candidate.split()) > 8:
        return None
    if _COLLECTIVE.match(folded):
        return "collective", rest
    if _INDIVIDUAL.match(folded):
        return "individual", rest
    return None


def _lead_in(text: str) -> str:
    folded = fold(text)
    tail = _LEAD_IN_TAIL.search(folded)
    if tail:
        text = text[: tail.start()]
    return strip_item(text)


def _read_criteria(reward: RewardPart, body: list[Line], parts: list[Part], end: int) -> None:
    for part in parts:
        if not _CRITERIA.search(part.folded or fold(part.section.heading)):
            continue
        side = None
        inherited = _marker(body[part.line])
        if inherited:
            side = inherited[0]
        for index in range(part.line + 1, part.last):
            line = body[index]
            marker = _marker(line)
            if marker:
                side = marker[0]
                lead = _lead_in(marker[1]) if marker[1] else ""
                if lead:
                    _add(reward, side, capitalise(lead))
                continue
            if side is not None and not line.bullet and _TOPIC.match(line.folded):
                break  # "Hồ sơ gồm: …" under the criteria: the next topic of the reward part
            if heading_of(line) or side is None:
                continue
            item = strip_item(line.text)
            if item:
                _add(reward, side, item)
        if reward.collective or reward.individual:
            reward.evidence["collective_criteria"] = part.section.heading
            reward.evidence["individual_criteria"] = part.section.heading
            return
    # Without a numbered "Tiêu chuẩn" part: a plain "Tiêu chuẩn" line, then "Tập thể: …" and
    # "Cá nhân: …" lines, up to the next heading or the next topic (form, dossier, quota).
    reward_lines = [i for p in parts if p.section.part == "reward" for i in range(p.line, p.last)]
    scope = sorted(set(reward_lines)) or list(range(end))
    side = None
    opened = False
    for index in scope:
        line = body[index]
        folded = line.folded
        if _CRITERIA.match(folded) and len(line.text.split()) <= 8:
            opened, side = True, None
            continue
        if not opened:
            continue
        if heading_of(line) or re.match(r"^(hinh thuc|ho so|so luong|thoi gian|thu tuc)\b", folded):
            if side:
                break
            continue
        marker = _marker(line)
        if marker:
            side = marker[0]
            lead = _lead_in(marker[1]) if marker[1] else ""
            if lead:
                _add(reward, side, capitalise(lead))
        elif side:
            item = strip_item(line.text)
            if item:
                _add(reward, side, item)
    if reward.collective or reward.individual:
        reward.evidence["collective_criteria"] = reward.evidence["individual_criteria"] = "Tiêu chuẩn"


def _add(reward: RewardPart, side: str, item: str) -> None:
    (reward.collective if side == "collective" else reward.individual).append(item)


def _split_inline(text: str) -> list[str]:
    """ "Tờ trình …(kèm …); báo cáo thành tích …" → each document, ";" inside brackets kept."""
    items, depth, current = [], 0, []
    for ch in text:
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [capitalise(strip_item(item)) for item in items if strip_item(item)]


def _read_dossier(reward: RewardPart, body: list[Line], parts: list[Part], end: int) -> None:
    for part in parts:
        folded = part.folded or fold(part.section.heading)
        if "ho so" not in folded:
            continue
        following = part.children[0].line if part.children else part.last
        bullets = [body[i] for i in range(part.line + 1, following) if body[i].bullet]
        listed = [body[i] for i in range(part.line + 1, following) if _LIST_AFTER.search(body[i].folded)]
        if bullets:
            reward.dossier = [capitalise(strip_item(b.text)) for b in bullets if strip_item(b.text)]
        elif listed:
            # "Hồ sơ gồm: Tờ trình …; Báo cáo …; Biên bản …." and the sending on the next line
            reward.dossier = _split_inline(listed[0].text[_LIST_AFTER.search(listed[0].folded).end() :])
        else:
            text = _part_text(body, part)
            reward.dossier = _split_inline(text) if text else []
        if reward.dossier:
            reward.evidence["dossier"] = part.section.heading
            return
    # "* Hồ sơ đề nghị khen thưởng (…), gồm:" followed by bullets.
    for index in range(end):
        line = body[index]
        folded = line.folded
        if "ho so" not in folded[:60]:
            continue
        inline = _LIST_AFTER.search(folded)
        if "ho so" in folded[:20] and inline and not line.text.rstrip().endswith(":"):
            # "Hồ sơ gồm: Tờ trình của công đoàn cơ sở; Bản tóm tắt thành tích."
            reward.dossier = _split_inline(line.text[inline.end() :])
            reward.evidence["dossier"] = line.text
            return
        if not line.text.rstrip().endswith(":"):
            continue
        items = []
        for following in body[index + 1 : end]:
            if not following.bullet or (line.bullet and following.bullet == line.bullet):
                break
            items.append(capitalise(strip_item(following.text)))
        if items:
            reward.dossier = [i for i in items if i]
            reward.evidence["dossier"] = line.text
            return


def _read_procedure(reward: RewardPart, body: list[Line], scope: list[int]) -> None:
    for index in [*scope, *range(len(body))]:
        folded = body[index].folded
        if "thu tuc" not in folded and "quy trinh" not in folded:
            continue
        if re.search(r"thu tuc (?:khen thuong )?(?:don gian|rut gon)|quy trinh (?:don gian|rut gon)", folded):
            reward.procedure = "simplified"
            reward.evidence["procedure"] = body[index].text
            return
        if re.search(r"thu tuc (?:khen thuong )?(?:thong thuong|chung|thong le)", folded):
            reward.procedure = "standard"
            reward.evidence["procedure"] = body[index].text
            return


def _read_forms(reward: RewardPart, body: list[Line], scope: list[int]) -> None:
    """Forms named where the plan awards or proposes ("Hình thức: …", "tặng Giấy khen của …"),
    not titles a criterion asks for ("đạt danh hiệu Lao động tiên tiến trở lên")."""
    seen: list[str] = []
    for index in scope:
        line = body[index]
        if not _FORM_CONTEXT.search(line.folded) or _marker(line):
            continue
        covered = 0
        for match in _FORMS.finditer(line.folded):
            if match.start() < covered:
                continue
            end = match.end()
            if match.group(1) == "danh hieu":
                quoted = re.match(r"^\s*[“\"]([^”\"]{3,80})[”\"]", line.text[end:])
                if not quoted or _HELD_TITLE.search(line.folded[: match.start()]):
                    continue
                form = f"{line.text[match.start() : end]} “{quoted.group(1)}”"
            else:
                form = line.text[match.start() : end]
                owner = _FORM_OWNER.match(line.folded[end:])
                if owner:
                    stop = _FORM_STOP.search(line.folded, end + owner.end())
                    form = line.text[match.start() : stop.start() if stop else len(line.text)].strip()
            form = capitalise(form.strip())
            covered = match.start() + len(form)
            key = fold(form)
            if not any(key in known for known in seen):
                seen.append(key)
                reward.forms.append(form)
