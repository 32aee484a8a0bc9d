"""What every app's views do with a form: one place, so a service's refusal reads alike on every page."""

import copy

from django.core.exceptions import ValidationError


def form_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the field it names, or on top of the form (a field
    the form does not have, or a refusal that names none)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_copy(obj):
    """A copy of an object fetched through `core.access.get_for_user` for a ModelForm to write
    into: validating the form sets the posted values on its instance, while the service is handed
    the object as stored, to compare (audit diff) and check. A copy, not a second read: no query,
    and nothing can slip past the scoped fetch (the related objects it read come along)."""
    return copy.copy(obj)
