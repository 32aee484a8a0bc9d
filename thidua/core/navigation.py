"""The main menu. Each app adds its entries in `AppConfig.ready`, so the base layout never
needs editing when an app arrives."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: str | None = None
    order: int = 100
    superuser_only: bool = False


_ITEMS: list[NavItem] = []


def register(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _ITEMS):
        _ITEMS.append(item)
        _ITEMS.sort(key=lambda i: i.order)


def items_for(user, current_path: str) -> list[dict]:
    visible = []
    for item in _ITEMS:
        if item.superuser_only and not user.is_superuser:
            continue
        if item.perm and not user.has_perm(item.perm):
            continue
        url = reverse(item.url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        visible.append({"label": item.label, "url": url, "active": active})
    return visible
