"""The numbered parts of a plan: "I. MỤC ĐÍCH, YÊU CẦU", "1. Đối với khối doanh nghiệp", "1.1.",
"a)", Markdown "##" headings and whole-line bold headings.

A numbered line is a heading when it reads as one: short, one sentence, not closed by ";"; or a
label before a colon ("1. Đối tượng: Công đoàn cơ sở…" is the heading "Đối tượng" with its
text). Long numbered paragraphs ("1. Thông qua các phong trào thi đua nhằm …") are body text.
The level follows the numbering (Roman 1, "1." 2, "1.1." and "a)" 3), not the Markdown marks,
which converters hand out inconsistently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .closing import is_position
from .dates import find_dates
from .header import is_authority_line
from .normalize import Line, fold
from .structure import Section

_ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6})\s*[.)/:\-–]\s*(?P<rest>\S.*)$")
_ARABIC = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/]\s*(?P<rest>[^\d\s].*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*[.)]\s+(?P<rest>\S.*)$")
# "PHẦN I. …", "Phần thứ hai: …", "Chương II –"
_NAMED_PART = re.compile(r"^(?:phan|chuong)\s+(?:[ivxl]+|\d+|thu (?:nhat|hai|ba|tu|nam|sau))\s*[.:\-–]\s*(?=\S)")
_VALID_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
# "… như:", "… sau:", "… là:" introduce a list, they do not name a part.
_INTRO_ENDINGS = (" nhu", " sau", " la", " cu the", " gom cac", " nhu sau", " bao gom cac")
_CLOSING = re.compile(r"^(noi nhan|kinh gui)\b")


@dataclass
class Part:
    """A heading and the lines under it (up to the next heading of any level)."""

    section: Section
    line: int  # index in the body of the heading line
    first: int  # first body line index (the heading's own line when it carries text after a colon)
    last: int  # one past the last line of the whole part, sub-parts included
    label_text: str = ""  # text after "Label:" on the heading line
    children: list[Part] = field(default_factory=list)
    rank: int = 0  # the numbering's rank: Roman 1, "1." 2, "1.1." and "a)" 3
    folded: str = ""  # fold(section.heading), matched on by the readers of each part


def _part_of(folded: str) -> str:
    if "muc dich" in folded or "yeu cau" in folded:
        return "purpose"
    if "giai phap" in folded or "bien phap" in folded:
        return "measures"
    if "khen thuong" in folded or "bieu duong" in folded:
        return "reward"
    if "to chuc thuc hien" in folded or "trach nhiem" in folded or "phan cong" in folded:
        return "organisation"
    if "thoi gian" in folded:
        return "window"
    if "doi tuong" in folded or "pham vi" in folded:
        return "subjects"
    if "noi dung" in folded or "chi tieu" in folded or "nhiem vu" in folded:
        return "content"
    return "other"


def _sector_of(folded: str) -> str:
    if "doanh nghiep" in folded or "san xuat kinh doanh" in folded:
        return "enterprise"
    if "truong hoc" in folded or "giao duc" in folded:
        return "school" if "hanh chinh" not in folded and "su nghiep" not in folded else "public_service"
    if "hanh chinh" in folded or "su nghiep" in folded or "co quan" in folded:
        return "public_service"
    return ""


def heading_of(line: Line) -> tuple[str, int, str, str] | None:
    """(heading, level, numbering, text after the label) when `line` is a heading."""
    found = _classify(line)
    return found[:4] if found and found[4] != "item" else None


def _classify(line: Line) -> tuple[str, int, str, str, str] | None:
    """heading_of's answer plus how sure it is: "strong" (Roman numeral, label, Markdown or bold
    mark), "weak" (a short numbered line), or "item" (a numbered paragraph of body text)."""
    if line.bullet:
        return None
    text = line.text
    named = _NAMED_PART.match(line.folded)
    if named:
        heading, label_text = _label(text[named.end() :], always=True)
        return heading, 1, text[: named.end()].strip(" .:-–"), label_text, "strong"
    roman = _ROMAN.match(text)
    if roman and _VALID_ROMAN.match(roman.group("num")):
        heading, label_text = _label(roman.group("rest"), always=True)
        return heading, 1, roman.group("num") + ".", label_text, "strong"
    for pattern, level_of in ((_ARABIC, lambda n: min(4, n.count(".") + 2)), (_LETTER, lambda n: 3)):
        match = pattern.match(text)
        if not match:
            continue
        number = match.group("num")
        marked = bool(line.hashes or line.bold)
        heading, label_text = _label(match.group("rest"), always=marked)
        suffix = ")" if text[len(number) :].lstrip().startswith(")") else "."
        if heading is None:
            return "", level_of(number), number + suffix, "", "item"
        rest = match.group("rest").rstrip()
        if rest.endswith(":") and not marked and not label_text and _introduces_a_list(rest):
            # "2. Các tổ gửi hồ sơ … trước ngày 20/11/2025, gồm:": a sentence that opens a list.
            return "", level_of(number), number + suffix, "", "item"
        strength = "strong" if marked or label_text or rest.endswith(":") else "weak"
        return heading, level_of(number), number + suffix, label_text, strength
    if is_authority_line(line) or _ENACTING.match(line.folded):
        # A decision's "BAN THƯỜNG VỤ LĐLĐ HUYỆN …" and "QUYẾT ĐỊNH:" introduce its articles.
        return None
    if _is_upper_heading(text) and not _CLOSING.match(line.folded):
        # Word's automatic numbering is lost in export: "MỤC ĐÍCH, YÊU CẦU" alone on its line.
        heading, label_text = _label(text, always=True)
        return heading, 1, "", label_text, "strong"
    if (line.hashes or line.bold) and len(text) <= 120 and not _CLOSING.match(line.folded):
        heading, label_text = _label(text, always=True)
        level = 1 if line.hashes and line.hashes <= 2 else 2
        return heading, level, "", label_text, "strong"
    return None


_ENACTING = re.compile(r"^(?:quyet dinh|quyet nghi|chi thi|ban hanh)\s*:\s*$")


def _introduces_a_list(rest: str) -> bool:
    """A numbered line ending in ":" that is a sentence: long, or carrying a date."""
    return len(rest.split()) > 14 or bool(find_dates(rest))


def _is_upper_heading(text: str) -> bool:
    if len(text) > 100 or text.endswith((";", ",")) or not 1 <= len(text.split()) <= 15:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= len(letters) * 0.9


def _label(rest: str, always: bool) -> tuple[str | None, str]:
    """The heading in `rest`: its label before ":" when text follows, or the whole short line."""
    colon = _LABEL_COLON.match(rest) if ":" in rest else None
    if colon:
        label = colon.group("label").strip()
        folded = fold(label)
        if len(label.split()) <= 16 and not folded.endswith(_INTRO_ENDINGS):
            return label.strip(" *"), colon.group("text").strip()
    cleaned = rest.strip().rstrip(":.").strip()
    if always:
        return cleaned, ""
    if len(rest) > 130 or len(rest.split()) > 24 or rest.rstrip().endswith((";", ",")):
        return None, ""
    if _SENTENCE_INSIDE.search(rest.rstrip(". ")):
        return None, ""
    return cleaned, ""


_LABEL_COLON = re.compile(r"^(?P<label>[^:;.]{2,90}?)\s*:\s*(?P<text>.*)$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[“\"(]?[A-ZĐÀ-Ỹ]")


def find_parts(body: list[Line]) -> tuple[list[Part], int]:
    """The parts of the body, flat in document order, and the index where the closing starts."""
    end = len(body)
    for index, line in enumerate(body):
        # A công văn opens with "Kính gửi: …"; only a late one is part of the closing.
        closing = _CLOSING.match(line.folded) and (line.folded.startswith("noi") or index > len(body) // 2)
        if closing or _is_signer_line(line):
            end = index
            break
    accepted = _accepted_headings(body, end)
    parts: list[Part] = []
    stack: list[Part] = []
    for index in range(end):
        found = accepted.get(index)
        if not found:
            continue
        heading, rank, numbering, label_text = found
        # The numbering's rank (Roman 1, "1." 2, "1.1." and "a)" 3) nests the parts; the level
        # reported is the depth in the tree: a plan numbered "1.", "a)" without Roman parts
        # starts at level 1.
        while stack and stack[-1].rank >= rank:
            stack.pop().last = index
        section = Section(heading=heading, level=len(stack) + 1, numbering=numbering)
        folded = fold(heading)
        part = Part(section, index, index if label_text else index + 1, end, label_text, rank=rank, folded=folded)
        if stack:
            stack[-1].children.append(part)
            section.part = stack[0].section.part
            section.target_sector = _sector_of(folded) or stack[-1].section.target_sector
        else:
            section.part = _part_of(folded)
            section.target_sector = _sector_of(folded)
        stack.append(part)
        parts.append(part)
    for index, part in enumerate(parts):
        following = parts[index + 1].line if index + 1 < len(parts) else end
        lines = []
        if part.label_text:
            lines.append(part.label_text)
        lines += [body[i].display for i in range(part.line + 1, following)]
        part.section.body = "\n".join(lines)
    return parts, end


def _accepted_headings(body: list[Line], end: int) -> dict[int, tuple[str, int, str, str]]:
    """Headings, with short numbered lines dropped when a sibling of theirs (same level, same
    parent) is a numbered paragraph: in "1. Tuyên truyền … (a long paragraph)", "2. Các hoạt
    động phải thiết thực." the second is an item of the same list, not a heading."""
    classified = {index: found for index in range(end) if (found := _classify(body[index]))}
    for index, found in list(classified.items()):
        # "1. Động viên nữ CBGVNV thi đua hoàn thành tốt nhiệm vụ." straight above the next
        # numbered line: a sentence of a list, not a part (a part has text under it).
        following = classified.get(index + 1)
        empty = index + 1 >= end or (following is not None and following[1] <= found[1])
        if found[4] == "weak" and empty and _SENTENCE_END.search(body[index].text):
            classified[index] = ("", found[1], found[2], "", "item")
    parent_of = {}
    # The open headings, levels (and so line indexes) increasing: a heading closes those of its
    # level and deeper; an item's parent is the last open heading above its level.
    open_levels: list[tuple[int, int]] = []
    for index, found in classified.items():
        level = found[1]
        depth = len(open_levels)
        while depth and open_levels[depth - 1][0] >= level:
            depth -= 1
        parent_of[index] = open_levels[depth - 1][1] if depth else -1
        if found[4] != "item":
            del open_levels[depth:]
            open_levels.append((level, index))
    lists_with_items = {(parent_of[i], found[1]) for i, found in classified.items() if found[4] == "item"}
    return {
        i: found[:4]
        for i, found in classified.items()
        if found[4] == "strong" or (found[4] == "weak" and (parent_of[i], found[1]) not in lists_with_items)
    }


_SIGNER_PREFIX = re.compile(
    r"^(?:(?:tm|t/m|kt|tl|tuq|q|ktm)\s*[./]\s*\S|\.\s*(?:ban |bch |btv |thuong truc|chu tich|pho chu tich|chanh van))"
)
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*$")


def _is_signer_line(line: Line) -> bool:
    if len(line.text) <= 40 and is_position(line.text, line.folded):
        return True
    if not _SIGNER_PREFIX.match(line.folded) or len(line.text) > 80:
        return False
    letters = [ch for ch in line.text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) >= len(letters) * 0.7
