"""One shape for every refused input: `{"errors": {"<field>": ["<message>", …]}}`, nested fields
as dotted paths (`members.1.gender`, `answers.i12`), messages in the request's language
(Vietnamese by default) — whether DRF's parsing refused it or the page's service did."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler


def flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            path = f"{prefix}.{name}" if prefix and name else (prefix or name or "non_field_errors")
            for field, messages in flatten(value, path).items():
                out.setdefault(field, []).extend(messages)
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for i, item in enumerate(detail):
                for field, messages in flatten(item, f"{prefix}.{i}" if prefix else str(i)).items():
                    out.setdefault(field, []).extend(messages)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"errors": flatten(exc.detail)}
    elif isinstance(exc, exceptions.NotAuthenticated):  # DRF's catalogue has no Vietnamese for these
        response.data = {"detail": _("Cần khóa API: gửi tiêu đề Authorization: Bearer <khóa API>.")}
    elif isinstance(exc, exceptions.ParseError):  # DRF's text names the JSON decoder's English error
        response.data = {"detail": _("Không đọc được nội dung gửi lên: hãy gửi JSON hợp lệ.")}
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        response.data = {
            "detail": _(
                "Kiểu nội dung này không được nhận: hãy gửi application/json (multipart/form-data khi kèm tệp)."
            )
        }
    elif isinstance(exc, exceptions.Throttled):
        response.data = {
            "detail": _("Quá nhiều yêu cầu với khóa này: thử lại sau %(n)s giây.") % {"n": int(exc.wait or 0) + 1}
        }
    return response
