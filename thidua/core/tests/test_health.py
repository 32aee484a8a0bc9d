"""The health endpoint: what a load balancer and a monitor read — ok/fail per component,
503 when one fails, and nothing more than that for anyone but a superuser."""

import pytest
from django.urls import reverse

from thidua.core import health


@pytest.fixture(autouse=True)
def _fresh(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    health.reset()
    yield
    health.reset()


def test_healthy_server_answers_ok_for_each_component(client, db, tmp_path):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        # No broker in tests: tasks run in the web process, the queue is "off", not failing.
        "checks": {"database": "ok", "cache": "ok", "queue": "off", "storage": "ok"},
    }
    assert response["Cache-Control"].startswith("max-age=0")
    # The probe file is gone again: checks leave nothing on the shared storage.
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []


def test_failing_storage_gives_503_and_tells_anonymous_callers_no_details(client, db, monkeypatch):
    def full_disk():
        raise OSError(28, "No space left on device: /srv/thidua/media/healthz/secret-path")

    monkeypatch.setitem(health.CHECKS, "storage", full_disk)
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["status"] == "fail"
    assert response.json()["checks"]["storage"] == "fail"
    assert response.json()["checks"]["database"] == "ok"
    assert b"secret-path" not in response.content
    assert "details" not in response.json()


def test_superuser_sees_which_error_each_component_gave(client, db, monkeypatch, django_user_model):
    def broker_down():
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setitem(health.CHECKS, "queue", broker_down)
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    body = client.get(reverse("core:health")).json()
    assert body["checks"]["queue"] == "fail"
    assert "Connection refused" in body["details"]["queue"]["error"]
    assert body["details"]["database"]["error"] == ""


def test_probes_within_a_second_reuse_the_last_checks(client, db, monkeypatch):
    calls = []
    monkeypatch.setitem(health.CHECKS, "database", lambda: calls.append(1))
    for _ in range(5):
        assert client.get(reverse("core:health")).status_code == 200
    assert len(calls) == 1


def test_liveness_touches_neither_database_nor_cache(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("core:health_live"))
    assert response.status_code == 200
    assert response.content == b"ok"
