"""Every initiative of the demo federation opens for every demo login and role that can reach
it — the page a new user clicks first. The demo's comments once had no author (the support
team's note was written by the loader) and 7 of its 16 initiatives answered 500."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from thidua.core.demo import _STAGES
from thidua.initiatives.models import Comment, Initiative
from thidua.org.models import Role


@pytest.fixture
def demo(db, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The production hasher is slow on purpose; the org demo hashes one password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The org demo (units, people, logins) and this app's stage; other apps test theirs.
    monkeypatch.setattr("thidua.core.demo._STAGES", {"Sáng kiến mẫu": _STAGES["Sáng kiến mẫu"]})
    call_command("load_demo", scale=0.03, stdout=None)


def test_every_demo_initiative_opens_for_every_role_that_reaches_it(demo, client):
    initiatives = list(Initiative.objects.order_by("pk"))
    assert len(initiatives) >= 16
    # The support team's notes are someone's: the loader writes them as a member of the team.
    assert Comment.objects.exists() and not Comment.objects.filter(author=None).exists()
    opened = set()
    for role in Role.objects.select_related("user", "unit").order_by("user__username", "pk"):
        user = role.user
        client.force_login(user)
        session = client.session
        session["acting_role_id"] = role.pk
        session.save()
        user.acting_role = role
        reachable = set(Initiative.objects.visible_to(user).values_list("pk", flat=True))
        for initiative in initiatives:
            response = client.get(reverse("initiatives:detail", args=[initiative.pk]))
            expected = 200 if initiative.pk in reachable else 404
            assert response.status_code == expected, (user.username, str(role), initiative.pk, initiative.status)
            if expected == 200:
                opened.add(initiative.pk)
    # The district's officer reaches every one of them (the demo plays Long Biên's CĐCS).
    assert opened == {i.pk for i in initiatives}


def test_a_comment_whose_author_was_removed_still_shows(demo, client):
    """An account deleted later leaves its comments without an author (SET_NULL)."""
    comment = Comment.objects.select_related("initiative__unit").first()
    Comment.objects.filter(pk=comment.pk).update(author=None)
    officer = get_user_model().objects.get(username="lb_thiduakt")
    client.force_login(officer)
    page = client.get(reverse("initiatives:detail", args=[comment.initiative_id]))
    assert page.status_code == 200
    assert comment.text in page.content.decode()
