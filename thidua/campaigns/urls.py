from django.urls import path

from thidua.campaigns.views import calendar, coverage, deployments, plan_import, plans

app_name = "campaigns"

urlpatterns = [
    path("ke-hoach/", plans.campaign_list, name="list"),
    path("ke-hoach/moi/", plans.campaign_create, name="create"),
    path("ke-hoach/nhap-tu-van-ban/", plan_import.upload, name="import"),
    path("ke-hoach/nhap-tu-van-ban/tao-ban-nhap/", plan_import.create, name="import_create"),
    path("ke-hoach/<int:pk>/", plans.campaign_detail, name="detail"),
    path("ke-hoach/<int:pk>/sua/", plans.campaign_edit, name="edit"),
    path("ke-hoach/<int:pk>/muc/<slug:part>/them/", plans.part_form, name="part_add"),
    path("ke-hoach/<int:pk>/muc/<slug:part>/<int:item>/", plans.part_form, name="part_edit"),
    path("ke-hoach/<int:pk>/muc/<slug:part>/<int:item>/xoa/", plans.part_delete, name="part_delete"),
    path("ke-hoach/<int:pk>/khen-thuong/", plans.reward_form, name="reward"),
    path("ke-hoach/<int:pk>/noi-trien-khai/", plans.targets_form, name="targets"),
    path("ke-hoach/<int:pk>/ban-hanh/", plans.campaign_issue, name="issue"),
    path("ke-hoach/<int:pk>/xem-truoc/", plans.campaign_preview, name="preview"),
    path("ke-hoach/<int:pk>/tai/<slug:fmt>/", plans.campaign_download, name="download"),
    path("ke-hoach/<int:pk>/tien-do/", coverage.coverage, name="coverage"),
    path("ke-hoach/<int:pk>/tien-do/chua-phat-dong.xlsx", coverage.laggards_export, name="laggards_export"),
    path("trien-khai/<int:pk>/xac-nhan/", deployments.acknowledge, name="acknowledge"),
    path("trien-khai/<int:pk>/phat-dong/", deployments.launch, name="launch"),
    path("trien-khai/<int:pk>/ke-hoach-rieng/", deployments.own_plan, name="own_plan"),
    path("trien-khai/<int:pk>/trien-khai-tiep/", deployments.forward, name="forward"),
    path("lich/", calendar.calendar, name="calendar"),
    path("lich/<str:token>.ics", calendar.ical, name="ical"),
]
