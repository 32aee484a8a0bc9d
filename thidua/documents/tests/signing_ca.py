"""A test certificate authority made in the test (issue 21): a root, signers' certificates
(current, expired, from another root), and signing a PDF with pyHanko as an office's own
signing tool would — outside thidua."""

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from thidua.documents.signing import run_async

NOW = datetime.datetime.now(datetime.UTC)


@dataclass
class Identity:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(common: str, organisation: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, common)]
    if organisation:
        parts.insert(1, x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    return x509.Name(parts)


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_root(common: str = "Test Root CA thidua") -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(days=3650))
        .not_valid_after(NOW + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, cert)


def make_signer(root: Identity, common: str, organisation: str = "", *, expired: bool = False) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    start, end = (
        (NOW - datetime.timedelta(days=400), NOW - datetime.timedelta(days=30))
        if expired
        else (NOW - datetime.timedelta(days=30), NOW + datetime.timedelta(days=365))
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common, organisation))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(ca=False), critical=True)
        .sign(root.key, hashes.SHA256())
    )
    return Identity(key, cert, (root.cert,))


def write_roots(folder: Path, *roots: Identity) -> str:
    path = folder / "trust-roots.pem"
    path.write_bytes(b"".join(root.pem() for root in roots))
    return str(path)


def trusted_chair(settings, folder: Path) -> Identity:
    """A new root made the trust store (THIDUA_SIGNING_TRUST_ROOTS), uploads kept under
    `folder`/media, and Long Biên's chair's certificate from that root: where the browser
    signing tests start."""
    root = make_root()
    settings.THIDUA_SIGNING_TRUST_ROOTS = write_roots(folder, root)
    settings.MEDIA_ROOT = folder / "media"
    return make_signer(root, "Nguyễn Trường Giang", "LĐLĐ quận Long Biên")


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def sign(pdf: bytes, who: Identity, *, field: str = "Signature1") -> bytes:
    """`pdf` signed by `who` (PAdES, an incremental update), as the office's tool signs it."""
    signer = signers.SimpleSigner(
        signing_cert=_asn1(who.cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            who.key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([_asn1(c) for c in who.chain]),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES)
    out = run_async(signers.async_sign_pdf(writer, meta, signer=signer))
    return out.getvalue()


def tamper(signed: bytes) -> bytes:
    """One byte of the signed content changed in place (same length, same byte ranges)."""
    data = bytearray(signed)
    at = data.find(b"/MediaBox")
    assert at > 0
    data[at + 1 : at + 9] = b"MediaBoy"
    return bytes(data)


def append_page_text(signed: bytes) -> bytes:
    """An incremental update after signing that changes the signed page: a content stream
    added to its first page (what an editor saving "just one more line" writes)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    added = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (Da sua) Tj ET"))
    contents = page["/Contents"]
    existing = list(contents) if isinstance(contents, generic.ArrayObject) else [page.raw_get("/Contents")]
    page["/Contents"] = generic.ArrayObject([*existing, added])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
