from django.urls import path  # noqa: F401 - the pages arrive with their views

app_name = "participation"

urlpatterns: list = []
