"""Old files typed in TCVN3 (".VnTime") or VNI ("VNI-Times"): read as Unicode Vietnamese
(issue 17). A plan of the test documents is written in each encoding as those fonts store it
(TCVN3: capitals with marks in the capitals font, i.e. the small letters' bytes), saved as bytes,
uploaded; the preview's header fields must equal the clean file's."""

from pathlib import Path

import pytest

from thidua.planimport import parse, read_text
from thidua.planimport.legacy import _TCVN3, _VNI, convert, detect
from thidua.planimport.tests.degrade import HEADER_FIELDS, header_of

DOCUMENT = Path(__file__).resolve().parent / "documents" / "school_lost_numbering.txt"
TO_TCVN3 = {letter: code for code, letter in _TCVN3.items()}
TO_VNI = {letter: code for code, letter in _VNI.items() if len(letter) == 1}


def _tcvn3(text: str) -> bytes:
    """As .VnTime / .VnTimeH store it: a capital with marks is its small letter's byte."""
    out = []
    for ch in text:
        code = TO_TCVN3.get(ch) or (TO_TCVN3.get(ch.lower()) if ch.lower() in TO_TCVN3 and ch.isupper() else None)
        out.append(code or ch)
    return "".join(out).encode("cp1252")


def _vni(text: str) -> bytes:
    return "".join(TO_VNI.get(ch, ch) for ch in text).encode("cp1252")


@pytest.mark.parametrize("encode", [_tcvn3, _vni], ids=["tcvn3", "vni"])
def test_a_plan_typed_in_a_legacy_font_reads_like_the_clean_one(encode):
    clean_text = DOCUMENT.read_text(encoding="utf-8")
    data = encode(clean_text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # what an old editor saved, not UTF-8
    clean = header_of(parse(clean_text))
    legacy = header_of(parse(read_text("ke-hoach-cu.txt", data)))
    assert {field: legacy[field] for field in HEADER_FIELDS} == clean
    assert clean["issuer"] == "CÔNG ĐOÀN TRƯỜNG THCS UY NỖ"


def test_vni_as_the_font_prints_the_motto():
    text = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp – Töï do – Haïnh phuùc. Lieân ñoaøn lao ñoäng."
    assert detect(text) == "vni"
    assert convert(text) == ("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập – Tự do – Hạnh phúc. Liên đoàn lao động.")


def test_tcvn3_pasted_into_a_unicode_editor():
    text = "Liªn ®oµn lao ®éng quËn Long Biªn\nKÕ HO¹CH\nThi ®ua n¨m 2024 trong c«ng nh©n, viªn chøc"
    assert convert(text) == "Liên đoàn lao động quận Long Biên\nKẾ HOẠCH\nThi đua năm 2024 trong công nhân, viên chức"


@pytest.mark.parametrize(
    "text",
    [
        "Liên đoàn lao động quận Long Biên tổ chức thi đua năm 2024.",
        "Lien doan lao dong quan Long Bien to chuc thi dua nam 2024.",
        "Hội thi “Mañana” của công đoàn: năm 2024, año nuevo.",
    ],
)
def test_unicode_and_plain_text_are_left_as_they_are(text):
    assert convert(text) == text
