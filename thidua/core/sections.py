"""Sections that higher apps add to a lower app's page (a campaign's page shows what the unit
did for it: registration, works, models…). Like core.home's panels: registered in
`AppConfig.ready`, rendered by the page through `{% sections "slot" obj %}` (core_sections
tags), so the page's app never imports the apps that extend it."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    slot: str  # the page and place, e.g. "campaign_detail"
    name: str
    template: str
    context: Callable  # (request, obj) -> dict | None; None hides the section
    order: int = 100


_SECTIONS: dict[tuple[str, str], Section] = {}


def register(section: Section) -> None:
    _SECTIONS[(section.slot, section.name)] = section


def sections_for(slot: str, request, obj) -> list[dict]:
    shown = []
    for section in sorted((s for s in _SECTIONS.values() if s.slot == slot), key=lambda s: s.order):
        context = section.context(request, obj)
        if context is not None:
            shown.append({"template": section.template, "context": context})
    return shown
