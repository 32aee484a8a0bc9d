"""Pagination of lists that may be very long (a province's members, a one-word search)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Lists count and show at most this many matches ("more than 1,000 — type more"); the member
# search (org.search.SEARCH_CAP) stops at the same number, so the two always agree.
LIST_CAP = 1000


class CappedPaginator(Paginator):
    """Counts up to CAP + 1 rows only: a province's list or a one-word search ("nguyen") would
    otherwise count hundreds of thousands of rows on every keystroke. Past the cap the page
    says "more than 1,000 — type more to narrow it" (BENCHMARKS.md, member search)."""

    CAP = LIST_CAP

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.CAP
