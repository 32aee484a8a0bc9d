"""The public honour roll: anyone reads the issued awards of a campaign (never a draft's), its
statistics by bloc and deciding level with the shares of small collectives and direct
workers, in a fixed number of queries whatever the number of awards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.awards import honour
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


@pytest.fixture
def awards(federation, campaign, kinds, members, hang, new_decision):
    """Long Biên's decision: the company (small collective), the school's group, Hằng and An
    (school), Cường (company, direct worker); the city's decision: Bình (school's group,
    direct worker); and a draft of Long Biên naming Dũng (Gia Lâm) that nobody may see yet."""
    gk, ldtt = kinds["giay-khen-cap-tren-co-so"], kinds["lao-dong-tien-tien"]
    new_decision(
        federation.long_bien,
        campaign,
        [
            (gk, federation.company, "Dẫn đầu phong trào", {"is_small_collective": True}),
            (gk, federation.group, "Tổ dạy giỏi"),
            (gk, hang, "Sáng kiến số hóa sổ điểm"),
            (ldtt, members["an"], "Hoàn thành xuất sắc nhiệm vụ"),
            (ldtt, members["cuong"], "Vượt định mức", {"is_direct_worker": True}),
        ],
    )
    new_decision(
        federation.city,
        campaign,
        [
            (
                kinds["bang-khen-ldld-tinh"],
                members["binh"],
                "Giáo viên dạy giỏi cấp thành phố",
                {"is_direct_worker": True},
            )
        ],
    )
    new_decision(federation.long_bien, campaign, [(ldtt, members["dung"], "Chưa ban hành")], issued=False)


def test_anyone_reads_the_honour_roll_without_logging_in(client, campaign, awards):
    response = client.get(reverse("awards:honour_roll", args=[campaign.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("Nguyễn Thị Hằng", "Lê Đức Cường", "CĐCS Công ty May Đức Giang", "Tổ Toán – Tin", "Trần Thị Bình"):
        assert name in page
    assert "Phạm Thị Dung" not in page  # a draft's awardee
    assert "Lao động tiên tiến" in page and "Bằng khen của Liên đoàn Lao động tỉnh, thành phố" in page
    # No private data beyond what a decision prints: no card number, phone or birth year.
    assert "LB0100" not in page


def test_statistics_by_bloc_and_level_with_the_two_shares(campaign, awards):
    stats = honour.statistics(campaign)
    total = stats["total"]
    assert (total.total, total.collectives, total.individuals) == (6, 2, 4)
    assert (total.small_collectives, total.direct_workers) == (1, 2)
    assert total.small_share == 50.0 and total.direct_share == 50.0
    bloc = {f.label: f for f in stats["by_bloc"]}
    # The school's group and its members count in the school's bloc (the group has none of its own).
    assert (bloc["Trường học"].total, bloc["Trường học"].collectives, bloc["Trường học"].individuals) == (4, 1, 3)
    assert (
        bloc["Doanh nghiệp"].total,
        bloc["Doanh nghiệp"].small_collectives,
        bloc["Doanh nghiệp"].direct_workers,
    ) == (
        2,
        1,
        1,
    )
    level = {f.label: f.total for f in stats["by_level"]}
    assert level == {"LĐLĐ tỉnh, thành phố": 1, "Công đoàn cấp trên trực tiếp cơ sở (quận, huyện, ngành)": 5}
    assert [f.label for f in stats["by_kind"]] == [
        "Lao động tiên tiến",
        "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở",
        "Bằng khen của Liên đoàn Lao động tỉnh, thành phố",
    ]


def test_page_shows_the_shares(client, campaign, awards):
    response = client.get(reverse("awards:honour_roll", args=[campaign.pk]))
    page = response.content.decode()
    assert page.split('data-testid="small-share">')[1].split("</div>")[0] == "50\u00a0%"
    assert page.split('data-testid="direct-share">')[1].split("</div>")[0] == "50\u00a0%"
    assert "1/2 tập thể" in page and "2/4 cá nhân" in page


def test_a_campaign_without_issued_awards_has_no_honour_roll(client, federation, campaign, kinds, hang, new_decision):
    new_decision(federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], hang, "Dự thảo")], issued=False)
    assert client.get(reverse("awards:honour_roll", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("awards:honour_roll", args=[999999])).status_code == 404
    assert campaign.title not in client.get(reverse("awards:honour_index")).content.decode()


def test_index_lists_campaigns_with_issued_awards(client, campaign, awards):
    response = client.get(reverse("awards:honour_index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("awards:honour_roll", args=[campaign.pk]) in page
    assert "6 tập thể, cá nhân được khen thưởng" in page


def test_menu_shows_the_honour_roll_to_signed_in_users(login, federation):
    user = make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school)
    page = login(user).get(reverse("home")).content.decode()
    assert "Bảng vinh danh" in page and reverse("awards:honour_index") in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_honour_roll_runs_the_same_queries_at_two_sizes(client, federation, campaign, kinds, new_decision, awards):
    url = reverse("awards:honour_roll", args=[campaign.pk])
    small = _queries(client, url)
    many = [MemberFactory(full_name=f"Đoàn viên {n}", unit=federation.company) for n in range(40)]
    new_decision(federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], m, "Vượt định mức") for m in many])
    assert _queries(client, url) == small
    index = reverse("awards:honour_index")
    assert _queries(client, index) <= 3


def test_signed_in_readers_get_the_downloads_their_scope_allows(client, login, federation, campaign, awards, hang):
    from thidua.org.models import Member

    url = reverse("awards:honour_roll", args=[campaign.pk])
    certificate_of = {a.name: reverse("awards:certificate", args=[a.pk]) for a in honour.roll(campaign)}
    anonymous = client.get(url).content.decode()
    assert "/khen-thuong/giay-khen/" not in anonymous and 'data-testid="honour-decisions"' not in anonymous

    member = make_user("hang", RoleKind.MEMBER, federation.school)
    Member.objects.filter(pk=hang.pk).update(user=member)
    page = login(member).get(url).content.decode()
    assert certificate_of["Nguyễn Thị Hằng"] in page
    assert certificate_of["Nguyễn Văn An"] not in page
    # The issued decision naming people of her CĐCS is published to her (docs/reach.md).
    assert 'data-testid="honour-decisions"' in page

    officer = make_user("lb_ct", RoleKind.STANDING_COMMITTEE, federation.long_bien)
    page = login(officer).get(url).content.decode()
    assert certificate_of["Nguyễn Văn An"] in page and certificate_of["CĐCS Công ty May Đức Giang"] in page
    assert certificate_of["Trần Thị Bình"] in page  # on the record of Long Biên's school, decided by the city
    assert "In tất cả giấy khen (PDF)" in page  # Long Biên's own decision
    assert page.count("In tất cả giấy khen (PDF)") == 1  # not the city's


def test_signed_in_honour_roll_runs_the_same_queries_at_two_sizes(
    login, federation, campaign, kinds, new_decision, awards
):
    officer = make_user("lb_ct", RoleKind.STANDING_COMMITTEE, federation.long_bien)
    client = login(officer)
    url = reverse("awards:honour_roll", args=[campaign.pk])
    small = _queries(client, url)
    many = [MemberFactory(full_name=f"Đoàn viên {n}", unit=federation.company) for n in range(40)]
    new_decision(federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], m, "Vượt định mức") for m in many])
    assert _queries(client, url) == small
