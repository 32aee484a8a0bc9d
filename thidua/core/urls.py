from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from thidua.core import health, pickers, views


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says: send them to the
    static file (its hashed name once collected, so it is cached like the rest)."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("core/favicon.ico")


app_name = "core"

urlpatterns = [
    path("tep/<int:pk>/", views.attachment_file, name="attachment"),
    path("tep/<int:pk>/anh-nho/", views.attachment_file, {"thumbnail": True}, name="attachment_thumb"),
    path("healthz/", health.ready, name="health"),
    path("healthz/live/", health.live, name="health_live"),
    path("chon/<slug:source>/", pickers.search, name="picker"),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
]
