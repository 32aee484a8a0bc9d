"""Fifty issuers at once, each in its own connection and transaction. On PostgreSQL this is
the real test of the row lock and of the race to create the year's counter; on SQLite the
IMMEDIATE transactions serialise the writers (settings: 20 s busy timeout)."""

import datetime
import threading
import time

import pytest
from django.db import OperationalError, connection, connections, transaction

from thidua.documents.models import DocType, RegisterCounter, RegisterEntry
from thidua.documents.services import take_number
from thidua.org.tests.factories import SYSTEM

ISSUERS = 50


def _busy_retry(issue) -> None:
    """The SQLite test database lives in memory with a shared cache, where a writer finding
    the database locked fails at once ("database table is locked") instead of waiting out the
    busy timeout as on the file database of production. Retrying does what that wait does."""
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    for _attempt in range(2000):
        try:
            return issue()
        except OperationalError as error:
            if not (in_memory and "locked" in str(error)):
                raise
            time.sleep(0.005)
    raise TimeoutError("still locked")


# serialized_rollback: the flush after a transactional test would also wipe the unit kinds that
# migration 0003 loads, and the browser tests that run after this one need them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_take_number_concurrent_issuers_get_distinct_consecutive_numbers(federation):
    unit = federation.long_bien
    start = threading.Barrier(ISSUERS)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def issue(n: int) -> None:
        try:
            start.wait()

            def one_issuing():
                with transaction.atomic():
                    return take_number(
                        SYSTEM, unit, DocType.PLAN, issued_on=datetime.date(2023, 8, 21), title=f"Kế hoạch {n}"
                    )

            numbers.append(_busy_retry(one_issuing).number)
        except BaseException as error:  # reported below: a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(n,)) for n in range(ISSUERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == list(range(1, ISSUERS + 1))
    assert sorted(RegisterEntry.objects.values_list("number", flat=True)) == list(range(1, ISSUERS + 1))
    assert RegisterCounter.objects.get(unit=unit, year=2023, doc_type=DocType.PLAN).last_number == ISSUERS
