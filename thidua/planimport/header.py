"""The letterhead and title of a plan (Nghị định 30/2020, Phụ lục I).

Top left: the superior body, the issuing body, "Số: 32/KH-LĐLĐ"; top right: the national motto
and the place-date line; then the type name (KẾ HOẠCH…) and the summary line(s). Exports mangle
this block: the two columns come one after the other (a Word table), side by side on one line
(a flattened table), or not at all (the table was dropped). Each is read here; when the
letterhead is missing, the issuer is taken from the body's "Ban Thường vụ LĐLĐ quận …" phrase.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .dates import find_dates
from .normalize import Line, clean_inline, fold

DOC_TYPES = {
    "ke hoach": "KẾ HOẠCH",
    "huong dan": "HƯỚNG DẪN",
    "quyet dinh": "QUYẾT ĐỊNH",
    "thong bao": "THÔNG BÁO",
    "bao cao": "BÁO CÁO",
    "chuong trinh": "CHƯƠNG TRÌNH",
    "to trinh": "TỜ TRÌNH",
    "cong van": "CÔNG VĂN",
    "chi thi": "CHỈ THỊ",
    "nghi quyet": "NGHỊ QUYẾT",
    "thong tri": "THÔNG TRI",
    "cong dien": "CÔNG ĐIỆN",
    "quy che": "QUY CHẾ",
    "quy dinh": "QUY ĐỊNH",
    "giay moi": "GIẤY MỜI",
    "bien ban": "BIÊN BẢN",
}
# Symbol abbreviations of Nghị định 30/2020, Phụ lục III, for a plan whose type line is lost.
SYMBOL_TYPES = {
    "kh": "KẾ HOẠCH",
    "hd": "HƯỚNG DẪN",
    "qd": "QUYẾT ĐỊNH",
    "tb": "THÔNG BÁO",
    "bc": "BÁO CÁO",
    "ctr": "CHƯƠNG TRÌNH",
    "ttr": "TỜ TRÌNH",
    "ct": "CHỈ THỊ",
    "nq": "NGHỊ QUYẾT",
    "tt": "THÔNG TRI",
    "cd": "CÔNG ĐIỆN",
    "qc": "QUY CHẾ",
    "gm": "GIẤY MỜI",
    "bb": "BIÊN BẢN",
}
_DOC_TYPE_LINE = re.compile(r"^({})(?:\s+lien tich)?\s*[:.]?$".format("|".join(DOC_TYPES)))
_MOTTO = re.compile(
    # a PDF copy may lose its short words: "CỘNG HÒA HỘI CHỦ NGHĨA…", "Độc lập – do – Hạnh phúc"
    r"cong hoa\s*(?:xa\s*)?hoi chu nghia viet nam|doc lap\s*[-–—]\s*(?:tu\s*)?(?:do\s*)?[-–—]?\s*hanh phuc"
    r"|dang cong san viet nam"
)
_RULE = re.compile(r"^[\s\-–—_*=~.•]+$")
_SYMBOL_PART = r"[A-Za-zĐđ0-9À-ỹ.&]+"
_NUMBER = re.compile(
    r"^\s*:?\s*(?P<num>\d+)?\s*(?:[.…_ ]*)(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?[/-]\s*"
    rf"(?P<sym>{_SYMBOL_PART}(?:\s*[-–/]\s*{_SYMBOL_PART})*)"
)
_SO = re.compile(r"(?:^|\s)so\s*:|^so\s+(?=[\d.…_]*\s*/)")
# "32/KH-LĐLĐ" alone, or ": 32/KH-LĐLĐ" when a PDF copy lost the word "Số".
_BARE_NUMBER = re.compile(
    r"^\s*:?\s*(?P<num>\d+)\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?(?P<sym>[A-ZĐ]{1,5}\s*[-–]\s*[A-ZĐ][A-ZĐa-zđ&]*)"
)
_PLACE_DATE = re.compile(r",\s*ngay\b")
# ", ngày 05 tháng năm 2024", ", ngày tháng 3 năm 2024": some parts printed, one missing.
# A draft leaves the day blank ("ngày    tháng 8 năm 2023"); a printed day with the month or the
# year missing is a damaged copy.
_PARTIAL_DATE = re.compile(r"^,\s*ngay\s*\d{1,2}\s*,?\s*thang\s*(?:\d{1,2}\s*)?,?\s*nam\b")
_VV = re.compile(r"^v\s*/\s*v\b\s*:?\s*")
LEVEL_WORDS = ("tinh", "thanh pho", "tp", "quan", "huyen", "thi xa", "xa", "phuong", "thi tran", "khu vuc")


@dataclass
class Header:
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    place: str | None = None
    date: object = None
    title: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    body_start: int = 0  # index of the first line after the title
    date_undetermined: bool = False  # a place-date line was found with its date left blank
    date_partial: bool = False  # … with some of day, month and year printed, not all


@dataclass
class _Fragment:
    text: str
    line: Line


def _fragments(lines: list[Line]) -> list[_Fragment]:
    """The letterhead's pieces: a flattened line is cut at the motto and at column gaps."""
    pieces: list[_Fragment] = []
    for line in lines:
        raw = line.raw.strip()
        for column in _columns(raw):
            column = clean_inline(column)  # "*Hoàng Liệt, ngày …*": emphasis off before the place is cut
            folded = fold(column)
            cuts = [0]
            for match in _MOTTO.finditer(folded):
                cuts += [match.start(), match.end()]
            # "BỘ TÀI CHÍNH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": a rule under a name and a
            # motto cut in two by a narrow cell end the name too.
            for match in _PIECE_NOISE.finditer(folded):
                cuts += [match.start(), match.end()]
            # "Số: 32/KH-LĐLĐ Long Biên, ngày 21…": the place-date line begins at its place.
            place = _place_start(column)
            if place and place > 0 and not _MOTTO.search(folded[place:]):
                cuts.append(place)
            # "… HUYỆN CẨM GIÀNG Số: 11/KH-LĐLĐ … V/v …": the number and the summary start pieces.
            cuts += [m.start(1) for m in _PIECE_START.finditer(folded) if m.start(1) > 0]
            cuts.append(len(column))
            for a, b in zip(sorted(cuts), sorted(cuts)[1:], strict=False):
                text = clean_inline(column[a:b]).strip(" -–")
                if text:
                    pieces.append(_Fragment(text, line))
    return pieces


_PIECE_NOISE = re.compile(r"(?<!\S)(?:[-–—_=]{3,}|cong hoa\s*(?:xa\s*)?hoi|chu nghia viet nam)(?!\S)")
_PIECE_START = re.compile(r"(?:^|\s)(so\s*:|v\s*/\s*v\s)")


def _columns(raw: str) -> list[str]:
    """A flattened letterhead line cut at its column gap (a tab or a run of spaces), except the
    blanks a draft leaves in "Số:      /KH-LĐLĐ" and "ngày      tháng 8 năm 2023"."""
    # "LĐLĐ TỈNH … | CỘNG HÒA …": a Word table flattened with bars between its cells.
    pieces = [p for p in re.split(r"\t+| {3,}|\s*(?<!\S)\|(?!\S)\s*", raw) if p.strip()] or [raw]
    merged: list[str] = []
    for piece in pieces:
        if merged and (
            fold(merged[-1]).rstrip().endswith((":", "ngay", "thang", "so"))
            or fold(piece).lstrip().startswith(("/", "thang", "nam "))
        ):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _place_start(text: str) -> int | None:
    """Where "Long Biên, ngày …" starts inside `text`: the capitalised words before ", ngày"."""
    folded = fold(text)
    match = _PLACE_DATE.search(folded)
    if not match:
        return None
    start = match.start()
    words = list(re.finditer(r"\S+", text[:start]))
    begin = start
    for word in reversed(words):
        token = word.group()
        if any(ch.isdigit() for ch in token) or "/" in token or ":" in token:
            break
        # A place is printed in title case; a word in capitals before it ("LĐLĐ", "THANH TRÌ")
        # is the letterhead's left column run into the line.
        letters = [ch for ch in token if ch.isalpha()]
        capitals = len(letters) >= 2 and all(ch.isupper() for ch in letters) and fold(token).strip(".") != "tp"
        if capitals and begin < start and not _all_upper(text[begin:start]):
            break
        if token[:1].isupper() or fold(token) in ("pho", "xa", "tran"):
            begin = word.start()
            continue
        break
    return begin if begin < start else None


def _is_doc_type(line: Line) -> str | None:
    folded = line.folded.strip(" .:*")
    match = _DOC_TYPE_LINE.match(folded)
    if not match:
        # "HOẠCH" alone in capitals: "KẾ HOẠCH" whose short first word a PDF copy lost.
        return "KẾ HOẠCH" if folded == "hoach" and line.text.strip(" .:*").isupper() else None
    letters = [ch for ch in line.text if ch.isalpha()]
    if line.hashes or line.bold or all(ch.isupper() for ch in letters) or len(line.text) <= 12:
        return DOC_TYPES[match.group(1)]
    return None


_DOC_TYPE_PREFIX = re.compile(r"^({})\s+(?!lien tich\b)(?=\S)".format("|".join(DOC_TYPES)))


def _doc_type_with_title(line: Line) -> tuple[str, str] | None:
    """ "KẾ HOẠCH TỔ CHỨC THÁNG CÔNG NHÂN NĂM 2024": type and summary flattened onto one line."""
    match = _DOC_TYPE_PREFIX.match(line.folded)
    if not match or len(line.text) > 250:
        return None
    letters = [ch for ch in line.text if ch.isalpha()]
    rest = line.text[match.end() :].strip()
    # "Thông báo về việc khen thưởng …": a web post's title, the type in sentence case.
    about = line.folded[match.end() :].startswith(("ve viec ", "v/v "))
    if len(rest) < 8 or (sum(ch.isupper() for ch in letters) < len(letters) * 0.9 and not about):
        return None
    return DOC_TYPES[match.group(1)], rest


def read_header(lines: list[Line]) -> Header:
    header = Header()
    limit = min(len(lines), 40)
    type_index = None
    inline_title = None
    head_start = 0
    for index in range(limit):
        doc_type = _is_doc_type(lines[index])
        combined = None if doc_type else _doc_type_with_title(lines[index])
        if doc_type or combined:
            if type_index is not None:
                # The type line under the letterhead; the one above was the page's own title.
                head_start, inline_title = type_index + 1, None
            elif _letterhead_below(lines, index, limit):
                # "KẾ HOẠCH HOẠT ĐỘNG … NĂM HỌC 2020 - 2021" above "CÔNG ĐOÀN …", "Số: …",
                # "Ngọc Tố, ngày …" and "KẾ HOẠCH" again: a web page's title over the document.
                type_index = index
                continue
        if combined:
            doc_type, inline_title = combined
        if doc_type:
            type_index = index
            header.doc_type = doc_type
            header.evidence["doc_type"] = lines[index].display
            break
    else:
        type_index, head_start = None, 0
    # The letterhead ends at the type line; without one, at the first long paragraph.
    if type_index is not None:
        head_end = type_index
    else:
        head_end = next((i for i in range(limit) if len(lines[i].text) > 160), limit)
        head_end = min(head_end, 12)
    fragments = _fragments(lines[head_start:head_end])
    _read_number(header, fragments)
    _read_place_date(header, fragments if type_index is not None else _fragments(lines[: max(head_end, 12)]))
    _read_issuer_lines(header, fragments)
    _read_title(header, lines, type_index, head_end, inline_title)
    if header.doc_type is None and header.symbol:
        abbreviation = fold(re.split(r"[-/]", header.symbol)[0])
        if abbreviation in SYMBOL_TYPES:
            header.doc_type = SYMBOL_TYPES[abbreviation]
            header.evidence["doc_type"] = header.evidence.get("number", "")
    return header


def _letterhead_below(lines: list[Line], index: int, limit: int) -> bool:
    """A number line, the motto and a place-date line under line `index`, then another type line."""
    below = lines[index + 1 : min(limit, index + 16)]
    signs = [i for i, line in enumerate(below) if _SO.search(line.folded) or _MOTTO.search(line.folded)]
    dated = [i for i, line in enumerate(below) if _PLACE_DATE.search(line.folded)]
    if len(signs) < 2 or not dated:
        return False
    after = below[max(signs[-1], dated[-1]) + 1 :]
    return any(_is_doc_type(line) or _doc_type_with_title(line) for line in after)


def _read_number(header: Header, fragments: list[_Fragment]) -> None:
    for fragment in fragments:
        folded = fold(fragment.text)
        match = _SO.search(folded)
        rest = None
        if match:
            rest = fragment.text[match.end() :]
            number = _NUMBER.match(rest)
        else:
            number = _BARE_NUMBER.match(fragment.text)
        if not number:
            continue
        symbol = re.sub(r"\s+", "", number.group("sym")).replace("–", "-").strip(".-/")
        if not any(ch.isalpha() for ch in symbol):
            continue
        if "year" in number.groupdict() and number.group("year"):
            # "Số: 31/2020/QĐ-UBND": the year is part of the symbol; "31/QĐ-UBND" names no document.
            symbol = f"{number.group('year')}/{symbol}"
        header.number = number.group("num")
        header.symbol = symbol
        header.evidence["number"] = fragment.text
        header.evidence["symbol"] = fragment.text
        return


def _read_place_date(header: Header, fragments: list[_Fragment]) -> None:
    for index, fragment in enumerate(fragments):
        start = _place_start(fragment.text)
        if start is None:
            continue
        following = fragments[index + 1] if index + 1 < len(fragments) else None
        if following and _DATE_CUT.search(fold(fragment.text)) and _DATE_REST.match(fold(following.text)):
            fragment = _Fragment(f"{fragment.text} {following.text}", fragment.line)
        folded = fold(fragment.text)
        comma = _PLACE_DATE.search(folded, start)
        place = fragment.text[start : comma.start()].strip()
        header.place = place
        header.evidence["place"] = fragment.text[start:]
        after = fragment.text[comma.start() :]
        dates = find_dates(after)
        # The date is the one right after ", ngày"; a date further on belongs to something else
        # (on a flattened line, a referenced document's): "ngày 05 tháng năm 2024" is unknown.
        if dates and dates[0].start <= 2:
            header.date = dates[0].date
            header.evidence["date"] = fragment.text[start:]
        else:
            header.date_undetermined = True
            header.date_partial = bool(_PARTIAL_DATE.match(fold(after)))
            header.evidence["date"] = fragment.text[start:]
        return


# "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM": the motto's first line cut in two by a narrow cell.
_MOTTO_PART = re.compile(r"cong hoa(?:\s*(?:xa\s*)?hoi)?|(?:xa hoi )?chu nghia viet nam")
# "Hà Nội, ngày 15" / "tháng 11 năm 2013": the date line cut in two the same way.
_DATE_CUT = re.compile(r",\s*ngay\s*\d{1,2}\s*$|,\s*ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*$")
_DATE_REST = re.compile(r"^\s*(?:thang\s*\d{1,2}\s*)?nam\s*\d{4}|^\s*thang\s*\d{1,2}\s*nam\s*\d{4}")


def _is_letterhead_noise(fragment: _Fragment) -> bool:
    folded = fold(fragment.text)
    return bool(
        _MOTTO.fullmatch(folded.strip(" .-"))
        or _MOTTO_PART.fullmatch(folded.strip(" .-"))
        or _RULE.match(fragment.text)
        or _SO.search(folded)
        or _PLACE_DATE.search(folded)
        or _VV.match(folded)
        or "du thao" in folded
        or _BARE_NUMBER.match(fragment.text)
    )


def _read_issuer_lines(header: Header, fragments: list[_Fragment]) -> None:
    names: list[_Fragment] = []
    for fragment in (piece for whole in fragments for piece in _bodies(whole)):
        if _is_letterhead_noise(fragment):
            if names and (_SO.search(fold(fragment.text)) or _PLACE_DATE.search(fold(fragment.text))):
                break
            continue
        letters = [ch for ch in fragment.text if ch.isalpha()]
        # Issuer lines are printed in capitals; a mixed-case line up here is something else
        # (a stray title, a note), unless it is clearly a union body.
        if not letters or (
            sum(ch.isupper() for ch in letters) < len(letters) * 0.6 and not _looks_like_body(fragment.text)
        ):
            continue
        names.append(fragment)
    if not names:
        return
    groups: list[list[_Fragment]] = []
    for fragment in names:
        folded = fold(fragment.text)
        if groups and (folded.startswith(tuple(word + " " for word in LEVEL_WORDS)) or fragment.text[:1].islower()):
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
    texts = [" ".join(f.text for f in group) for group in groups]
    # "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NINH / BAN THƯỜNG VỤ": the organ that signs is not the
    # issuing body; the body is the line above it.
    if len(texts) > 1 and _ORGAN_ONLY.match(fold(texts[-1]).strip(" .")):
        texts = texts[:-1]
    evidence = " / ".join(f.text for f in names)
    for name, text in (("issuer", texts[-1]), ("issuer_parent", texts[-2] if len(texts) > 1 else None)):
        if text is None:
            continue
        if _DANGLING.search(text):
            # "PHÒNG &ĐT HUYỆN ĐÔNG ANH": a word of the name lost in the copy ("GD&ĐT").
            header.warnings.append(
                _("Tên cơ quan trong tiêu đề bị mất chữ (“%(printed)s”): cần nhập lại.") % {"printed": text[:80]}
            )
            continue
        if len(_UNION_HEAD.findall(fold(text))) > 1:
            # "… CÔNG ĐOÀN CĐ PHÒNG GIÁO DỤC HIỆP HÒA CĐ TRƯỜNG THCS …": names run together on a
            # flattened copy, where one ends is not known.
            header.warnings.append(
                _("Tên cơ quan trong tiêu đề lẫn nhiều tên (“%(printed)s”): cần nhập lại.") % {"printed": text[:80]}
            )
            continue
        setattr(header, name, text)
        header.evidence[name] = evidence


_UNION_HEAD = re.compile(r"(?<!\S)(?:cong doan|cd|cdcs|ldld|lien doan lao dong)(?!\S)")
_DANGLING = re.compile(r"(?:^|\s)&|&(?:\s|$)")


# Words that open a body's name, and the level words after which a name is complete: "LĐLĐ
# TỈNH HẢI DƯƠNG LĐLĐ HUYỆN CẨM GIÀNG", "UBND TỈNH NGHỆ AN SỞ NỘI VỤ" are two lines flattened.
_BODY_HEAD = re.compile(
    r"(?<!\S)(?:tong lien doan|lien doan lao dong|ldld|cong doan|cdcs|so|ubnd|uy ban nhan dan|phong|ban thi dua|"
    r"hoi dong|dang bo|dang uy|truong|ban chap hanh|ban thuong vu)(?!\S)"
)
_NAMED_LEVEL = re.compile(
    r"(?<!\S)(?:tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|thi tran|viet nam|nganh|khoi)(?!\S)"
)


def _bodies(fragment: _Fragment) -> list[_Fragment]:
    """A letterhead piece in capitals naming two bodies, cut between them: a new name starts at a
    body's head word once the piece so far holds a level word and a name after it."""
    text = fragment.text
    if len(text) < 20 or not _all_upper(text):
        return [fragment]
    folded = fold(text)
    cuts = [0]
    for head in _BODY_HEAD.finditer(folded):
        so_far = folded[cuts[-1] : head.start()]
        levels = list(_NAMED_LEVEL.finditer(so_far))
        level = levels[-1] if levels else None
        named = level and (level.group() == "viet nam" or so_far[level.end() :].strip())
        if named and not _BODY_HEAD.fullmatch(so_far[level.end() :].strip()):
            cuts.append(head.start())
    if len(cuts) == 1:
        return [fragment]
    cuts.append(len(text))
    return [_Fragment(text[a:b].strip(), fragment.line) for a, b in itertools.pairwise(cuts)]


_ORGAN_ONLY = re.compile(r"^(?:ban thuong vu|ban chap hanh|bch|btv|thuong truc|doan chu tich)$")


def _looks_like_body(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(("lien doan", "ldld", "cong doan", "tong lien doan", "ban chap hanh", "ban thuong vu"))


_TITLE_MAX = 320
_TITLE_STOP = re.compile(r"^(can cu|thuc hien|huong ung|tren co so|theo|kinh gui|noi nhan)\b")


def _read_title(
    header: Header, lines: list[Line], type_index: int | None, head_end: int, inline_title: str | None = None
) -> None:
    if type_index is None:
        # A công văn has no type line: its summary is the "V/v …" line under the number.
        for line in lines[: max(head_end, 12)]:
            match = _VV.match(line.folded)
            if match:
                header.doc_type = header.doc_type or "CÔNG VĂN"
                header.evidence.setdefault("doc_type", line.display)
                header.title = _summary(line.text[match.end() :])
                header.evidence["title"] = line.display
                header.body_start = _past_letterhead(lines, line.number + 1)
                return
        header.body_start = _first_body_line(lines, head_end)
        return
    index = type_index + 1
    parts: list[Line] = []
    if inline_title:
        typed = lines[type_index]
        parts.append(Line(inline_title, fold(inline_title), inline_title, typed.number, typed.hashes, typed.bold))
    while index < len(lines):
        line = lines[index]
        if _RULE.match(line.text) or "du thao" in line.folded[:20]:
            index += 1
            continue
        if not parts:
            parts.append(line)
            index += 1
            continue
        previous = parts[-1]
        if is_authority_line(line) or (_all_upper(line.text) and not all(_all_upper(p.text) for p in parts)):
            # "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN …" under a decision's summary: the organ
            # that decides, in capitals, is not the summary's last line.
            break
        short = len(line.text) <= 90 and len(" ".join(p.text for p in parts)) <= 160
        same_mark = line.hashes == previous.hashes and line.bold == previous.bold and (line.hashes or line.bold)
        if (
            (same_mark or short)
            and not _TITLE_STOP.match(line.folded)
            and not line.bullet
            and not re.match(r"^([ivx]+|\d+)[.)]\s", line.folded)
            and not line.text.endswith(":")
            and previous.text[-1:] not in ".;:"
            and (same_mark or not line.hashes)
        ):
            parts.append(line)
            index += 1
            continue
        break
    if parts:
        title = " ".join(p.text for p in parts).strip()
        match = _VV.match(fold(title))
        if match:
            title = title[match.end() :]
        # A summary runs a line or three; longer, it ran into the body on a flattened copy and
        # where it ends is a guess: left empty, the reviewer is warned it was not found.
        if len(title) <= _TITLE_MAX:
            header.title = title.rstrip(". |")
            header.evidence["title"] = " ".join(p.display for p in parts)
    header.body_start = index


def _summary(text: str) -> str:
    """A công văn's "V/v …" up to what follows it on a flattened line: the motto, the place-date
    line, "Kính gửi:"."""
    folded = fold(text)
    ends = [m.start() for m in (_MOTTO.search(folded), _KINH_GUI.search(folded)) if m]
    place = _place_start(text)
    if place:
        ends.append(place)
    return text[: min([*ends, len(text)])].strip().rstrip(". |")


_KINH_GUI = re.compile(r"\bkinh gui\b")


def _past_letterhead(lines: list[Line], start: int) -> int:
    """A công văn's "V/v …" may come before the right column (motto, place and date) when the
    letterhead's table is exported column by column: those lines are not its body."""
    index = start
    while index < len(lines) and index < start + 4:
        folded = lines[index].folded
        if not (_MOTTO.search(folded) or (_PLACE_DATE.search(folded) and len(folded) < 80) or _RULE.match(folded)):
            break
        index += 1
    return index


def _all_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


_AUTHORITY = re.compile(
    r"^(?:ban thuong vu|ban chap hanh|doan chu tich|thuong truc|chu tich|ban chap hanh cong doan)\b.{3,120}$"
)


def is_authority_line(line: Line) -> bool:
    """The decision's authority line in capitals: "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN THANH TRÌ",
    "CHỦ TỊCH CÔNG ĐOÀN TRƯỜNG …" (Nghị định 30/2020, Phụ lục I, mẫu 1.1–1.3)."""
    return bool(_AUTHORITY.match(line.folded.strip(" *"))) and _all_upper(line.text) and len(line.text.split()) >= 4


def _first_body_line(lines: list[Line], head_end: int) -> int:
    for line in lines[:head_end]:
        folded = fold(line.text)
        if _SO.search(folded) or _PLACE_DATE.search(folded) or _MOTTO.search(folded):
            continue
    return head_end if head_end < len(lines) else 0


# --------------------------------------------------------------------------- issuer from the body

_ORGAN = re.compile(r"\b(ban thuong vu|ban chap hanh|bch|btv|thuong truc)\s+(?=\S)")
_BODY_HEADS = ("lien doan lao dong", "ldld", "cong doan", "cd", "tong lien doan", "lien doan")


def issuer_from_body(lines: list[Line], place: str | None) -> tuple[str | None, str]:
    """The issuing body named as the subject of the plan ("Ban Thường vụ LĐLĐ quận Long Biên
    xây dựng kế hoạch…"); the body without its organ, the bare level ("LĐLĐ Quận") completed
    with the place of the date line. Returns (issuer, evidence)."""
    best: tuple[int, str, str] | None = None
    for line in lines:
        if _CLOSING_START.match(line.folded):
            break  # the stamp under the signature ("BCH LIÊN ĐOÀN Lao Động QUẬN …") is not the subject
        for match in _ORGAN.finditer(line.folded):
            name = _body_name(line.text, line.folded, match.end())
            if not name:
                continue
            score = len(name.split()) + (10 if _has_proper_name(name) else 0)
            sentence = line.text
            if best is None or score > best[0]:
                best = (score, name, sentence)
    if best is None:
        return None, ""
    name = best[1]
    if not _has_proper_name(name):
        # "LĐLĐ Quận" is completed with the date line's place; "Công đoàn" alone names no body
        # (a guess "Công đoàn Gia Lâm" would be wrong): left empty, the reviewer is warned.
        if fold(name.split()[-1]) in _NAME_LEVELS and place:
            name = f"{_lower_level(name)} {place}"
        elif fold(name.split()[-1]) not in _NAME_LEVELS:
            return None, ""
    return _lower_level(name), best[2]


_CLOSING_START = re.compile(r"^\W*(?:noi nhan\b|(?:tm|t/m|kt)\s*[./]\s*\S)")
_NAME_LEVELS = ("tinh", "quan", "huyen", "pho", "xa", "phuong", "tran", "tp", "tp.")


_LEVEL_TOKENS = ("tinh", "quan", "huyen", "tp", "tp.", "xa", "phuong", "thanh", "pho", "thi", "tran")
# Capitalised words that start the verb after the subject ("… LĐLĐ tỉnh Ban hành Kế hoạch").
_VERB_TOKENS = ("ban", "xay", "de", "chi", "huong", "to", "trien", "phat", "thuc", "ve", "va", "cua", "ke", "gui")


def _body_name(text: str, folded: str, start: int) -> str | None:
    rest_folded = folded[start:]
    head = next((h for h in _BODY_HEADS if rest_folded.startswith(h + " ") or rest_folded == h), None)
    if not head:
        return None
    end = start + len(head)
    taken_end = end
    for word in re.finditer(r"\S+", text[end:]):
        token = word.group()
        clean = token.strip(',.;:()“”"')
        folded_token = fold(clean)
        if not clean or folded_token in _VERB_TOKENS:
            break
        if folded_token not in _LEVEL_TOKENS and not clean[:1].isupper():
            break
        taken_end = end + word.start() + len(clean)
        if token != clean and token[len(clean) :][:1] in ",.;:()":
            break
    return text[start:taken_end].strip() or None


def _has_proper_name(name: str) -> bool:
    words = name.split()
    for index, word in enumerate(words):
        if fold(word) in ("tinh", "quan", "huyen", "tp", "xa", "phuong", "pho") and index + 1 < len(words):
            return words[index + 1][:1].isupper()
    return False


def _lower_level(name: str) -> str:
    """ "LĐLĐ Quận Long Biên" → "LĐLĐ quận Long Biên": the level word in lower case, as Nghị định 30 writes it."""
    return re.sub(
        r"\b(Tỉnh|Quận|Huyện|Thành phố|Thị xã|Xã|Phường|Thị trấn)\b",
        lambda m: m.group(1).lower(),
        name,
    )
