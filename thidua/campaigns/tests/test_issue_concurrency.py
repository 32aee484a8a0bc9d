"""Fifty plans of one federation issued at the same moment, each by its own connection: fifty
distinct consecutive numbers, and every plan deployed. PostgreSQL only: SQLite serialises
whole transactions, so there is no race to lose (documents' own test covers take_number there)."""

import datetime
import threading

import pytest
from django.db import connections

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, Deployment, TargetMode
from thidua.documents.tests.test_take_number_concurrency import _busy_retry
from thidua.org.tests.factories import SYSTEM

PLANS = 50


@pytest.mark.postgres_only
# serialized_rollback: the flush after a transactional test would also wipe the unit kinds that
# migration 0003 loads, and the browser tests that run after this one need them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issuings_get_distinct_consecutive_numbers(federation):
    drafts = []
    for n in range(PLANS):
        draft = services.create_campaign(
            SYSTEM,
            issuer=federation.long_bien,
            title=f"Kế hoạch số {n}",
            plan_date=datetime.date(2023, 8, 21),
            signer_title="TM. BAN THƯỜNG VỤ",
            signer_name="Nguyễn Trường Giang",
        )
        services.set_targets(SYSTEM, draft, mode=TargetMode.ALL_GRASSROOTS)
        drafts.append(draft.pk)
    start = threading.Barrier(PLANS)
    errors: list[BaseException] = []

    def issue(pk: int) -> None:
        try:
            start.wait()
            _busy_retry(lambda: services.issue_campaign(SYSTEM, Campaign.objects.get(pk=pk)))
        except BaseException as error:  # a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(pk,)) for pk in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Campaign.objects.values_list("register_entry__number", flat=True))
    assert numbers == list(range(1, PLANS + 1))
    assert Deployment.objects.count() == PLANS * 2
