"""Filters of the register page (django-filter). The queryset they receive is already scoped."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.documents.models import DocType


class RegisterFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Năm"), field_name="year")
    doc_type = django_filters.ChoiceFilter(label=_("Loại văn bản"), field_name="doc_type", choices=DocType.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        self.form.fields["year"].widget.attrs.update({"min": 2000, "max": 2100, "placeholder": _("vd. 2023")})
