"""Admin for superusers: catalogues (kinds, rating scales, clusters) are edited here; the tree
and members keep their structural fields read-only, because moves, merges and counters go
through org.services (the pages of the app) to stay consistent and audited."""

from django.contrib import admin

from thidua.org import services
from thidua.org.models import EmulationCluster, Member, RatingLevel, Role, Unit, UnitKind


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "is_grassroots", "is_group", "is_active"]


@admin.register(RatingLevel)
class RatingLevelAdmin(admin.ModelAdmin):
    list_display = ["year", "subject", "rank", "name", "code"]
    list_filter = ["year", "subject"]


@admin.register(EmulationCluster)
class EmulationClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "organiser"]
    raw_id_fields = ["organiser"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "status", "member_count"]
    list_filter = ["kind", "status", "sector"]
    search_fields = ["name", "code"]
    readonly_fields = ["parent", "path", "depth", "status", "merged_into", "member_count", "direct_worker_count"]
    filter_horizontal = ["clusters"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        values = {f: form.cleaned_data[f] for f in services.UNIT_FIELDS if f in form.cleaned_data}
        services.update_unit(request.user, Unit.objects.get(pk=obj.pk), **values)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "card_number", "unit", "is_direct_worker", "officer_type"]
    search_fields = ["search_key", "card_number"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit", "user"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        values = {f: form.cleaned_data[f] for f in services.MEMBER_FIELDS if f in form.cleaned_data}
        services.update_member(request.user, Member.objects.get(pk=obj.pk), **values)
        if "user" in form.cleaned_data:
            Member.objects.filter(pk=obj.pk).update(user=form.cleaned_data["user"])

    def delete_model(self, request, obj):
        services.remove_member(request.user, obj, reason="Xóa trong trang quản trị")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "unit"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "unit"]
    search_fields = ["user__username", "unit__name"]
