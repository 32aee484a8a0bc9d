"""An initiative a CĐCS proposes to Long Biên, through the pages: the district's officer finds it
on the home page and in the 'Cấp dưới đề nghị' tab, gives it to the district's own support team,
sends it to the district's council, recognises it into the district's golden book and proposes it
to Hà Nội; the CĐCS reads each outcome and acts on nothing; Gia Lâm finds nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.initiatives import services
from thidua.initiatives.models import Initiative, InitiativeStatus, Recognition
from thidua.initiatives.tests.conftest import DAY, account, council_for, pass_council, register
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import SYSTEM, MemberFactory

S = InitiativeStatus
BUTTONS = {
    "assign_support_team": "Giao tổ hỗ trợ</button>",
    "send_to_council": "Trình Hội đồng sáng kiến</button>",
    "return_to_authors": "Trả lại tác giả để bổ sung</summary>",
    "propose": "xét công nhận</button>",
    "edit": "Sửa hồ sơ</a>",
    "comment": "Gửi góp ý</button>",
}


def _shown(page: str) -> set[str]:
    return {name for name, html in BUTTONS.items() if html in page}


def _recognised_at_school(federation, people, initiative):
    chair = people["school_chair"]
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative)
    services.issue_recognition_decision(chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY)


@pytest.fixture
def proposed(federation, people, initiative, team):
    _recognised_at_school(federation, people, initiative)
    services.propose_to_next_level(people["school_chair"], initiative)
    return initiative


@pytest.fixture
def district_team(federation, people):
    staff = MemberFactory(full_name="Đỗ Thị Quận", unit=federation.company)
    account("to_quan", RoleKind.MEMBER, federation.company, staff)
    return services.create_support_team(
        people["lb_officer"], unit=federation.long_bien, name="Tổ hỗ trợ sáng kiến quận", members=[staff]
    )


@pytest.fixture
def gia_lam(federation):
    return account("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)


def test_the_district_takes_a_proposal_through_its_own_steps(
    client, login, federation, people, proposed, team, district_team, gia_lam
):
    detail = reverse("initiatives:detail", args=[proposed.pk])
    action = lambda name: reverse("initiatives:action", args=[proposed.pk, name])  # noqa: E731
    officer = people["lb_officer"]

    # The officer's home and queue name it; Gia Lâm's do not, and its pages are 404 there.
    home = login(officer).get(reverse("home")).content.decode()
    assert "Cấp dưới đề nghị: 1 sáng kiến chờ xử lý" in home  # the panel's link to the queue
    assert f"Tiếp nhận sáng kiến cấp dưới đề nghị: giao tổ hỗ trợ hoặc trình Hội đồng: {proposed.title}" in home
    queue = client.get(reverse("initiatives:list"), {"nguon": "cap-duoi"}).content.decode()
    assert proposed.title in queue
    gl = login(gia_lam)
    assert "Cấp dưới đề nghị" not in gl.get(reverse("home")).content.decode()
    assert proposed.title not in gl.get(reverse("initiatives:list"), {"nguon": "cap-duoi"}).content.decode()
    assert gl.get(detail).status_code == 404
    assert gl.post(action("send_to_council")).status_code == 404
    assert gl.post(action("assign_support_team"), {"team": district_team.pk}).status_code == 404

    # The CĐCS reads where it stands and may do nothing more with it.
    page = login(people["school_chair"]).get(detail).content.decode()
    assert "Đã đề nghị LĐLĐ quận Long Biên xét công nhận" in page
    assert _shown(page) == set()
    assert login(people["school_chair"]).post(action("send_to_council")).status_code == 404
    assert login(people["team"]).post(action("send_to_council")).status_code == 404  # the CĐCS's team

    # The officer: the district's team or the council; nothing of the authors' dossier.
    client = login(officer)
    page = client.get(detail).content.decode()
    assert _shown(page) == {"assign_support_team", "send_to_council", "comment"}
    refused = client.post(action("assign_support_team"), {"team": team.pk})  # the CĐCS's team
    assert refused.status_code == 400
    assert "Hãy chọn một tổ hỗ trợ của LĐLĐ quận Long Biên trong danh sách." in refused.content.decode()
    assert client.post(action("assign_support_team"), {"team": district_team.pk}).status_code == 302
    proposed.refresh_from_db()
    assert (proposed.status, proposed.support_team) == (S.WITH_SUPPORT_TEAM, district_team)
    assert "Trình Hội đồng sáng kiến khi tổ hỗ trợ hoàn thiện xong" in client.get(reverse("home")).content.decode()
    page = client.get(detail).content.decode()
    assert _shown(page) == {"assign_support_team", "send_to_council", "comment"}
    client.post(action("comment"), {"text": "Nêu rõ khả năng nhân rộng ra các trường."})
    assert client.post(action("send_to_council")).status_code == 302
    page = client.get(detail).content.decode()
    assert "Nêu rõ khả năng nhân rộng" in page
    assert _shown(page) == set()
    assert "LĐLĐ quận Long Biên chưa có Hội đồng sáng kiến" in page  # none yet: it says so

    # The district's council: the page leads to it, it passes it, the page leads to the decision.
    district = council_for(
        federation.long_bien, officer, ["Phan Văn Một", "Phan Văn Hai", "Phan Văn Ba"], federation.company
    )
    page = client.get(detail).content.decode()
    assert f'href="{reverse("councils:detail", args=[district.pk])}"' in page
    pass_council(officer, district, proposed)
    page = client.get(detail).content.decode()
    assert 'href="/cong-nhan-sang-kien/"' in page
    assert f"Ban hành quyết định công nhận: {proposed.title}" in client.get(reverse("home")).content.decode()
    recognition = client.post(
        reverse("initiatives:recognition"),
        {"issued_on": DAY.isoformat(), "signer_name": "Nguyễn Trường Giang", "initiatives": [str(proposed.pk)]},
    )
    assert recognition.status_code == 302
    book = client.get(reverse("initiatives:golden_book")).content.decode()
    assert proposed.title in book
    assert Recognition.objects.filter(initiative=proposed, unit=federation.long_bien, entry_number=1).exists()

    # Up again, to Hà Nội; the district's part is done.
    page = client.get(detail).content.decode()
    assert _shown(page) == {"propose"} and "Đề nghị LĐLĐ thành phố Hà Nội xét công nhận" in page
    assert client.post(action("propose")).status_code == 302
    proposed.refresh_from_db()
    assert (proposed.status, proposed.level) == (S.PROPOSED, federation.city)
    assert "Cấp dưới đề nghị" not in client.get(reverse("home")).content.decode()

    # The CĐCS sees both levels that recognised it; each step is in the audit trail.
    page = login(people["school_chair"]).get(detail).content.decode()
    assert "LĐLĐ quận Long Biên</strong> — Sổ vàng số 1" in page
    assert "Đã đề nghị LĐLĐ thành phố Hà Nội xét công nhận" in page
    verbs = list(AuditEntry.objects.for_object(proposed).order_by("pk").values_list("verb", flat=True))
    assert verbs[-6:] == [
        "assign_support_team",
        "comment_initiative",
        "send_to_council",
        "council_pass",
        "recognise",
        "propose",
    ]


def test_a_district_that_does_not_recognise_it_leaves_the_cdcs_recognition_standing(
    login, federation, people, proposed
):
    officer = people["lb_officer"]
    services.send_to_council(officer, proposed)
    district = council_for(federation.long_bien, officer, ["Phan Văn Một", "Phan Văn Hai"], federation.company)
    pass_council(officer, district, proposed, agree=False)
    page = login(people["school_chair"]).get(reverse("initiatives:detail", args=[proposed.pk])).content.decode()
    assert "LĐLĐ quận Long Biên không công nhận sáng kiến này" in page
    assert "CĐCS Trường THCS Gia Thụy</strong> — Sổ vàng số 1" in page


def test_a_council_takes_up_only_what_its_level_sent(federation, people, proposed):
    from thidua.councils.subjects import for_model

    officer = people["lb_officer"]
    district = council_for(federation.long_bien, officer, ["Phan Văn Một"], federation.company)
    candidates = for_model(Initiative).candidates
    assert list(candidates(district)) == []  # waiting for the officer
    services.send_to_council(officer, proposed)
    assert list(candidates(district)) == [proposed]


@pytest.mark.parametrize("page", ["home", "queue"])
def test_the_queue_runs_a_fixed_number_of_queries(login, federation, people, members, page):
    url = reverse("home") if page == "home" else reverse("initiatives:list") + "?nguon=cap-duoi"
    counts = []
    for n in (1, 4):
        for i in range(n):
            item = register(people["school_chair"], federation.school, [(members["an"], 100)], title=f"Đề nghị {n}.{i}")
            Initiative.objects.filter(pk=item.pk).update(status=S.PROPOSED, level=federation.long_bien)
        client = login(people["lb_officer"])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            content = client.get(url).content.decode()
        assert f"Đề nghị {n}.{n - 1}" in content
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_successor_of_a_dissolved_district_gives_its_work_to_its_own_team(
    federation, people, proposed, district_team
):
    """The 2025 reform: a dissolved district's waiting initiatives go to its successor
    (initiatives.succession); one its team held is given to a team of the successor's."""
    from thidua.initiatives.succession import hand_over_initiatives

    services.assign_support_team(people["lb_officer"], proposed, team=district_team)
    hand_over_initiatives(SYSTEM, federation.long_bien, federation.city)
    successor = account("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    staff = MemberFactory(full_name="Vũ Văn Thành Phố", unit=federation.company)
    city_team = services.create_support_team(
        successor, unit=federation.city, name="Tổ hỗ trợ thành phố", members=[staff]
    )
    proposed.refresh_from_db()
    # The old district's team has no say at the new level; the successor's officer reassigns.
    assert "send_to_council" not in {
        t.action
        for t in services.INITIATIVE_WORKFLOW.allowed(
            proposed, Member.objects.get(pk=district_team.members.get().pk).user
        )
    }
    services.assign_support_team(successor, proposed, team=city_team)
    proposed.refresh_from_db()
    assert (proposed.level, proposed.status, proposed.support_team) == (federation.city, S.WITH_SUPPORT_TEAM, city_team)
