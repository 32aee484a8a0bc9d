"""The one access choke point: an object the user may not reach does not exist for them.

Every model that users read has a manager method `visible_to(user)` that scopes the queryset
(see org.models for the tree scope). Views, exports and downloads fetch single objects through
`get_for_user`, which answers 404 — never 403 — so a guessed id tells nothing.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _


class MissingActor(TypeError):
    """A service was called without saying who acts. There is no "nobody": a person passes their
    user, and code that acts on its own (a command, a beat task, the demo) passes `system_actor`."""


class SystemActor:
    """The application itself as the actor of a management command, a beat task or the demo
    loader. Explicit, so that forgetting the actor is an error (`MissingActor`) and not a skipped
    permission check; it may do anything (it has no seat to scope it) and is audited as
    "Hệ thống (<command>)", with no user row behind it."""

    pk = None
    id = None
    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = True
    is_staff = False
    acting_role = None

    def __init__(self, name: str):
        self.name = name

    def has_perm(self, perm: str, obj=None) -> bool:
        return True

    def has_perms(self, perms, obj=None) -> bool:
        return True

    def __str__(self) -> str:
        return _("Hệ thống (%(name)s)") % {"name": self.name} if self.name else _("Hệ thống")

    def __repr__(self) -> str:
        return f"SystemActor({self.name!r})"


def system_actor(name: str) -> SystemActor:
    """The actor for code no person runs: `name` is the command or task, said in the audit trail."""
    return SystemActor(name)


def is_system(actor) -> bool:
    return isinstance(actor, SystemActor)


def named(actor):
    """The actor itself; None raises `MissingActor` (who acts must always be said)."""
    if actor is None:
        raise MissingActor(_("Thiếu người thực hiện: truyền người dùng hoặc system_actor()."))
    return actor


def person(actor):
    """The user row to store as author/sender: the acting user, or None for the system actor."""
    return named(actor) if named(actor).pk else None


def check(actor, perm: str, obj=None) -> None:
    """The permission check of every service and workflow move: the actor must be named (None
    raises `MissingActor`, it never skips the check) and hold `perm` on `obj`."""
    if not named(actor).has_perm(perm, obj):
        raise PermissionDenied


def get_for_user(
    user, source, pk, *, perm: str | None = None, related: tuple[str, ...] = (), reading: str = "visible_to"
):
    """The object `pk` as `user` may reach it, or 404 (a guessed id, a unit outside the subtree,
    a bad id and a refused `perm` all read alike).

    `source` is a model, read through its manager's `reading` — `visible_to` (the user's scope)
    or another scoped reading such as `readable_by` (awards: who may download) — or a queryset
    the caller has already scoped from one of those readings and narrowed (`.filter(...)`,
    `.prefetch_related(...)`, `.only(...)`): the object is fetched from it as it stands, so a page
    reads it once with what it needs and an object outside the narrowing is a 404 like any other.
    The queryset may also be the rows under an object already fetched through here (a
    nomination's files: `DossierFile.objects.filter(nomination=nomination)`), scoped by it.
    `related`: relations joined into the same scoped statement (select_related). A queryset
    scoped by neither is the caller's error: start from `visible_to`/`readable_by` or such a parent."""
    if isinstance(source, models.QuerySet):
        # the caller's reading as it stands: select_related() with no names would join every
        # foreign key, which a narrowed queryset did not ask for
        queryset, model = (source.select_related(*related) if related else source), source.model
    else:
        # as always: with no `related`, select_related() joins the non-null foreign keys
        queryset, model = getattr(source.objects, reading)(user).select_related(*related), source
    try:
        obj = queryset.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if perm is not None and not user.has_perm(perm, obj):
        raise Http404
    return obj


def require(user, perm: str, obj=None) -> None:
    """For actions without a single object (a list page, an import): 404 when not allowed."""
    if not user.has_perm(perm, obj):
        raise Http404
