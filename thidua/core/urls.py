from django.urls import path

from thidua.core import views

app_name = "core"

urlpatterns = [
    path("tep/<int:pk>/", views.attachment_file, name="attachment"),
    path("tep/<int:pk>/anh-nho/", views.attachment_file, {"thumbnail": True}, name="attachment_thumb"),
]
