from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from thidua.core.admin_site import restrict_admin_to_superusers
from thidua.org.views.home import home

restrict_admin_to_superusers(admin.site)

urlpatterns = [
    path("", home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # Own password pages (the admin's registration/ templates would otherwise be used).
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(template_name="core/password/change.html"),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(template_name="core/password/change_done.html"),
        name="password_change_done",
    ),
    path(
        "quen-mat-khau/",
        auth_views.PasswordResetView.as_view(
            template_name="core/password/reset.html",
            email_template_name="core/password/reset_email.txt",
            subject_template_name="core/password/reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password/reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="core/password/reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(template_name="core/password/reset_complete.html"),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("thidua.core.urls")),
    path("", include("thidua.org.urls")),
    path("", include("thidua.documents.urls")),
    path("", include("thidua.campaigns.urls")),
    path("", include("thidua.participation.urls")),
    path("", include("thidua.councils.urls")),
    path("", include("thidua.initiatives.urls")),
    path("", include("thidua.reports.urls")),
    path("", include("thidua.awards.urls")),
    path("", include("thidua.api.urls")),
]
