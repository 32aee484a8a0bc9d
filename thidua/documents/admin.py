"""Admin for superusers: letterheads, uploaded Word templates and the dated table of legal
documents papers cite are edited here. Register entries are read-only: numbers are only ever
given by documents.services.take_number."""

from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin
from thidua.documents.models import DocumentTemplate, IssuerProfile, LegalDocument, RegisterEntry, SignedOriginal


@admin.register(IssuerProfile)
class IssuerProfileAdmin(admin.ModelAdmin):
    list_display = ["body_line", "superior_line", "symbol_suffix", "place", "signer_name"]
    search_fields = ["body_line", "unit__name"]
    raw_id_fields = ["unit"]


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    list_display = ["unit", "doc_type", "uploaded_at"]
    raw_id_fields = ["unit", "uploaded_by"]


@admin.register(RegisterEntry)
class RegisterEntryAdmin(ReadOnlyAdmin):
    list_display = ["symbol", "issued_on", "title", "unit"]
    list_filter = ["year", "doc_type"]
    search_fields = ["symbol", "title"]
    list_select_related = ["unit"]


@admin.register(SignedOriginal)
class SignedOriginalAdmin(ReadOnlyAdmin):
    """Signed originals are kept only through documents.services (verified, audited)."""

    list_display = ["entry", "verdict", "public", "checked_at", "uploaded_by"]
    list_filter = ["verdict", "public"]
    search_fields = ["entry__symbol", "sha256"]
    list_select_related = ["entry", "uploaded_by"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    """The next law, decree or union rules is added here with the day it takes over; the one it
    replaces gets its last day in force (documents.legal)."""

    list_display = ["number", "doc_type", "role", "signed_on", "in_force_from", "in_force_until"]
    list_filter = ["role"]
    search_fields = ["number", "title"]
    ordering = ["role", "in_force_from"]
