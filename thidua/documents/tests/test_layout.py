"""Every paper thidua issues, laid out as Nghị định 30/2020 (Phụ lục I) lays it out, in its PDF
and in its DOCX opened in LibreOffice (issue 15): the national title and motto each on one
line; issuer lines, number, place and date, type name and summary, body, Nơi nhận, signer's
title and name in that order; A4; every font embedded; the DOCX as many pages as the PDF.

The papers come from the demo federation (seed 000 and its neighbours: the district's plan,
a school's implementing plan, a school's tờ trình with its list, the district's award decision
with its list and certificates, an initiative recognition, the award council's minutes, the
golden book, the year-end review), built once for the module and rolled back. All the DOCX
are converted in one LibreOffice run: starting it costs seconds. Without LibreOffice (Debian
libreoffice-writer-nogui, `make browser` installs it as root) the DOCX checks skip.
"""

import dataclasses
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from thidua.documents.rendering import OfficialDocument, document_data, render_docx, render_pdf

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
A4 = {(595, 842), (842, 595)}  # points, rounded; certificates are landscape

pytestmark = [
    # The database the module's papers are built in (the fixture below); each test reads bytes.
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
        reason="Thiếu poppler-utils (pdftotext, pdfinfo, pdffonts): bỏ qua kiểm tra bố cục giấy tờ "
        "/ poppler-utils missing: paper layout checks skipped (apt-get install -y poppler-utils)",
    ),
]


@dataclasses.dataclass
class Paper:
    """One paper: its data (`doc`: what the layout must show), its PDF, its DOCX and the
    DOCX as LibreOffice prints it. `after_signature`: text that follows the signature (a
    decision's attached list), in order."""

    doc: OfficialDocument | None = None
    pdf: bytes = b""
    docx: bytes | None = None
    docx_pdf: bytes | None = None
    after_signature: tuple[str, ...] = ()
    error: str = ""


def _first_words(text: str, count: int = 6) -> str:
    return " ".join(text.split()[:count])


def _block_text(block: dict) -> str:
    return "".join(run["text"] for run in block.get("runs", ()))


# ---------------------------------------------------------------- building the papers


def _build_papers() -> dict[str, Paper]:
    """Each paper kind from the demo, as the download views build it."""
    from thidua.awards import documents as awards_documents
    from thidua.awards.eligibility import LIVE_STATUSES
    from thidua.awards.models import Award, Decision, Nomination
    from thidua.campaigns import plan_document
    from thidua.campaigns.models import Campaign
    from thidua.councils import minutes
    from thidua.councils.models import Session
    from thidua.initiatives import documents as initiative_documents
    from thidua.initiatives import queries as initiative_queries
    from thidua.initiatives.models import RecognitionDecision
    from thidua.reports import review_document
    from thidua.reports.models import CampaignReview

    def official(doc: OfficialDocument, docx: bool = True) -> Paper:
        return Paper(doc=doc, pdf=render_pdf(doc), docx=render_docx(doc) if docx else None)

    def plan(campaign):
        return official(plan_document.build(campaign))

    def proposal():
        nomination = Nomination.objects.filter(status__in=LIVE_STATUSES, campaign__implements__isnull=True).first()
        campaign, unit = nomination.campaign, nomination.unit
        nominations = Nomination.objects.filter(campaign=campaign, unit=unit, status__in=LIVE_STATUSES)
        doc = awards_documents.proposal_document(campaign, unit, awards_documents._proposal_rows(nominations))
        return Paper(
            doc=doc,
            pdf=awards_documents.proposal_pdf(campaign, unit, nominations),
            docx=awards_documents.proposal_docx(campaign, unit, nominations),
        )

    def decision():
        issued = Decision.objects.filter(register_entry__isnull=False).first()
        doc, attached = awards_documents.decision_document(issued)
        first = attached["groups"][0]
        return Paper(
            doc=doc,
            pdf=awards_documents.decision_pdf(issued),
            docx=awards_documents.decision_docx(issued),
            # A name may wrap in its cell: its first two words.
            after_signature=(attached["title"].split("\n")[0], first["title"], _first_words(first["rows"][0][1], 2)),
        )

    def certificate():
        award = Award.objects.filter(decision__register_entry__isnull=False).select_related("decision").first()
        frame = awards_documents._certificate_frame(awards_documents._issued(award.decision))
        doc = OfficialDocument(
            superior_line="",
            body_line=frame["issuer"],
            number_line="",
            date_line=frame["date_line"],
            type_name="",
            summary=[],
            signer_lines=frame["signer_lines"],
            signer_name=frame["signer_name"],
        )
        return Paper(doc=doc, pdf=awards_documents.certificate_pdf(award), after_signature=())

    def recognition():
        return official(initiative_documents.decision_document(RecognitionDecision.objects.order_by("pk").first()))

    def council_minutes():
        session = Session.objects.filter(status="closed", council__name__startswith="Hội đồng Thi đua").first()
        return official(minutes.build(session))

    def golden_book():
        decision = RecognitionDecision.objects.select_related("unit").order_by("pk").first()
        rows = list(initiative_queries.golden_book(decision.unit))
        # The golden book is printed, not edited: the page offers its PDF (and Excel) only.
        return official(initiative_documents.golden_book_document(decision.unit, rows), docx=False)

    def review():
        return official(review_document.build(CampaignReview.objects.order_by("pk").first()))

    district_plan = Campaign.objects.filter(implements__isnull=True, register_entry__isnull=False).order_by("pk")
    implementing = Campaign.objects.filter(implements__isnull=False, register_entry__isnull=False).order_by("pk")
    builders = {
        "plan": lambda: plan(district_plan.first()),
        "implementing-plan": lambda: plan(implementing.first()),
        "proposal": proposal,
        "award-decision": decision,
        "certificate": certificate,
        "initiative-recognition": recognition,
        "council-minutes": council_minutes,
        "golden-book": golden_book,
        "review": review,
    }
    papers = {}
    for kind, build in builders.items():
        try:
            papers[kind] = build()
        except Exception as error:  # one kind failing to build fails its own tests, not all
            papers[kind] = Paper(error=f"{type(error).__name__}: {error}")
    return papers


def _convert(papers: dict[str, Paper], folder: Path) -> str:
    """Every DOCX through LibreOffice in one run, with its own profile folder so parallel runs
    do not share one. Returns why it could not, or ''."""
    if SOFFICE is None:
        return (
            "Không có LibreOffice (soffice): bỏ qua so sánh bản Word — cài libreoffice-writer-nogui "
            "/ LibreOffice missing: DOCX layout checks skipped (apt-get install -y libreoffice-writer-nogui)"
        )
    sources = []
    for kind, paper in papers.items():
        if paper.docx:
            path = folder / f"{kind}.docx"
            path.write_bytes(paper.docx)
            sources.append(str(path))
    out = folder / "pdf"
    profile = folder / "lo-profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            *("--convert-to", "pdf", "--outdir", str(out)),
            *sources,
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    for kind, paper in papers.items():
        converted = out / f"{kind}.pdf"
        if paper.docx and converted.exists():
            paper.docx_pdf = converted.read_bytes()
    if done.returncode != 0:
        return f"LibreOffice failed: {done.stderr.decode('utf-8', 'replace')[-500:]}"
    return ""


@pytest.fixture(scope="module")
def papers(django_db_setup, django_db_blocker, tmp_path_factory):
    from thidua.org.tests.demo_snapshot import load_demo

    folder = tmp_path_factory.mktemp("papers")
    # The root conftest's per-test settings, for the module: background work inline, fast hashing.
    test_settings = override_settings(
        MEDIA_ROOT=str(folder / "media"),
        THIDUA_BACKGROUND_INLINE=True,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), test_settings, transaction.atomic():
        load_demo(scale=0.03)
        built = _build_papers()
        transaction.set_rollback(True)
    return built, _convert(built, folder)


def _paper(papers, kind: str, fmt: str) -> tuple[Paper, bytes]:
    built, why_not = papers
    paper = built[kind]
    if paper.error:
        pytest.fail(f"{kind} could not be built: {paper.error}")
    if fmt == "pdf":
        return paper, paper.pdf
    if paper.docx is None:
        pytest.skip(f"{kind}: thidua offers no DOCX of this paper")
    if paper.docx_pdf is None:
        pytest.skip(why_not or f"{kind}: LibreOffice wrote no PDF")
    return paper, paper.docx_pdf


# ---------------------------------------------------------------- reading a PDF back


def _run(tool: str, pdf: bytes, *args: str) -> str:
    """A poppler tool on the PDF (pdfinfo and pdffonts read files, not pipes)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        command = [tool, *args, file.name] + (["-"] if tool == "pdftotext" else [])
        return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")


def _layout_lines(pdf: bytes) -> list[str]:
    """The lines pdftotext -layout reads, page numbers (alone on a page's first line from page
    2 on) dropped."""
    pages = _run("pdftotext", pdf, "-layout").split("\f")
    lines = []
    for n, page in enumerate(pages):
        page_lines = [unicodedata.normalize("NFC", line) for line in page.split("\n")]
        if n > 0:
            while page_lines and not page_lines[0].strip():
                page_lines.pop(0)
            if page_lines and page_lines[0].strip().isdigit():
                page_lines.pop(0)
        lines += page_lines
    return lines


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        part = _normal(part)
        if not part:
            continue
        found = text.find(part, position)
        assert found >= 0, f"missing after position {position} ({text[max(0, position - 60) : position]!r}…): {part!r}"
        position = found + len(part)


def _pages(pdf: bytes) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.M).group(1))


KINDS = [
    "plan",
    "implementing-plan",
    "proposal",
    "award-decision",
    "certificate",
    "initiative-recognition",
    "council-minutes",
    "golden-book",
    "review",
]
FORMATS = ["pdf", "docx"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_motto_on_one_line(papers, kind, fmt):
    """The national title and the motto each on one printed line (the DOCX's header table
    once broke the motto onto two)."""
    _, pdf = _paper(papers, kind, fmt)
    lines = _layout_lines(pdf)
    for words in MOTTO:
        assert any(words in _normal(line) for line in lines), f"{words!r} is not on one line"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_parts_in_order(papers, kind, fmt):
    """Issuer lines, number, place and date, type name, summary, body, signer's title and
    name, Nơi nhận, in the order Phụ lục I sets them."""
    paper, pdf = _paper(papers, kind, fmt)
    data = document_data(paper.doc)
    text = _normal("\n".join(_layout_lines(pdf)))
    # The two header columns share printed lines, and an issuer's name may wrap in its
    # column: each column read in its own order, the issuer word by word.
    _assert_in_order(text, [*data["superior_line"].split(), *data["body_line"].split(), data["number_line"]])
    _assert_in_order(text, [*MOTTO, data["date_line"]])
    paragraphs = [_block_text(b) for b in data["body"] if b["kind"] != "table" and len(_block_text(b).split()) >= 3]
    body = [_first_words(paragraphs[0]), _first_words(paragraphs[-1])] if paragraphs else []
    _assert_in_order(
        text,
        [data["number_line"] or data["body_line"].split()[-1], data["type_name"], " ".join(data["summary"]), *body],
    )
    if data["recipients"]:
        _assert_in_order(text, [*body[-1:], "Nơi nhận:", *(_first_words(r, 3) for r in data["recipients"])])
    _assert_in_order(text, [*body[-1:], *data["signer_lines"], *paper.after_signature])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_signer_name(papers, kind, fmt):
    """Under the signer's title, after room to sign, the signer's full name."""
    paper, pdf = _paper(papers, kind, fmt)
    data = document_data(paper.doc)
    if not data["signer_lines"] and not data["signer_name"]:
        pytest.skip(f"{kind} carries no signature")
    assert data["signer_name"].strip(), f"{kind}: the issuer's profile gives no signer name"
    text = _normal("\n".join(_layout_lines(pdf)))
    _assert_in_order(text, [*data["signer_lines"], data["signer_name"], *paper.after_signature])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_a4_and_fonts_embedded(papers, kind, fmt):
    _, pdf = _paper(papers, kind, fmt)
    info = _run("pdfinfo", pdf, "-f", "1", "-l", str(_pages(pdf)))
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes, info
    assert {(round(float(w)), round(float(h))) for w, h in sizes} <= A4, f"not A4: {sizes}"
    fonts = _run("pdffonts", pdf).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        # name type [type2] encoding emb sub uni object ID: emb is the fifth field from the end.
        assert line.split()[-5] == "yes", f"font not embedded: {line}"


@pytest.mark.parametrize("kind", KINDS)
def test_docx_has_as_many_pages_as_pdf(papers, kind):
    paper, docx_pdf = _paper(papers, kind, "docx")
    assert _pages(docx_pdf) == _pages(paper.pdf)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_signature_shares_its_page_with_the_last_paragraph(papers, kind, fmt):
    """The signer's name on the page of the body's last paragraph: the demo's award decision,
    CĐCS minutes and tổng kết once put Nơi nhận and the signature alone on page 2."""
    paper, pdf = _paper(papers, kind, fmt)
    data = document_data(paper.doc)
    if not data["signer_name"] or not data["body"] or data["body"][-1]["kind"] == "table":
        pytest.skip(f"{kind}: no signature after a last paragraph")
    # The paragraph's last word, where its last printed line ends.
    last_word = _block_text(data["body"][-1]).split()[-1]
    # The last page naming the signer: a council's chair is also named in its minutes' tables.
    pages = [_normal(page) for page in _run("pdftotext", pdf, "-layout").split("\f")]
    signed = [page for page in pages if _normal(data["signer_name"]) in page]
    assert signed, f"{kind} ({fmt}): no page carries the signer's name"
    assert _normal(last_word) in signed[-1], f"{kind} ({fmt}): the signature is alone on its page"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_issuer_name_not_split_before_its_last_word(papers, kind, fmt):
    """ "CĐCS TRƯỜNG THCS GIA / THỤY": a letterhead line that wraps keeps its last two words
    on one printed line."""
    paper, pdf = _paper(papers, kind, fmt)
    data = document_data(paper.doc)
    lines = [_normal(line) for line in _layout_lines(pdf)[:12]]
    for name in (*data["superior_line"].split("\n"), *data["body_line"].split("\n")):
        words = name.split()
        if len(words) >= 2:
            tail = " ".join(words[-2:])
            assert any(tail in line for line in lines), f"{kind} ({fmt}): {name!r} wraps before {words[-1]!r}"
