"""Verifying a paper's signed original (issue 21): a PDF the issuing unit signed with its own
tools (USB token, remote signing service — chữ ký số, Nghị định 30/2020 Điều 8 and Phụ lục I
mục IV) and uploaded back into thidua. Pure: bytes and expected values in, a `Check` out; no
database (documents.services.attach_signed_original stores what this says).

What is checked, in this order, the first failure being the verdict:
1. size (THIDUA_SIGNED_MAX_BYTES) and that it is a PDF;
2. it carries at least one signature (an unsigned print is refused);
3. pyHanko validates every signature: the signed bytes are intact (else TAMPERED); the last
   signature covers the whole file, and what was appended after each earlier one is no more
   than a later signature or validation data (else UPDATED: an incremental update after
   signing — a changed page, an added annotation);
4. the signer's certificate was valid now (else EXPIRED) and chains to a root of the trust
   store the administrator configures (THIDUA_SIGNING_TRUST_ROOTS: PEM roots, e.g. the
   national root CA; else UNTRUSTED). No network is used: revocation is soft-fail;
5. the text of the signed revision holds the paper's number, date and title (else OTHER:
   a signed PDF of another paper). The text is read by poppler's pdftotext.
"""

import asyncio
import concurrent.futures
import datetime
import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.documents.models import Verdict

# What the upload field says for each refusal (pyHanko itself is imported in _check_signatures).
MESSAGES = {
    Verdict.UNSIGNED: gettext_lazy("Tệp này chưa có chữ ký số. Hãy tải lên bản PDF đã ký số của văn bản."),
    Verdict.TAMPERED: gettext_lazy("Chữ ký số không còn nguyên vẹn: tệp đã bị sửa sau khi ký."),
    Verdict.UPDATED: gettext_lazy("Tệp đã được sửa thêm sau khi ký (cập nhật gia tăng làm thay đổi nội dung đã ký)."),
    Verdict.OTHER: gettext_lazy(
        "Bản ký số không phải văn bản này: không tìm thấy %(missing)s của văn bản trong nội dung đã ký."
    ),
    Verdict.EXPIRED: gettext_lazy("Chứng thư số của người ký đã hết hạn hoặc chưa có hiệu lực."),
    Verdict.UNTRUSTED: gettext_lazy(
        "Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực chữ ký số được tin cậy."
    ),
    Verdict.TOO_BIG: gettext_lazy("Tệp quá lớn: tối đa %(limit)s MB."),
    Verdict.UNREADABLE: gettext_lazy("Không đọc được tệp: hãy tải lên tệp PDF đã ký số."),
    Verdict.NO_TRUST_STORE: gettext_lazy(
        "Chưa cấu hình kho chứng thư gốc tin cậy (THIDUA_SIGNING_TRUST_ROOTS): báo quản trị hệ thống."
    ),
}


@dataclass
class Signer:
    name: str
    organisation: str = ""
    issuer: str = ""
    signed_at: str = ""  # ISO 8601, as the signature reports it

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "organisation": self.organisation,
            "issuer": self.issuer,
            "signed_at": self.signed_at,
        }


@dataclass
class Check:
    verdict: str
    message: str = ""
    signers: list[Signer] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.VALID


def _refused(verdict: str, signers: list[Signer] | None = None, **values) -> Check:
    message = str(MESSAGES[verdict])
    return Check(verdict, message % values if values else message, signers or [])


# ---------------------------------------------------------------- the trust store


def trust_roots(location: str | None = None) -> list[asn1_x509.Certificate]:
    """The PEM certificates at THIDUA_SIGNING_TRUST_ROOTS: one file (several roots one after
    the other) or a folder of .pem/.crt/.cer files. Empty when unset or missing."""
    location = settings.THIDUA_SIGNING_TRUST_ROOTS if location is None else location
    if not location:
        return []
    path = Path(location)
    files = (
        sorted(p for p in path.iterdir() if p.suffix.lower() in (".pem", ".crt", ".cer")) if path.is_dir() else [path]
    )
    roots = []
    for file in files:
        if not file.is_file():
            continue
        data = file.read_bytes()
        if pem.detect(data):
            roots += [asn1_x509.Certificate.load(der) for _type, _headers, der in pem.unarmor(data, multiple=True)]
        else:
            roots.append(asn1_x509.Certificate.load(data))
    return roots


# ---------------------------------------------------------------- the text of the signed paper


def pdf_text(data: bytes) -> str:
    """The PDF's text (poppler's pdftotext; Debian poppler-utils)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise RuntimeError("pdftotext is missing: apt-get install poppler-utils (docs/deployment.md)")
    done = subprocess.run(  # noqa: S603 — a fixed program and arguments; the PDF goes to stdin
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, timeout=60, check=False
    )
    return done.stdout.decode("utf-8", "replace")


_NOT_WORD = re.compile(r"[^\w/.-]+")


def folded(text: str) -> str:
    """Text compared as words: NFC, case folded, quotes and punctuation and line breaks as
    single spaces — the PDF breaks a long title over lines and prints it as typed."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00ad", "")
    return " " + " ".join(_NOT_WORD.sub(" ", text).split()) + " "


def date_forms(day: datetime.date) -> list[str]:
    """ "ngày 06 tháng 12 năm 2026" as Nghị định 30 prints it (and with or without leading
    zeros), or "06/12/2026"."""
    days = {f"{day.day:02d}", str(day.day)}
    months = {f"{day.month:02d}", str(day.month)}
    forms = [f"ngày {d} tháng {m} năm {day.year}" for d in days for m in months]
    forms += [f"{d}/{m}/{day.year}" for d in days for m in months]
    return [folded(f) for f in forms]


# Register titles that differ from the summary the paper prints (the register keeps a label of
# its own): the printed summary to look for instead.
_PRINTED_SUMMARIES = (
    (re.compile(r"^Quyết định công nhận sáng kiến \(\d+ sáng kiến\)$"), "Về việc công nhận sáng kiến"),
)


def printed_titles(title: str) -> list[str]:
    titles = [title]
    for pattern, printed in _PRINTED_SUMMARIES:
        if pattern.match(title):
            titles.append(printed)
    return titles


def missing_identity(text: str, *, symbol: str, issued_on: datetime.date, title: str) -> list[str]:
    """What of the paper's identity the signed text lacks: its number, date, title."""
    body = folded(text)
    missing = []
    if folded(symbol) not in body:
        missing.append(_("số %(symbol)s") % {"symbol": symbol})
    if not any(form in body for form in date_forms(issued_on)):
        missing.append(_("ngày %(day)s") % {"day": f"{issued_on:%d/%m/%Y}"})
    if not any(folded(t) in body for t in printed_titles(title)):
        missing.append(_("trích yếu"))
    return missing


# ---------------------------------------------------------------- the signatures


def _name_of(name: asn1_x509.Name, key: str) -> str:
    return str(name.native.get(key, "") or "")


def _signer_of(cert: asn1_x509.Certificate, signed_at: datetime.datetime | None) -> Signer:
    subject = cert.subject
    return Signer(
        name=_name_of(subject, "common_name") or subject.human_friendly,
        organisation=_name_of(subject, "organization_name"),
        issuer=_name_of(cert.issuer, "common_name") or cert.issuer.human_friendly,
        signed_at=signed_at.isoformat() if signed_at else "",
    )


def _cert_current(cert: asn1_x509.Certificate, moment: datetime.datetime) -> bool:
    validity = cert["tbs_certificate"]["validity"]
    return validity["not_before"].native <= moment <= validity["not_after"].native


def _updated_after(status, *, last: bool, entire_file, entire_revision, form_filling) -> bool:
    """Whether something other than a later signature or validation data was appended after
    this signature: the last one must cover the whole file; an earlier one its whole revision,
    with no more than form filling (signing is filling a signature field) after it."""
    if last and status.coverage != entire_file:
        return True
    if status.coverage < entire_revision or status.docmdp_ok is False:
        return True
    return status.modification_level is not None and status.modification_level > form_filling


def run_async(coroutine):
    """pyHanko's validation is asyncio: run here, or in a thread of its own when this thread
    already runs an event loop (an ASGI server, Playwright's sync API in the browser tests)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def check_pdf(
    data: bytes,
    *,
    symbol: str,
    issued_on: datetime.date,
    title: str,
    roots: list[asn1_x509.Certificate] | None = None,
    max_bytes: int | None = None,
    now: datetime.datetime | None = None,
) -> Check:
    """The verdict on `data` as the signed original of the paper numbered `symbol`, dated
    `issued_on`, titled `title`. `roots`: the trust store (default: the configured one)."""
    max_bytes = settings.THIDUA_SIGNED_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        return _refused(Verdict.TOO_BIG, limit=f"{max_bytes / 1024 / 1024:g}")
    if data.lstrip()[:5] != b"%PDF-":
        return _refused(Verdict.UNREADABLE)
    roots = trust_roots() if roots is None else roots
    if not roots:
        return _refused(Verdict.NO_TRUST_STORE)
    return run_async(_check_signatures(data, symbol=symbol, issued_on=issued_on, title=title, roots=roots, now=now))


async def _check_signatures(data, *, symbol, issued_on, title, roots, now) -> Check:
    # pyHanko takes about a second to import (CMS, XML, its validators): loaded on the first
    # check, not by every process that imports documents.services.
    from pyhanko.pdf_utils.misc import PdfReadError  # noqa: PLC0415 — heavy, see above
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415
    from pyhanko.sign.diff_analysis import ModificationLevel  # noqa: PLC0415
    from pyhanko.sign.validation import SignatureCoverageLevel, async_validate_pdf_signature  # noqa: PLC0415
    from pyhanko.sign.validation.settings import KeyUsageConstraints  # noqa: PLC0415
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415

    now = now or datetime.datetime.now(datetime.UTC)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError):
        return _refused(Verdict.UNREADABLE)
    if not signatures:
        return _refused(Verdict.UNSIGNED)
    # Vietnamese signing certificates carry digitalSignature and/or nonRepudiation.
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    signers, worst = [], None
    for position, embedded in enumerate(signatures):
        context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail", moment=now)
        try:
            status = await async_validate_pdf_signature(embedded, context, key_usage_settings=usage)
        except Exception:  # a malformed signature dictionary or CMS blob: not a signature we can trust
            worst = worst or Verdict.TAMPERED
            continue
        signed_at = status.timestamp_validity.timestamp if status.timestamp_validity else status.signer_reported_dt
        signers.append(_signer_of(status.signing_cert, signed_at))
        last = position == len(signatures) - 1
        if not (status.intact and status.valid):
            verdict = Verdict.TAMPERED
        elif _updated_after(
            status,
            last=last,
            entire_file=SignatureCoverageLevel.ENTIRE_FILE,
            entire_revision=SignatureCoverageLevel.ENTIRE_REVISION,
            form_filling=ModificationLevel.FORM_FILLING,
        ):
            verdict = Verdict.UPDATED
        elif not status.trusted:
            verdict = Verdict.EXPIRED if not _cert_current(status.signing_cert, now) else Verdict.UNTRUSTED
        else:
            continue
        worst = worst or verdict
    if worst is not None:
        return _refused(worst, signers)
    # The first signature's revision: what every signer signed.
    first = signatures[0]
    _start, _length, tail_start, tail_length = (int(n) for n in first.byte_range)
    signed_revision = data[: tail_start + tail_length]
    missing = missing_identity(pdf_text(signed_revision), symbol=symbol, issued_on=issued_on, title=title)
    if missing:
        return _refused(Verdict.OTHER, signers, missing=", ".join(missing))
    return Check(Verdict.VALID, "", signers)
