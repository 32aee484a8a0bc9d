"""Uploads that are not what their name says (issue 16 item 4): a GIF with an HTML page appended
named poly.html is stored and served as the clean GIF it also is; a PDF is always a download
named .pdf; every file answers with nosniff and a sandboxing CSP."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from thidua.core import attachments
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def chair(federation):
    return make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


def image_bytes(fmt: str, size) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def polyglot() -> bytes:
    """A real GIF with an HTML page appended: Pillow opens it, a browser sniffing it runs it."""
    return image_bytes("GIF", (40, 30)) + HTML


def test_a_gif_with_html_appended_is_stored_as_a_clean_gif_and_served_as_one(
    federation, media, login, chair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(chair, federation.school, upload("poly.html", polyglot(), "text/html"), scope_path="x")
    assert att.file.name.endswith(".gif") and att.content_type == "image/gif"
    stored = (media / att.file.name).read_bytes()
    assert b"<script" not in stored and att.size == len(stored)
    with Image.open(io.BytesIO(stored)) as picture:
        assert (picture.format, picture.size) == ("GIF", (40, 30))
    response = login(chair).get(reverse("core:attachment", args=[att.pk]))
    body = b"".join(response.streaming_content)
    assert b"<script" not in body
    assert response["Content-Type"] == "image/gif"
    assert response["Content-Disposition"] == 'inline; filename="poly.gif"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_jpeg_keeps_only_its_picture_upright(federation, media, chair, django_capture_on_commit_callbacks):
    """A phone photo taken sideways (EXIF orientation 6) is stored turned, without its EXIF
    (which also carries the place it was taken)."""
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to show
    exif[0x010F] = "Điện thoại của An"
    Image.new("RGB", (120, 80), (10, 120, 200)).save(out, format="JPEG", exif=exif)
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(
            chair, federation.school, upload("anh.jpeg", out.getvalue(), "image/jpeg"), scope_path="x"
        )
    with Image.open(media / att.file.name) as stored:
        assert stored.size == (80, 120) and not stored.getexif()
    assert (att.width, att.height) == (80, 120)


def test_a_pdf_named_like_a_page_is_a_download_named_pdf(federation, login, chair, django_capture_on_commit_callbacks):
    content = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n" + HTML
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(
            chair, federation.school, upload("bien-ban.html", content, "text/html"), scope_path="x", images_only=False
        )
    response = login(chair).get(reverse("core:attachment", args=[att.pk]))
    assert b"".join(response.streaming_content) == content  # read to the end, which closes the file
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
