"""Query parameters of the lists (django-filter): `unit` narrows to a unit's subtree — a unit
outside the caller's scope is a 404, as on the pages' `?don-vi=` — and the others to a campaign,
a period, a status or a range of dates."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Decision, DecisionStatus, Nomination, NominationStatus
from thidua.campaigns.models import Campaign, CampaignKind, CampaignStatus, Deployment, DeploymentStatus
from thidua.core.access import get_for_user
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.org.models import Member, OfficerType, Unit, UnitStatus
from thidua.reports.models import ReportPeriod, Submission, SubmissionStatus

# Ids are positive 64-bit integers: a larger number (or a fraction) is a 400, not a database error.
MAX_ID = 2**63 - 1


class IdField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class IdFilter(django_filters.NumberFilter):
    field_class = IdField


class SubtreeFilter(IdFilter):
    """`?unit=<id>`: the unit and everything under it, read through the caller's scope."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Đơn vị (cả các đơn vị trực thuộc)"))
        kwargs.setdefault("method", "filter_subtree")
        super().__init__(*args, **kwargs)


class ScopedFilterSet(django_filters.FilterSet):
    unit = SubtreeFilter()

    def filter_subtree(self, queryset, name, value):
        unit = get_for_user(self.request.user, Unit, value)
        return queryset.within(unit)


class UnitFilter(ScopedFilterSet):
    kind = django_filters.CharFilter(field_name="kind__code", label=_("Loại đơn vị (mã)"))
    status = django_filters.ChoiceFilter(choices=UnitStatus.choices)
    parent = IdFilter(field_name="parent_id", label=_("Đơn vị cấp trên trực tiếp"))

    class Meta:
        model = Unit
        fields = ["unit", "kind", "status", "parent"]


class MemberFilter(ScopedFilterSet):
    officer_type = django_filters.ChoiceFilter(choices=OfficerType.choices)
    card_number = django_filters.CharFilter()

    class Meta:
        model = Member
        fields = ["unit", "officer_type", "card_number"]


class CampaignFilter(django_filters.FilterSet):
    unit = SubtreeFilter(label=_("Đơn vị ban hành (cả các đơn vị trực thuộc)"))
    status = django_filters.ChoiceFilter(choices=CampaignStatus.choices)
    kind = django_filters.ChoiceFilter(choices=CampaignKind.choices)
    starts_from = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte")
    ends_until = django_filters.DateFilter(field_name="ends_on", lookup_expr="lte")

    class Meta:
        model = Campaign
        fields = ["unit", "status", "kind", "starts_from", "ends_until"]

    def filter_subtree(self, queryset, name, value):
        unit = get_for_user(self.request.user, Unit, value)
        return queryset.filter(issuer__in=Unit.objects.within(unit))


class DeploymentFilter(ScopedFilterSet):
    status = django_filters.ChoiceFilter(choices=DeploymentStatus.choices)

    class Meta:
        model = Deployment
        fields = ["unit", "status"]


class ReportPeriodFilter(django_filters.FilterSet):
    campaign = IdFilter(field_name="form__campaign_id")
    form = IdFilter(field_name="form_id")
    due_from = django_filters.DateFilter(field_name="due_on", lookup_expr="gte")
    due_until = django_filters.DateFilter(field_name="due_on", lookup_expr="lte")

    class Meta:
        model = ReportPeriod
        fields = ["campaign", "form", "due_from", "due_until"]


class SubmissionFilter(ScopedFilterSet):
    period = IdFilter(field_name="period_id")
    campaign = IdFilter(field_name="period__form__campaign_id")
    status = django_filters.ChoiceFilter(choices=SubmissionStatus.choices)
    submitted_from = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__gte")
    submitted_until = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__lte")

    class Meta:
        model = Submission
        fields = ["unit", "period", "campaign", "status", "submitted_from", "submitted_until"]


class NominationFilter(ScopedFilterSet):
    campaign = IdFilter(field_name="campaign_id")
    status = django_filters.ChoiceFilter(choices=NominationStatus.choices)

    class Meta:
        model = Nomination
        fields = ["unit", "campaign", "status"]


class DecisionFilter(ScopedFilterSet):
    campaign = IdFilter(field_name="campaign_id")
    status = django_filters.ChoiceFilter(choices=DecisionStatus.choices)
    issued_from = django_filters.DateFilter(field_name="issued_on", lookup_expr="gte")
    issued_until = django_filters.DateFilter(field_name="issued_on", lookup_expr="lte")

    class Meta:
        model = Decision
        fields = ["unit", "campaign", "status", "issued_from", "issued_until"]


class InitiativeFilter(ScopedFilterSet):
    campaign = IdFilter(field_name="campaign_id")
    status = django_filters.ChoiceFilter(choices=InitiativeStatus.choices)
    submitted_from = django_filters.DateFilter(field_name="submitted_on", lookup_expr="gte")
    submitted_until = django_filters.DateFilter(field_name="submitted_on", lookup_expr="lte")

    class Meta:
        model = Initiative
        fields = ["unit", "campaign", "status", "submitted_from", "submitted_until"]
