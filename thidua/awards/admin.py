"""Admin for superusers: the award catalogue (kinds with their criteria) and the default
dossier are edited here (issue 8: "loaded by the demo and editable by an administrator").
Nominations, decisions and awards move only through the services, so they are read-only."""

from django.contrib import admin

from thidua.awards.models import Award, AwardKind, Criterion, Decision, DossierRequirement, Nomination
from thidua.core.admin import ReadOnlyAdmin


class CriterionInline(admin.StackedInline):
    model = Criterion
    fk_name = "award_kind"
    extra = 0
    fields = [
        ("kind", "is_required", "order"),
        "label",
        ("threshold", "strict", "years", "rating_rank"),
        "related_kind",
        "campaign",
        "source",
    ]
    raw_id_fields = ["campaign"]


@admin.register(AwardKind)
class AwardKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "category", "subject", "issuer_level", "is_active", "order"]
    list_filter = ["category", "subject", "issuer_level", "is_active"]
    list_editable = ["is_active", "order"]
    search_fields = ["name", "code", "legal_basis"]
    inlines = [CriterionInline]


@admin.register(DossierRequirement)
class DossierRequirementAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "procedure", "subject", "generated", "is_required", "campaign", "order"]
    list_filter = ["procedure", "generated", "is_required"]
    search_fields = ["name", "code"]
    raw_id_fields = ["campaign"]


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "unit", "level", "status", "campaign"]
    list_filter = ["status", "award_kind"]
    list_select_related = ["unit", "level", "award_kind", "campaign", "subject_member", "subject_unit"]
    search_fields = ["subject_member__full_name", "subject_unit__name", "unit__name"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "unit", "issued_on", "status"]
    list_select_related = ["unit", "register_entry"]


@admin.register(Award)
class AwardAdmin(ReadOnlyAdmin):
    list_display = ["name", "award_kind", "year", "unit", "decision", "source"]
    list_filter = ["year", "award_kind"]
    list_select_related = ["award_kind", "unit", "decision", "decision__register_entry"]
    search_fields = ["name", "source"]
