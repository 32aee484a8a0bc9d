"""Each seed plan, typed in through the services and issued, renders to a PDF and a DOCX that
read back with its number, date line, title, every section heading, every deadline and the
signer, in that order, Vietnamese letters intact."""

import io
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document
from docx.oxml.ns import qn

from thidua.campaigns import plan_document
from thidua.campaigns.models import CampaignStatus, Deployment
from thidua.campaigns.seeds import SEEDS, SeedPlan, enter_seed
from thidua.documents.rendering import render_docx, render_pdf
from thidua.org.models import Sector, Unit
from thidua.org.tests.factories import SYSTEM, make_unit

# What the printed plans show, written out by hand rather than computed: the register gives the
# printed number, the date line follows Nghị định 30 (a leading zero for days below 10 and for
# months 1 and 2, so seed 001's "tháng 2" prints "tháng 02"). Seed 004 has no number on paper:
# it takes the first number of its (empty) 2021 register.
PRINTED = {
    "000": ("Số: 32/KH-LĐLĐ", "Long Biên, ngày 21 tháng 8 năm 2023"),
    "001": ("Số: 315/KH-LĐLĐ", "Lai Châu, ngày 17 tháng 02 năm 2022"),
    "002": ("Số: 92/KH-LĐLĐ", "Gia Lâm, ngày 10 tháng 9 năm 2021"),
    "003": ("Số: 26/KH-LĐLĐ", "Long Biên, ngày 01 tháng 4 năm 2019"),
    "004": ("Số: 01/KH-LĐLĐ", "Long Biên, ngày 08 tháng 01 năm 2021"),
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _normal(text: str) -> str:
    """NFC, one space between words: extraction wraps long titles and pads justified lines."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pdf_text(pdf: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is missing: apt-get install -y poppler-utils")
    out = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")
    # Pages after the first open with their number (top centre), which is not body text and
    # would otherwise cut a sentence running over the page break.
    kept = [pages[0]] + ["\n".join(page.lstrip("\n").split("\n")[1:]) for page in pages[1:]]
    return _normal("\n".join(kept))


def _docx_text(data: bytes) -> str:
    """Every paragraph in document order, those inside table cells (the letterhead) included."""
    body = Document(io.BytesIO(data)).element.body
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    return _normal("\n".join(lines))


def _issuer_tree(seed: SeedPlan) -> Unit:
    """The issuer under its real parent, with a few units below it so its targets exist: two
    CĐCS for a district; for the province (seed 001, next level down) a district federation
    with a CĐCS of its own, and a CĐCS reporting to the province directly."""
    confederation = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    if seed.issuer_code == "LC":
        issuer = make_unit(confederation, "province", seed.issuer_name, code="LC")
        district = make_unit(issuer, "district", "LĐLĐ huyện Tam Đường", code="LC-TD")
        make_unit(district, "grassroots", "CĐCS UBND xã Bản Giang", code="TD-001", sector=Sector.PUBLIC_SERVICE)
        make_unit(issuer, "grassroots", "CĐCS Sở Giáo dục và Đào tạo", code="LC-001", sector=Sector.PUBLIC_SERVICE)
        return issuer
    city = make_unit(confederation, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    issuer = make_unit(city, "district", seed.issuer_name, code=seed.issuer_code)
    make_unit(issuer, "grassroots", "CĐCS Trường Tiểu học Ái Mộ", code=f"{seed.issuer_code}-001", sector=Sector.SCHOOL)
    make_unit(issuer, "grassroots", "CĐCS Công ty CP Sông Đà", code=f"{seed.issuer_code}-002", sector=Sector.ENTERPRISE)
    return issuer


def _date_variants(day) -> list[str]:
    """A deadline as the seed writes it ("15/9/2023") or as the plan lists it ("15/09/2023")."""
    return [f"{day.day}/{day.month}/{day.year}", f"{day:%d/%m/%Y}", f"{day.day:02d}/{day.month:02d}/{day.year}"]


def _assert_in_order(text: str, expected: list[str | list[str]]) -> None:
    """Each item (or the earliest of its alternatives) is found after the previous one."""
    position = 0
    for item in expected:
        options = [_normal(option) for option in ([item] if isinstance(item, str) else item)]
        found = [(text.find(option, position), option) for option in options]
        found = [(at, option) for at, option in found if at >= 0]
        assert found, (
            f"missing after position {position}: {options[0]!r}; text there: {text[position : position + 300]!r}"
        )
        at, option = min(found)
        position = at + len(option)


def _expected(seed: SeedPlan) -> list[str | list[str]]:
    number_line, date_line = PRINTED[seed.key]
    headings = [f"{ROMAN[n]}. {section.heading.upper()}" for n, section in enumerate(seed.sections)]
    # Two deadlines of one day (seed 000: works and articles, both 15/9/2023) share a mention.
    deadlines = [_date_variants(day) for day in sorted({d.due_on for d in seed.deadlines})]
    return [
        number_line,
        date_line,
        "KẾ HOẠCH",
        seed.title,
        *headings,
        *deadlines,
        *seed.signer_title.splitlines(),
        seed.signer_name,
    ]


@pytest.fixture
def entered(db, request):
    seed: SeedPlan = request.param
    issuer = _issuer_tree(seed)
    return seed, enter_seed(seed, issuer, SYSTEM)


@pytest.mark.parametrize("entered", SEEDS, ids=[s.key for s in SEEDS], indirect=True)
def test_seed_is_issued_under_its_printed_number_and_deployed(entered):
    seed, campaign = entered
    assert campaign.status == CampaignStatus.ISSUED
    assert f"Số: {campaign.number}" == PRINTED[seed.key][0]
    assert [s.heading for s in campaign.sections.all()] == [s.heading for s in seed.sections]
    assert [(d.what, d.due_on) for d in campaign.deadlines.order_by("order")] == [
        (d.what, d.due_on) for d in seed.deadlines
    ]
    assert campaign.references.count() == len(seed.references)
    assert campaign.responsibilities.count() == len(seed.responsibilities)
    assert Deployment.objects.filter(campaign=campaign).count() == 2


@pytest.mark.parametrize("entered", SEEDS, ids=[s.key for s in SEEDS], indirect=True)
def test_seed_pdf_reads_back_in_order(entered):
    seed, campaign = entered
    pdf = render_pdf(plan_document.build(campaign))
    assert pdf.startswith(b"%PDF")
    _assert_in_order(_pdf_text(pdf), _expected(seed))


@pytest.mark.parametrize("entered", SEEDS, ids=[s.key for s in SEEDS], indirect=True)
def test_seed_docx_reads_back_in_order(entered):
    seed, campaign = entered
    text = _docx_text(render_docx(plan_document.build(campaign)))
    _assert_in_order(text, _expected(seed))
    # The body as typed, not only its headings: the first and last paragraphs of every section.
    for section in seed.sections:
        lines = [line.removeprefix("- ") for line in section.body.splitlines()]
        _assert_in_order(text, [section.heading.upper(), *dict.fromkeys([lines[0], lines[-1]])])
