from django.contrib import admin

from thidua.core.models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only a service may write (audit entries, register numbers, nominations, decisions):
    the admin shows them and changes nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "verb", "target_repr", "from_state", "to_state"]
    list_filter = ["verb"]
    search_fields = ["target_repr", "reason"]
