"""PostgreSQL going away during load (a restart, a failover): every connection of the site is
cut, again and again, while CĐCS send their reports. Requests caught by it fail cleanly (a 500
page, no hang), no report is half-saved, and the site serves again by itself when PostgreSQL is
back — nobody restarts anything.

The machine's PostgreSQL is shared, so it is never restarted: the test terminates the backends
of its own test database (pg_terminate_backend), which is what a restart does to them."""

import datetime
import threading
import urllib.error
import urllib.parse
import urllib.request

import psycopg
import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from thidua.core.backup import _pg_conninfo
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_unit, make_user
from thidua.reports import services
from thidua.reports.models import Answer, Submission, SubmissionStatus, SubmissionVersion
from thidua.reports.tests.conftest import answers, make_quarterly

pytestmark = [pytest.mark.failure, pytest.mark.django_db(transaction=True)]
CSRF = "outagecsrftoken0123456789abcdefg"  # 32 characters: an unmasked secret Django accepts
UNITS = 24


def _session(user) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _submit(base: str, pk: int, session: str, values: dict) -> int:
    body = urllib.parse.urlencode({**values, "action": "submit", "csrfmiddlewaretoken": CSRF}).encode()
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        f"{base}/bao-cao/nop/{pk}/",
        data=body,
        headers={"Cookie": f"sessionid={session}; csrftoken={CSRF}"},
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def deadline_day(federation):
    """24 CĐCS of Long Biên, each with its chair logged in and its quarterly report to send."""
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    chairs = {}
    for n in range(UNITS):
        unit = make_unit(federation.long_bien, "grassroots", f"CĐCS Doanh nghiệp {n + 1}", code=f"LB-DN{n:02d}")
        chairs[unit.pk] = make_user(f"chair{n}", RoleKind.GRASSROOTS_CHAIR, unit)
    form = make_quarterly(officer, federation.long_bien)
    services.publish_form(officer, form, today=datetime.date(2023, 8, 16))
    values = answers(form, total="200", reached="120", share="85", held="yes")
    jobs = [
        (pk, _session(chairs[unit]))
        for pk, unit in Submission.objects.filter(period__form=form, unit_id__in=chairs).values_list("pk", "unit_id")
    ]
    return form, values, jobs


def _cut_connections(stop: threading.Event, name: str, cuts: list) -> None:
    """Terminate every backend of the test database but our own, every 20 ms."""
    with psycopg.connect(_pg_conninfo({**connection.settings_dict, "NAME": "postgres"}), autocommit=True) as admin:
        while not stop.is_set():
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            ).fetchall()
            cuts.append(len(rows))
            stop.wait(0.02)


def test_reports_sent_while_postgresql_restarts_are_whole_or_not_at_all(postgres, live_server, deadline_day):
    form, values, jobs = deadline_day
    statuses: dict[int, int] = {}
    stop, cuts = threading.Event(), []
    cutter = threading.Thread(target=_cut_connections, args=(stop, connection.settings_dict["NAME"], cuts))
    cutter.start()
    try:

        def client(share):
            for pk, session in share:
                statuses[pk] = _submit(live_server.url, pk, session, values)

        clients = [threading.Thread(target=client, args=(jobs[i::4],)) for i in range(4)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    finally:
        stop.set()
        cutter.join()
    connection.close()  # ours was cut too; Django opens a new one on next use

    assert sum(cuts) > 0, "the outage did not cut any connection"
    # Clean answers only: sent (302) or a server error page (500) — no hang, no other state.
    assert set(statuses.values()) <= {302, 500}, statuses
    failed = [pk for pk, status in statuses.items() if status == 500]
    assert failed, "no request was caught by the outage"

    # Nothing half-saved: a report is either sent whole (its answers and its version) or untouched.
    def check_whole():
        whole = set()
        for submission in Submission.objects.filter(period__form=form, unit__code__startswith="LB-DN"):
            versions = SubmissionVersion.objects.filter(submission=submission).count()
            saved = Answer.objects.filter(submission=submission).count()
            if submission.status == SubmissionStatus.SUBMITTED:
                assert (versions, submission.version) == (1, 1), submission.pk
                whole.add(saved)
            else:
                assert (submission.status, versions, saved) == (SubmissionStatus.PENDING, 0, 0), submission.pk
        assert len(whole) <= 1 and 0 not in whole, whole  # every sent report has all its answers

    check_whole()
    # PostgreSQL is back: the CĐCS whose sending failed send again, and it works, untouched by hand.
    sessions = dict(jobs)
    for pk in failed:
        if Submission.objects.get(pk=pk).status == SubmissionStatus.PENDING:
            assert _submit(live_server.url, pk, sessions[pk], values) == 302
    check_whole()
    assert not Submission.objects.filter(
        period__form=form, status=SubmissionStatus.PENDING, unit__code__startswith="LB-DN"
    ).exists()
    with urllib.request.urlopen(f"{live_server.url}/healthz/", timeout=30) as response:  # noqa: S310
        assert response.status == 200
