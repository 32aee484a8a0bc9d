"""The reach of each role, row by row as docs/reach.md writes it (issue 16, item 3).

The table is read from the docs: each row is one object of the demo federation seen from Long
Biên's CĐCS HN-LB-001, each column a login; every cell is tried through the test client and must
answer 200 (✓) or 404 (—). A plain member once opened a colleague's draft initiative, the CĐCS's
report submissions and the unit page with everyone's ratings; a council-member role with no seat
read the whole district's boards, roll-ups, decisions, certificates and golden books."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from thidua.org.models import Member, Role, RoleKind, Unit
from thidua.org.tests.demo_snapshot import load_demo
from thidua.org.tests.factories import SYSTEM, MemberFactory

TABLE = Path(__file__).resolve().parent.parent / "docs" / "reach.md"


def _read_table() -> tuple[list[str], dict[str, dict[str, int]]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    header = next(line for line in TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("| object |"))
    columns = [re.search(r"`(\w+)`", cell) for cell in header.strip("|").split("|")]
    logins = [m.group(1) if m else None for m in columns]
    rows = {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        key = re.match(r"`(\w+)`", cells[0]).group(1)
        rows[key] = {
            login: (200 if cell.startswith("✓") else 404)
            for login, cell in zip(logins, cells, strict=True)
            if login is not None
        }
    return [login for login in logins if login], rows


LOGINS, ROWS = _read_table()


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _new_login(username: str, kind: str, unit: Unit, member: Member | None = None):
    user = get_user_model().objects.create_user(username=username, password="matkhau-thu-nghiem")
    if member is not None:
        Member.objects.filter(pk=member.pk).update(user=user)
    Role.objects.create(user=user, unit=unit, kind=kind)
    return user


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo with the three logins it lacks (a member and a CĐCS chair of HN-LB-001 with no
    seat, a council-member role at the district with no seat) and the drafts the rows point at."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(scale=0.03)
    from thidua.awards.models import Award, Decision, DecisionStatus, Nomination
    from thidua.campaigns.models import Campaign, CampaignStatus
    from thidua.campaigns.services import create_campaign
    from thidua.councils.models import AgendaItem, Council, CouncilKind, Session
    from thidua.initiatives.models import Initiative, InitiativeStatus
    from thidua.initiatives.services import register_initiative
    from thidua.reports.models import CampaignReview, ReportPeriod, Submission

    units = {u.code: u for u in Unit.objects.filter(code__in=["HN-LB", "HN-LB-001", "HN-LB-002", "HN-GL"])}
    district, cdcs, sibling = units["HN-LB"], units["HN-LB-001"], units["HN-LB-002"]
    me = MemberFactory(unit=cdcs, full_name="Đặng Thu Hà")
    colleague = MemberFactory(unit=cdcs, full_name="Vũ Minh Khôi")
    users = {
        "member": _new_login("dv_khongghe", RoleKind.MEMBER, cdcs, me),
        "secretary": _user("doanvien"),
        "cdcs": _new_login("cdcs_khongghe", RoleKind.GRASSROOTS_CHAIR, cdcs),
        "district": _user("lb_thiduakt"),
        "leader": _user("lb_chutich"),
        "council": _user("lb_hoidong"),
        # A council member is a union member somewhere (here of the sibling CĐCS).
        "unseated": _new_login(
            "hd_khongghe", RoleKind.COUNCIL_MEMBER, district, MemberFactory(unit=sibling, full_name="Tạ Quang Vinh")
        ),
        "viewer": _user("hn_theodoi"),
        "other": _user("gl_thiduakt"),
    }
    idea = {"solution": "Sắp xếp lại lịch trực theo tuần.", "problem": "Lịch trực chồng chéo."}

    def draft(author, title):
        return register_initiative(SYSTEM, unit=cdcs, authors=[(author, 100)], title=title, **idea)

    doanvien = Member.objects.get(user__username="doanvien")
    council = Council.objects.get(unit=district, kind=CouncilKind.INITIATIVE)
    session = Session.objects.filter(council=council).order_by("-pk").first()
    # Another CĐCS's initiative proposed to the district, on the agenda of the district's council
    # (the demo's own item is HN-LB-001's, which the member reads anyway once recognised).
    proposed = Initiative.objects.filter(level=district, status=InitiativeStatus.PROPOSED).exclude(unit=cdcs).first()
    AgendaItem.objects.create(session=session, subject=proposed, title=proposed.title)
    award_items = AgendaItem.objects.filter(
        session__council__unit=district, session__council__kind=CouncilKind.AWARD, subject_type__model="nomination"
    )
    decision = Decision.objects.get(unit=district, status=DecisionStatus.ISSUED)
    plan = Campaign.objects.filter(
        issuer=district, status=CampaignStatus.ISSUED, is_public=False, deployments__unit=cdcs
    ).first()
    nominations = Nomination.objects.filter(unit=cdcs).exclude(subject_member=doanvien)
    objects = {
        "plan_issued": plan,
        "plan_draft_district": create_campaign(SYSTEM, issuer=district, title="Dự thảo kế hoạch thi đua quý"),
        "plan_draft_cdcs": create_campaign(SYSTEM, issuer=cdcs, title="Dự thảo kế hoạch của trường"),
        "initiative_own_draft": draft(me, "Sổ theo dõi trực tuyến"),
        "initiative_colleague_draft": draft(colleague, "Bảng phân công trực tuần"),
        "initiative_colleague_submitted": Initiative.objects.filter(unit=cdcs, status=InitiativeStatus.SUBMITTED)
        .exclude(authors__member=doanvien)
        .first(),
        "initiative_recognised_own": Initiative.objects.filter(unit=cdcs, status=InitiativeStatus.RECOGNISED).first(),
        "initiative_recognised_sibling": Initiative.objects.filter(
            unit=sibling, status=InitiativeStatus.RECOGNISED
        ).first(),
        "initiative_at_council": proposed,
        "submission_own": Submission.objects.filter(unit=cdcs).first(),
        "submission_sibling": Submission.objects.filter(unit=sibling).first(),
        "board": ReportPeriod.objects.filter(form__issuer=district).first(),
        "review": CampaignReview.objects.filter(issuer=district).first(),
        "nomination_colleague": nominations.exclude(
            pk__in=list(award_items.values_list("subject_id", flat=True))
        ).first(),
        "nomination_at_council": Nomination.objects.filter(
            pk__in=list(award_items.values_list("subject_id", flat=True))
        )
        .exclude(unit=cdcs)
        .first(),
        "decision": decision,
        "certificate_colleague": Award.objects.get(member=doanvien, decision=decision),
        "council_district": council,
        "session_district": session,
        "council_cdcs": Council.objects.get(unit=cdcs, kind=CouncilKind.INITIATIVE),
        "me": me,
        "doanvien": doanvien,
    }
    missing = [name for name, obj in objects.items() if obj is None]
    assert not missing, f"the demo lacks {missing}"
    return users, {**units, **objects}


def _url(row: str, o: dict) -> str:
    pk = {
        "plan_issued": ("campaigns:detail", o["plan_issued"]),
        "plan_draft_district": ("campaigns:detail", o["plan_draft_district"]),
        "plan_draft_cdcs": ("campaigns:detail", o["plan_draft_cdcs"]),
        "coverage": ("campaigns:coverage", o["plan_issued"]),
        "submission_own": ("reports:submission", o["submission_own"]),
        "submission_sibling": ("reports:submission", o["submission_sibling"]),
        "board": ("reports:board", o["board"]),
        "rollup": ("reports:rollup", o["board"]),
        "review": ("reports:review", o["review"]),
        "nomination_colleague": ("awards:nomination", o["nomination_colleague"]),
        "nomination_at_council": ("awards:nomination", o["nomination_at_council"]),
        "decision_page": ("awards:decision", o["decision"]),
        "golden_book_own": ("initiatives:unit_golden_book", o["HN-LB-001"]),
        "golden_book_sibling": ("initiatives:unit_golden_book", o["HN-LB-002"]),
        "golden_book_district": ("initiatives:unit_golden_book", o["HN-LB"]),
        "honour_roll": ("awards:honour_roll", o["decision"].campaign),
        "unit_page": ("org:unit_detail", o["HN-LB-001"]),
        "rating_sheet": ("org:rating_sheet", o["HN-LB-001"]),
        "member_record_own": ("org:member_detail", o["me"]),
        "member_record_colleague": ("org:member_detail", o["doanvien"]),
        "council_district": ("councils:detail", o["council_district"]),
        "session_district": ("councils:session", o["session_district"]),
        "council_cdcs": ("councils:detail", o["council_cdcs"]),
        "signing_certificate": ("documents:signing_certificate", o["HN-LB"]),
    }
    if row.startswith("initiative_"):
        return reverse("initiatives:detail", args=[o[row].pk])
    if row in pk:
        name, obj = pk[row]
        return reverse(name, args=[obj.pk])
    return {
        "decision_file": reverse("awards:decision_file", args=[o["decision"].pk, "pdf"]),
        "certificate_colleague": reverse("awards:certificate", args=[o["certificate_colleague"].pk]),
        "member_list": reverse("org:member_list"),
        "recognition_decision": reverse(
            "initiatives:decision",
            args=[o["initiative_recognised_own"].recognitions.order_by("pk")[0].decision_id, "pdf"],
        ),
        "counters_district": reverse("initiatives:unit_counters", args=[o["HN-LB"].pk]),
        "register": reverse("documents:register"),
    }[row]


def _act_as(client, user) -> None:
    client.force_login(user)
    session = client.session
    session["acting_role_id"] = Role.objects.filter(user=user).order_by("pk").values_list("pk", flat=True)[0]
    session.save()


def test_each_role_reaches_what_the_table_says(demo, client):
    """Every cell of the table: one demo for all of them (restoring it per row cost CI ~2 min a
    pass); a mismatch names its row, login, address and answer."""
    users, objects = demo
    wrong = []
    for row, expected in ROWS.items():
        url = _url(row, objects)
        for login in LOGINS:
            _act_as(client, users[login])
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            if response.status_code != expected[login]:
                wrong.append(f"{row} · {login} · {url}: {response.status_code}, bảng ghi {expected[login]}")
    assert wrong == []


def test_the_table_covers_every_login_and_row():
    assert LOGINS == ["member", "secretary", "cdcs", "district", "leader", "council", "unseated", "viewer", "other"]
    assert len(ROWS) >= 30 and all(set(cells) == set(LOGINS) for cells in ROWS.values())


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith("/") and not href.startswith(("/dang-xuat/", "/static/", "/i18n/")):
            self.hrefs.add(href.split("#")[0])


def test_pages_link_only_to_what_the_role_opens(demo, client):
    """A member's or council member's pages offer no link that answers 404: from the home page
    and its menu, two clicks deep (two pages of each address shape)."""
    users, _objects = demo
    dead = {}
    for login in ["member", "secretary", "council", "unseated"]:
        _act_as(client, users[login])
        dead.update({f"{login} {url}": status for url, status in _dead_links(client).items()})
    assert dead == {}


def _dead_links(client) -> dict[str, int]:
    seen, shapes, dead = {"/"}, {}, {}
    frontier = ["/"]
    for _depth in range(3):
        found = []
        for url in frontier:
            response = client.get(url)
            if hasattr(response, "streaming_content"):  # a download: read it (docs/testing.md)
                b"".join(response.streaming_content)
                continue
            if response.status_code == 404:
                dead[url] = response.status_code
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            links = _Links()
            links.feed(response.content.decode())
            for href in sorted(links.hrefs - seen):
                shape = re.sub(r"\d+", "N", href.split("?")[0])
                if shapes.get(shape, 0) < 2:
                    shapes[shape] = shapes.get(shape, 0) + 1
                    seen.add(href)
                    found.append(href)
        frontier = found
    assert len(seen) > 10
    return dead
