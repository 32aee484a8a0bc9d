from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import (
    Activity,
    Campaign,
    Deadline,
    DocumentReference,
    PlanSection,
    Responsibility,
    RewardPlan,
    TargetMode,
)
from thidua.org.forms import BootstrapMixin
from thidua.org.models import EmulationCluster, Sector, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "kind",
            "title",
            "movement_name",
            "issuing_body",
            "place",
            "plan_date",
            "starts_on",
            "ends_on",
            "end_condition",
            "intro",
            "closing",
            "recipients",
            "signer_title",
            "signer_name",
            "is_public",
        ]
        widgets = {
            "plan_date": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "title": forms.Textarea(attrs={"rows": 2}),
            "intro": forms.Textarea(attrs={"rows": 5}),
            "closing": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 5}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class ReferenceForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = DocumentReference
        fields = ["relation", "doc_kind", "number", "issued_on", "issuer", "title", "order"]
        widgets = {"issued_on": DATE, "title": forms.Textarea(attrs={"rows": 2})}


class SectionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PlanSection
        fields = ["heading", "part", "target_sector", "body", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


class ActivityForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["name", "planned_on", "owner", "status", "order"]
        widgets = {"planned_on": DATE}


class DeadlineForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["what", "who", "due_on", "how", "order"]
        widgets = {"due_on": DATE}


class ResponsibilityForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Responsibility
        fields = ["level", "body", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


PART_FORMS = {
    "reference": ReferenceForm,
    "section": SectionForm,
    "activity": ActivityForm,
    "deadline": DeadlineForm,
    "responsibility": ResponsibilityForm,
}


class RewardForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = RewardPlan
        fields = [
            "targets",
            "general_criteria",
            "collective_criteria",
            "individual_criteria",
            "quota_rule",
            "dossier",
            "procedure",
            "award_forms",
            "nomination_due_on",
            "nomination_due_text",
        ]
        widgets = {
            "nomination_due_on": DATE,
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in (
                    "targets",
                    "general_criteria",
                    "collective_criteria",
                    "individual_criteria",
                    "quota_rule",
                    "dossier",
                    "award_forms",
                )
            },
        }


class TargetsForm(BootstrapMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Triển khai đến"), choices=TargetMode.choices, widget=forms.RadioSelect)
    sector = forms.ChoiceField(label=_("Khối"), choices=[("", "—"), *Sector.choices], required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"), queryset=EmulationCluster.objects.none(), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị được chọn"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )

    def __init__(self, *args, issuer: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].widget.attrs["class"] = "form-check-input"
        self.fields["cluster"].queryset = EmulationCluster.objects.filter(
            organiser__path__in=[*issuer.ancestor_paths(), issuer.path]
        )
        self.fields["units"].queryset = (
            Unit.objects.within(issuer).active().exclude(pk=issuer.pk).filter(kind__is_group=False).order_by("path")
        )


class LaunchForm(BootstrapMixin, forms.Form):
    launched_on = forms.DateField(label=_("Ngày phát động"), widget=DATE)
    members_reached = forms.IntegerField(label=_("Số đoàn viên được phổ biến"), min_value=0)
