"""Allotting a quota of a capped title (issue 14): the officer allotted 2 Chiến sĩ thi đua cơ
sở that the 15 % cap then made unusable ("tối đa 0") without a word. The setup page warns under
the cell, with the figures; it saves the quota (a warning, not a refusal: the base grows as the
CĐCS nominates its Lao động tiên tiến in the same batch)."""

import pytest
from django.urls import reverse

from thidua.awards.models import CampaignAward, Quota
from thidua.awards.tests.conftest import LDTT, nominate
from thidua.org.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db
CSTDCS = "chien-si-thi-dua-co-so"


@pytest.fixture
def cstdcs(award_campaign, catalogue):
    CampaignAward.objects.create(campaign=award_campaign, award_kind=catalogue[CSTDCS])
    return catalogue[CSTDCS]


def test_a_quota_the_cap_makes_unusable_is_warned_in_its_cell(
    login, award_people, award_campaign, catalogue, federation, cstdcs
):
    client = login(award_people["lb_officer"])
    url = reverse("awards:setup", args=[award_campaign.pk])
    cell = f"q_{federation.school.pk}_{cstdcs.pk}"
    response = client.post(url, {"part": "quotas", cell: "2"}, follow=True)
    assert Quota.objects.get(unit=federation.school, award_kind=cstdcs).count == 2  # saved
    text = response.content.decode()
    assert "Lưu ý: 1 ô có chỉ tiêu vượt giới hạn tỷ lệ của danh hiệu" in text
    assert f'data-cell-warning="{cell}"' in text
    assert (
        "Chỉ tiêu 2 vượt giới hạn: Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến. "
        "Đơn vị hiện có 0 Lao động tiên tiến năm 2026 (đã công nhận hoặc đề nghị cùng đợt), "
        "nên hiện chỉ được tối đa 0; cần ít nhất 14 Lao động tiên tiến để dùng hết chỉ tiêu."
    ) in text
    # The sibling company, given no quota of it, has no warning.
    assert f'data-cell-warning="q_{federation.company.pk}_{cstdcs.pk}"' not in text

    # Seven Lao động tiên tiến proposed in the same campaign: 15 % of 7 is 1, still short of 2.
    for _n in range(7):
        nominate(award_people, award_campaign, catalogue[LDTT], member=MemberFactory(unit=federation.school))
    text = client.get(url).content.decode()
    assert "Đơn vị hiện có 7 Lao động tiên tiến năm 2026" in text and "tối đa 1;" in text
    # A quota within the cap: no warning.
    client.post(url, {"part": "quotas", cell: "1"})
    assert f'data-cell-warning="{cell}"' not in client.get(url).content.decode()


def test_the_setup_page_runs_a_fixed_number_of_queries(
    login, award_people, award_campaign, catalogue, federation, cstdcs
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(award_people["lb_officer"])
    url = reverse("awards:setup", args=[award_campaign.pk])
    client.post(url, {"part": "quotas", f"q_{federation.school.pk}_{cstdcs.pk}": "2"})
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).content.decode().count("data-cell-warning") == 1
    client.post(url, {"part": "quotas", f"q_{federation.company.pk}_{cstdcs.pk}": "3"})
    for _n in range(5):
        nominate(award_people, award_campaign, catalogue[LDTT], member=MemberFactory(unit=federation.school))
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).content.decode().count("data-cell-warning") == 2
    assert len(large) == len(small)
