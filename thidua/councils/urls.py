from django.urls import path

from thidua.councils.views import councils, sessions

app_name = "councils"

urlpatterns = [
    path("hoi-dong/", councils.council_list, name="list"),
    path("hoi-dong/<int:pk>/", councils.council_detail, name="detail"),
    path("hoi-dong/<int:pk>/thanh-vien/", councils.add_member, name="add_member"),
    path("hoi-dong/<int:pk>/ty-le/", councils.set_rule, name="set_rule"),
    path("hoi-dong/<int:pk>/phien-hop/", councils.open_session, name="open_session"),
    path("phien-hop/<int:pk>/", sessions.session_detail, name="session"),
    path("phien-hop/<int:pk>/diem-danh/", sessions.attendance, name="attendance"),
    path("phien-hop/<int:pk>/noi-dung/", sessions.add_item, name="add_item"),
    path("phien-hop/<int:pk>/ket-thuc/", sessions.close, name="close"),
    path("phien-hop/<int:pk>/hoan/", sessions.adjourn, name="adjourn"),
    path("phien-hop/<int:pk>/bien-ban.<str:fmt>", sessions.minutes_download, name="minutes"),
    path("noi-dung/<int:pk>/bieu-quyet/", sessions.cast, name="cast"),
    path("noi-dung/<int:pk>/nhap-phieu/", sessions.ballots, name="ballots"),
]
