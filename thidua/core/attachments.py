"""Uploaded files (a work's photos, a dossier's scans): checked by their content, stored under
MEDIA_ROOT, read only through the scope of the object they belong to.

A file's name and the browser's content type are whatever the sender says, so neither is
trusted: an image must open in Pillow as one of the formats below, a PDF must start like one,
a program is refused whatever it is called. An image is stored as Pillow encodes it again, so
whatever rode along after the picture (a GIF with an HTML page appended: a "polyglot") is
gone, and every file is stored and served under the extension of what it really is
(served_name), never the one it was sent with. Validation happens before anything is written,
so a refused file leaves nothing behind. Thumbnails are made after the commit (core.tasks),
outside the request that uploaded the photo.

The bytes are written before the row, in chunks: inside the service's transaction (`attach`), or
before it opens (`staged`, for services that lock a row: the transaction then holds no file
write). A storage that cannot take them (full disk, read-only mount, object store down) refuses
the upload with a message before any row is written — never a row whose file is missing. If the
transaction rolls back later, the file written is deleted (see _DeleteUnlessCommitted); a staged
file never recorded is deleted when its block ends.
"""

import io
import logging
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from thidua.core import access
from thidua.core.models import Attachment, AttachmentKind

# Pillow format → (stored extension, content type). Only formats every browser shows.
IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
}
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "jpe", "png", "gif", "webp", "jfif"})
# What programs start with: Windows (MZ), Linux (ELF), scripts (#!), macOS (Mach-O, fat).
PROGRAM_SIGNATURES = (
    b"MZ",
    b"\x7fELF",
    b"#!",
    b"\xca\xfe\xba\xbe",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xcf\xfa\xed\xfe",
)
PROGRAM_EXTENSIONS = frozenset(
    {"exe", "com", "bat", "cmd", "msi", "scr", "dll", "sh", "ps1", "vbs", "js", "jar", "apk", "app", "bin", "run"}
)
PDF_SIGNATURE = b"%PDF-"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    extension: str
    content_type: str
    width: int | None = None
    height: int | None = None


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def check(upload, *, images_only: bool = True) -> CheckedFile:
    """What the file really is, or a ValidationError saying in Vietnamese why it is refused."""
    name = upload.name or ""
    limit = settings.THIDUA_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB): chỉ nhận tệp tối đa %(max)s MB."),
            params={"name": name, "size": f"{upload.size / (1024 * 1024):.1f}", "max": _mb(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng."), params={"name": name}, code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(PROGRAM_SIGNATURES) or _extension(name) in PROGRAM_EXTENSIONS:
        raise ValidationError(
            _("Tệp “%(name)s” là tệp chương trình: không được phép tải lên."), params={"name": name}, code="program"
        )
    if head.startswith(PDF_SIGNATURE) and not images_only:
        return CheckedFile(AttachmentKind.DOCUMENT, "pdf", "application/pdf")
    image = _open_image(upload)
    if image is None:
        if images_only:
            message = _("Tệp “%(name)s” không phải là ảnh (chỉ nhận ảnh JPG, PNG, GIF, WEBP).")
        else:
            message = _("Tệp “%(name)s” không phải là ảnh hay tệp PDF.")
        raise ValidationError(message, params={"name": name}, code="not_image")
    extension, content_type = IMAGE_FORMATS[image.format]
    return CheckedFile(AttachmentKind.IMAGE, extension, content_type, image.width, image.height)


def _open_image(upload) -> Image.Image | None:
    """The image, when the bytes decode as one of IMAGE_FORMATS; None otherwise. A picture of
    absurd size (a "decompression bomb") is refused rather than decoded."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    except Image.DecompressionBombWarning:
        return None
    finally:
        upload.seek(0)
    return image if image.format in IMAGE_FORMATS else None


def check_all(uploads, *, images_only: bool = True) -> None:
    """Check every file of a form before any is stored: one bad photo refuses them all."""
    errors = []
    for upload in uploads:
        try:
            check(upload, images_only=images_only)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)


@dataclass
class Staged:
    """An upload checked and written to storage before the caller's transaction (`staged`): the
    transaction then only records its row (`attach(..., staged=…)`)."""

    checked: CheckedFile
    name: str  # as the storage saved it
    original_name: str
    size: int
    width: int | None
    height: int | None
    recorded: bool = False


def _checked_and_stored(upload, images_only: bool) -> Staged:
    checked = check(upload, images_only=images_only)
    name = f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{checked.extension}"
    content = _reencoded(upload) if checked.kind == AttachmentKind.IMAGE else None
    stored = _store(name, upload, content)
    return Staged(
        checked=checked,
        name=stored,
        original_name=(upload.name or name)[-255:],
        size=content.size if content is not None else upload.size,
        width=content.image_size[0] if content is not None else checked.width,
        height=content.image_size[1] if content is not None else checked.height,
    )


@contextmanager
def staged(actor, upload, *, images_only: bool = True) -> Iterator[Staged]:
    """Check `upload` and write its bytes now, before the caller opens the transaction that
    records it (issue 18: a large scan or a slow disk never holds a row lock or keeps a
    transaction open). Inside the block the caller's transaction passes the result to
    `attach(..., staged=…)`; leaving the block without having recorded it (a refusal, an error)
    deletes the file, and a rollback after recording deletes it as `attach` always does.

        with attachments.staged(actor, upload, images_only=False) as file:
            with transaction.atomic():
                …lock, check…
                attachments.attach(actor, owner, upload, scope_path=…, staged=file)

    Refusals are `attach`'s (ValidationError before anything is written; None as actor raises
    `access.MissingActor` before anything is read)."""
    access.person(actor)
    file = _checked_and_stored(upload, images_only)
    try:
        yield file
    finally:
        if not file.recorded:
            _delete(file.name)


def attach(
    actor,
    owner,
    upload,
    *,
    scope_path: str,
    images_only: bool = True,
    caption: str = "",
    staged: Staged | None = None,
) -> Attachment:
    """Check `upload`, store its bytes and record it as an attachment of `owner`, in the
    caller's transaction — or, with `staged` (see `staged`), only record the file already
    checked and stored before the transaction.

    Raises ValidationError before anything is written when the file is refused, and when the
    storage cannot take it (nothing is left of it then). The file is deleted again if the
    caller's transaction rolls back; the thumbnail is made after the commit.

    `actor` is who uploads: a user, or `access.system_actor` for code no person runs; None
    raises `access.MissingActor` before anything is read or stored (issue 16 item 6)."""
    uploader = access.person(actor)
    file = staged if staged is not None else _checked_and_stored(upload, images_only)
    checked = file.checked
    # From here on, a rollback (of the caller's transaction or a savepoint around this call)
    # drops this callback unrun, and dropping it deletes the file.
    transaction.on_commit(_DeleteUnlessCommitted(file.name))
    file.recorded = True
    attachment = Attachment.objects.create(
        owner_type=ContentType.objects.get_for_model(owner),
        owner_id=owner.pk,
        scope_path=scope_path,
        kind=checked.kind,
        file=file.name,
        original_name=file.original_name,
        content_type=checked.content_type,
        size=file.size,
        width=file.width,
        height=file.height,
        caption=caption,
        uploaded_by=uploader,
    )
    if checked.kind == AttachmentKind.IMAGE:
        from thidua.core import background, tasks  # noqa: PLC0415 — core.tasks imports this module

        background.enqueue(tasks.make_thumbnail, attachment.pk)
    return attachment


class _Reencoded(ContentFile):
    image_size: tuple[int, int]


def _reencoded(upload) -> _Reencoded:
    """The picture of an image `check` accepted, encoded again in its own format by Pillow:
    only pixels (all frames of an animation) and the colour profile survive, not trailing bytes
    or metadata. A JPEG is turned upright first, since its EXIF orientation does not survive."""
    upload.seek(0)
    with Image.open(upload) as source:
        fmt = source.format
        options = {"icc_profile": source.info["icc_profile"]} if source.info.get("icc_profile") else {}
        if getattr(source, "is_animated", False):
            image, options = source, {**options, "save_all": True, "loop": source.info.get("loop", 0)}
        else:
            image = ImageOps.exif_transpose(source) if fmt == "JPEG" else source
        if fmt == "JPEG":
            options["quality"] = 90
        out = io.BytesIO()
        image.save(out, format=fmt, **options)
        size = image.size
    upload.seek(0)
    content = _Reencoded(out.getvalue())
    content.image_size = size
    return content


def served_name(attachment: Attachment) -> str:
    """The name a download carries: the sender's name with the extension of what the file
    really is ("poly.html" holding a GIF is served as "poly.gif")."""
    stem = attachment.original_name.rsplit(".", 1)[0] if "." in attachment.original_name else attachment.original_name
    extension = _extension(attachment.file.name)
    return f"{stem or 'tep'}.{extension}" if extension else stem or "tep"


def _store(name: str, upload, content: ContentFile | None = None) -> str:
    """`content` (else the bytes of `upload`) saved under `name` (or the name the storage
    chose); on a storage error, whatever part was written is removed and the user is told in
    Vietnamese."""
    storage = Attachment.file.field.storage
    upload.seek(0)
    try:
        # The upload itself, not its bytes read into memory: the storage copies it in chunks (or
        # moves the temporary file a large upload was spooled to).
        return storage.save(name, content if content is not None else upload)
    except OSError as error:
        logger.exception("could not store an upload as %s", name)
        try:
            storage.delete(name)  # a partial file, when the disk filled up midway
        except OSError:
            logger.exception("could not remove the partial upload %s", name)
        raise ValidationError(
            _(
                "Không lưu được tệp “%(name)s”: kho lưu trữ của máy chủ đầy hoặc không ghi được. "
                "Chưa có gì được lưu; hãy thử lại sau hoặc báo quản trị hệ thống."
            ),
            params={"name": upload.name or ""},
            code="storage",
        ) from error


class _DeleteUnlessCommitted:
    """An on_commit callback that marks its file as kept. Django drops the callbacks of a
    transaction (or savepoint) that rolls back without running them; this one deletes its file
    when dropped unrun, so a rolled-back service leaves no file behind."""

    def __init__(self, name: str):
        self.name = name
        self.committed = False

    def __call__(self) -> None:
        self.committed = True

    def __del__(self) -> None:
        if not self.committed:
            _delete(self.name)


def _delete(name: str) -> None:
    try:
        Attachment.file.field.storage.delete(name)
    except Exception:  # never raise from a finaliser; an orphan file is harmless
        logger.warning("could not delete %s after a rollback", name)


def make_thumbnail(attachment_id: int) -> None:
    attachment = Attachment.objects.filter(pk=attachment_id, kind=AttachmentKind.IMAGE).first()
    if attachment is None or attachment.thumbnail:
        return
    size = settings.THIDUA_THUMBNAIL_PX
    with attachment.file.open("rb") as handle, Image.open(handle) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((size, size))
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=82)
    attachment.thumbnail.save(f"{uuid.uuid4().hex}.jpg", ContentFile(out.getvalue()), save=False)
    Attachment.objects.filter(pk=attachment.pk).update(thumbnail=attachment.thumbnail.name)
