from django.urls import path

from thidua.documents import signed_views, views

app_name = "documents"

urlpatterns = [
    path("so-van-ban/", views.register, name="register"),
    path("thong-tin-ban-hanh/", views.my_issuer_profile, name="my_issuer_profile"),
    path("don-vi/<int:pk>/thong-tin-ban-hanh/", views.issuer_profile, name="issuer_profile"),
    path("van-ban/<int:pk>/ban-ky-so/", signed_views.signed_original, name="signed_original"),
    path("van-ban/<int:pk>/ban-ky-so.pdf", signed_views.signed_original_file, name="signed_original_file"),
    path("van-ban/<int:pk>/ban-ky-so/cong-khai/", signed_views.signed_original_publish, name="signed_original_publish"),
    path(
        "van-ban/<int:pk>/ban-ky-so/kiem-tra-lai/", signed_views.signed_original_recheck, name="signed_original_recheck"
    ),
    path("cong-khai/van-ban/<int:pk>/ban-ky-so.pdf", signed_views.public_signed_file, name="public_signed_file"),
]
