from django.urls import path

from thidua.initiatives.views import books, initiatives

app_name = "initiatives"

urlpatterns = [
    path("sang-kien/", initiatives.initiative_list, name="list"),
    path("sang-kien/dang-ky/", initiatives.initiative_create, name="create"),
    path("sang-kien/trung-lap/", initiatives.similar, name="similar"),
    path("sang-kien/<int:pk>/", initiatives.initiative_detail, name="detail"),
    path("sang-kien/<int:pk>/sua/", initiatives.initiative_edit, name="edit"),
    path("sang-kien/<int:pk>/<slug:action>/", initiatives.initiative_action, name="action"),
    path("to-ho-tro-sang-kien/", books.support_teams, name="teams"),
    path("cong-nhan-sang-kien/", books.recognition, name="recognition"),
    path("quyet-dinh-cong-nhan/<int:pk>.<str:fmt>", books.decision_download, name="decision"),
    path("so-vang/", books.golden_book, name="golden_book"),
    path("so-vang/<int:pk>/", books.golden_book, name="unit_golden_book"),
    path("so-vang/<int:pk>.<str:fmt>", books.golden_book, name="golden_book_file"),
    path("thong-ke-sang-kien/", books.counters, name="counters"),
    path("thong-ke-sang-kien/<int:pk>/", books.counters, name="unit_counters"),
]
