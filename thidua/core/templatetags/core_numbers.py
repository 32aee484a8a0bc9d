from django import template

from thidua.core.numbers import percent as _percent

register = template.Library()


@register.filter
def percent(value, digits: int = 1) -> str:
    """{{ share|percent }} → "27,8 %" (core.numbers.percent)."""
    return _percent(value, digits)
