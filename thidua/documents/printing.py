"""How each kind of issued paper renders its print (issue 21, item 3): the app that issues a
paper registers, from its AppConfig.ready(), the function that renders the same unsigned PDF its
download serves. Signing in thidua renders the print of a register entry through this registry,
found by the entry's target (the generic key the issuing service sets)."""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from thidua.documents.models import RegisterEntry

Renderer = Callable[[Any], bytes]
_RENDERERS: dict[str, Renderer] = {}
# The page of each kind of paper (its URL name, taking the paper's pk): where a page about the
# register entry (its signed original) leads back to.
_PAGES: dict[str, str] = {}


def register(model_label: str, render: Renderer) -> None:
    """`model_label`: "awards.decision" (app_label.model_name, lower case); `render(target)`:
    the paper's unsigned PDF."""
    _RENDERERS[model_label.lower()] = render


def register_document(model_label: str, build: Callable[[Any], Any]) -> None:
    """For a paper printed from an OfficialDocument: `build(target)` returns it and the print
    is documents.rendering.render_pdf's, as the paper's own download renders it."""

    def render(target) -> bytes:
        from thidua.documents.rendering import render_pdf  # noqa: PLC0415 — Typst loads on use

        return render_pdf(build(target))

    register(model_label, render)


def register_page(model_label: str, url_name: str) -> None:
    """`url_name` ("campaigns:detail") opens the paper `model_label` numbered, given its pk."""
    _PAGES[model_label.lower()] = url_name


def _kind(entry: RegisterEntry) -> str:
    """ "awards.decision": the model label of the entry's paper, "" when it has no target. The
    content type comes from Django's cache (get_for_id): no query once it is read."""
    if entry.target_type_id is None or entry.target_id is None:
        return ""
    target_type = ContentType.objects.get_for_id(entry.target_type_id)
    return f"{target_type.app_label}.{target_type.model}"


def page_of(entry: RegisterEntry) -> str:
    """The URL of the paper's own page, or "" when its kind registered none (or it has no
    target)."""
    url_name = _PAGES.get(_kind(entry))
    return reverse(url_name, args=[entry.target_id]) if url_name else ""


def renderer_for(entry: RegisterEntry) -> Renderer | None:
    return _RENDERERS.get(_kind(entry))


def can_print(entry: RegisterEntry) -> bool:
    return renderer_for(entry) is not None


def print_of(entry: RegisterEntry) -> bytes | None:
    """The unsigned print of `entry`'s paper, or None when its kind registered no renderer or
    its target is gone."""
    render = renderer_for(entry)
    target = entry.target if render is not None else None
    return render(target) if render is not None and target is not None else None
