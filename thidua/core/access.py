"""The one access choke point: an object the user may not reach does not exist for them.

Every model that users read has a manager method `visible_to(user)` that scopes the queryset
(see org.models for the tree scope). Views, exports and downloads fetch single objects through
`get_for_user`, which answers 404 — never 403 — so a guessed id tells nothing.
"""

from django.http import Http404


def get_for_user(user, model, pk, *, perm: str | None = None):
    try:
        obj = model.objects.visible_to(user).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if perm is not None and not user.has_perm(perm, obj):
        raise Http404
    return obj


def require(user, perm: str, obj=None) -> None:
    """For actions without a single object (a list page, an import): 404 when not allowed."""
    if not user.has_perm(perm, obj):
        raise Http404
