"""URLs of the awards app. Each views module owns a part of the flow and lists its own
`urlpatterns`; this file only joins them."""

from thidua.awards.views import documents, exports, intake, nominations

app_name = "awards"

urlpatterns = [
    *nominations.urlpatterns,
    *documents.urlpatterns,
    *intake.urlpatterns,
    *exports.urlpatterns,
]
