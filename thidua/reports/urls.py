from django.urls import path

from thidua.reports.views import board, forms, reviews, submissions

app_name = "reports"

urlpatterns = [
    path("bao-cao/", forms.report_list, name="list"),
    path("bao-cao/bieu-mau/moi/", forms.form_create, name="form_create"),
    path("bao-cao/bieu-mau/<int:pk>/", forms.form_detail, name="form"),
    path("bao-cao/bieu-mau/<int:pk>/sua/", forms.form_edit, name="form_edit"),
    path("bao-cao/bieu-mau/<int:pk>/gui/", forms.publish, name="publish"),
    path("bao-cao/bieu-mau/<int:pk>/chi-tieu/<int:indicator>/xoa/", forms.indicator_delete, name="indicator_delete"),
    path("bao-cao/nop/<int:pk>/", submissions.submission_detail, name="submission"),
    path("bao-cao/nop/<int:pk>/xem-xet/", submissions.review, name="review_submission"),
    path("bao-cao/ky/<int:pk>/", board.board, name="board"),
    path("bao-cao/ky/<int:pk>/tinh-hinh.xlsx", board.board_export, name="board_export"),
    path("bao-cao/ky/<int:pk>/nhac-nop/", board.remind_late, name="remind_late"),
    path("bao-cao/ky/<int:pk>/tong-hop/", board.rollup, name="rollup"),
    path("bao-cao/ky/<int:pk>/tong-hop.xlsx", board.rollup_export, name="rollup_export"),
    path("ke-hoach/<int:pk>/so-ket-tong-ket/moi/", reviews.review_create, name="review_create"),
    path("so-ket-tong-ket/<int:pk>/", reviews.review_detail, name="review"),
    path("so-ket-tong-ket/<int:pk>/tai.<str:fmt>", reviews.review_file, name="review_file"),
    path("so-ket-tong-ket/<int:pk>/cap-nhat-so-lieu/", reviews.review_refresh, name="review_refresh"),
]
