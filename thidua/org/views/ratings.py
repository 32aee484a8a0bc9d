"""The yearly rating sheet: a CĐCS rates its members, a federation rates the CĐCS below it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from thidua.core.access import get_for_user
from thidua.org import services
from thidua.org.models import Member, MemberRating, RatingLevel, RatingSubject, Unit, UnitRating, UnitStatus

PAGE = 100


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam") or request.POST.get("nam") or timezone.localdate().year - 1)
    except ValueError:
        raise Http404 from None
    if not 1990 <= year <= 2100:
        raise Http404
    return year


def _rows(unit: Unit, year: int, subject: str):
    if subject == RatingSubject.MEMBER:
        current = MemberRating.objects.filter(member=OuterRef("pk"), year=year).values("level_id")[:1]
        return Member.objects.within(unit).select_related("unit").annotate(level_id=Subquery(current))
    current = UnitRating.objects.filter(unit=OuterRef("pk"), year=year).values("level_id")[:1]
    return (
        Unit.objects.within(unit)
        .grassroots()
        .filter(status=UnitStatus.ACTIVE)
        .exclude(pk=unit.pk)
        .annotate(level_id=Subquery(current))
        .order_by("name")
    )


@login_required
def rating_sheet(request, pk: int):
    unit = get_for_user(request.user, Unit, pk)
    subject = RatingSubject.MEMBER if unit.kind.is_grassroots else RatingSubject.UNIT
    perm = "org.change_member" if subject == RatingSubject.MEMBER else "org.change_unit"
    if not request.user.has_perm(perm, unit) or unit.kind.is_group:
        raise Http404
    year = _year(request)
    levels = list(RatingLevel.objects.filter(year=year, subject=subject).order_by("rank"))
    page = Paginator(_rows(unit, year, subject), PAGE).get_page(request.GET.get("page") or request.POST.get("page"))
    if request.method == "POST":
        choices = {}
        for row in page:
            raw = request.POST.get(f"r{row.pk}", "")
            choices[row.pk] = int(raw) if raw.isdigit() else None
        try:
            changed = services.rate_many(request.user, unit, year, subject, choices)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "Đã lưu xếp loại năm %(year)s (%(n)s thay đổi).",
                    "Đã lưu xếp loại năm %(year)s (%(n)s thay đổi).",
                    changed,
                )
                % {"year": year, "n": changed},
            )
            return redirect(f"{request.path}?nam={year}&page={page.number}")
    years = list(
        RatingLevel.objects.filter(subject=subject).order_by("-year").values_list("year", flat=True).distinct()
    )
    context = {"unit": unit, "year": year, "levels": levels, "page": page, "subject": subject, "years": years}
    return render(request, "org/rating_sheet.html", context)
