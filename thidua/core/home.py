"""Panels of the home page. Higher apps (campaigns, reports, awards…) add theirs in
`AppConfig.ready`, so the home page — owned by a lower app — never imports them."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    name: str
    template: str
    context: Callable  # (request) -> dict | None; None hides the panel
    order: int = 100


_PANELS: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> None:
    _PANELS[panel.name] = panel


def panels_for(request) -> list[dict]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        context = panel.context(request)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown
