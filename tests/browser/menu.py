"""Following the main menu as a person does: on a phone open the menu first, then the area's
dropdown (core.navigation groups entries by area), then the entry."""

import re

TOGGLER = re.compile(r"^(Mở menu|Open menu)$")


def follow_menu(page, group: str | None, entry: str) -> None:
    toggler = page.get_by_role("button", name=TOGGLER)
    if toggler.is_visible():
        toggler.click()
    menu = page.locator("#mainnav")
    if group:
        menu.get_by_role("button", name=group, exact=True).click()
    menu.get_by_role("link", name=entry, exact=True).click()
    # The click only starts the navigation: wait until htmx has wired the new page, or a
    # search box typed into at once would fire no request (seen on CI under load).
    page.wait_for_load_state("load")
