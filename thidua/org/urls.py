from django.urls import path

from thidua.org.views import imports, members, ratings, roles, tree, units

app_name = "org"

urlpatterns = [
    path("vai-tro/", roles.choose_role, name="choose_role"),
    path("don-vi/", tree.tree, name="tree"),
    path("don-vi/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/con/", tree.tree_children, name="tree_children"),
    path("don-vi/<int:parent_pk>/them-don-vi/", units.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/sua/", units.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/chuyen/", units.unit_move, name="unit_move"),
    path("don-vi/<int:pk>/sap-nhap/", units.unit_merge, name="unit_merge"),
    path("don-vi/<int:pk>/giai-the/", units.unit_dissolve, name="unit_dissolve"),
    path("don-vi/<int:pk>/trang-thai/<slug:action>/", units.unit_transition, name="unit_transition"),
    path("don-vi/<int:pk>/xep-loai/", ratings.rating_sheet, name="rating_sheet"),
    path("don-vi/<int:unit_pk>/them-doan-vien/", members.member_create, name="member_create"),
    path("doan-vien/", members.member_list, name="member_list"),
    path("doan-vien/xuat-excel/", members.member_export, name="member_export"),
    path("doan-vien/<int:pk>/", members.member_detail, name="member_detail"),
    path("doan-vien/<int:pk>/sua/", members.member_edit, name="member_edit"),
    path("doan-vien/<int:pk>/mo-khoa-dang-nhap/", members.member_unlock_login, name="member_unlock_login"),
]

urlpatterns += [
    path("nhap-du-lieu/doan-vien/", imports.import_members, name="import_members"),
    path("nhap-du-lieu/don-vi/", imports.import_units, name="import_units"),
    path("nhap-du-lieu/mau/<slug:kind>/", imports.import_template, name="import_template"),
    path("nhap-du-lieu/<int:pk>/", imports.import_job, name="import_job"),
    path("nhap-du-lieu/<int:pk>/loi/", imports.import_job_errors, name="import_job_errors"),
]
