from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from thidua.core.sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def sections(context, slot: str, obj):
    """Render the sections other apps registered for `slot` (core.sections)."""
    request = context.get("request")
    html = [render_to_string(s["template"], s["context"], request=request) for s in sections_for(slot, request, obj)]
    return mark_safe("".join(html))  # noqa: S308 - each part is a template rendered with autoescape
