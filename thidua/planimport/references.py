"""The documents a plan rests on, read from its basis paragraph.

Nghị định 30/2020 writes a reference as "<kind> số <number>/<symbol> ngày <date> của <issuer>
về <title>", introduced by a relation: "Thực hiện", "Căn cứ", "Hưởng ứng", "Trên cơ sở"…
Several references share one relation ("Thực hiện Kế hoạch số 107-KH/QU …; Kế hoạch số
338/KH-UBND …"), a number may carry its year ("31/2020/QĐ-UBND") or a party-style dash
("107-KH/QU"), "số" and the date may be missing, and a movement or a yearly theme may stand
where a document would ("Hưởng ứng phong trào thi đua “…” của Thủ tướng Chính phủ").
"""

from __future__ import annotations

import re

from .dates import find_dates
from .normalize import capitalise, fold, sentence_spans
from .structure import Reference

RELATIONS = (
    "tiep tuc thuc hien",
    "thuc hien",
    "can cu",
    "huong ung",
    "tren co so",
    "trien khai",
    "quan triet",
    "theo",
    "thuc hien chi dao cua",
)
KINDS = (
    "ke hoach lien tich",
    "nghi quyet lien tich",
    "thong tu lien tich",
    "chi thi lien tich",
    "ke hoach",
    "quyet dinh",
    "chi thi",
    "nghi quyet",
    "huong dan",
    "cong van",
    "thong bao",
    "chuong trinh",
    "nghi dinh",
    "thong tu",
    "bo luat",
    "luat",
    "quy dinh",
    "ket luan",
    "dieu le",
    "thong tri",
    "quy che",
    "to trinh",
    "bao cao",
    "cong dien",
    "van ban",
)
_RELATION_AT_START = re.compile(r"^(?:va |dong thoi |, )*({})\b\s*:?\s*(?:vao\s+|theo\s+)?".format("|".join(RELATIONS)))
_RELATION_ANYWHERE = re.compile(r"\b({})\s+(?=\S)".format("|".join(RELATIONS)))
_KIND = re.compile(r"\b({})\b".format("|".join(KINDS)))
_NUMBER_PART = r"[0-9A-Za-zĐđÀ-ỹ&]+"  # "3456/KH-SGD&ĐT"
_NUMBER = re.compile(rf"^\s*(?:s[ốoóồổỗộ]\s*:?\s*)?(\d+[A-Za-zĐđ]?(?:\s?[/\-–]\s?{_NUMBER_PART})*)", re.IGNORECASE)
# How far ahead of a position a number, a date, an issuer or a title's opening is looked for: a
# slice to the clause's end at every document kind made a long clause quadratic.
_AHEAD = 400
_ISSUER_GAP = re.compile(r"^[\s,]*(?:\(?\s*)?cua\s+")
_DATE_GAP = re.compile(r"^[\s,]*(?:ban hanh\s*|ky\s*)?(?:vao\s*)?$")
_TITLE_GAP = re.compile(r"^[\s,:]*(?:ve viec|ve|v/v)\s+")
# Where an issuer's name ends (folded text).
_ISSUER_STOP = re.compile(
    r"\s+ve\s|\s+v/v|;|[.!?](?:\s|$)|[“\"(:]|\s+ngay\s|,?\s+(?:va\s+)?cua\s|\s+(?:nham|de|voi|gan voi|trong do)\s"
    r"|\s+(?:xay dung|ban hanh|de nghi|trien khai|phat dong|huong dan|to chuc)\s"
    # "… của Ban Chấp hành LĐLĐ tỉnh, Ban Thường vụ LĐLĐ tỉnh ban hành …": the plan's own subject
    r"|,\s*(?=ban thuong vu|ban chap hanh|thuong truc|btv|bch)"
    r"|,\s*(?={}|{})".format("|".join(RELATIONS), "|".join(KINDS))
)
_ORG_START = re.compile(r"^(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa|xa|phuong)\s")
_LEVEL_WORDS = ("tinh", "thanh", "quan", "huyen", "xa", "phuong", "thi", "tp")


def find_references(paragraph: str, relation: str | None = None) -> tuple[list[Reference], str | None]:
    """The references of one basis paragraph, and the relation in force at its end (a paragraph
    may continue the previous one's "Thực hiện")."""
    references: list[Reference] = []
    for a, b in sentence_spans(paragraph):
        start = a
        for clause_end in [*(m.start() for m in re.finditer(";", paragraph[a:b])), b - a]:
            clause = paragraph[start : a + clause_end] if clause_end != b - a else paragraph[start:b]
            found, relation = _clause_references(clause, relation)
            references.extend(found)
            start = a + clause_end + 1
    return references, relation


def parse_reference(text: str) -> Reference | None:
    """The first reference written in `text` ("Thực hiện Kế hoạch số 44/KH-LĐLĐ ngày …")."""
    found, _relation = find_references(text)
    return found[0] if found else None


def _clause_references(clause: str, relation: str | None) -> tuple[list[Reference], str | None]:
    folded = fold(clause)
    lead = len(folded) - len(folded.lstrip(" -–•*+,.:"))
    body_folded = folded[lead:]
    match = _RELATION_AT_START.match(body_folded)
    references: list[Reference] = []
    if match:
        printed = clause[lead + match.start(1) : lead + match.end(1)]
        relation = capitalise(printed)
        rest = lead + match.end()
        numbered = _numbered(clause, folded, relation, 0)
        first_kind = _KIND.match(folded, rest)
        if first_kind and not any(r_start == first_kind.start() for r_start, _ in numbered):
            numbered.insert(0, (first_kind.start(), _reference_at(clause, folded, first_kind, relation, True)))
        numbered = [(s, r) for s, r in numbered if r is not None]
        if numbered:
            return _distinct([r for _, r in sorted(numbered, key=lambda item: item[0])]), relation
        return _by_issuer(clause, folded, rest, relation), relation
    if relation and _KIND.match(body_folded):
        first_kind = _KIND.match(folded, lead)
        numbered = _numbered(clause, folded, relation, 0)
        if not any(s == first_kind.start() for s, _ in numbered):
            numbered.insert(0, (first_kind.start(), _reference_at(clause, folded, first_kind, relation)))
        references = [r for _, r in sorted(numbered, key=lambda item: item[0]) if r is not None]
        return references, relation
    if relation:
        # A clause of the basis paragraph that does not start with a relation ("Năm thứ hai
        # triển khai …, Nghị quyết 02-NQ/TW ngày …"): only numbered documents are references.
        references = [r for _, r in _numbered(clause, folded, relation, 0, require_number=True) if r is not None]
    return references, relation


def _distinct(references: list[Reference]) -> list[Reference]:
    """ "Quy chế … ban hành kèm theo Quyết định số 999/QĐ-TLĐ …": one document read twice."""
    seen: set[str] = set()
    kept = []
    for reference in references:
        if reference.number and reference.number in seen:
            continue
        if reference.number:
            seen.add(reference.number)
        kept.append(reference)
    return kept


def _numbered(
    clause: str, folded: str, relation: str, start: int, require_number: bool = True
) -> list[tuple[int, Reference | None]]:
    found = []
    for kind in _KIND.finditer(folded, start):
        # A kind word in lower case inside running text ("xây dựng kế hoạch") is a document
        # only when a number follows it.
        if not _NUMBER.match(clause[kind.end() : kind.end() + _AHEAD]):
            continue
        verb = None
        for candidate in _RELATION_ANYWHERE.finditer(folded, max(0, kind.start() - _AHEAD), kind.start()):
            verb = candidate
        local = capitalise(clause[verb.start(1) : verb.end(1)]) if verb else relation
        found.append((kind.start(), _reference_at(clause, folded, kind, local)))
    return found


_NAMED_NUMBER = re.compile(r"^([^;:“”\"]{1,100}?)\bso\s*:?\s*\d")
_NAME_STOP = re.compile(r"\s(?:ngay|cua|ve|v/v)\s|[;:“\"(]|[.](?:\s|$)")


def _reference_at(
    clause: str, folded: str, kind: re.Match, relation: str, relation_started: bool = False
) -> Reference | None:
    position = kind.end()
    doc_kind = capitalise(clause[kind.start() : kind.end()])
    number = None
    name = ""
    number_match = _NUMBER.match(clause[position : position + _AHEAD])
    if not number_match:
        later = _NAMED_NUMBER.match(folded[position : position + 120])
        if later:
            name = clause[position : position + later.end(1)].strip(" ,")
            position += later.end(1)
            number_match = _NUMBER.match(clause[position : position + _AHEAD])
    if number_match:
        number = re.sub(r"\s+", "", number_match.group(1)).replace("–", "-").rstrip(".-/")
        position += number_match.end()
    date = None
    for found in find_dates(clause[position : position + 60]):
        gap = fold(clause[position : position + found.start])
        if _DATE_GAP.match(gap.replace("ngay", "", 1) if gap.rstrip().endswith("ngay") else gap):
            date = found.date
            position += found.end
        break
    # "Chương trình, kế hoạch của …": a second kind word in the same phrase.
    extra = re.match(r"^\s*,\s*(?:{})\b".format("|".join(KINDS)), folded[position : position + _AHEAD])
    if extra and number is None:
        position += extra.end()
    issuer, position = _issuer(clause, folded, position)
    ahead = folded[position : position + _AHEAD]
    repeated_kind = _KIND.match(folded, position + len(ahead) - len(ahead.lstrip()))
    if issuer and repeated_kind:
        position = repeated_kind.end()
    title = ""
    title_match = _TITLE_GAP.match(folded[position : position + _AHEAD])
    if title_match:
        title_start = position + title_match.end()
        next_kind = _next_numbered_kind(clause, folded, title_start)
        title = clause[title_start:next_kind].strip().rstrip(".;, ")
        title = re.sub(r"\s*(?:,|và)$", "", title).strip()
    if not name and number is None:
        # "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;": the name runs to the date, the
        # issuer or the end of the clause.
        stops = [m.start() for m in (_NAME_STOP.search(folded, kind.end()),) if m]
        end = min([*stops, len(clause)])
        name = clause[kind.end() : end].strip(" ,;.")
        if issuer is None:
            # "Chương trình công tác năm 2025 của Ban Chấp hành LĐLĐ tỉnh": the issuer after the name
            issuer, _end = _issuer(clause, folded, end)
        if date is None:
            for found in find_dates(clause[end : end + 40]):
                if _DATE_GAP.match(fold(clause[end : end + found.start]).replace("ngay", "", 1)):
                    date = found.date
                break
    if number is None and date is None and issuer is None and not (relation_started and name):
        return None
    if not title and name and len(name) <= 160:
        title = name
    return Reference(
        relation=relation,
        number=number,
        date=date,
        issuer=issuer,
        doc_kind=doc_kind,
        title=title,
        source=clause.strip().rstrip(";"),
    )


def _next_numbered_kind(clause: str, folded: str, start: int) -> int:
    for kind in _KIND.finditer(folded, start):
        if _NUMBER.match(clause[kind.end() : kind.end() + _AHEAD]) and clause[kind.start()].isupper():
            back = folded[: kind.start()].rstrip()
            if back.endswith((",", " va")):
                return len(back) - (3 if back.endswith(" va") else 1)
    return len(clause)


def _issuer(clause: str, folded: str, position: int) -> tuple[str | None, int]:
    gap = _ISSUER_GAP.match(folded[position : position + _AHEAD])
    if not gap:
        return None, position
    start = position + gap.end()
    end = _issuer_end(clause, folded, start)
    name = clause[start:end].strip().rstrip(",.;")
    if not _is_organisation(name):
        return None, position
    return name, end


def _issuer_end(clause: str, folded: str, start: int) -> int:
    end = len(clause)
    stop = _ISSUER_STOP.search(folded, start)
    if stop:
        end = stop.start()
    # A document kind printed with a capital ends the name: "của Ủy ban nhân dân tỉnh Lai Châu
    # Chỉ thị về việc …".
    for kind in _KIND.finditer(folded, start, end):
        if kind.start() > start and clause[kind.start()].isupper():
            end = kind.start()
            break
    return end


def _is_organisation(name: str) -> bool:
    if not name or not any(ch.isalpha() for ch in name):
        return False
    if name[0].isupper():
        return True
    words = fold(name).split()
    return bool(words) and words[0] in _LEVEL_WORDS and len(name.split()) > 1 and name.split()[1][:1].isupper()


def _by_issuer(clause: str, folded: str, rest: int, relation: str) -> list[Reference]:
    """References named by their issuer only: "Thực hiện chủ đề công tác năm 2021 của Tổng LĐLĐ
    Việt Nam “…”, của Thành phố Hà Nội “…”", "Hưởng ứng phong trào thi đua “…” của Thủ tướng…"."""
    references = []
    depth = 0
    positions = []
    for index, ch in enumerate(folded):
        if index < rest:
            continue
        if ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif depth == 0 and folded.startswith("cua ", index) and (index == 0 or not folded[index - 1].isalnum()):
            positions.append(index)
    if not positions:
        return []
    doc_kind = capitalise(clause[rest : positions[0]].strip(" ,:"))
    for position in positions:
        start = position + 4
        end = _issuer_end(clause, folded, start)
        name = clause[start:end].strip().rstrip(",.;")
        if not _is_organisation(name):
            continue
        title = ""
        quoted = re.match(r"^\s*(“[^”]*”|\"[^\"]*\")", clause[end : end + _AHEAD])
        if quoted:
            title = quoted.group(1)
        elif position == positions[0]:
            quoted_before = re.findall(r"“[^”]*”|\"[^\"]*\"", clause[rest:position])
            title = quoted_before[-1] if quoted_before else ""
        references.append(
            Reference(
                relation=relation,
                number=None,
                date=None,
                issuer=name,
                doc_kind=re.sub(r"\s*(“.*|\".*)$", "", doc_kind).strip(" ,:"),
                title=title,
                source=clause.strip().rstrip(";"),
            )
        )
    return references
