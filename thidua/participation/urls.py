from django.urls import path

from thidua.participation.views import covenants, overview, record, titles, works

app_name = "participation"

urlpatterns = [
    path("tham-gia/<int:pk>/", record.unit_record, name="record"),
    path("tham-gia/<int:pk>/dang-ky/", record.register, name="register"),
    path("tham-gia/<int:pk>/cong-trinh/them/", record.work_add, name="work_add"),
    path("tham-gia/<int:pk>/mo-hinh/them/", record.model_add, name="model_add"),
    path("mo-hinh/<int:pk>/ket-qua/", record.model_results, name="model_results"),
    path("tham-gia/<int:pk>/tong-hop/", overview.overview, name="overview"),
    path("tham-gia/<int:pk>/tong-hop/chua-co.xlsx", overview.missing_export, name="missing_export"),
    path("tham-gia/<int:pk>/thoi-han/", overview.set_due, name="set_due"),
    path("cong-trinh/<int:pk>/", works.work_detail, name="work"),
    path("cong-trinh/<int:pk>/hoan-thanh/", works.work_complete, name="work_complete"),
    path("cong-trinh/<int:pk>/khanh-thanh/", works.work_inaugurate, name="work_inaugurate"),
    path("cong-trinh/<int:pk>/tin-bai-hinh-anh/", works.work_evidence, name="work_evidence"),
    path("giao-uoc/", covenants.covenant_list, name="covenants"),
    path("giao-uoc/moi/", covenants.covenant_create, name="covenant_create"),
    path("giao-uoc/<int:pk>/", covenants.covenant_detail, name="covenant"),
    path("giao-uoc/<int:pk>/ky/<int:party>/", covenants.covenant_sign, name="covenant_sign"),
    path("giao-uoc/<int:pk>/ke-hoach/", covenants.covenant_tie, name="covenant_tie"),
    path("tham-gia/<int:pk>/giao-uoc/gan/", covenants.campaign_tie, name="campaign_tie"),
    path("giao-uoc/<int:pk>/kiem-tra/<int:party>/", covenants.covenant_inspect, name="covenant_inspect"),
    path("dang-ky-danh-hieu/", titles.titles, name="titles"),
    path("dang-ky-danh-hieu/cua-toi/", titles.titles_self, name="titles_self"),
    path("dang-ky-danh-hieu/danh-sach/", titles.titles_list, name="titles_list"),
    path("dang-ky-danh-hieu/nhap/", titles.titles_import, name="titles_import"),
    path("dang-ky-danh-hieu/xuat.xlsx", titles.titles_export, name="titles_export"),
]
