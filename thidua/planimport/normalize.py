"""Clean a plan's text before reading it, and fold it for matching.

Text reaches us from Word, from Markdown converters and from copy-paste: combining tone marks,
non-breaking spaces, "**bold**" markers, words glued to dates ("03/12/2021của"), UTF-8 read as
Windows-1252 ("Káº¾ HOáº CH"), or no diacritics at all ("Ke hoach"). Each line becomes a
:class:`Line` that keeps the cleaned text (what values are cut from) and a folded twin of the
same length (lower case, no diacritics, "đ" → "d") that every keyword is matched on, so
"KẾ HOẠCH", "Kế hoạch" and "KE HOACH" are the same word to the parser while the value it
returns stays as printed.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from . import legacy

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_LIKE_RE = re.compile("[\u00a0\u2007\u202f\u2002\u2003\u2009\u3000]")
_MOJIBAKE_HINTS = ("Ã", "áº", "á»", "Æ°", "Ä\u0091", "Ä‘", "Æ¡")


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# Latin letters with their Vietnamese marks live in these blocks; everything else folds to itself
# (with lower() where that keeps one character), so folding never changes a string's length.
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]}
# Characters that fold to themselves are in the table too: str.translate pays for every miss
# (a LookupError inside CPython), which made folding five times slower.
for _cp in [*range(0x80), *range(0x2000, 0x2070)]:
    _FOLD_TABLE.setdefault(_cp, chr(_cp))


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one: ``fold(s)[i]`` is ``s[i]`` folded."""
    return text.translate(_FOLD_TABLE)


def repair_mojibake(text: str) -> str:
    """UTF-8 bytes that were decoded as Windows-1252 ("Káº¾ HOáº CH") back to "KẾ HOẠCH"."""
    if sum(text.count(hint) for hint in _MOJIBAKE_HINTS) < 3:
        return text
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                raw.append(ord(ch))
            else:
                return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


# A PDF's font that lost some letters when the text was copied out of it: "công" → "cơng",
# "không" → "khơng", "đoàn" → "đồn", "yêu" → "u". Vietnamese writes "ơng" only after "ư"
# ("trường"), so "ơng" without it is the mark of that damage; only then are the words a plan
# uses repaired (the others, "Hoàng" read "Hồng", cannot be told and stay as printed).
_FONT_DAMAGE = re.compile(r"(?<![ưƯ])ơng|(?<!Ư)ƠNG")
_FONT_REPAIRS = [
    (re.compile(r"(?<![ưƯ])ơng"), "ông"),
    (re.compile(r"(?<!Ư)ƠNG"), "ÔNG"),
    (re.compile(r"\b([đĐ])ồn\b"), r"\1oàn"),
    (re.compile(r"\bĐỒN\b"), "ĐOÀN"),
    (re.compile(r"\b([tT])ồn\b(?!\s+(?:tại|đọng))"), r"\1oàn"),
    (re.compile(r"\bTỒN\b(?!\s+(?:TẠI|ĐỌNG))"), "TOÀN"),
    (re.compile(r"\b([hH])ồn\b(?=\s+(?:thành|chỉnh|tất|thiện|cảnh))"), r"\1oàn"),
    (re.compile(r"\b([nN])gồi\b"), r"\1goài"),
    (re.compile(r"\b(CỘNG|Cộng)\s+H[ỒồÒò]\b"), lambda m: m.group(1) + (" HOÀ" if m.group(1).isupper() else " hoà")),
    (
        re.compile(r"(?<!\w)([uU])(?=\s+(?:cầu|nước|thương|thích|mến)\b)"),
        lambda m: "yêu" if m.group(1) == "u" else "Yêu",
    ),
    (re.compile(r"(?<!\w)U(?=\s+(?:CẦU|NƯỚC)\b)"), "YÊU"),
]


def repair_pdf_font(text: str) -> str:
    if len(_FONT_DAMAGE.findall(text[:200_000])) < 2:
        return text
    for pattern, replacement in _FONT_REPAIRS:
        text = pattern.sub(replacement, text)
    return text


# "03/12/2021của", "ngày21", "Lưu:VT", "(kèm theo)của": a space lost between a number or a
# punctuation mark and the next word.
# Each pattern starts with a literal or a small class: the engine skips ahead to it instead of
# trying a look-behind at every position (ten times faster on long paragraphs).
_GLUED_DATE = re.compile(r"[/.-]\d{4}(?=[^\W\d_])")
_GLUED_KEYWORD = re.compile(r"(?:ngày|tháng|năm|số|Số|Ngày|NGÀY|SỐ)(?=\d)")
_GLUED_ANY = re.compile(_GLUED_DATE.pattern + "|" + _GLUED_KEYWORD.pattern)
_GLUED_PUNCT = re.compile(r"[,;)](?=[^\W\d_])")
_GLUED_COLON = re.compile(r":(?<=[^\W\d_]:)(?=[^\W\d_/])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'|>~])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_BULLET_MARKS = "-–—•+*·▪●○◦✓➢➤→"
_BULLET = re.compile(rf"^\s*([{_BULLET_MARKS}])\s+")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_UNDERSCORE_EMPHASIS = re.compile(r"_{1,2}(?<![\w/]_)(?<![\w/]__)(?=\S)|(?<=\S)_{1,2}(?![\w/])")


@dataclass
class Line:
    """One paragraph of the document, cleaned."""

    text: str  # cleaned, single spaces, no Markdown markers, bullet removed
    folded: str  # fold(text), same length
    raw: str  # as read (tabs and runs of spaces kept: the columns of a flattened letterhead)
    number: int  # 0-based index among the document's lines, for evidence and order
    hashes: int = 0  # Markdown heading level ("## …" → 2), 0 for none
    bold: bool = False  # the whole paragraph was bold
    bullet: str = ""  # "-", "*", "•", "+" when the paragraph is a bullet item

    @property
    def display(self) -> str:
        """The line as a reader sees it, bullet included: the evidence shown for a value."""
        return f"{self.bullet} {self.text}" if self.bullet else self.text


def clean_text(text: str) -> str:
    """Whole-text fixes: encoding damage, Unicode forms, invisible and odd spaces, Markdown tables."""
    text = repair_mojibake(text)
    text = legacy.convert(text)
    text = unicodedata.normalize("NFC", text)
    text = repair_pdf_font(text)
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACE_LIKE_RE.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if "|" in text:
        text = _MD_TABLE_ROW.sub(_table_row, text)
    if "\\" in text:
        # "\r\n" printed as text by a web page that escaped its line breaks twice
        text = _ESCAPED_BREAK.sub("\n", text)
    if "<" in text:
        # "<br>", and "<>" where a copy lost the tag's letters
        text = _HTML_BREAK.sub("\n", text)
    return text


# "| LĐLĐ …<br>**CÔNG ĐOÀN …** | **CỘNG HÒA …** |": a Word table converted to Markdown (the
# letterhead, the signature block). Each cell becomes its own lines, one cell after the other, as
# Word's own text export lays a table out; "|---|---|" rows go.
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_MD_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
_ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n(?=\s|\\|$)")
_HTML_BREAK = re.compile(r"<br\s*/?>|<\s*/?\s*>", re.IGNORECASE)


def _table_row(match: re.Match) -> str:
    row = match.group(1)
    if _MD_TABLE_RULE.match(row):
        return ""
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]
    return "\n".join(cell for cell in cells if cell)


def clean_inline(text: str) -> str:
    """Fixes inside one line: Markdown emphasis, glued words, runs of spaces."""
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "*" in text:
        # "**bold**", "*italic*": every asterisk but a footnote mark "(*)" is Markdown's.
        text = text.replace("(*)", "(\x00)").replace("*", "").replace("(\x00)", "(*)")
    if "_" in text:
        text = _UNDERSCORE_EMPHASIS.sub("", text)
    # Each fix only where its character is: a long document has tens of thousands of lines.
    if _DIGIT.search(text) and _GLUED_ANY.search(text):
        text = _GLUED_DATE.sub(r"\g<0> ", text)
        text = _GLUED_KEYWORD.sub(r"\g<0> ", text)
    # A search before each substitution: most lines need none, and a substitution costs more.
    if ("," in text or ";" in text or ")" in text) and _GLUED_PUNCT.search(text):
        text = _GLUED_PUNCT.sub(r"\g<0> ", text)
    if ":" in text and _GLUED_COLON.search(text):
        text = _GLUED_COLON.sub(": ", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def split_lines(text: str) -> list[Line]:
    """The non-empty paragraphs of `text`, cleaned; paragraphs cut by a page break joined again."""
    lines: list[Line] = []
    # A paragraph's tails are gathered and joined once at the end: joining (and folding) the
    # growing text at each tail cost time quadratic in the paragraph, 30 s for 300 KB of short
    # pasted lines in lower case.
    tails: dict[int, tuple[list[str], list[str]]] = {}
    for raw in clean_text(text).split("\n"):
        if not raw.strip():
            continue
        body = raw.strip()
        hashes = 0
        heading = _MD_HEADING.match(body) if body[:1] == "#" else None
        if heading:
            hashes = len(heading.group(1))
            body = _MD_HEADING_CLOSE.sub("", body[heading.end() :])
        bullet = ""
        match = _BULLET.match(body) if body[:1] and body[0] in _BULLET_MARKS else None
        # "**1. Đổi mới:**" starts with emphasis, not with a bullet; "* *Tập thể*:" is a bullet.
        if match and not body.startswith("**"):
            bullet = match.group(1)
            bullet = "-" if bullet in "–—" else bullet
            body = body[match.end() :]
        stripped = body.strip()
        bold = stripped[:2] == "**" and stripped.rstrip(" :.").endswith("**") and len(stripped) > 4
        cleaned = clean_inline(body)
        if not cleaned or not _ALNUM.search(cleaned):
            continue
        if lines and _continues(lines[-1], tails[len(lines) - 1][0][-1], bullet, hashes, cleaned):
            texts, raws = tails[len(lines) - 1]
            texts.append(cleaned)
            raws.append(raw.strip())
            continue
        lines.append(Line(cleaned, "", raw, len(lines), hashes, bold, bullet))
        tails[len(lines) - 1] = ([cleaned], [raw])
    for line in lines:
        texts, raws = tails[line.number]
        if len(texts) > 1:
            line.text = " ".join(texts)
            line.raw = " ".join(raws)
        line.folded = fold(line.text)
    return lines


def _continues(previous: Line, previous_end: str, bullet: str, hashes: int, text: str) -> bool:
    """A paragraph that starts in lower case after one without final punctuation is its tail
    (`previous_end`: the last piece of the previous paragraph)."""
    if bullet or hashes or previous.hashes:
        return False
    # Cheapest tests first: this runs for every line of the document.
    first = text.lstrip("“\"'‘(")[:1]
    if not first or not first.islower() or not first.isalpha() or previous_end[-1:] in ".:;!?":
        return False
    if _LETTER_ITEM.match(text):  # "a) Đối với tập thể": a numbered part, not a tail
        return False
    # "Hướng dẫn" / "bình xét thi đua …": a type name alone on its line is not a paragraph cut short.
    return len(previous_end) > 14 or fold(previous_end).strip(" .:*#") not in _TYPE_NAMES


_LETTER_ITEM = re.compile(r"[a-zđ]\s*[.)]\s")
_TYPE_NAMES = ("ke hoach", "huong dan", "quyet dinh", "thong bao", "bao cao", "chuong trinh", "cong van", "to trinh")


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = ("tp", "tt", "st", "v/v", "đ/c", "ths", "ts", "pgs", "gs", "ks", "bs", "cn", "ông", "bà", "k")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`: cut after ".", "!", "?" or "…" (and any
    closing quote) when the next word starts with a capital, a digit or a quote."""
    spans = []
    start = 0
    for match in re.finditer(r"[.!?…]+[”\"’)]*\s+", text):
        following = text[match.end() : match.end() + 2]
        head = following.lstrip("“\"'‘(*")[:1]
        if not head or not (head.isupper() or head.isdigit()):
            continue
        word = _word_before(text, start, match.start())
        if word and fold(word.group(1)).strip("(") in _ABBREVIATIONS:
            continue
        # "1." or "a." numbering, or a decimal
        if word and re.fullmatch(r"\d{1,2}|[a-zđ]|[IVXLC]+", word.group(1)) and match.group().startswith(". "):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_LAST_WORD = re.compile(r"(\S+)$")


def _word_before(text: str, start: int, end: int) -> re.Match | None:
    """The word ending at `end` (not before `start`), looked for in the 40 characters before it:
    searching the whole sentence so far made a long sentence quadratic. A longer word is cut and
    then matches no abbreviation or numbering, as the whole word would not."""
    low = max(start, end - 40)
    return _LAST_WORD.search(text, low, end)


_SPANS_CACHE: list = [None, None]


def sentence_of(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` holding `position` (the whole text when none does).
    The spans of the last text asked about are kept: a long paragraph with many dates asks for
    each one, and cutting it again every time cost time quadratic in its length."""
    cached_text, spans = _SPANS_CACHE
    if cached_text is not text:
        spans = sentence_spans(text)
        _SPANS_CACHE[:] = [text, spans]
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return 0, len(text)


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def sentence_around(text: str, position: int) -> tuple[int, int]:
    return sentence_of(text, position)


def strip_item(text: str) -> str:
    """A list item without its closing ";", "," or ".": "Quận ủy, UBND Quận;" → "Quận ủy, UBND Quận"."""
    text = text.strip()
    if ";" in text:
        text = _SEMICOLON_BEFORE_BRACKET.sub(" ", text)
    while text and text[-1] in ";,." and not text.endswith("..."):
        text = text[:-1].rstrip()
    return text


_SEMICOLON_BEFORE_BRACKET = re.compile(r"\s*;\s*(?=\()")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
