"""Uploads: images checked by their content, programs and oversized files refused with a
Vietnamese message and nothing stored, files served only within the owner's scope."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from thidua.core import access, attachments
from thidua.core.models import Attachment
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

# Who uploads in the tests that are not about who uploads (a person's upload goes through a service).
UPLOADER = access.system_actor("test")


def image_bytes(fmt: str = "JPEG", size=(1200, 800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_photo_is_stored_after_commit_with_a_thumbnail(federation, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(UPLOADER, federation.school, upload("khanh-thanh.jpg", image_bytes()), scope_path="x")
    att.refresh_from_db()
    assert att.kind == "image"
    assert (att.width, att.height) == (1200, 800)
    assert att.original_name == "khanh-thanh.jpg"
    assert att.file.name.endswith(".jpg")
    with Image.open(att.thumbnail.path) as thumb:
        assert max(thumb.size) == 400
    assert len(stored_files(media)) == 2


def test_png_renamed_jpg_is_kept_as_the_png_it_is(federation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(UPLOADER, federation.school, upload("anh.jpg", image_bytes("PNG")), scope_path="x")
    assert att.content_type == "image/png"
    assert att.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.jpg", "Báo cáo kết quả thi đua".encode(), "không phải là ảnh"),
        ("anh.png", b"%PDF-1.7 not an image", "không phải là ảnh"),
        ("anh.jpg", b"MZ\x90\x00\x03" + b"\x00" * 200, "tệp chương trình"),
        ("cai-dat.exe", image_bytes(), "tệp chương trình"),
        ("chay.jpg", b"#!/bin/sh\nrm -rf /\n", "tệp chương trình"),
        ("trong.jpg", b"", "rỗng"),
    ],
)
def test_refused_file_says_why_and_stores_nothing(
    federation, media, django_capture_on_commit_callbacks, name, content, message
):
    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        attachments.attach(UPLOADER, federation.school, upload(name, content), scope_path="x")
    assert message in error.value.messages[0]
    assert name in error.value.messages[0]
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_oversized_photo_is_refused_with_the_limit(federation, media, settings, django_capture_on_commit_callbacks):
    settings.THIDUA_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = image_bytes("BMP", (800, 600))  # ~1.4 MB, a real image, still too big
    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        attachments.attach(UPLOADER, federation.school, upload("to.jpg", big), scope_path="x")
    assert "quá lớn" in error.value.messages[0]
    assert "tối đa 1 MB" in error.value.messages[0]
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_pdf_is_accepted_only_where_documents_are(federation, django_capture_on_commit_callbacks):
    pdf = upload("bien-ban.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "application/pdf")
    with pytest.raises(ValidationError):
        attachments.attach(UPLOADER, federation.school, pdf, scope_path="x")
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(UPLOADER, federation.school, pdf, scope_path="x", images_only=False)
    assert (att.kind, att.content_type) == ("document", "application/pdf")


def test_one_bad_file_refuses_the_batch(federation):
    files = [upload("a.jpg", image_bytes()), upload("b.jpg", b"not an image")]
    with pytest.raises(ValidationError) as error:
        attachments.check_all(files)
    assert error.value.messages == ["Tệp “b.jpg” không phải là ảnh (chỉ nhận ảnh JPG, PNG, GIF, WEBP)."]


@pytest.mark.django_db(transaction=True)
def test_rolled_back_upload_leaves_no_file(federation, media):
    with pytest.raises(RuntimeError), transaction.atomic():
        attachments.attach(UPLOADER, federation.school, upload("a.jpg", image_bytes()), scope_path="x")
        raise RuntimeError("a later step of the service failed")
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_file_is_served_within_the_owners_scope_only(federation, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        att = attachments.attach(UPLOADER, federation.school, upload("anh.jpg", image_bytes()), scope_path="x")
    chair = make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    outsider = make_user("company_chair", RoleKind.GRASSROOTS_CHAIR, federation.company)
    sibling = make_user("gl", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    for user in (chair, officer):
        response = login(user).get(reverse("core:attachment", args=[att.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as served:
            assert (served.format, served.size) == ("JPEG", (1200, 800))
        thumb = login(user).get(reverse("core:attachment_thumb", args=[att.pk]))
        assert thumb.status_code == 200
        with Image.open(io.BytesIO(b"".join(thumb.streaming_content))) as small:
            assert max(small.size) == 400
    for user in (outsider, sibling):
        assert login(user).get(reverse("core:attachment", args=[att.pk])).status_code == 404
        assert login(user).get(reverse("core:attachment_thumb", args=[att.pk])).status_code == 404
    assert login(chair).get(reverse("core:attachment", args=[att.pk + 1000])).status_code == 404


def test_an_upload_without_an_actor_is_refused_and_nothing_is_stored(federation, media):
    # Who uploaded is recorded with the file: None is not "nobody" but a caller that forgot it.
    with pytest.raises(access.MissingActor):
        attachments.attach(None, federation.school, upload("a.jpg", image_bytes()), scope_path="x")
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_the_uploader_is_recorded(federation, django_capture_on_commit_callbacks):
    chair = make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    with django_capture_on_commit_callbacks(execute=True):
        by_person = attachments.attach(chair, federation.school, upload("a.jpg", image_bytes()), scope_path="x")
        by_system = attachments.attach(UPLOADER, federation.school, upload("b.jpg", image_bytes()), scope_path="x")
    assert by_person.uploaded_by == chair
    assert by_system.uploaded_by is None
