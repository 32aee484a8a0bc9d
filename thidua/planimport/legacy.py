"""Vietnamese typed in the legacy 8-bit font encodings, still found in old .txt files and in
text pasted from old .doc files: TCVN3 (ABC, ".VnTime": "Liªn ®oµn lao ®éng", "ViÖt Nam") and
VNI ("VNI-Times": "Lieân ñoaøn lao ñoäng", "Vieät Nam"). Read as Windows-1252 or Latin-1 they
become such letter soup; converted here to Unicode when the text shows their marks and no
Unicode Vietnamese letter.

TCVN3 (TCVN 5712:1993, table VN3) writes each small letter with its marks as one byte; capitals
with marks are the same bytes in a capitals font (".VnTimeH"), so a word whose plain letters are
all capitals is given capitals throughout. VNI writes a base letter followed by a byte for its
marks ("a" + "ø" = "à", "o" + "ä" = "ộ").
"""

from __future__ import annotations

import re
import unicodedata

_TCVN3 = dict(
    zip(
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
        strict=True,
    )
)
# Bytes TCVN3 gives letters that Latin-1 text in a Vietnamese plan never has.
_TCVN3_SIGNS = re.compile("[®µ¹ª«¬\xad]")

_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(key: str, base: str, marks: str) -> None:
        for k, b in ((key, base), (key.upper(), base.upper())):
            table[k] = unicodedata.normalize("NFC", b + marks)

    for base in "aeiouy":
        for mark, tone in _TONES.items():
            add(base + mark, base, tone)
    for base in "aeo":
        for mark, tone in _CIRCUMFLEX.items():
            add(base + mark, base, "\u0302" + tone)
    for mark, tone in _BREVE.items():
        add("a" + mark, "a", "\u0306" + tone)
    for horned, base in (("ô", "o"), ("ö", "u")):
        add(horned, base, "\u031b")
        for mark, tone in _TONES.items():
            add(horned + mark, base, "\u031b" + tone)
    for mark, letter in (("ì", "ì"), ("í", "í"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị")):
        table[mark], table[mark.upper()] = letter, letter.upper()
    table["î"], table["Î"] = "ỵ", "Ỵ"
    table["ñ"], table["Ñ"] = "đ", "Đ"
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
# Pairs only VNI writes: "oâ" (ô), "eä" (ệ), "aø" (à), "ñ" before a vowel (đ).
_VNI_SIGNS = re.compile(r"[aeo][âäàáåã]|[aeiouy][øùûõï]|[ñÑ][aeiouyAEIOUY]|[AEO][ÂÄÀÁÅÃ]")
_VNI_D = re.compile(r"[ñÑ][aeiouyAEIOUY]")
_TCVN3_D = re.compile("[®§]")
_UNICODE_VIETNAMESE = re.compile("[ạ-ỹẠ-Ỹăđơư]")


def detect(text: str) -> str | None:
    """ "tcvn3", "vni" or None, from a sample of `text`."""
    sample = text[:20000]
    if len(_UNICODE_VIETNAMESE.findall(sample)) > 3:
        return None
    words = max(1, len(sample.split()))
    # A plan writes "đ" ("đoàn", "thi đua"): VNI's "ñ", TCVN3's "®" or "§" must be there, which
    # keeps Windows-1258 read as Windows-1252 ("uõ" for "uơ") from passing for VNI.
    if len(_VNI_D.findall(sample)) >= 2 and len(_VNI_SIGNS.findall(sample)) >= max(3, words // 20):
        return "vni"
    if len(_TCVN3_D.findall(sample)) >= 2 and len(_TCVN3_SIGNS.findall(sample)) >= max(3, words // 30):
        return "tcvn3"
    return None


def convert(text: str) -> str:
    """`text` in Unicode when it was typed in TCVN3 or VNI; unchanged otherwise."""
    kind = detect(text)
    if kind == "vni":
        return _VNI_RE.sub(lambda m: _VNI[m.group()], text)
    if kind == "tcvn3":
        converted = "".join(_TCVN3.get(ch, ch) for ch in text)
        return "\n".join(_capitals(line) for line in converted.split("\n"))
    return text


_WORD = re.compile(r"\w+")


def _capitals(line: str) -> str:
    """ "KÕ HO¹CH" read "Kế HOạCH": a line whose plain letters are all capitals was typed in the
    capitals font, and so is a word with two plain capitals or more."""
    plain = [ch for ch in line if ch.isascii() and ch.isalpha()]
    if len(plain) >= 4 and all(ch.isupper() for ch in plain):
        return line.upper()
    return _WORD.sub(_capital_word, line)


def _capital_word(match: re.Match) -> str:
    word = match.group()
    plain = [ch for ch in word if ch.isascii() and ch.isalpha()]
    return word.upper() if len(plain) >= 2 and all(ch.isupper() for ch in plain) else word
