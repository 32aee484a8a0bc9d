"""Figures shown on pages as the reader's language writes them: a percentage is "27,8 %" in
Vietnamese (decimal comma from the format module thidua/formats/vi, a non-breaking space before
the sign so it never wraps alone), "27.8 %" where the page is in English."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format

NBSP = "\u00a0"


def percent(value, digits: int = 1) -> str:
    """`value` (a number, or a figure already written with a decimal comma such as awards'
    "37,5") rounded to `digits` decimals — none when it is whole — then " %"."""
    if value is None or value == "":
        return ""
    try:
        number = round(Decimal(str(value).replace(",", ".")), digits)
    except InvalidOperation:
        return f"{value}{NBSP}%"
    places = 0 if number == number.to_integral_value() else digits
    return f"{number_format(number, decimal_pos=places)}{NBSP}%"


def share(part: int, whole: int) -> float:
    """`part` as a percentage of `whole`, one decimal (0 when there is no whole): the figure the
    overviews (coverage, participation, reports) keep and `percent` writes."""
    return round(100 * part / whole, 1) if whole else 0.0
