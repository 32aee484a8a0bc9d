from django.urls import path

from thidua.core import health, views

app_name = "core"

urlpatterns = [
    path("tep/<int:pk>/", views.attachment_file, name="attachment"),
    path("tep/<int:pk>/anh-nho/", views.attachment_file, {"thumbnail": True}, name="attachment_thumb"),
    path("healthz/", health.ready, name="health"),
    path("healthz/live/", health.live, name="health_live"),
]
