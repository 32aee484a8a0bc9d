"""Filters of the member list (django-filter). The queryset they receive is already scoped."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.org.models import MemberRating, OfficerType, RatingLevel, RatingSubject, Sector, Unit


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo tên, số thẻ"), method="filter_search")
    unit = django_filters.ModelChoiceFilter(
        label=_("Trong đơn vị"), queryset=Unit.objects.none(), method="filter_unit", empty_label=_("Tất cả")
    )
    sector = django_filters.ChoiceFilter(
        label=_("Khối"), choices=Sector.choices, method="filter_sector", empty_label=_("Tất cả")
    )
    is_direct_worker = django_filters.BooleanFilter(
        label=_("CNLĐ trực tiếp"),
        widget=forms.Select(choices=[("", _("Tất cả")), ("true", _("Có")), ("false", _("Không"))]),
    )
    officer_type = django_filters.ChoiceFilter(
        label=_("Cán bộ công đoàn"), choices=OfficerType.choices, empty_label=_("Tất cả")
    )
    rating = django_filters.ModelChoiceFilter(
        label=_("Xếp loại"),
        queryset=RatingLevel.objects.filter(subject=RatingSubject.MEMBER),
        method="filter_rating",
        empty_label=_("Tất cả"),
    )

    def __init__(self, data=None, *args, units=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        if units is not None:
            self.filters["unit"].queryset = units
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        self.form.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("vd. nguyen van an")})
        self.form.fields["rating"].label_from_instance = lambda level: f"{level.year} · {level.name}"

    @property
    def rating_year(self) -> int:
        """The year whose rating the table shows: the chosen level's, else last year."""
        level = self.form.cleaned_data.get("rating") if self.form.is_valid() else None
        return level.year if level else timezone.localdate().year - 1

    def filter_search(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

    def filter_sector(self, queryset, name, value):
        # A group (tổ công đoàn) has no sector of its own: its members count in its CĐCS's.
        return queryset.filter(Q(unit__sector=value) | Q(unit__kind__is_group=True, unit__parent__sector=value))

    def filter_unit(self, queryset, name, unit):
        return queryset.within(unit)

    def filter_queryset(self, queryset):
        # Search last: how it searches depends on the scope the other filters narrowed to
        # (MemberQuerySet.search), and a card number is looked up before any filter applies.
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def filter_rating(self, queryset, name, level):
        return queryset.filter(pk__in=MemberRating.objects.filter(level=level).values("member_id"))
