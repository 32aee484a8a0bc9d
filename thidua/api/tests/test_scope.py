"""Every answer of the API is scoped like the pages (issue 20): a token acts in its role, reads
that role's subtree through the same querysets, and gets 404 for anything outside it — a sibling
CĐCS, the other district, a guessed id. One token per demo role, crossing units."""

import pytest

pytestmark = pytest.mark.django_db

NOT_FOUND = 404


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


# Which of the federation's units each role's token lists (None: the list is not theirs, 404).
UNITS = {
    "cdcs_chair": {"school", "group"},
    "cdcs_officer": {"school", "group"},
    "district": {"long_bien", "school", "company", "group"},
    "leader": {"long_bien", "school", "company", "group"},
    "viewer": {"city", "long_bien", "gia_lam", "school", "company", "gia_lam_cdcs", "group"},
    "council": None,
    "member": None,
    "other": {"gia_lam", "gia_lam_cdcs"},
}


@pytest.mark.parametrize("role", sorted(UNITS))
def test_each_roles_token_lists_the_units_of_its_subtree_only(api, federation, roles, role):
    response = api(roles[role]).get("/api/v1/units/")
    expected = UNITS[role]
    if expected is None:
        assert response.status_code == NOT_FOUND
    else:
        assert ids(response) == {getattr(federation, name).pk for name in expected}


# Members: the officers' list (names of the `members` fixture).
MEMBERS = {
    "cdcs_chair": {"an", "binh"},
    "district": {"an", "binh", "cuong"},
    "viewer": {"an", "binh", "cuong", "dung"},
    "council": None,
    "member": None,
    "other": {"dung"},
}


@pytest.mark.parametrize("role", sorted(MEMBERS))
def test_members_are_read_by_officers_within_their_subtree(api, members, roles, role):
    response = api(roles[role]).get("/api/v1/members/")
    expected = MEMBERS[role]
    if expected is None:
        assert response.status_code == NOT_FOUND
    else:
        assert ids(response) == {members[name].pk for name in expected}


REPORTS = {
    "cdcs_chair": {"school_report"},
    "cdcs_officer": {"school_report"},
    "district": {"school_report", "company_report"},
    "leader": {"school_report", "company_report"},
    "viewer": {"school_report", "company_report"},
    "council": None,
    "member": None,
    "other": set(),
}


@pytest.mark.parametrize("role", sorted(REPORTS))
def test_submissions_with_answers_are_the_roles_own(api, world, roles, role):
    response = api(roles[role]).get("/api/v1/submissions/")
    expected = REPORTS[role]
    if expected is None:
        assert response.status_code == NOT_FOUND
    else:
        assert ids(response) == {world[name].pk for name in expected}


NOMINATIONS = {
    "cdcs_chair": {"school_nomination"},
    "district": {"school_nomination", "company_nomination"},
    "viewer": {"school_nomination", "company_nomination"},
    "council": set(),
    "member": set(),
    "other": set(),
}


@pytest.mark.parametrize("role", sorted(NOMINATIONS))
def test_nominations_follow_the_nomination_pages_reach(api, world, roles, role):
    assert ids(api(roles[role]).get("/api/v1/nominations/")) == {world[n].pk for n in NOMINATIONS[role]}


def test_the_cdcs_chairs_token_sees_only_its_unit(api, federation, world, roles, members):
    """The issue's "done when": a CĐCS chair's token reads its CĐCS and nothing of its sibling —
    every list, and each sibling object by its id (404, as a guessed id)."""
    chair = api(roles["cdcs_chair"])
    f = federation
    assert ids(chair.get("/api/v1/units/")) == {f.school.pk, f.group.pk}
    assert ids(chair.get("/api/v1/submissions/")) == {world["school_report"].pk}
    assert ids(chair.get("/api/v1/nominations/")) == {world["school_nomination"].pk}
    assert ids(chair.get("/api/v1/members/")) == {members["an"].pk, members["binh"].pk}
    assert ids(chair.get("/api/v1/decisions/")) == set()
    # The plan deployed to its CĐCS is read; the other district's plan is not.
    assert ids(chair.get("/api/v1/campaigns/")) == {world["lb_plan"].pk}
    for path in (
        f"/api/v1/units/{f.company.pk}/",
        f"/api/v1/units/{f.long_bien.pk}/",
        f"/api/v1/members/{members['cuong'].pk}/",
        f"/api/v1/submissions/{world['company_report'].pk}/",
        f"/api/v1/nominations/{world['company_nomination'].pk}/",
        f"/api/v1/decisions/{world['decision'].pk}/",
        f"/api/v1/campaigns/{world['gl_plan'].pk}/",
        f"/api/v1/report-periods/{world['period'].pk}/board/",
        f"/api/v1/submissions/?unit={f.company.pk}",
        f"/api/v1/campaigns/{world['lb_plan'].pk}/coverage/?unit={f.company.pk}",
        "/api/v1/units/999999/",
        "/api/v1/submissions/999999/",
    ):
        assert chair.get(path).status_code == NOT_FOUND, path
    # Its own objects open.
    own = chair.get(f"/api/v1/submissions/{world['school_report'].pk}/").json()
    assert own["unit"]["code"] == "LB-001"
    assert own["status_display"] == "Chưa nộp"
    coverage = chair.get(f"/api/v1/campaigns/{world['lb_plan'].pk}/coverage/").json()
    assert coverage["unit"]["id"] == f.school.pk


def test_the_other_districts_token_finds_nothing_of_long_bien(api, federation, world, roles, members):
    other = api(roles["other"])
    f = federation
    assert ids(other.get("/api/v1/campaigns/")) == {world["gl_plan"].pk}
    for path in (
        f"/api/v1/units/{f.school.pk}/",
        f"/api/v1/members/{members['an'].pk}/",
        f"/api/v1/campaigns/{world['lb_plan'].pk}/",
        f"/api/v1/campaigns/{world['lb_plan'].pk}/deployments/",
        f"/api/v1/report-periods/{world['period'].pk}/",
        f"/api/v1/report-periods/{world['period'].pk}/board/",
        f"/api/v1/submissions/{world['school_report'].pk}/",
        f"/api/v1/nominations/{world['school_nomination'].pk}/",
        f"/api/v1/decisions/{world['decision'].pk}/",
        f"/api/v1/units/?unit={f.long_bien.pk}",
    ):
        assert other.get(path).status_code == NOT_FOUND, path


def test_the_district_reads_its_board_and_filters_by_subtree_and_status(api, federation, world, roles):
    district = api(roles["district"])
    f = federation
    board = district.get(f"/api/v1/report-periods/{world['period'].pk}/board/")
    assert board.status_code == 200
    body = board.json()
    assert body["unit"]["code"] == "HN-LB"
    assert body["total"]["total"] == 2
    assert {c["unit"]["code"] for c in body["children"]} == {"LB-001", "LB-002"}
    assert ids(district.get("/api/v1/submissions/", unit=f.school.pk)) == {world["school_report"].pk}
    rows = district.get(f"/api/v1/report-periods/{world['period'].pk}/board/units/").json()["results"]
    # Q3 2026 was due on 14/09/2026: both CĐCS are late, as the board shows them.
    assert [(r["unit"]["code"], r["state"], r["state_display"]) for r in rows] == [
        ("LB-001", "missing", "Chưa nộp, quá hạn"),
        ("LB-002", "missing", "Chưa nộp, quá hạn"),
    ]
    only = district.get(f"/api/v1/report-periods/{world['period'].pk}/board/units/", unit=f.company.pk).json()
    assert [r["unit"]["code"] for r in only["results"]] == ["LB-002"]
    wrong = district.get(f"/api/v1/report-periods/{world['period'].pk}/board/units/", state="sent")
    assert wrong.status_code == 400 and "state" in wrong.json()["errors"]
    assert ids(district.get("/api/v1/submissions/", status="submitted")) == set()
    assert ids(district.get("/api/v1/submissions/", status="pending", period=world["period"].pk)) == {
        world["school_report"].pk,
        world["company_report"].pk,
    }
    deployments = district.get(f"/api/v1/campaigns/{world['lb_plan'].pk}/deployments/").json()
    assert {d["unit"]["code"] for d in deployments["results"]} == {"LB-001", "LB-002"}
    assert deployments["results"][0]["status_display"] == "Đã nhận kế hoạch"
    decision = district.get(f"/api/v1/decisions/{world['decision'].pk}/").json()
    assert decision["status_display"] == "Đã ban hành"
    assert [a["name"] for a in decision["awards"]] == ["Trần Thị Bình"]
    # The unit tree with its paths: the school under Long Biên.
    school = district.get(f"/api/v1/units/{f.school.pk}/").json()
    assert school["path_names"] == ["LĐLĐ quận Long Biên", "CĐCS Trường THCS Gia Thụy"]
    assert school["kind_display"] == "Công đoàn cơ sở"


def test_the_honour_roll_lists_issued_decisions_awards(api, world, roles):
    roll = api(roles["member"]).get("/api/v1/honour-roll/")
    assert ids(roll) == {world["lb_plan"].pk}
    awards = api(roles["other"]).get(f"/api/v1/honour-roll/{world['lb_plan'].pk}/").json()
    assert [a["name"] for a in awards["results"]] == ["Trần Thị Bình"]
    assert api(roles["other"]).get(f"/api/v1/honour-roll/{world['gl_plan'].pk}/").status_code == NOT_FOUND


def test_lists_run_a_fixed_number_of_queries(api, world, roles, django_assert_max_num_queries):
    district = api(roles["district"])
    plan, period = world["lb_plan"].pk, world["period"].pk
    lists = (
        "/api/v1/submissions/",
        "/api/v1/units/",
        "/api/v1/decisions/",
        "/api/v1/nominations/",
        "/api/v1/members/",
        "/api/v1/campaigns/",
        f"/api/v1/campaigns/{plan}/deployments/",
        "/api/v1/report-periods/",
        f"/api/v1/report-periods/{period}/board/units/",
        "/api/v1/initiatives/",
        "/api/v1/honour-roll/",
        f"/api/v1/honour-roll/{plan}/",
    )
    for path in lists:
        with django_assert_max_num_queries(8):
            assert district.get(path).status_code == 200


INITIATIVES = {
    "cdcs_chair": {"school_initiative"},
    "district": {"school_initiative", "company_initiative"},
    "viewer": {"school_initiative", "company_initiative"},
    "council": set(),
    "member": set(),
    "other": set(),
}


@pytest.mark.parametrize("role", sorted(INITIATIVES))
def test_initiatives_follow_the_initiative_pages_reach(api, world, roles, role):
    assert ids(api(roles[role]).get("/api/v1/initiatives/")) == {world[n].pk for n in INITIATIVES[role]}


def test_golden_books_open_as_their_pages_do(api, federation, world, roles):
    f = federation
    book = api(roles["district"]).get(f"/api/v1/golden-books/{f.long_bien.pk}/")
    assert book.status_code == 200 and book.json()["count"] == 0
    # The district's book is not the CĐCS's business; the other district's book not Long Biên's.
    assert api(roles["cdcs_chair"]).get(f"/api/v1/golden-books/{f.long_bien.pk}/").status_code == NOT_FOUND
    assert api(roles["other"]).get(f"/api/v1/golden-books/{f.long_bien.pk}/").status_code == NOT_FOUND
    assert api(roles["cdcs_chair"]).get(f"/api/v1/golden-books/{f.school.pk}/").status_code == 200
    assert (
        api(roles["cdcs_chair"]).get(f"/api/v1/initiatives/{world['company_initiative'].pk}/").status_code == NOT_FOUND
    )
