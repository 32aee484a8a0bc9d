"""The participation app's rows on the home page's "what must I do now" list (core.home): the
user's own title registrations for the year, or a reminder to register when they have none."""

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.home import OPEN, HomeTask
from thidua.org.models import Member
from thidua.participation.models import TitleRegistration


def own_tasks(request, today) -> list[HomeTask]:
    """One query (two when nothing is registered: is the user a member at all)."""
    year = today.year
    mine = list(
        TitleRegistration.objects.filter(member__user=request.user, year=year)
        .select_related("title")
        .order_by("title__name")
    )
    # The titles page, where the member registers (its form posts to titles_self, which only takes POST).
    url = f"{reverse('participation:titles')}?nam={year}"
    if not mine:
        if not Member.objects.filter(user=request.user).exists():
            return []
        return [
            HomeTask(
                title=_("Đăng ký danh hiệu thi đua năm %(year)s") % {"year": year},
                url=url,
                note=_("Bạn chưa đăng ký danh hiệu nào cho năm nay."),
                source=_("Danh hiệu của tôi"),
                own=True,
                needs_action=True,
            )
        ]
    return [
        HomeTask(
            title=_("Đăng ký danh hiệu năm %(year)s: %(title)s") % {"year": year, "title": r.title.name},
            url=url,
            state=OPEN,
            note=_("Đã đăng ký"),
            source=_("Danh hiệu của tôi"),
            own=True,
        )
        for r in mine
    ]
