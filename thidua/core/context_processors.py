from thidua.core import navigation as menu


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_items": menu.items_for(user, request.path),
        "acting_role": getattr(user, "acting_role", None),
        "available_roles": getattr(user, "available_roles", []),
    }
