"""Every file the demo attaches opens in a reader (issue 15 item 8): a newcomer's first click on
a dossier's "Báo cáo thành tích" once got a hand-written "%PDF" stub that every PDF reader
called damaged. PDFs are checked with poppler's pdfinfo (what a reader would say), images with
Pillow, thumbnails included."""

import io
import shutil
import subprocess

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from thidua.core.models import Attachment, AttachmentKind
from thidua.org.tests.demo_snapshot import load_demo


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(scale=0.03)


def _read(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def _pdf_pages(data: bytes, pdfinfo: str) -> int:
    done = subprocess.run([pdfinfo, "-"], input=data, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    line = next(line for line in done.stdout.decode().splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_every_demo_attachment_opens(demo):
    pdfinfo = shutil.which("pdfinfo")
    if not pdfinfo:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    attachments = list(Attachment.objects.order_by("pk"))
    kinds = {a.kind for a in attachments}
    assert {AttachmentKind.IMAGE, AttachmentKind.DOCUMENT} <= kinds  # the demo has photos and dossier scans
    for attachment in attachments:
        data = _read(attachment.file.name)
        assert len(data) == attachment.size
        if attachment.content_type == "application/pdf":
            assert _pdf_pages(data, pdfinfo) >= 1, attachment.original_name
        elif attachment.kind == AttachmentKind.DOCUMENT:
            pytest.fail(f"unexpected demo document {attachment.original_name} ({attachment.content_type})")
        else:
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # decodes every pixel: a truncated file raises here
                assert (image.width, image.height) == (attachment.width, attachment.height)
        if attachment.thumbnail:
            with Image.open(io.BytesIO(_read(attachment.thumbnail.name))) as thumb:
                thumb.load()


def test_demo_dossier_pdf_reads_as_the_document_it_stands_for(demo):
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext is not installed")
    from thidua.awards.models import DossierFile

    dossier_file = DossierFile.objects.select_related("requirement", "attachment").order_by("pk").first()
    text = subprocess.run(
        [pdftotext, "-layout", "-", "-"],
        input=_read(dossier_file.attachment.file.name),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert dossier_file.requirement.name.upper() in " ".join(text.split())
