"""What every app's views do with a form: one place, so a service's refusal reads alike on every page."""

from django.core.exceptions import ValidationError


def form_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the field it names, or on top of the form (a field
    the form does not have, or a refusal that names none)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
