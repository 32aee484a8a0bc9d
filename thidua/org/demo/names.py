"""Deterministic Vietnamese names for the demo federation and the national-size benchmark.

Frequencies follow the common surname distribution (Nguyễn ≈ 38 %), so search benchmarks meet
realistic collisions ("Nguyễn Văn An" exists many times in a province).
"""

import random

SURNAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Đào", 1),
    ("Trịnh", 1),
    ("Mai", 1),
    ("Lương", 1),
    ("Tạ", 1),
    ("Quách", 1),
    ("Lò", 1),
    ("Tòng", 1),
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Trọng", "Đình", "Ngọc", "Tiến"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Thùy", "Kim", "Mai", "Diệu", "Bích"]
GIVEN_MALE = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hải",
    "Hiếu",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Thành",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
]
GIVEN_FEMALE = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hằng",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Thảo",
    "Thu",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
    "Thiệp",
]
POSITIONS_ENTERPRISE = [
    "Công nhân may",
    "Công nhân cơ khí",
    "Công nhân vận hành",
    "Tổ trưởng sản xuất",
    "Kỹ thuật viên",
    "Nhân viên kho",
    "Lái xe",
    "Kế toán",
    "Nhân viên văn phòng",
]
POSITIONS_SCHOOL = ["Giáo viên", "Tổ trưởng chuyên môn", "Nhân viên thư viện", "Kế toán", "Nhân viên y tế học đường"]
POSITIONS_PUBLIC = ["Chuyên viên", "Cán sự", "Trưởng phòng", "Phó trưởng phòng", "Nhân viên hợp đồng"]

_SURNAME_POOL = [name for name, weight in SURNAMES for _i in range(weight)]


def full_name(rng: random.Random, female: bool) -> str:
    surname = rng.choice(_SURNAME_POOL)
    if female:
        return f"{surname} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"
    return f"{surname} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"


def position(rng: random.Random, sector: str) -> str:
    pool = {"enterprise": POSITIONS_ENTERPRISE, "school": POSITIONS_SCHOOL}.get(sector, POSITIONS_PUBLIC)
    return rng.choice(pool)
