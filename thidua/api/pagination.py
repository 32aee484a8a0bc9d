from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """`?page=` (from 1) and `?page_size=` (at most 200); `count`, `next`, `previous`, `results`."""

    page_size = settings.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = _("Không có trang {page_number}.")  # DRF's catalogue has no Vietnamese for it
