"""`/api/` — the OpenAPI 3 document and its browsable page, for signed-in users only.

The page is Swagger UI from drf-spectacular-sidecar's package static files (no CDN). It keeps
the site's Content-Security-Policy as it is: drf-spectacular's split view serves the page's
start-up script as a file of its own (`?script`, same origin) instead of an inline <script>, and
our template (api/swagger.html) drops the inline <style> of the packaged one (api/docs.css)."""

from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication

from thidua.api.authentication import BearerTokenAuthentication

SIGNED_IN = [permissions.IsAuthenticated]
EITHER = [SessionAuthentication, BearerTokenAuthentication]


class SchemaView(SpectacularAPIView):
    authentication_classes = EITHER
    permission_classes = SIGNED_IN


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = EITHER
    permission_classes = SIGNED_IN
    template_name = "api/swagger.html"
    url_name = "api:schema"

    def handle_exception(self, exc):
        """A browser that is not signed in (an IT officer following docs/api.md's link, a
        session that ran out) is sent to the login page and back here, as every page does;
        a program still gets its 401/403."""
        signed_out = isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)) or (
            isinstance(exc, exceptions.PermissionDenied) and not self.request.user.is_authenticated
        )
        if signed_out and "text/html" in self.request.headers.get("Accept", ""):
            return redirect_to_login(self.request.get_full_path())
        return super().handle_exception(exc)
