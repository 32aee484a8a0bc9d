"""The main menu. Each app adds its entries in `AppConfig.ready`, so the base layout never
needs editing when an app arrives.

Entries that name the same `group` fold into one dropdown (a group with a single visible
entry shows as that entry): with every app's pages in one flat row the menu ran onto two lines
on a laptop. The groups are the officer's areas of work; their labels live here so that two
apps filing under "Thi đua" share one dropdown."""

from dataclasses import dataclass

import rules
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ORGANISATION = _("Tổ chức")
EMULATION = _("Thi đua")
INITIATIVES = _("Sáng kiến")
AWARDS = _("Khen thưởng")


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    perm: str | None = None
    order: int = 100
    superuser_only: bool = False
    group: str | Promise = ""
    # The page shows the acting unit's own (its calendar, reports, golden book…): not offered to
    # a login acting in no unit (the administrator), whom it would answer 404.
    needs_unit: bool = False


_ITEMS: list[NavItem] = []


def register(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _ITEMS):
        _ITEMS.append(item)
        _ITEMS.sort(key=lambda i: i.order)


def items_for(user, current_path: str) -> list[dict]:
    """The menu for this user: entries in order, each group at the place of its first entry,
    as {"label", "url", "active"} or {"label", "active", "children": [entries]}."""
    menu: list[dict] = []
    groups: dict[str, dict] = {}
    for item in _ITEMS:
        if item.superuser_only and not user.is_superuser:
            continue
        if item.needs_unit and getattr(user, "acting_role", None) is None:
            continue
        # The rule itself, not user.has_perm: Django's ModelBackend would answer a "no" from
        # the rules with two queries for database permissions on every page.
        if item.perm and not rules.has_perm(item.perm, user):
            continue
        url = reverse(item.url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        entry = {"label": item.label, "url": url, "active": active}
        if not item.group:
            menu.append(entry)
            continue
        key = str(item.group)
        if key not in groups:
            groups[key] = {"label": item.group, "active": False, "children": []}
            menu.append(groups[key])
        groups[key]["children"].append(entry)
        groups[key]["active"] |= active
    # A group the user sees one entry of is just that entry.
    return [entry["children"][0] if len(entry.get("children", ())) == 1 else entry for entry in menu]
