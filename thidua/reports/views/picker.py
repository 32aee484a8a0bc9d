"""The period picker of the status board, the roll-up and a unit's report: the previous and the
next period of the same form, and a list of all of them — so an officer opens last quarter's
board, or a CĐCS its report of last year, from the page.

The list is one query whatever the number of periods; choosing one in the list (a GET form,
`?ky=`, no script needed) redirects to that period's page, keeping the unit viewed.
"""

from dataclasses import dataclass, field

from django.http import HttpResponseRedirect
from django.urls import reverse

from thidua.reports.models import ReportPeriod, Submission


@dataclass
class Picker:
    current: int
    options: list[tuple[int, str]]  # (key, label), newest first
    url: str  # the page's URL with "{key}" where the key goes
    keep: dict = field(default_factory=dict)  # query parameters kept when moving (the unit viewed)

    def _at(self, offset: int) -> str:
        keys = [key for key, _label in self.options]
        if self.current not in keys:
            return ""
        index = keys.index(self.current) + offset
        return self.link(keys[index]) if 0 <= index < len(keys) else ""

    @property
    def previous_url(self) -> str:
        return self._at(1)  # newest first: the previous period is the next in the list

    @property
    def next_url(self) -> str:
        return self._at(-1)

    def link(self, key: int) -> str:
        query = "&".join(f"{name}={value}" for name, value in self.keep.items())
        return self.url.format(key=key) + (f"?{query}" if query else "")

    def jump(self, request) -> HttpResponseRedirect | None:
        """The redirect asked for by the list (`?ky=`), when it names another of its periods."""
        raw = request.GET.get("ky", "")
        if not raw.isdigit() or int(raw) == self.current:
            return None
        if int(raw) not in {key for key, _label in self.options}:
            return None
        return HttpResponseRedirect(self.link(int(raw)))


def for_period(period, view_name: str, unit) -> Picker:
    """Periods of the period's form, for the board or the roll-up of `unit`."""

    options = list(
        ReportPeriod.objects.filter(form_id=period.form_id).order_by("-starts_on", "-id").values_list("pk", "label")
    )
    url = reverse(view_name, args=[0]).replace("/0/", "/{key}/")
    return Picker(period.pk, options, url, {"don-vi": unit.pk})


def for_submission(submission) -> Picker:
    """The same unit's reports on the same form, one per period."""

    options = list(
        Submission.objects.filter(period__form_id=submission.period.form_id, unit_id=submission.unit_id)
        .order_by("-period__starts_on", "-period_id")
        .values_list("pk", "period__label")
    )
    url = reverse("reports:submission", args=[0]).replace("/0/", "/{key}/")
    return Picker(submission.pk, options, url)
