"""With a read replica configured (DATABASE_REPLICA_URL), the status board's queries are routed
to it; pages where a user changes something, and every write, stay on the primary. The test
records where the router sends each read and lets it run on the test database."""

import pytest
from django.db import connection
from django.urls import reverse

from thidua.core import replica
from thidua.reports import queries
from thidua.reports.models import Submission
from thidua.reports.tests.conftest import answers


@pytest.fixture
def routed(monkeypatch):
    """(model, alias) of every read the router routes, as if a replica were configured."""
    seen = []
    real = replica.ReplicaRouter.db_for_read

    def record(self, model, **hints):
        alias = real(self, model, **hints)
        seen.append((model._meta.db_table, alias))
        return "default"  # run it on the test database all the same

    def raw_sql_connection():
        seen.append(("raw SQL", replica.REPLICA if replica._reading.get() else "default"))
        return connection

    monkeypatch.setattr(replica, "available", lambda: True)
    monkeypatch.setattr(replica.ReplicaRouter, "db_for_read", record)
    monkeypatch.setattr(queries, "read_connection", raw_sql_connection)
    return seen


def test_status_board_reads_from_the_replica(routed, quarterly, lb_officer, login):
    period = quarterly.periods.get()
    client = login(lb_officer)
    routed.clear()
    assert client.get(reverse("reports:board", args=[period.pk])).status_code == 200
    assert ("reports_submission", replica.REPLICA) in routed
    assert ("reports_reportperiod", replica.REPLICA) in routed
    assert ("raw SQL", replica.REPLICA) in routed  # the board's counts, written in SQL


def test_sending_a_report_and_its_page_stay_on_the_primary(routed, quarterly, federation, school_chair, login):
    submission = Submission.objects.get(period__form=quarterly, unit=federation.school)
    values = answers(quarterly, total="40", reached="30", share="50", held="yes")
    client = login(school_chair)
    routed.clear()
    response = client.post(reverse("reports:submission", args=[submission.pk]), {**values, "action": "submit"})
    assert response.status_code == 302
    assert client.get(reverse("reports:submission", args=[submission.pk])).status_code == 200
    assert routed and {alias for _table, alias in routed} == {"default"}
    assert Submission.objects.get(pk=submission.pk).status == "submitted"


def test_writes_never_go_to_the_replica_even_for_what_was_read_there(quarterly):
    submission = Submission.objects.first()
    submission._state.db = replica.REPLICA  # as if read on a board
    router = replica.ReplicaRouter()
    with replica.reading():
        assert router.db_for_write(Submission, instance=submission) == "default"


def test_without_a_replica_everything_reads_the_primary(quarterly):
    assert not replica.available()
    with replica.reading():
        assert replica.ReplicaRouter().db_for_read(Submission) == "default"
