import pytest

from thidua.initiatives import queries
from thidua.initiatives.tests.conftest import register


@pytest.fixture
def registered(federation, members, people):
    school = federation.school
    company_author = members["cuong"]
    from thidua.initiatives import services
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    company_user = make_user("cty", RoleKind.GRASSROOTS_CHAIR, federation.company)
    register(people["author"], school, [(members["an"], 100)], title="Số hóa sổ theo dõi đoàn viên bằng bảng tính")
    register(people["author"], school, [(members["an"], 100)], title="Lịch trực ca bằng mã QR cho tổ công đoàn")
    services.register_initiative(
        company_user,
        unit=federation.company,
        authors=[(company_author, 100)],
        title="Sổ theo dõi đoàn viên điện tử trên bảng tính dùng chung",
        solution="…",
    )
    gia_lam_user = make_user("gl", RoleKind.GRASSROOTS_CHAIR, federation.gia_lam_cdcs)
    services.register_initiative(
        gia_lam_user,
        unit=federation.gia_lam_cdcs,
        authors=[(members["dung"], 100)],
        title="Số hóa sổ theo dõi đoàn viên bằng bảng tính",
        solution="…",
    )


def test_a_title_typed_without_accents_finds_the_same_idea_in_the_subtree(federation, registered):
    found = queries.similar("so hoa so theo doi doan vien bang bang tinh", federation.long_bien)
    titles = [i.title for i, _score in found]
    assert titles[0] == "Số hóa sổ theo dõi đoàn viên bằng bảng tính"
    assert "Sổ theo dõi đoàn viên điện tử trên bảng tính dùng chung" in titles
    assert "Lịch trực ca bằng mã QR cho tổ công đoàn" not in titles


def test_words_out_of_order_and_a_typo_still_match(federation, registered):
    found = queries.similar("Bảng tính số hoá sổ theo dõi đòan viên", federation.school)
    assert [i.title for i, _score in found][:1] == ["Số hóa sổ theo dõi đoàn viên bằng bảng tính"]


def test_only_the_subtree_is_searched(federation, registered):
    """Gia Lâm's identical title is outside Long Biên: not shown there, shown in the city."""
    in_long_bien = {
        i.unit for i, _s in queries.similar("Số hóa sổ theo dõi đoàn viên bằng bảng tính", federation.long_bien)
    }
    assert federation.gia_lam_cdcs not in in_long_bien
    in_city = {i.unit for i, _s in queries.similar("Số hóa sổ theo dõi đoàn viên bằng bảng tính", federation.city)}
    assert federation.gia_lam_cdcs in in_city


def test_an_unrelated_title_finds_nothing(federation, registered):
    assert queries.similar("Tổ chức giải bóng đá nam nữ", federation.city) == []
