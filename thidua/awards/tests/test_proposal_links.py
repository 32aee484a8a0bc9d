"""A link to the tờ trình is shown only where there is one to open (QA walk, session 6: the
district's office on its own batch page, and a CĐCS that had nominated no one, were shown
"Tờ trình và danh sách (PDF)" and got 404 — the paper lists the unit's live nominations)."""

import re

from django.urls import reverse

from thidua.awards.tests.conftest import GIAY_KHEN, nominate


def proposal_links(html: str) -> list[str]:
    return re.findall(r'href="(/khen-thuong/to-trinh/[^"]+)"', html)


def test_the_batch_page_shows_the_proposal_only_when_it_opens(award_campaign, award_people, catalogue, members, login):
    batch = reverse("awards:unit_nominations", args=[award_campaign.pk])
    # The district's office on its own batch, and a CĐCS with no nomination: nothing to open.
    for who in ("lb_officer", "company_chair"):
        page = login(award_people[who]).get(batch)
        assert page.status_code == 200
        assert proposal_links(page.content.decode()) == [], who

    chair = award_people["school_chair"]
    nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(chair)
    links = proposal_links(client.get(batch).content.decode())
    assert len(links) == 2  # PDF and Word
    for url in links:
        assert client.get(url).status_code == 200


def test_the_administrators_nomination_page_breadcrumb_opens(award_campaign, award_people, catalogue, members, client):
    """The administrator acts in no unit: the breadcrumb offered 'Xét khen thưởng' (the acting
    unit's queue), which answered 404; it now leads to the CĐCS's batch, which opens."""
    from thidua.org.tests.factories import make_user

    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client.force_login(make_user("quantri", is_superuser=True, is_staff=True))
    page = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    crumbs = page[page.index('class="breadcrumb') : page.index("</ol>")]
    links = re.findall(r'href="([^"]+)"', crumbs)
    assert links and reverse("awards:queue") not in links
    assert all(client.get(url.replace("&amp;", "&")).status_code == 200 for url in links)
