"""The demo federation: the issuers of the seed plans, with their CĐCS, members, ratings and one
demo user per role (`manage.py load_demo`).

The tree is the one the seeds were written in (2019–2023), before the 2025 reform ended the
district federations: Tổng Liên đoàn → LĐLĐ thành phố Hà Nội → LĐLĐ quận Long Biên (seeds 000,
003, 004) and LĐLĐ huyện Gia Lâm (seed 002); → LĐLĐ tỉnh Lai Châu (seed 001) with two district
federations and the provincial education union. The signers of the seeds are members of their
federation's own CĐCS ("Công đoàn cơ quan"), because a member belongs to a CĐCS, never to a
federation.

Built in stages — kinds check → tree → clusters → members → ratings → users — inside one
transaction, so a failed run leaves nothing half-built. Everything random comes from
`random.Random` seeded per CĐCS (or per member) with a string, so two fresh runs give the same
rows, and changing one CĐCS does not reshuffle the others.

Rerunning: the first run leaves an audit entry "load_demo" on the root carrying DEMO_VERSION.
When it is there, the data stages are skipped and only the users and their roles are ensured.
A tree that was not built by this version is never touched.
"""

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.core import audit
from thidua.core.demo import SYSTEM
from thidua.core.models import AuditEntry
from thidua.core.text import fold
from thidua.org import services
from thidua.org.demo import names
from thidua.org.models import (
    EmulationCluster,
    Gender,
    Member,
    MemberRating,
    OfficerType,
    Ownership,
    RatingLevel,
    RatingSubject,
    RoleKind,
    Sector,
    Unit,
    UnitKind,
    UnitRating,
)
from thidua.org.search import member_search_key, province_path

# Bump when the data below changes: a database holding another version is left alone and the
# command says to start from a fresh database.
DEMO_VERSION = "2026.1"
# Public by design: the README and `make run` print it. Demo accounts only.
DEMO_PASSWORD = "thidua2026"  # noqa: S105
SEED = "thidua-demo"
MARKER_VERB = "load_demo"
ROOT_CODE = "TLD"
# Addresses on the reserved TLD ".example" (RFC 2606): reminders sent from a demo database never
# reach a real mailbox.
MAIL_DOMAIN = "example"

S, P, E = Sector.SCHOOL, Sector.PUBLIC_SERVICE, Sector.ENTERPRISE
STATE, NON_STATE, FDI = Ownership.STATE, Ownership.NON_STATE, Ownership.FDI


class DemoConflict(Exception):
    """The database holds a union tree that this version of the demo did not build."""


# --- the data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A named member: a seed signer, a demo user, or "Nguyễn Văn An" whom tests search for."""

    name: str
    female: bool
    birth_year: int
    job: str
    union_role: str = ""  # "chair" | "vice" | "": the seat this person takes in the CĐCS committee
    username: str = ""


@dataclass(frozen=True)
class Cdcs:
    num: int
    name: str
    sector: str
    size: int  # members at scale 1
    female: float  # share of women
    profile: str  # key of PROFILES: jobs, direct-worker share, ages
    ownership: str = ""
    groups: tuple[str, ...] = ()
    place: str = ""
    people: tuple[Person, ...] = ()
    # The federation's own office: its staff are full-time union officers.
    staff: bool = False


@dataclass(frozen=True)
class Federation:
    code: str
    name: str
    kind: str
    parent: str | None
    place: str
    mail: str  # the local part of the federation's address, and the domain of its CĐCS
    # Cards read province (2 digits) + district (3 digits, the administrative code; 000 for the
    # province's own office, 9xx for a sectoral union) + CĐCS (3) + member (4).
    card_prefix: str
    cdcs: tuple[Cdcs, ...] = ()
    blocs: bool = False  # district federations group their CĐCS into the three blocs


# What a CĐCS's members do: core jobs (taken with `core_share`, the rest get the bloc's other
# jobs from names.position), whether the core jobs are direct production work, and the
# (oldest, youngest, most common) birth year.
@dataclass(frozen=True)
class Profile:
    core: tuple[str, ...]
    core_share: float
    direct: bool
    births: tuple[int, int, int]


# The data below reads as tables, one row per profile or CĐCS: the formatter would spread each
# row over a dozen lines.
# fmt: off
PROFILES = {
    "school": Profile(("Giáo viên",), 0.78, False, (1967, 2000, 1984)),
    "kindergarten": Profile(("Giáo viên mầm non", "Giáo viên mầm non", "Nhân viên nuôi dưỡng"), 0.88, False, (1968, 2001, 1987)),
    "ward": Profile(("Công chức Văn phòng – Thống kê", "Công chức Địa chính – Xây dựng", "Công chức Tư pháp – Hộ tịch",
                     "Công chức Văn hóa – Xã hội", "Công chức Tài chính – Kế toán"), 0.7, False, (1966, 1998, 1983)),
    "agency": Profile(("Chuyên viên",), 0.6, False, (1966, 1998, 1982)),
    "health": Profile(("Bác sĩ", "Điều dưỡng", "Điều dưỡng", "Điều dưỡng", "Kỹ thuật viên xét nghiệm", "Dược sĩ", "Hộ lý"),
                      0.85, False, (1966, 2000, 1988)),
    "staff": Profile(("Chuyên viên Ban Tổ chức – Kiểm tra", "Chuyên viên Ban Tuyên giáo – Nữ công",
                      "Chuyên viên Ban Chính sách – Pháp luật", "Cán bộ Văn phòng"), 0.8, False, (1966, 1996, 1980)),
    "garment": Profile(("Công nhân may", "Công nhân may", "Công nhân may", "Công nhân cắt", "Công nhân là", "Nhân viên KCS"),
                       0.86, True, (1972, 2004, 1990)),
    "electronics": Profile(("Công nhân lắp ráp", "Công nhân lắp ráp", "Công nhân kiểm tra chất lượng", "Công nhân vận hành máy"),
                           0.88, True, (1982, 2005, 1997)),
    "rolling-stock": Profile(("Công nhân sửa chữa toa xe", "Công nhân cơ khí", "Công nhân hàn", "Công nhân điện"), 0.78, True, (1968, 2003, 1985)),
    "retail": Profile(("Nhân viên bán hàng", "Nhân viên bán hàng", "Thu ngân"), 0.78, True, (1985, 2005, 1998)),
    "construction": Profile(("Công nhân xây dựng", "Công nhân cốt thép", "Lái máy thi công"), 0.72, True, (1970, 2004, 1988)),
    "food": Profile(("Công nhân chế biến", "Công nhân đóng gói"), 0.8, True, (1975, 2004, 1992)),
    "ceramics": Profile(("Thợ gốm", "Công nhân tạo hình", "Công nhân vẽ men", "Công nhân lò nung"), 0.82, True, (1966, 2004, 1986)),
    "sanitation": Profile(("Công nhân vệ sinh môi trường", "Lái xe chuyên dùng"), 0.86, True, (1968, 2002, 1984)),
    "power": Profile(("Công nhân quản lý vận hành lưới điện", "Công nhân sửa chữa điện"), 0.65, True, (1968, 2002, 1986)),
    "hydropower": Profile(("Công nhân vận hành nhà máy thủy điện", "Công nhân sửa chữa cơ điện"), 0.7, True, (1975, 2002, 1989)),
    "tea": Profile(("Công nhân chế biến chè", "Công nhân chăm sóc chè"), 0.86, True, (1970, 2004, 1988)),
    "quarry": Profile(("Công nhân khai thác đá", "Lái máy xúc"), 0.86, True, (1970, 2003, 1987)),
    "water": Profile(("Công nhân vận hành trạm bơm", "Công nhân sửa chữa đường ống"), 0.65, True, (1968, 2002, 1985)),
    "lottery": Profile(("Nhân viên phát hành vé số",), 0.5, False, (1970, 2000, 1986)),
    "bank": Profile(("Giao dịch viên", "Cán bộ tín dụng"), 0.75, False, (1972, 2000, 1988)),
}
# Enterprise staff outside production: the office jobs of names.POSITIONS_ENTERPRISE.
OFFICE_JOBS = tuple(p for p in names.POSITIONS_ENTERPRISE if not p.startswith(("Công nhân", "Tổ trưởng")))

G_THCS = ("Tổ Toán – Tin", "Tổ Ngữ văn – Ngoại ngữ", "Tổ Khoa học tự nhiên", "Tổ Văn phòng")
G_TH = ("Tổ khối 1 – 2", "Tổ khối 3 – 4 – 5", "Tổ Văn phòng")
G_MN = ("Tổ Nhà trẻ", "Tổ Mẫu giáo", "Tổ Nuôi dưỡng")
G_HOSPITAL = ("Công đoàn bộ phận Khối Nội", "Công đoàn bộ phận Khối Ngoại", "Công đoàn bộ phận Khối Cận lâm sàng",
              "Công đoàn bộ phận Khối Hành chính")
G_HEALTH = ("Tổ công đoàn Khối Dự phòng", "Tổ công đoàn Trạm y tế", "Tổ công đoàn Khối Hành chính")
G_OFFICE = "Tổ công đoàn Khối Văn phòng"

# Named members: the seed signers, the demo users, and "Nguyễn Văn An", whom tests and the
# browser demo search for (accent-folded search, scope). They come first in their CĐCS.
HN_STAFF = (
    Person("Trần Quang Huy", False, 1971, "Phó Chủ tịch LĐLĐ thành phố", username="hn_bantv"),
    Person("Hoàng Thị Lan Anh", True, 1984, "Chuyên viên Ban Tổ chức", username="hn_theodoi"),
)
GIA_THUY = (
    Person("Nguyễn Thị Hồng Hạnh", True, 1978, "Phó Hiệu trưởng", union_role="chair", username="cdcs_chutich"),
    Person("Nguyễn Văn An", False, 1986, "Giáo viên", username="doanvien"),
)
LB_STAFF = (
    Person("Nguyễn Trường Giang", False, 1974, "Chủ tịch LĐLĐ quận", username="lb_chutich"),  # signed seed 000 (2023)
    # Signed seed 003 (2019); seed 004 (2021) spells her "Phan Thị Thu Hằng": one person, the
    # spelling of the stamped copy is kept.
    Person("Phạm Thị Thu Hằng", True, 1968, "Nguyên Chủ tịch LĐLĐ quận"),
    Person("Lê Minh Tuấn", False, 1977, "Phó Chủ tịch LĐLĐ quận", username="lb_hoidong"),
    Person("Trần Thị Thu Trang", True, 1988, "Cán bộ Văn phòng – Thi đua khen thưởng", username="lb_thiduakt"),
    Person("Đỗ Thị Thanh Loan", True, 1982, "Trưởng ban Tổ chức – Thi đua", union_role="chair", username="lb_kiemnhiem"),
)
MAY_DUC_GIANG = (Person("Đặng Thị Thu Hà", True, 1982, "Nhân viên văn phòng", union_role="vice", username="cdcs_canbo"),)
GL_STAFF = (
    Person("Nguyễn Đức Thê", False, 1970, "Chủ tịch LĐLĐ huyện", username="gl_chutich"),  # signed seed 002 (2021)
    Person("Vũ Thị Hồng Nhung", True, 1986, "Cán bộ Văn phòng – Thi đua khen thưởng", username="gl_thiduakt"),
)
LC_STAFF = (
    Person("Nguyễn Thị Thiệp", True, 1969, "Chủ tịch LĐLĐ tỉnh"),  # signed seed 001 (2022), "TM. BAN THƯỜNG VỤ"
    Person("Tòng Văn Khánh", False, 1985, "Chuyên viên Văn phòng – Thi đua khen thưởng", username="lc_thiduakt"),
)
# Seeds 001 and 002 go down to the CĐCS: a district of Lai Châu that forwards the province's
# plan, and a CĐCS under each of the two issuers that acts on it (journeys, issue 14).
TP_LC_STAFF = (Person("Lò Văn Thắng", False, 1983, "Chuyên viên Thi đua – Khen thưởng", username="lctp_thiduakt"),)
QUYET_THANG = (Person("Vàng Thị Dung", True, 1980, "Phó Hiệu trưởng", union_role="chair", username="lctp_cdcs"),)
DUONG_XA = (Person("Ngô Thị Thanh Hương", True, 1979, "Phó Hiệu trưởng", union_role="chair", username="gl_cdcs"),)

#   num, name, bloc, members, share of women, profile, then ownership, groups, place, people
LONG_BIEN = (
    Cdcs(1, "CĐCS Trường THCS Gia Thụy", S, 68, 0.78, "school", groups=G_THCS, place="phường Gia Thụy", people=GIA_THUY),
    Cdcs(2, "CĐCS Trường THCS Ngọc Lâm", S, 62, 0.8, "school", groups=G_THCS[1:], place="phường Ngọc Lâm"),
    Cdcs(3, "CĐCS Trường Tiểu học Ái Mộ", S, 55, 0.88, "school", groups=G_TH, place="phường Bồ Đề"),
    Cdcs(4, "CĐCS Trường Mầm non Hoa Sữa", S, 48, 0.98, "kindergarten", groups=G_MN, place="phường Việt Hưng"),
    Cdcs(5, "CĐCS Trường Mầm non Bồ Đề", S, 40, 0.98, "kindergarten", place="phường Bồ Đề"),
    Cdcs(6, "CĐCS Trường Tiểu học Thạch Bàn A", S, 50, 0.87, "school", place="phường Thạch Bàn"),
    Cdcs(7, "CĐCS Cơ quan LĐLĐ quận Long Biên", P, 14, 0.6, "staff", staff=True, place="phường Ngọc Lâm", people=LB_STAFF),
    Cdcs(8, "CĐCS UBND phường Bồ Đề", P, 38, 0.55, "ward", place="phường Bồ Đề"),
    Cdcs(9, "CĐCS UBND phường Ngọc Thụy", P, 32, 0.5, "ward", place="phường Ngọc Thụy"),
    Cdcs(10, "CĐCS UBND phường Phúc Đồng", P, 30, 0.5, "ward", place="phường Phúc Đồng"),
    Cdcs(11, "CĐCS Bệnh viện Đa khoa Đức Giang", P, 380, 0.7, "health", groups=G_HOSPITAL, place="phường Đức Giang"),
    Cdcs(12, "CĐCS Trung tâm Y tế quận Long Biên", P, 160, 0.72, "health", groups=G_HEALTH, place="phường Bồ Đề"),
    Cdcs(13, "CĐCS Công ty CP May Đức Giang", E, 600, 0.82, "garment", STATE,
         ("Tổ công đoàn Xí nghiệp May 1", "Tổ công đoàn Xí nghiệp May 2", "Tổ công đoàn Phân xưởng Cắt – Là", G_OFFICE),
         "phường Đức Giang", people=MAY_DUC_GIANG),
    Cdcs(14, "CĐCS Công ty TNHH Canon Việt Nam", E, 300, 0.76, "electronics", FDI,
         ("Tổ công đoàn Phân xưởng Lắp ráp", "Tổ công đoàn Phân xưởng Kiểm tra", G_OFFICE), "phường Sài Đồng"),
    Cdcs(15, "CĐCS Công ty CP Xe lửa Gia Lâm", E, 220, 0.15, "rolling-stock", STATE,
         ("Tổ công đoàn Phân xưởng Toa xe", "Tổ công đoàn Phân xưởng Cơ khí", G_OFFICE), "phường Gia Thụy"),
    Cdcs(16, "CĐCS Công ty TNHH AEON Việt Nam – Chi nhánh Long Biên", E, 180, 0.7, "retail", FDI,
         ("Tổ công đoàn Khối Bán hàng", G_OFFICE), "phường Việt Hưng"),
    Cdcs(17, "CĐCS Công ty CP Đầu tư Xây dựng Long Biên", E, 90, 0.2, "construction", NON_STATE, place="phường Thượng Thanh"),
    Cdcs(18, "CĐCS Công ty TNHH Thực phẩm Sài Đồng", E, 70, 0.62, "food", NON_STATE, place="phường Sài Đồng"),
)
GIA_LAM = (
    Cdcs(1, "CĐCS Trường THCS Dương Xá", S, 58, 0.78, "school", groups=G_THCS[:3], place="xã Dương Xá", people=DUONG_XA),
    Cdcs(2, "CĐCS Trường THCS Kiêu Kỵ", S, 52, 0.78, "school", place="xã Kiêu Kỵ"),
    Cdcs(3, "CĐCS Trường Tiểu học Trâu Quỳ", S, 56, 0.88, "school", groups=G_TH[:2], place="thị trấn Trâu Quỳ"),
    Cdcs(4, "CĐCS Trường Tiểu học Đa Tốn", S, 45, 0.88, "school", place="xã Đa Tốn"),
    Cdcs(5, "CĐCS Trường Mầm non Bát Tràng", S, 36, 0.98, "kindergarten", place="xã Bát Tràng"),
    Cdcs(6, "CĐCS Trường Mầm non Kim Sơn", S, 38, 0.98, "kindergarten", place="xã Kim Sơn"),
    Cdcs(7, "CĐCS Cơ quan LĐLĐ huyện Gia Lâm", P, 11, 0.55, "staff", staff=True, place="thị trấn Trâu Quỳ", people=GL_STAFF),
    Cdcs(8, "CĐCS UBND xã Đa Tốn", P, 28, 0.45, "ward", place="xã Đa Tốn"),
    Cdcs(9, "CĐCS UBND thị trấn Trâu Quỳ", P, 34, 0.5, "ward", place="thị trấn Trâu Quỳ"),
    Cdcs(10, "CĐCS UBND xã Bát Tràng", P, 26, 0.45, "ward", place="xã Bát Tràng"),
    Cdcs(11, "CĐCS Trung tâm Y tế huyện Gia Lâm", P, 210, 0.7, "health", groups=G_HEALTH, place="thị trấn Trâu Quỳ"),
    Cdcs(12, "CĐCS Công ty CP Gốm sứ Bát Tràng", E, 140, 0.55, "ceramics", NON_STATE,
         ("Tổ công đoàn Phân xưởng Tạo hình", "Tổ công đoàn Phân xưởng Lò nung"), "xã Bát Tràng"),
    Cdcs(13, "CĐCS Công ty TNHH Điện tử Daeyang Hà Nội", E, 320, 0.78, "electronics", FDI,
         ("Tổ công đoàn Ca 1", "Tổ công đoàn Ca 2", G_OFFICE), "xã Phú Thị"),
    Cdcs(14, "CĐCS Công ty TNHH MTV Môi trường đô thị Gia Lâm", E, 150, 0.45, "sanitation", STATE, place="xã Yên Thường"),
    Cdcs(15, "CĐCS Công ty CP May Gia Lâm", E, 230, 0.85, "garment", NON_STATE,
         ("Tổ công đoàn Chuyền may 1 – 6", "Tổ công đoàn Chuyền may 7 – 12"), "thị trấn Yên Viên"),
)
TP_LAI_CHAU = (
    Cdcs(1, "CĐCS Trường THCS Quyết Thắng", S, 40, 0.75, "school", place="phường Quyết Thắng", people=QUYET_THANG),
    Cdcs(2, "CĐCS Trường Tiểu học Đoàn Kết", S, 38, 0.85, "school", place="phường Đoàn Kết"),
    Cdcs(3, "CĐCS Trường Mầm non Tân Phong", S, 30, 0.98, "kindergarten", place="phường Tân Phong"),
    Cdcs(4, "CĐCS Trường Tiểu học Quyết Tiến", S, 35, 0.85, "school", place="phường Quyết Tiến"),
    Cdcs(5, "CĐCS Cơ quan LĐLĐ thành phố Lai Châu", P, 7, 0.5, "staff", staff=True, place="phường Tân Phong",
         people=TP_LC_STAFF),
    Cdcs(6, "CĐCS UBND phường Tân Phong", P, 24, 0.45, "ward", place="phường Tân Phong"),
    Cdcs(7, "CĐCS UBND phường Đông Phong", P, 22, 0.45, "ward", place="phường Đông Phong"),
    Cdcs(8, "CĐCS Trung tâm Y tế thành phố Lai Châu", P, 85, 0.68, "health", groups=G_HEALTH[:2], place="phường Đông Phong"),
    Cdcs(9, "CĐCS Công ty Điện lực Lai Châu", E, 160, 0.2, "power", STATE,
         ("Tổ công đoàn Điện lực Tam Đường", "Tổ công đoàn Điện lực Thành phố", G_OFFICE), "phường Tân Phong"),
    Cdcs(10, "CĐCS Công ty TNHH MTV Xổ số kiến thiết Lai Châu", E, 25, 0.5, "lottery", STATE, place="phường Tân Phong"),
    Cdcs(11, "CĐCS Công ty CP Cấp nước Lai Châu", E, 60, 0.3, "water", NON_STATE, place="phường Đông Phong"),
    Cdcs(12, "CĐCS Công ty CP Xây dựng và Thương mại Lai Châu", E, 45, 0.15, "construction", NON_STATE, place="phường Quyết Thắng"),
)
TAM_DUONG = (
    Cdcs(1, "CĐCS Trường THCS Bình Lư", S, 36, 0.7, "school", place="xã Bình Lư"),
    # PTDTBT: phổ thông dân tộc bán trú, the boarding schools of the mountain communes.
    Cdcs(2, "CĐCS Trường PTDTBT Tiểu học Hồ Thầu", S, 32, 0.6, "school", place="xã Hồ Thầu"),
    Cdcs(3, "CĐCS Trường Mầm non Bản Giang", S, 26, 0.98, "kindergarten", place="xã Bản Giang"),
    Cdcs(4, "CĐCS Trường THCS thị trấn Tam Đường", S, 34, 0.72, "school", place="thị trấn Tam Đường"),
    Cdcs(5, "CĐCS Cơ quan LĐLĐ huyện Tam Đường", P, 6, 0.5, "staff", staff=True, place="thị trấn Tam Đường"),
    Cdcs(6, "CĐCS UBND xã Bình Lư", P, 22, 0.4, "ward", place="xã Bình Lư"),
    Cdcs(7, "CĐCS UBND thị trấn Tam Đường", P, 24, 0.45, "ward", place="thị trấn Tam Đường"),
    Cdcs(8, "CĐCS Trung tâm Y tế huyện Tam Đường", P, 90, 0.65, "health", groups=G_HEALTH[:2], place="thị trấn Tam Đường"),
    Cdcs(9, "CĐCS Công ty CP Chè Tam Đường", E, 70, 0.6, "tea", NON_STATE, place="xã Bản Bo"),
    Cdcs(10, "CĐCS Công ty CP Thủy điện Nậm Cát", E, 30, 0.1, "hydropower", NON_STATE, place="xã Bản Hon"),
    Cdcs(11, "CĐCS Agribank Chi nhánh huyện Tam Đường", E, 22, 0.55, "bank", STATE, place="thị trấn Tam Đường"),
    Cdcs(12, "CĐCS Công ty TNHH Khai thác đá Tam Đường", E, 28, 0.05, "quarry", NON_STATE, place="xã Bình Lư"),
)
GIAO_DUC_LAI_CHAU = (
    Cdcs(1, "CĐCS Trường THPT chuyên Lê Quý Đôn", S, 75, 0.65, "school", groups=G_THCS[:3], place="phường Đông Phong, thành phố Lai Châu"),
    Cdcs(2, "CĐCS Trường THPT thành phố Lai Châu", S, 65, 0.62, "school", groups=G_THCS[:2], place="phường Quyết Thắng, thành phố Lai Châu"),
    Cdcs(3, "CĐCS Trường THPT Tam Đường", S, 55, 0.6, "school", place="thị trấn Tam Đường, huyện Tam Đường"),
    Cdcs(4, "CĐCS Trường Phổ thông Dân tộc Nội trú tỉnh Lai Châu", S, 70, 0.58, "school", groups=G_THCS[:2],
         place="phường Tân Phong, thành phố Lai Châu"),
    Cdcs(5, "CĐCS Cơ quan Sở Giáo dục và Đào tạo tỉnh Lai Châu", P, 55, 0.5, "agency", place="phường Tân Phong, thành phố Lai Châu"),
)

# Parents before children. Card prefixes: see Federation.card_prefix.
FEDERATIONS: tuple[Federation, ...] = (
    Federation(ROOT_CODE, "Tổng Liên đoàn Lao động Việt Nam", "confederation", None, "Hà Nội", "tongliendoan", "00000"),
    Federation("HN", "LĐLĐ thành phố Hà Nội", "province", ROOT_CODE, "thành phố Hà Nội", "ldlhanoi", "01000",
               (Cdcs(1, "CĐCS Cơ quan LĐLĐ thành phố Hà Nội", P, 45, 0.55, "staff", staff=True, place="quận Hoàn Kiếm",
                     people=HN_STAFF),)),
    Federation("HN-LB", "LĐLĐ quận Long Biên", "district", "HN", "quận Long Biên, Hà Nội", "ldllongbien", "01004",
               LONG_BIEN, blocs=True),
    Federation("HN-GL", "LĐLĐ huyện Gia Lâm", "district", "HN", "huyện Gia Lâm, Hà Nội", "ldlgialam", "01018",
               GIA_LAM, blocs=True),
    Federation("LC", "LĐLĐ tỉnh Lai Châu", "province", ROOT_CODE, "tỉnh Lai Châu", "ldllaichau", "12000",
               (Cdcs(1, "CĐCS Cơ quan LĐLĐ tỉnh Lai Châu", P, 18, 0.5, "staff", staff=True,
                     place="phường Tân Phong, thành phố Lai Châu", people=LC_STAFF),)),
    Federation("LC-TP", "LĐLĐ thành phố Lai Châu", "district", "LC", "thành phố Lai Châu, tỉnh Lai Châu", "ldltplaichau",
               "12105", TP_LAI_CHAU, blocs=True),
    Federation("LC-TD", "LĐLĐ huyện Tam Đường", "district", "LC", "huyện Tam Đường, tỉnh Lai Châu", "ldltamduong", "12106",
               TAM_DUONG, blocs=True),
    # A sectoral union has no administrative code: 901 is the demo's own.
    Federation("LC-GD", "Công đoàn Giáo dục tỉnh Lai Châu", "sectoral", "LC", "tỉnh Lai Châu", "cdgdlaichau", "12901",
               GIAO_DUC_LAI_CHAU),
)
# fmt: on

# Hà Nội's cluster of district federations (docs/domain.md: in 2025 Cụm số 1 held Hoàn Kiếm, Ba Đình,
# Đống Đa, Long Biên, Hai Bà Trưng, Hoàng Mai — only Long Biên is in the demo), and the
# Confederation's cluster of the northern border provinces that seed 001 reports to
# ("TT TĐKT Cụm TĐ 7 tỉnh BGPB").
UPPER_CLUSTERS = (
    ("HN", "Cụm thi đua số 1", ("HN-LB",)),
    (ROOT_CODE, "Cụm thi đua 7 tỉnh biên giới phía Bắc", ("LC",)),
)
BLOCS = ((S, "Khối Trường học"), (P, "Khối Hành chính sự nghiệp"), (E, "Khối Doanh nghiệp"))


# --- ratings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    years: tuple[int, ...]
    subject: str
    levels: tuple[tuple[str, str, float], ...]  # code, name, share; best first


# 2021–2023 use the seeds' wording: seed 003 asks for "Công đoàn vững mạnh" (units) and members
# "xếp loại khá trở lên", i.e. the scale Xuất sắc / Khá / Trung bình / Yếu. From 2024 the newer
# "Hoàn thành … nhiệm vụ" scale (docs/domain.md, yearly ratings). Shares are the demo's guess of a
# usual year: most CĐCS strong, few weak.
NEW_LEVELS = (
    ("htxs", "Hoàn thành xuất sắc nhiệm vụ"),
    ("htt", "Hoàn thành tốt nhiệm vụ"),
    ("ht", "Hoàn thành nhiệm vụ"),
    ("kht", "Không hoàn thành nhiệm vụ"),
)
SCALES = (
    Scale(
        (2021, 2022, 2023),
        RatingSubject.UNIT,
        (
            ("vung-manh", "Vững mạnh", 0.72),
            ("kha", "Khá", 0.2),
            ("trung-binh", "Trung bình", 0.07),
            ("yeu", "Yếu", 0.01),
        ),
    ),
    Scale(
        (2021, 2022, 2023),
        RatingSubject.MEMBER,
        (
            ("xuat-sac", "Xuất sắc", 0.18),
            ("kha", "Khá", 0.68),
            ("trung-binh", "Trung bình", 0.12),
            ("yeu", "Yếu", 0.02),
        ),
    ),
    Scale(
        (2024, 2025),
        RatingSubject.UNIT,
        tuple((c, n, s) for (c, n), s in zip(NEW_LEVELS, (0.3, 0.55, 0.13, 0.02), strict=True)),
    ),
    Scale(
        (2024, 2025),
        RatingSubject.MEMBER,
        tuple((c, n, s) for (c, n), s in zip(NEW_LEVELS, (0.2, 0.66, 0.12, 0.02), strict=True)),
    ),
)
RATING_YEARS = tuple(sorted({y for s in SCALES for y in s.years}))
# Chance that a year repeats last year's rank; otherwise a fresh draw from the year's shares.
# Drawing fresh from the same shares keeps every year's distribution at the target, while good
# members stay good — as the "3 consecutive years" criteria expect of real data.
PERSISTENCE = 0.6


def _rng(*key) -> random.Random:
    # Seeded with a string (hashed with SHA-512, independent of PYTHONHASHSEED): reproducible.
    return random.Random(":".join((SEED, *map(str, key))))  # noqa: S311 - demo data, not secrets


def _ranks(rng: random.Random, shares_by_year: list[tuple[int, list[float]]]) -> list[tuple[int, int]]:
    """(year, rank) for consecutive years; rank 1 is the best."""
    out, previous = [], None
    for year, shares in shares_by_year:
        if previous is not None and rng.random() < PERSISTENCE:
            rank = previous
        else:
            rank = rng.choices(range(1, len(shares) + 1), weights=shares)[0]
        out.append((year, rank))
        previous = rank
    return out


def _shares(subject: str) -> list[tuple[int, list[float]]]:
    return [(year, [share for _c, _n, share in s.levels]) for s in SCALES if s.subject == subject for year in s.years]


# --- members, planned as plain rows (pure, so determinism is testable without a database) ------


@dataclass(frozen=True)
class MemberRow:
    card_number: str
    full_name: str
    gender: str
    birth_year: int
    unit_code: str
    position: str
    is_direct_worker: bool
    officer_type: str
    joined_on: date


def cdcs_code(federation: Federation, cdcs: Cdcs) -> str:
    return f"{federation.code}-{cdcs.num:03d}"


def group_code(federation: Federation, cdcs: Cdcs, index: int) -> str:
    return f"{cdcs_code(federation, cdcs)}-T{index}"


def _committee_size(n: int) -> int:
    # Executive committee of a CĐCS grows with its membership.
    return 3 if n < 30 else 5 if n < 100 else 7 if n < 300 else 9


UNION_SEATS = {"chair": "Chủ tịch công đoàn", "vice": "Phó Chủ tịch công đoàn", "member": "Ủy viên BCH công đoàn"}


def _full_name(rng: random.Random, female: bool) -> str:
    # names.full_name can draw the same word as middle and given name ("Lò Ngọc Ngọc"), which
    # no one is called: draw again.
    while True:
        name = names.full_name(rng, female)
        words = name.split()
        if words[-1] != words[-2]:
            return name


def plan_members(federation: Federation, cdcs: Cdcs, scale: float = 1.0) -> list[MemberRow]:
    rng = _rng("members", cdcs_code(federation, cdcs))
    profile = PROFILES[cdcs.profile]
    n = max(len(cdcs.people) + 3, round(cdcs.size * scale))
    seats = ["chair", "vice"] + ["member"] * (_committee_size(n) - 2)
    for person in cdcs.people:
        if person.union_role:
            seats.remove(person.union_role)
    code = cdcs_code(federation, cdcs)
    groups = [group_code(federation, cdcs, i) for i in range(1, len(cdcs.groups) + 1)]
    lo, hi, mode = profile.births
    rows = []
    for i in range(n):
        card = f"{federation.card_prefix}{cdcs.num:03d}{i + 1:04d}"
        if i < len(cdcs.people):
            person = cdcs.people[i]
            full_name, female, birth, job, seat = (
                person.name,
                person.female,
                person.birth_year,
                person.job,
                person.union_role,
            )
            direct = False
        else:
            female = rng.random() < cdcs.female
            full_name = _full_name(rng, female)
            birth = int(rng.triangular(lo, hi, mode))
            if rng.random() < profile.core_share:
                job, direct = rng.choice(profile.core), profile.direct
            else:
                job = rng.choice(OFFICE_JOBS) if cdcs.sector == E else names.position(rng, cdcs.sector)
                direct = False
            seat = seats.pop(0) if seats else ""
        # Staff of a federation's office are full-time union officers; in other CĐCS the
        # committee works part-time, except the chair of a large enterprise union.
        if (cdcs.staff and (i < len(cdcs.people) or job in profile.core)) or (
            seat == "chair" and cdcs.sector == E and cdcs.size >= 500
        ):
            officer = OfficerType.FULL_TIME
        elif seat:
            officer = OfficerType.PART_TIME
        else:
            officer = OfficerType.NONE
        position = f"{job}, {UNION_SEATS[seat]}" if seat else job
        # Joined at the first job, or recently where staff turn over (enterprises).
        start = birth + rng.randint(20, 27)
        if cdcs.sector == E and rng.random() < 0.45:
            start = rng.randint(2015, 2025)
        year = min(max(start, birth + 18, 1995), 2025)
        joined = date(year, rng.randint(1, 12), rng.randint(1, 28))
        # Named people and the committee sit in the CĐCS itself; the others in its groups.
        unit = code if (not groups or i < len(cdcs.people) or seat) else rng.choice(groups)
        rows.append(
            MemberRow(
                card_number=card,
                full_name=full_name,
                gender=Gender.FEMALE if female else Gender.MALE,
                birth_year=birth,
                unit_code=unit,
                position=position,
                is_direct_worker=direct,
                officer_type=officer,
                joined_on=joined,
            )
        )
    return rows


def all_cdcs() -> list[tuple[Federation, Cdcs]]:
    return [(f, c) for f in FEDERATIONS for c in f.cdcs]


# --- users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    username: str
    roles: tuple[tuple[str, str], ...]  # (role kind, unit code)
    full_name: str = ""  # taken from the linked member when empty
    superuser: bool = False


R = RoleKind
DEMO_USERS = (
    DemoUser("admin", (), full_name="Quản trị hệ thống", superuser=True),
    DemoUser("hn_bantv", ((R.STANDING_COMMITTEE, "HN"),)),
    DemoUser("hn_theodoi", ((R.VIEWER, "HN"),)),
    DemoUser("lb_chutich", ((R.STANDING_COMMITTEE, "HN-LB"),)),
    DemoUser("lb_thiduakt", ((R.EMULATION_OFFICER, "HN-LB"),)),
    DemoUser("lb_hoidong", ((R.COUNCIL_MEMBER, "HN-LB"),)),
    # Two roles: the role picker. An officer of the federation who also chairs its office's CĐCS.
    DemoUser("lb_kiemnhiem", ((R.EMULATION_OFFICER, "HN-LB"), (R.GRASSROOTS_CHAIR, "HN-LB-007"))),
    DemoUser("gl_thiduakt", ((R.EMULATION_OFFICER, "HN-GL"),)),
    DemoUser("gl_chutich", ((R.STANDING_COMMITTEE, "HN-GL"),)),
    DemoUser("gl_cdcs", ((R.GRASSROOTS_CHAIR, "HN-GL-001"),)),
    DemoUser("lc_thiduakt", ((R.EMULATION_OFFICER, "LC"),)),
    DemoUser("lctp_thiduakt", ((R.EMULATION_OFFICER, "LC-TP"),)),
    DemoUser("lctp_cdcs", ((R.GRASSROOTS_CHAIR, "LC-TP-001"),)),
    DemoUser("cdcs_chutich", ((R.GRASSROOTS_CHAIR, "HN-LB-001"),)),
    DemoUser("cdcs_canbo", ((R.GRASSROOTS_OFFICER, "HN-LB-013"),)),
    DemoUser("doanvien", ((R.MEMBER, "HN-LB-001"),)),
)


def user_cards() -> dict[str, str]:
    """username → card number of the member record the demo user is."""
    cards = {}
    for federation, cdcs in all_cdcs():
        for i, person in enumerate(cdcs.people):
            if person.username:
                cards[person.username] = f"{federation.card_prefix}{cdcs.num:03d}{i + 1:04d}"
    return cards


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str
    unit: str
    full_name: str


# --- the builder -----------------------------------------------------------------------------


@dataclass
class Result:
    built: bool  # False: the demo was already there, only users were ensured
    seconds: dict[str, float] = field(default_factory=dict)
    logins: list[Login] = field(default_factory=list)


def build(scale: float = 1.0, log: Callable[[str], None] = lambda _line: None) -> Result:
    """Build the demo federation, or only ensure its users when this version is already there.
    `scale` shrinks the member counts (tests); the tree, clusters, scales and users are the same."""
    result = Result(built=False)

    def stage(name: str, fn: Callable[[], str]) -> None:
        started = time.perf_counter()
        summary = fn()
        result.seconds[name] = time.perf_counter() - started
        log(f"{name}: {summary} ({result.seconds[name]:.1f} s)")

    with transaction.atomic():
        root = Unit.objects.filter(code=ROOT_CODE).first()
        if root is None:
            stage(_("Loại đơn vị"), check_kinds)
            stage(_("Cây tổ chức"), build_tree)
            root = Unit.objects.get(code=ROOT_CODE)
            stage(_("Cụm, khối thi đua"), build_clusters)
            stage(_("Đoàn viên"), lambda: build_members(root, scale))
            stage(_("Xếp loại"), lambda: build_ratings(root))
            audit.record(SYSTEM, MARKER_VERB, root, scope_path=root.path, to_state=DEMO_VERSION)
            result.built = True
        elif not AuditEntry.objects.for_object(root).filter(verb=MARKER_VERB, to_state=DEMO_VERSION).exists():
            raise DemoConflict(
                _(
                    "Cơ sở dữ liệu đã có cây tổ chức (mã “%(code)s”) không do dữ liệu mẫu phiên bản %(version)s "
                    "tạo ra; không nạp đè. Hãy dùng một cơ sở dữ liệu mới (xóa var/thidua.sqlite3 rồi chạy lại)."
                )
                % {"code": ROOT_CODE, "version": DEMO_VERSION}
            )
        else:
            log(_("Dữ liệu mẫu phiên bản %(version)s đã có: chỉ kiểm tra tài khoản.") % {"version": DEMO_VERSION})
        logins: list[Login] = []
        stage(_("Tài khoản"), lambda: build_users(logins))
        result.logins = logins
    return result


def check_kinds() -> str:
    needed = {f.kind for f in FEDERATIONS} | {"grassroots", "group"}
    found = set(UnitKind.objects.filter(code__in=needed).values_list("code", flat=True))
    missing = needed - found
    if missing:
        # Migration 0003 creates them; a database without them was not migrated.
        raise DemoConflict(
            _("Thiếu loại đơn vị %(codes)s: hãy chạy “manage.py migrate” trước.")
            % {"codes": ", ".join(sorted(missing))}
        )
    return _("đủ %(n)s loại") % {"n": len(needed)}


def _email(local: str, domain: str) -> str:
    return f"{local}@{domain}.{MAIL_DOMAIN}"


def _slug(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(name.removeprefix("CĐCS ")))
    return "-".join(words)[:40].strip("-")


def build_tree() -> str:
    kinds = {k.code: k for k in UnitKind.objects.all()}
    units: dict[str, Unit] = {}
    for fed in FEDERATIONS:
        units[fed.code] = services.create_unit(
            SYSTEM,
            parent=units[fed.parent] if fed.parent else None,
            kind=kinds[fed.kind],
            name=fed.name,
            code=fed.code,
            email=_email(fed.mail, "congdoan"),
            address=fed.place,
        )
    for fed in FEDERATIONS:
        for cdcs in fed.cdcs:
            code = cdcs_code(fed, cdcs)
            unit = services.create_unit(
                SYSTEM,
                parent=units[fed.code],
                kind=kinds["grassroots"],
                name=cdcs.name,
                code=code,
                sector=cdcs.sector,
                ownership=cdcs.ownership,
                email=_email(_slug(cdcs.name), fed.mail),
                address=f"{cdcs.place}, {fed.place}" if cdcs.place else fed.place,
            )
            for i, group in enumerate(cdcs.groups, start=1):
                services.create_unit(
                    SYSTEM,
                    parent=unit,
                    kind=kinds["group"],
                    name=group,
                    code=group_code(fed, cdcs, i),
                    sector=cdcs.sector,
                )
    count = Unit.objects.count()
    return ngettext("%(n)s đơn vị", "%(n)s đơn vị", count) % {"n": count}


def build_clusters() -> str:
    by_code = {u.code: u for u in Unit.objects.filter(code__in=[f.code for f in FEDERATIONS])}
    made = 0
    for organiser, name, members in UPPER_CLUSTERS:
        cluster = EmulationCluster.objects.create(name=name, organiser=by_code[organiser])
        cluster.units.add(*(by_code[c] for c in members))
        made += 1
    for fed in FEDERATIONS:
        if not fed.blocs:
            continue
        for sector, name in BLOCS:
            cluster = EmulationCluster.objects.create(
                name=name,
                organiser=by_code[fed.code],
                description=_("Các CĐCS khối này thuộc %(fed)s.") % {"fed": fed.name},
            )
            codes = [cdcs_code(fed, c) for c in fed.cdcs if c.sector == sector]
            cluster.units.add(*Unit.objects.filter(code__in=codes))
            made += 1
    return ngettext("%(n)s cụm, khối", "%(n)s cụm, khối", made) % {"n": made}


def build_members(root: Unit, scale: float) -> str:
    unit_ids = dict(Unit.objects.values_list("code", "id"))
    unit_paths = dict(Unit.objects.values_list("code", "path"))
    batch: list[Member] = []
    total = 0
    for fed, cdcs in all_cdcs():
        for row in plan_members(fed, cdcs, scale):
            batch.append(
                Member(
                    full_name=row.full_name,
                    gender=row.gender,
                    birth_year=row.birth_year,
                    unit_id=unit_ids[row.unit_code],
                    position=row.position,
                    is_direct_worker=row.is_direct_worker,
                    officer_type=row.officer_type,
                    joined_on=row.joined_on,
                    card_number=row.card_number,
                    # bulk_create skips Member.save, which sets the search key and the province.
                    search_key=member_search_key(row.full_name, row.card_number),
                    province_path=province_path(unit_paths[row.unit_code]),
                )
            )
            if len(batch) >= 1000:
                Member.objects.bulk_create(batch)
                total += len(batch)
                batch = []
    Member.objects.bulk_create(batch)
    total += len(batch)
    services.recount_members(root)
    return ngettext("%(n)s đoàn viên", "%(n)s đoàn viên", total) % {"n": total}


def build_ratings(root: Unit) -> str:
    levels = {}
    for scale in SCALES:
        for year in scale.years:
            for rank, (code, name, _share) in enumerate(scale.levels, start=1):
                level, _created = RatingLevel.objects.get_or_create(
                    year=year, subject=scale.subject, code=code, defaults={"name": name, "rank": rank}
                )
                levels[scale.subject, year, level.rank] = level.pk

    unit_shares = _shares(RatingSubject.UNIT)
    unit_ratings = []
    for unit_id, code in Unit.objects.within(root).grassroots().order_by("code").values_list("id", "code"):
        for year, rank in _ranks(_rng("unit-rating", code), unit_shares):
            unit_ratings.append(UnitRating(unit_id=unit_id, year=year, level_id=levels[RatingSubject.UNIT, year, rank]))
    UnitRating.objects.bulk_create(unit_ratings, batch_size=1000)

    member_shares = _shares(RatingSubject.MEMBER)
    member_ratings = []
    members = Member.objects.within(root).order_by("card_number").values_list("id", "card_number", "joined_on")
    for member_id, card, joined_on in members:
        # Rated from the first full year in the union.
        years = [(y, s) for y, s in member_shares if joined_on is None or joined_on.year < y]
        for year, rank in _ranks(_rng("member-rating", card), years):
            member_ratings.append(
                MemberRating(member_id=member_id, year=year, level_id=levels[RatingSubject.MEMBER, year, rank])
            )
    MemberRating.objects.bulk_create(member_ratings, batch_size=2000)
    return _("%(units)s lượt xếp loại CĐCS, %(members)s lượt xếp loại đoàn viên, năm %(first)s–%(last)s") % {
        "units": len(unit_ratings),
        "members": len(member_ratings),
        "first": RATING_YEARS[0],
        "last": RATING_YEARS[-1],
    }


def build_users(logins: list[Login]) -> str:
    """Create the demo users that are missing, link each to its member record and grant its
    roles. Existing users keep their password: whoever changed it meant to."""
    User = get_user_model()
    cards = user_cards()
    members = {m.card_number: m for m in Member.objects.filter(card_number__in=cards.values())}
    units = {
        u.code: u
        for u in Unit.objects.select_related("kind").filter(code__in={c for d in DEMO_USERS for _k, c in d.roles})
    }
    hashed = None  # one hash for all: PBKDF2 is slow on purpose, and the password is the same
    created = 0
    for demo in DEMO_USERS:
        member = members.get(cards.get(demo.username, ""))
        full_name = demo.full_name or (member.full_name if member else demo.username)
        user = User.objects.filter(username=demo.username).first()
        if user is None:
            hashed = hashed or make_password(DEMO_PASSWORD)
            # Vietnamese names read family name first; Django joins "first last", so the whole
            # name goes into first_name and get_full_name() reads it right.
            user = User.objects.create(
                username=demo.username,
                password=hashed,
                first_name=full_name,
                email=_email(demo.username, "nguoidung"),
                is_superuser=demo.superuser,
                is_staff=demo.superuser,
            )
            created += 1
        if member is not None and member.user_id is None:
            Member.objects.filter(pk=member.pk, user__isnull=True).update(user=user)
        for kind, code in demo.roles:
            services.grant_role(SYSTEM, user, units[code], kind)
            logins.append(Login(demo.username, DEMO_PASSWORD, str(RoleKind(kind).label), units[code].name, full_name))
        if not demo.roles:
            logins.append(Login(demo.username, DEMO_PASSWORD, _("Quản trị hệ thống"), _("Toàn hệ thống"), full_name))
    return ngettext(
        "%(n)s tài khoản dùng thử (%(created)s mới)", "%(n)s tài khoản dùng thử (%(created)s mới)", len(DEMO_USERS)
    ) % {"n": len(DEMO_USERS), "created": created}


def format_logins(logins: list[Login]) -> str:
    """The logins as a fixed-width table (the command prints it; the README has the same)."""
    header = (_("Tên đăng nhập"), _("Mật khẩu"), _("Vai trò"), _("Đơn vị"), _("Họ và tên"))
    rows = [header, *((x.username, x.password, x.role, x.unit, x.full_name) for x in logins)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
