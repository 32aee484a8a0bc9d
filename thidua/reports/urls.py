from django.urls import path  # noqa: F401 - routes arrive with the views

app_name = "reports"

urlpatterns: list = []
