from django.contrib import admin

from thidua.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "verb", "target_repr", "from_state", "to_state"]
    list_filter = ["verb"]
    search_fields = ["target_repr", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
