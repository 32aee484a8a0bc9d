"""Serving attachments: a file is shown only to someone who can see the object it belongs to.

The owner is fetched through core.access (its model's `visible_to`), so a file of a unit
outside the reader's subtree answers 404, like the object itself, whatever its id.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from thidua.core.access import get_for_user
from thidua.core.attachments import served_name
from thidua.core.models import Attachment


@login_required
def attachment_file(request, pk: int, thumbnail: bool = False):
    attachment = Attachment.objects.select_related("owner_type").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    owner_model = attachment.owner_type.model_class()
    if owner_model is None:
        raise Http404
    get_for_user(request.user, owner_model, attachment.owner_id)
    field = attachment.thumbnail if thumbnail and attachment.thumbnail else attachment.file
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = "image/jpeg" if field is attachment.thumbnail else attachment.content_type
    # Only re-encoded images are shown in the browser; anything else is a download. The name
    # carries the extension of what the file is, and nothing in it may run (CSP sandbox).
    response = FileResponse(
        handle, content_type=content_type, as_attachment=not attachment.is_image, filename=served_name(attachment)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
