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
]
