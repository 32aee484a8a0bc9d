from django.urls import path

from thidua.documents import views

app_name = "documents"

urlpatterns = [
    path("so-van-ban/", views.register, name="register"),
]
