"""Signing in thidua for offices without their own tools (issue 21, item 3): a unit's PKCS#12
certificate opened with its passphrase and checked (current, chaining to the trust store),
kept encrypted at rest with THIDUA_SIGNING_KEY (Fernet), and used to sign an issued paper's
print server-side with pyHanko (PAdES) with a visible signature box on the last page where
Nghị định 30/2020 places the signer's signature: under the signer's title, right half.

Pure functions, no database: documents.services stores and uses what this returns."""

import datetime
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext as _

from thidua.documents import signing
from thidua.documents.models import Verdict


class KeyError_(ValueError):
    """A certificate refused, with the reason in Vietnamese, and the form field it belongs next
    to ("file" or "passphrase")."""

    def __init__(self, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Opened:
    """A PKCS#12 opened and checked: what is shown of it, and the bytes to keep (encrypted)."""

    subject: str
    organisation: str
    issuer: str
    serial: str
    not_before: datetime.datetime
    not_after: datetime.datetime
    sealed: bytes  # Fernet token of the PKCS#12 re-written without a passphrase


def server_gaps(*, storing_certificates: bool) -> list[str]:
    """The settings this server still lacks for the signed-original pages, named as an
    administrator sets them: the trust store (every check needs it) and, to store a unit's
    certificate, the encryption key. Empty when the feature can work (a dev or demo install
    usually has neither: the pages then say so instead of refusing every file)."""
    gaps = [] if signing.trust_roots() else ["THIDUA_SIGNING_TRUST_ROOTS"]
    if storing_certificates and not (getattr(settings, "THIDUA_SIGNING_KEY", "") or ""):
        gaps.append("THIDUA_SIGNING_KEY")
    return gaps


def _fernet() -> Fernet:
    key = getattr(settings, "THIDUA_SIGNING_KEY", "") or ""
    if not key:
        raise KeyError_(
            _(
                "Máy chủ chưa được cấu hình khóa mã hóa chứng thư số (THIDUA_SIGNING_KEY): "
                "chưa lưu được chứng thư. Xin báo quản trị hệ thống."
            )
        )
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except (ValueError, TypeError) as error:
        raise KeyError_(
            _("Khóa mã hóa chứng thư số của máy chủ (THIDUA_SIGNING_KEY) không hợp lệ. Xin báo quản trị hệ thống.")
        ) from error


def _attribute(name: x509.Name, oid) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _asn1(cert: x509.Certificate):
    """`cert` as pyHanko reads it (asn1crypto)."""
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415 — with pyHanko, loaded on use

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _chains(cert: x509.Certificate, extra: list[x509.Certificate], now: datetime.datetime) -> bool:
    from pyhanko_certvalidator import CertificateValidator, ValidationContext  # noqa: PLC0415
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError  # noqa: PLC0415

    roots = signing.trust_roots()
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail", moment=now)
    validator = CertificateValidator(
        _asn1(cert), intermediate_certs=[_asn1(c) for c in extra], validation_context=context
    )
    try:
        signing.run_async(validator.async_validate_usage(set()))
    except (PathBuildingError, PathValidationError):
        return False
    return True


def open_pkcs12(data: bytes, passphrase: str, *, now: datetime.datetime | None = None) -> Opened:
    """Open `data` with `passphrase`; refuse (KeyError_) a wrong passphrase, a file that is not a
    PKCS#12 with a key and its certificate, a certificate not current today, or one that does
    not chain to THIDUA_SIGNING_TRUST_ROOTS. Returns what to show and the sealed bytes."""
    fernet = _fernet()  # refused first when the server cannot keep it
    now = now or datetime.datetime.now(datetime.UTC)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, (passphrase or "").encode() or None)
    except ValueError as error:
        raise KeyError_(
            _("Không mở được tệp chứng thư: sai mật khẩu, hoặc tệp không phải chứng thư số PKCS#12 (.p12, .pfx)."),
            field="passphrase",
        ) from error
    if key is None or cert is None:
        raise KeyError_(_("Tệp PKCS#12 không có khóa bí mật kèm chứng thư của người ký."))
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise KeyError_(
            _("Chứng thư số hết hiệu lực (có hiệu lực từ %(start)s đến %(end)s).")
            % {"start": f"{cert.not_valid_before_utc:%d/%m/%Y}", "end": f"{cert.not_valid_after_utc:%d/%m/%Y}"}
        )
    if not signing.trust_roots():
        raise KeyError_(str(signing.MESSAGES[Verdict.NO_TRUST_STORE]))
    if not _chains(cert, list(extra), now):
        raise KeyError_(
            _(
                "Chứng thư số không do tổ chức chứng thực được tin cậy cấp (không dẫn tới chứng thư gốc "
                "mà quản trị đã cấu hình)."
            )
        )
    plain = pkcs12.serialize_key_and_certificates(
        b"thidua",
        key,  # type: ignore[arg-type]
        cert,
        list(extra) or None,
        serialization.NoEncryption(),
    )
    return Opened(
        subject=_attribute(cert.subject, NameOID.COMMON_NAME),
        organisation=_attribute(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer=_attribute(cert.issuer, NameOID.COMMON_NAME),
        serial=format(cert.serial_number, "X"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sealed=fernet.encrypt(plain),
    )


def unseal(sealed: bytes):
    """The key, certificate and chain of a stored certificate."""
    try:
        plain = _fernet().decrypt(bytes(sealed))
    except InvalidToken as error:
        raise KeyError_(
            _("Không giải mã được chứng thư số đã lưu (khóa mã hóa của máy chủ đã đổi). Xin tải chứng thư lên lại.")
        ) from error
    return pkcs12.load_key_and_certificates(plain, None)


# ---------------------------------------------------------------- the visible signature box

# In points (A4). The fixed box used when the signer's block is not found on the last page: the
# right half, where the signer's title and name stand (ND 30/2020, Phụ lục I, ô số 7).
FALLBACK_BOX = (312.0, 120.0, 552.0, 190.0)
BOX_WIDTH, BOX_HEIGHT = 210.0, 46.0
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def _pages(bbox_html: str):
    """[(width, height, [(x_min, y_min, x_max, y_max, word)])] of pdftotext -bbox's output."""
    pages = []
    chunks = _PAGE.split(bbox_html)  # [before, w, h, body, w, h, body, …]
    for i in range(1, len(chunks) - 2, 3):
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(chunks[i + 2])]
        pages.append((float(chunks[i]), float(chunks[i + 1]), words))
    return pages


def signature_box(pdf: bytes, pages: int, signer_name: str) -> tuple[int, tuple[float, float, float, float]]:
    """Where the signature box goes (page index, rectangle in PDF points): on the page of the
    signer's block — the signer's full name in the right half, its last occurrence (an attached
    list after the paper has none) — in the space above the name, under the signer's title,
    where the hand signature goes (ND 30/2020, Phụ lục I). Else FALLBACK_BOX on the last page."""
    fallback = (pages - 1, FALLBACK_BOX)
    pdftotext = shutil.which("pdftotext")
    tokens = (signer_name or "").split()
    if pdftotext is None or not tokens:
        return fallback
    try:
        done = subprocess.run(  # noqa: S603 — a fixed program and arguments; the PDF goes to stdin
            [pdftotext, "-bbox", "-", "-"], input=pdf, capture_output=True, timeout=60, check=False
        )
    except (subprocess.TimeoutExpired, OSError):  # the box still goes on, where it would without pdftotext
        return fallback
    found = None
    for index, (width, height, words) in enumerate(_pages(done.stdout.decode("utf-8", "replace"))):
        for at in range(len(words) - len(tokens) + 1):
            run = words[at : at + len(tokens)]
            if [w[4] for w in run] == tokens and run[0][0] > width / 2 - 40 and len({round(w[1]) for w in run}) == 1:
                found = (index, width, height, words, run[0][1])
    if found is None:
        return fallback
    index, width, height, words, top = found
    # The nearest line above the name in the right half: the signer's title (CHỦ TỊCH).
    above = [w[3] for w in words if w[3] < top - 1 and w[0] > width / 2 - 40]
    gap = top - max(above) if above else BOX_HEIGHT + 8
    box_height = max(30.0, min(BOX_HEIGHT, gap - 6))
    bottom = height - top + 3  # PDF y grows upwards
    centre = width * 0.72
    return index, (centre - BOX_WIDTH / 2, bottom, centre + BOX_WIDTH / 2, bottom + box_height)


_STAMP = """#set page(width: {w}pt, height: {h}pt, margin: 3pt, fill: none)
#set text(font: "Liberation Serif", size: 9pt, fill: rgb("#b00000"))
#set par(leading: 0.35em)
#rect(width: 100%, height: 100%, stroke: 0.8pt + rgb("#b00000"), inset: 3pt)[
  #text(weight: "bold")[{heading}] \\
  {lines}
]
"""


def _typst_text(value: str) -> str:
    return re.sub(r'([\\#*_`$<>@\[\]"])', r"\\\1", value)


def _stamp_pdf(folder: Path, lines: list[str], box) -> Path:
    import typst  # noqa: PLC0415 — Typst's compiler loads only when a paper is rendered

    from thidua.documents.rendering import _font_paths  # noqa: PLC0415

    width, height = box[2] - box[0], box[3] - box[1]
    source = _STAMP.format(
        w=f"{width:.1f}",
        h=f"{height:.1f}",
        heading=_typst_text(lines[0]),
        lines=" \\\n  ".join(_typst_text(line) for line in lines[1:]),
    )
    path = folder / "stamp.typ"
    path.write_text(source, encoding="utf-8")
    out = folder / "stamp.pdf"
    out.write_bytes(typst.compile(str(path), font_paths=_font_paths(), ignore_system_fonts=True))
    return out


def sign_pdf(pdf: bytes, sealed: bytes, *, signer_name: str = "", now: datetime.datetime | None = None) -> bytes:
    """`pdf` signed with the stored certificate `sealed` (PAdES), with a visible box on its last
    page under the signer's block."""
    from asn1crypto import keys as asn1_keys  # noqa: PLC0415 — pyHanko is heavy, loaded on use
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: PLC0415
    from pyhanko.sign import fields, signers  # noqa: PLC0415
    from pyhanko.sign.fields import SigSeedSubFilter  # noqa: PLC0415
    from pyhanko.stamp import StaticStampStyle  # noqa: PLC0415
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415

    key, cert, extra = unseal(sealed)
    now = now or datetime.datetime.now(datetime.UTC)

    signer = signers.SimpleSigner(
        signing_cert=_asn1(cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([_asn1(c) for c in extra]),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pages = int(writer.root["/Pages"]["/Count"])
    name = _attribute(cert.subject, NameOID.COMMON_NAME)
    page, box = signature_box(pdf, pages, signer_name or name)
    local = now.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    lines = [
        _("Ký số bởi: %(name)s") % {"name": name},
        *(
            [_("Cơ quan: %(org)s") % {"org": org}]
            if (org := _attribute(cert.subject, NameOID.ORGANIZATION_NAME))
            else []
        ),
        _("Thời gian ký: %(at)s") % {"at": f"{local:%H:%M %d/%m/%Y}"},
    ]
    field = "ChuKySoThidua"
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES, name=name)
    with tempfile.TemporaryDirectory() as folder:
        stamp = StaticStampStyle.from_pdf_file(str(_stamp_pdf(Path(folder), lines, box)), border_width=0)
        pdf_signer = signers.PdfSigner(
            meta,
            signer=signer,
            stamp_style=stamp,
            new_field_spec=fields.SigFieldSpec(
                field, on_page=page, box=(int(box[0]), int(box[1]), int(box[2]), int(box[3]))
            ),
        )
        out = signing.run_async(pdf_signer.async_sign_pdf(writer))
    return out.getvalue()
