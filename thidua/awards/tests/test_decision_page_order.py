"""The decision's page lists its awardees as the decision's list prints them: by kind in the
catalogue's order, collectives before individuals (QA walk, session 6: people first, in the
order they were ticked)."""

from django.urls import reverse

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


def test_the_page_lists_collectives_before_individuals_as_the_paper_does(
    federation, campaign, kinds, members, new_decision, lb_officer, login
):
    gk, ldtt = kinds["giay-khen-cap-tren-co-so"], kinds["lao-dong-tien-tien"]
    decision = new_decision(
        federation.long_bien,
        campaign,
        [
            (gk, members["an"], "Hoàn thành xuất sắc nhiệm vụ năm học"),
            (gk, federation.company, "Hoàn thành xuất sắc chỉ tiêu sản xuất"),
            (ldtt, members["cuong"], "Vượt 20% định mức"),
        ],
    )
    page = login(lb_officer).get(reverse("awards:decision", args=[decision.pk])).content.decode()
    table = page[page.index('data-testid="awardees"') :]
    names = ["Lê Đức Cường", "CĐCS Công ty May Đức Giang", "Nguyễn Văn An"]  # LĐTT (order 10), then Giấy khen
    positions = [table.index(name) for name in names]
    assert positions == sorted(positions)
