"""One rule for the year a campaign's awards count for, read by the services (the award's
year), the eligibility (criteria and caps) and the intake alike: its end, else its plan date,
else its start, else this year — in Python and in SQL."""

import datetime

import pytest
from django.utils import timezone

from thidua.awards import eligibility, services
from thidua.awards.queries import campaign_year, in_campaign_year
from thidua.awards.tests.conftest import LDTT, nominate
from thidua.campaigns.models import Campaign

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("ends", "plan", "starts", "year"),
    [
        (D(2025, 12, 31), D(2024, 1, 5), D(2024, 1, 1), 2025),
        (None, D(2024, 1, 5), D(2023, 1, 1), 2024),
        (None, None, D(2023, 3, 1), 2023),
    ],
)
def test_the_year_in_python_and_in_sql_agree(award_campaign, ends, plan, starts, year):
    Campaign.objects.filter(pk=award_campaign.pk).update(ends_on=ends, plan_date=plan, starts_on=starts)
    campaign = Campaign.objects.get(pk=award_campaign.pk)
    assert campaign_year(campaign) == year
    assert Campaign.objects.filter(in_campaign_year(year, prefix=""), pk=campaign.pk).exists()
    assert not Campaign.objects.filter(in_campaign_year(year + 1, prefix=""), pk=campaign.pk).exists()


def test_without_dates_it_is_this_year():
    assert campaign_year(Campaign(title="x")) == timezone.localdate().year


def test_services_and_eligibility_read_the_same_year(award_people, award_campaign, catalogue, members):
    """A campaign without an end nor a plan date (only its start): both read the start's year —
    before, the services fell back to this year and eligibility to the start."""
    Campaign.objects.filter(pk=award_campaign.pk).update(ends_on=None, plan_date=None, starts_on=D(2024, 2, 1))
    award_campaign.refresh_from_db()
    nomination = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    details = " ".join(o.detail for o in eligibility.evaluate_nomination(nomination))
    assert "năm 2024" in details
    assert services.campaign_year is eligibility.campaign_year is campaign_year
