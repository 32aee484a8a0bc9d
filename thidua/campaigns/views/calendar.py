"""Deadlines of every campaign a unit takes part in: a page, and an iCalendar feed to subscribe to."""

import datetime
import secrets

import icalendar
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from thidua.campaigns.models import CalendarToken, Deadline
from thidua.org.models import Role


def deadlines_for(unit, today: datetime.date):
    """(deadline, state) for a unit, overdue and due soon first — shared by the page, the feed
    and the home panel."""
    rows = list(Deadline.objects.for_unit(unit).order_by("due_on", "id"))
    return [(d, d.state(today)) for d in rows]


@login_required
def calendar(request):
    """The page only reads: the feed's secret address is made when the user asks for it (POST,
    "Tạo đường dẫn lịch"), not by opening the page (issue 16: a GET must not write)."""
    role = request.user.acting_role
    if role is None:
        raise Http404
    if request.method == "POST":
        CalendarToken.objects.get_or_create(
            user=request.user, unit=role.unit, defaults={"token": secrets.token_urlsafe(32)}
        )
        return redirect("campaigns:calendar")
    token = CalendarToken.objects.filter(user=request.user, unit=role.unit).values_list("token", flat=True).first()
    feed_url = request.build_absolute_uri(reverse("campaigns:ical", args=[token])) if token else ""
    today = timezone.localdate()
    context = {"rows": deadlines_for(role.unit, today), "unit": role.unit, "feed_url": feed_url, "today": today}
    return render(request, "campaigns/calendar.html", context)


def ical(request, token: str):
    """Public by design (the token is the secret): calendar apps fetch it without a session.
    The token stops working when the user loses the role at that unit."""
    try:
        entry = CalendarToken.objects.select_related("unit", "user").get(token=token)
    except CalendarToken.DoesNotExist:
        raise Http404 from None
    if not entry.user.is_active or not Role.objects.filter(user=entry.user, unit=entry.unit).exists():
        raise Http404
    cal = icalendar.Calendar()
    cal.add("prodid", "-//thidua//Thi đua – Khen thưởng//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Thời hạn thi đua — {entry.unit.name}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for deadline, _state in deadlines_for(entry.unit, timezone.localdate()):
        event = icalendar.Event()
        event.add("uid", f"deadline-{deadline.pk}@thidua")
        event.add("summary", f"{deadline.what} ({deadline.campaign.number or deadline.campaign.issuer.name})")
        # All-day event: the whole due day, local time — "chậm nhất ngày …" includes that day.
        event.add("dtstart", deadline.due_on)
        event.add("dtend", deadline.due_on + datetime.timedelta(days=1))
        event.add("description", f"{deadline.who}. {deadline.how}".strip() + f"\n{deadline.campaign.title}")
        event.add("dtstamp", timezone.now())
        cal.add_component(event)
    return HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
