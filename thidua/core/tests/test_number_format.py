"""Counters read as each language writes them (QA walk, session 6: a federation's home page said
"Đoàn viên 3916"; Vietnamese groups thousands with a dot, English with a comma)."""

from django.template import Context, Template
from django.utils import translation


def render(value, language: str) -> str:
    with translation.override(language):
        return Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": value}))


def test_counters_group_thousands_in_each_language():
    assert render(3916, "vi") == "3.916"
    assert render(1234567, "vi") == "1.234.567"
    assert render(68, "vi") == "68"
    assert render(3916, "en") == "3,916"
