"""`/api/` — the OpenAPI 3 document and its browsable page, for signed-in users only.

The page is Swagger UI from drf-spectacular-sidecar's package static files (no CDN). It keeps
the site's Content-Security-Policy as it is: drf-spectacular's split view serves the page's
start-up script as a file of its own (`?script`, same origin) instead of an inline <script>, and
our template (api/swagger.html) drops the inline <style> of the packaged one (api/docs.css)."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import permissions
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
