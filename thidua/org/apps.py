from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = _("Tổ chức công đoàn")

    def ready(self) -> None:
        from thidua.core import tree
        from thidua.core.models import register_verbs
        from thidua.core.navigation import ORGANISATION, NavItem, register
        from thidua.org.services import members_follow

        tree.register(members_follow)  # the members' province (Member.province_path) follows moved units

        register_verbs(
            {
                "create_unit": _("Thành lập đơn vị"),
                "update_unit": _("Sửa thông tin đơn vị"),
                "move_unit": _("Chuyển đơn vị"),
                "move_unit_out": _("Chuyển đơn vị trực thuộc đi nơi khác"),
                "merge": _("Sáp nhập"),
                "absorb_unit": _("Tiếp nhận đơn vị sáp nhập"),
                "dissolve": _("Giải thể"),
                "take_over_unit": _("Tiếp nhận đơn vị giải thể"),
                "move_roles": _("Chuyển vai trò sang đơn vị tiếp nhận"),
                "end_roles": _("Chấm dứt vai trò tại đơn vị giải thể, sáp nhập"),
                "hand_over": _("Bàn giao cho đơn vị tiếp nhận"),
                "deactivate": _("Ngừng hoạt động"),
                "reactivate": _("Hoạt động trở lại"),
                "create_member": _("Thêm đoàn viên"),
                "update_member": _("Sửa thông tin đoàn viên"),
                "remove_member": _("Xóa đoàn viên"),
                "rate_member": _("Xếp loại đoàn viên"),
                "rate_unit": _("Xếp loại đơn vị"),
                "rate_members": _("Xếp loại đoàn viên"),
                "rate_units": _("Xếp loại công đoàn cơ sở"),
                "grant_role": _("Giao vai trò"),
                "load_demo": _("Nạp dữ liệu mẫu"),
                "import_units": _("Nhập đơn vị từ tệp"),
                "import_members": _("Nhập đoàn viên từ tệp"),
            }
        )

        register(NavItem(_("Trang chủ"), "home", order=0))
        register(NavItem(_("Cây tổ chức"), "org:tree", perm="org.browse_units", order=10, group=ORGANISATION))
        register(NavItem(_("Đoàn viên"), "org:member_list", perm="org.list_members", order=20, group=ORGANISATION))
        register(
            NavItem(_("Nhập dữ liệu"), "org:import_members", perm="org.import_members", order=30, group=ORGANISATION)
        )
        register(NavItem(_("Quản trị"), "admin:index", order=900, superuser_only=True))
