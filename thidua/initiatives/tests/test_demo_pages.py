"""Every initiative of the demo federation opens for every demo login and role that can reach
it — the page a new user clicks first. The demo's comments once had no author (the support
team's note was written by the loader) and 7 of its 16 initiatives answered 500."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from thidua.core.demo import _STAGES
from thidua.initiatives.models import Comment, Initiative
from thidua.org.models import Role
from thidua.org.tests.demo_snapshot import load_demo


@pytest.fixture
def demo(db, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The production hasher is slow on purpose; the org demo hashes one password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The org demo (units, people, logins) and this app's stage; other apps test theirs.
    # With the signers' letterheads, which recognition decisions need (documents.demo).
    stages = ("Thông tin cơ quan ban hành mẫu", "Sáng kiến mẫu")
    monkeypatch.setattr("thidua.core.demo._STAGES", {name: _STAGES[name] for name in stages})
    load_demo(scale=0.03)


# What each button on an initiative's page looks like (views.initiatives, the template).
BUTTONS = {
    "submit": "Gửi đăng ký</button>",
    "assign_support_team": "Giao tổ hỗ trợ</button>",
    "send_to_council": "Trình Hội đồng sáng kiến</button>",
    "return_to_authors": "Trả lại tác giả để bổ sung</summary>",
    "propose": "xét công nhận</button>",
    "edit": "Sửa hồ sơ</a>",
    "comment": "Gửi góp ý</button>",
}
FIRST_LEVEL = {"assign_support_team", "send_to_council", "return_to_authors", "edit", "comment"}
DISTRICT = [
    ("lb_thiduakt", "emulation_officer"),
    ("lb_kiemnhiem", "emulation_officer"),
    ("lb_chutich", "standing_committee"),
]
# (login, role, initiative's state, handled by its own CĐCS?) → the buttons on that page; every
# other page of every login and role shows none.
EXPECTED = {
    # The school's chair: its registered initiative; nothing once proposed to the district.
    ("cdcs_chutich", "grassroots_chair", "submitted", True): FIRST_LEVEL,
    # lb_kiemnhiem also chairs the CĐCS of the district's office (in that role only).
    ("lb_kiemnhiem", "grassroots_chair", "submitted", True): FIRST_LEVEL,
    # The district's officers and standing committee: the proposal waiting for them, and the
    # one they recognised, to propose to Hà Nội.
    **{(*who, "proposed", False): {"assign_support_team", "send_to_council", "comment"} for who in DISTRICT},
    **{(*who, "recognised", False): {"propose"} for who in DISTRICT},
}


def test_every_demo_initiative_opens_for_every_role_that_reaches_it(demo, client):
    initiatives = list(Initiative.objects.order_by("pk"))
    assert len(initiatives) >= 16
    # The support team's notes are someone's: the loader writes them as a member of the team.
    assert Comment.objects.exists() and not Comment.objects.filter(author=None).exists()
    opened = set()
    shown: dict[tuple, set] = {}
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
                page = response.content.decode()
                key = (user.username, role.kind, initiative.status, initiative.level_id == initiative.unit_id)
                buttons = {name for name, html in BUTTONS.items() if html in page}
                if buttons or key in EXPECTED:
                    assert buttons == EXPECTED.get(key, set()), (key, initiative.pk)
                    shown.setdefault(key, set()).update(buttons)
    # The district's officer reaches every one of them (the demo plays Long Biên's CĐCS).
    assert opened == {i.pk for i in initiatives}
    # Each expected case is in the demo: a demo login finds something to do in each.
    assert set(shown) == set(EXPECTED)


def test_a_comment_whose_author_was_removed_still_shows(demo, client):
    """An account deleted later leaves its comments without an author (SET_NULL)."""
    comment = Comment.objects.select_related("initiative__unit").first()
    Comment.objects.filter(pk=comment.pk).update(author=None)
    officer = get_user_model().objects.get(username="lb_thiduakt")
    client.force_login(officer)
    page = client.get(reverse("initiatives:detail", args=[comment.initiative_id]))
    assert page.status_code == 200
    assert comment.text in page.content.decode()
