from django.urls import path

from thidua.documents import signed_views, signing_views, views

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
    path("van-ban/<int:pk>/ky-so-tren-thidua/", signing_views.sign_in_thidua, name="sign_in_thidua"),
    path("don-vi/<int:pk>/chung-thu-ky-so/", signing_views.signing_certificate, name="signing_certificate"),
    path(
        "don-vi/<int:pk>/chung-thu-ky-so/xoa/",
        signing_views.signing_certificate_remove,
        name="signing_certificate_remove",
    ),
    path("cong-khai/van-ban/<int:pk>/ban-ky-so.pdf", signed_views.public_signed_file, name="public_signed_file"),
]
