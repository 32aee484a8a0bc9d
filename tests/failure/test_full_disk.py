"""The upload folder's disk fills up while a CĐCS sends photos of its work: the CĐCS is told
clearly, nothing is half-stored (no attachment row, no evidence, no counter moved, no partial
file), and once space is freed the same upload goes through.

A real full disk: a 512 KiB tmpfs mounted for the test (needs root; skipped otherwise)."""

import datetime
import io
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from thidua.core.models import Attachment
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.participation import services
from thidua.participation.models import Evidence, Work

pytestmark = [pytest.mark.failure, pytest.mark.django_db]


@pytest.fixture
def small_disk(tmp_path, settings):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("cần quyền root để gắn một ổ tmpfs nhỏ làm ổ đầy")
    mount_point = tmp_path / "media"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"không gắn được tmpfs: {result.stderr.strip()}")
    settings.MEDIA_ROOT = mount_point
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)  # noqa: S607


def _noise_photo() -> bytes:
    """A ~200 KB PNG that does not compress (random pixels)."""
    rng = random.Random(4)
    image = Image.frombytes("RGB", (260, 260), bytes(rng.getrandbits(8) for _ in range(260 * 260 * 3)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _fill(folder: Path, leave: int) -> Path:
    """Fill the disk, leaving `leave` bytes free."""
    free = shutil.disk_usage(folder).free
    filler = folder / "filler.bin"
    filler.write_bytes(b"\0" * max(0, free - leave))
    return filler


def _files(folder: Path) -> list[str]:
    return (
        sorted(str(p.relative_to(folder)) for p in (folder / "attachments").rglob("*") if p.is_file())
        if (folder / "attachments").exists()
        else []
    )


def test_full_disk_refuses_the_upload_clearly_and_stores_nothing(small_disk, federation, campaign, client):
    chair = make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    work = services.register_work(
        chair,
        campaign=campaign,
        unit=federation.school,
        name="Sửa chữa nhà đa năng",
        planned_on=datetime.date(2023, 9, 1),
    )
    photo = _noise_photo()
    filler = _fill(small_disk, leave=64 * 1024)  # room for a third of the photo: the write fails midway
    client.force_login(chair)
    url = reverse("participation:work_evidence", args=[work.pk])

    response = client.post(url, {"photos": [_upload(photo)]})
    assert response.status_code == 400
    assert "kho lưu trữ của máy chủ đầy" in response.content.decode()
    assert Attachment.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert Work.objects.get(pk=work.pk).photo_count == 0
    assert _files(small_disk) == []  # the partial file was removed

    filler.unlink()  # the operator frees space; the CĐCS sends again
    response = client.post(url, {"photos": [_upload(photo)]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (small_disk / attachment.file.name).read_bytes() == photo
    assert Work.objects.get(pk=work.pk).photo_count == 1


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("khanh-thanh.png", content, content_type="image/png")
