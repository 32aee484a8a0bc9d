"""A destructive act confirmed before it happens, without script (the site's CSP allows no inline
script): its page shows the act's button inside a <details> disclosure whose form posts
`xac-nhan=1`; a POST without it (an old page, a client that skipped the disclosure) changes
nothing and answers this confirmation page, whose button posts it."""

from django.shortcuts import render

FIELD = "xac-nhan"


def confirmed(request) -> bool:
    return request.POST.get(FIELD) == "1"


def confirmation_page(request, *, title: str, question: str, button: str, cancel: str):
    context = {
        "confirm": {"title": title, "question": question, "button": button, "action": request.path, "cancel": cancel}
    }
    return render(request, "core/confirm.html", context)
