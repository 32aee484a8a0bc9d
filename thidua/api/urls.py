from django.urls import include, path
from rest_framework.routers import SimpleRouter

from thidua.api import docs, pages, views

app_name = "api"

router = SimpleRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("members", views.MemberViewSet, basename="member")
router.register("campaigns", views.CampaignViewSet, basename="campaign")
router.register("report-periods", views.ReportPeriodViewSet, basename="report-period")
router.register("submissions", views.SubmissionViewSet, basename="submission")
router.register("nominations", views.NominationViewSet, basename="nomination")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("honour-roll", views.HonourRollViewSet, basename="honour-roll")
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
router.register("golden-books", views.GoldenBookViewSet, basename="golden-book")

urlpatterns = [
    path("api/", docs.DocsView.as_view(), name="docs"),
    path("api/schema/", docs.SchemaView.as_view(), name="schema"),
    path("api/v1/", include(router.urls)),
    path("tai-khoan/khoa-api/", pages.tokens, name="tokens"),
    path("tai-khoan/khoa-api/<int:pk>/thu-hoi/", pages.revoke, name="revoke"),
]
