"""The home page answers "what must I do now": open tasks of every app, late first then due
soonest, the user's own items, ended campaigns folded away — on the demo loaded as a living
year anchored on a fixed day (load_demo --hom-nay), with the clock fixed on that day."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.awards import demo as awards_demo
from thidua.campaigns.demo import living_campaign
from thidua.campaigns.models import Campaign, Deadline, Deployment
from thidua.core import home
from thidua.core.home import CLOSED, RETURNED, HomeTask
from thidua.org.tests.demo_snapshot import load_demo
from thidua.reports.models import ReportPeriod

DAY = datetime.date(2026, 3, 10)
REASON = "Số đoàn viên được phổ biến chưa khớp với biên bản."  # the reports demo's return
TASK_RE = re.compile(
    r'data-testid="home-task" data-urgency="(\w+)" data-state="(\w+)">\s*<div[^>]*>\s*'
    r'<a href="[^"]*" class="fw-semibold">([^<]*)</a>'
)


@pytest.fixture
def fixed_day(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: DAY)
    return DAY


@pytest.fixture
def living_demo(db, fixed_day):
    load_demo(scale=0.03, today=DAY.isoformat())


def _home(client, username: str) -> str:
    assert client.login(username=username, password="thidua2026")
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _open_tasks(html: str) -> list[tuple[str, str, str]]:
    """(urgency, state, title) of the 'Việc cần làm' list, in page order, before the fold."""
    section = html.split('data-testid="home-tasks"', 1)[1].split("home-tasks-closed", 1)[0].split("home-own", 1)[0]
    return TASK_RE.findall(section)


RANK = {"late": 0, "due_soon": 1, "upcoming": 2, "undated": 3}


def test_chair_home_opens_on_late_work_then_due_soon_with_the_returned_report_and_its_reason(living_demo, client):
    html = _home(client, "cdcs_chutich")
    tasks = _open_tasks(html)
    assert [RANK[u] for u, _s, _t in tasks] == sorted(RANK[u] for u, _s, _t in tasks)
    # Late first: the report sent back (due 15/12/2025), then the year plan's registration (5/3).
    assert tasks[0][:2] == ("late", RETURNED)
    assert tasks[0][2].startswith("Sửa và nộp lại báo cáo: Báo cáo định kỳ hằng quý")
    assert f"Bị trả lại: {REASON}" in html
    assert tasks[1] == ("late", "open", "Đăng ký thi đua, chỉ tiêu năm gửi về LĐLĐ Quận")
    due_soon = [t for u, _s, t in tasks if u == "due_soon"]
    assert "Đăng ký mô hình “dân vận khéo” gửi về LĐLĐ Quận" in due_soon
    assert any(t.startswith("Nộp báo cáo: Báo cáo định kỳ hằng quý") for t in due_soon)
    # The district sent back the CĐCS's own nomination (awards demo): to fix, with the reason.
    assert ("undated", RETURNED, "Bổ sung hồ sơ đề nghị “Công đoàn cơ sở vững mạnh” của CĐCS Trường THCS Gia Thụy") in [
        (u, s, t.replace("&ldquo;", "“").replace("&rdquo;", "”")) for u, s, t in tasks
    ]
    assert f"Bị trả lại: {awards_demo.RETURN_REASON}" in html
    # The 2023 anniversary campaign is archive: folded, not listed among today's work.
    assert not any("20 năm Ngày thành lập" in t for _u, _s, t in tasks)
    folded = html.split('data-testid="home-tasks-closed"', 1)[1]
    assert "Hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm" in folded
    # The reports panel says the same: returned with its reason, not "overdue, unsent".
    panel = html.split('data-testid="home-reports"', 1)[1]
    assert 'data-testid="home-reports-returned"' in panel and REASON in panel
    assert 'data-testid="home-reports-overdue"' not in panel


def test_officer_home_chases_late_units_then_the_living_plans_deadlines(living_demo, client):
    html = _home(client, "lb_thiduakt")
    tasks = _open_tasks(html)
    assert [RANK[u] for u, _s, _t in tasks] == sorted(RANK[u] for u, _s, _t in tasks)
    # Last quarter's report, due 14/12/2025: the units still to send, to chase first.
    assert tasks[0][0] == "late"
    assert re.match(r"Đôn đốc \d+ đơn vị chưa nộp: Báo cáo định kỳ hằng quý .* — Quý IV năm 2025", tasks[0][2])
    assert tasks[1] == ("late", "open", "Theo dõi: Đăng ký thi đua, chỉ tiêu năm gửi về LĐLĐ Quận")
    assert ("due_soon", "open", "Theo dõi: Đăng ký mô hình “dân vận khéo” gửi về LĐLĐ Quận") in tasks
    assert any(re.match(r"Xem xét \d+ báo cáo đã nộp: .* — Quý IV năm 2025", t) for _u, _s, t in tasks)
    # Nothing of the seeds' years among today's work: the 2023 report and deadlines are folded.
    assert not any(re.search(r"20(19|21|22|23)", t) for _u, _s, t in tasks)
    assert "Báo cáo kết quả đợt thi đua cao điểm" in html.split('data-testid="home-tasks-closed"', 1)[1]
    # The campaigns panel lower down no longer lists the seeds' deadlines either.
    campaigns_panel = html.split('data-testid="home-campaigns"', 1)[1].split("</div></div>", 1)[0]
    assert "05/03/2026" in campaigns_panel
    assert not re.search(r"/20(19|21|22|23)\b", campaigns_panel)


def test_member_home_shows_their_own_items(living_demo, client):
    html = _home(client, "doanvien")
    own = html.split('data-testid="home-own"', 1)[1]
    # Nguyễn Văn An co-authored his school's first initiative, registered for this year's
    # title with his CĐCS, and is proposed for a Giấy khen in the demo's awards.
    assert "Số hóa sổ theo dõi đoàn viên bằng bảng tính dùng chung" in own
    assert "Đăng ký danh hiệu năm 2026: Lao động tiên tiến" in own
    assert "Được đề nghị:" in own
    # A plain member is given no unit work (launching plans, sending the CĐCS's reports).
    assert "Không có việc nào đang chờ bạn." in html


def test_home_page_queries_do_not_grow_with_the_number_of_tasks(living_demo, client, django_assert_num_queries):
    assert client.login(username="cdcs_chutich", password="thidua2026")
    with CaptureQueriesContext(connection) as first:
        client.get("/")
    campaign = living_campaign()
    Deadline.objects.bulk_create(
        Deadline(campaign=campaign, what=f"Việc thêm số {n}", due_on=DAY + datetime.timedelta(days=n), order=10 + n)
        for n in range(15)
    )
    with django_assert_num_queries(len(first.captured_queries)):
        html = client.get("/").content.decode()
    assert "Việc thêm số 0" in html


def test_tasks_of_any_app_sort_by_one_rule(rf, fixed_day):
    """A task registered by any app (another engineer's included) lands by its due date and
    state: late first (oldest first), then due soonest, undated last; closed ones folded."""
    day = fixed_day
    made = [
        HomeTask("không hạn", "/a/"),
        HomeTask("sắp đến hạn", "/b/", due_on=day + datetime.timedelta(days=2)),
        HomeTask("còn xa", "/c/", due_on=day + datetime.timedelta(days=30)),
        HomeTask("quá hạn lâu", "/d/", due_on=day - datetime.timedelta(days=40)),
        HomeTask("quá hạn", "/e/", due_on=day - datetime.timedelta(days=1)),
        HomeTask("bị trả lại", "/f/", state=RETURNED),
        HomeTask("kế hoạch cũ", "/g/", due_on=day - datetime.timedelta(days=900), state=CLOSED),
        HomeTask("của tôi", "/h/", own=True),
        HomeTask("của tôi, phải làm", "/i/", own=True, needs_action=True),
    ]
    home.register_tasks("zz_test", lambda request, today: made)
    saved = dict(home._TASKS)
    try:
        for name in list(home._TASKS):
            if name != "zz_test":
                del home._TASKS[name]
        result = home.tasks_for(rf.get("/"), day)
    finally:
        home._TASKS.clear()
        home._TASKS.update({k: v for k, v in saved.items() if k != "zz_test"})
    assert [r["task"].title for r in result.open] == [
        "quá hạn lâu",
        "quá hạn",
        "sắp đến hạn",
        "còn xa",
        "bị trả lại",
        "của tôi, phải làm",
        "không hạn",
    ]
    assert [r["urgency"] for r in result.open] == ["late", "late", "due_soon", "upcoming"] + ["undated"] * 3
    assert [r["task"].title for r in result.closed] == ["kế hoạch cũ"]
    assert [r["task"].title for r in result.own] == ["của tôi"]


def test_a_report_of_a_2023_campaign_never_sent_is_folded_not_listed_first(living_demo, client):
    html = _home(client, "cdcs_canbo")
    tasks = _open_tasks(html)
    assert tasks and not any("20 năm thành lập" in t for _u, _s, t in tasks)
    folded = html.split('data-testid="home-tasks-closed"', 1)[1]
    assert "Nộp báo cáo: Báo cáo kết quả đợt thi đua cao điểm chào mừng 20 năm thành lập quận Long Biên" in folded
    # The same period opened today (an office entering last year's report now) is today's work.
    ReportPeriod.objects.filter(form__title__startswith="Báo cáo kết quả đợt thi đua cao điểm").update(
        opened_at=timezone.now()
    )
    tasks = _open_tasks(client.get("/").content.decode())
    assert any(u == "late" and "20 năm thành lập" in t for u, _s, t in tasks)


def test_a_plan_received_lately_stays_on_the_list_even_for_a_past_campaign(living_demo, client):
    """The demo's seed 004 (2021) reached the school in 2021 and was never answered: archive,
    folded. The same plan sent today (an office entering last year's plan now) waits for the
    school's answer: listed, and on the campaigns panel."""
    title = "Phát động kế hoạch cấp trên: Thực hiện chủ đề công tác năm 2021 trong CNVCLĐ quận Long Biên"
    deadline_2021 = ("late", "open", "Đăng ký mô hình “dân vận khéo” gửi về LĐLĐ Quận")  # 22/02/2021
    html = _home(client, "cdcs_chutich")
    assert title not in [t for _u, _s, t in _open_tasks(html)]
    assert deadline_2021 not in _open_tasks(html)
    assert title in html.split('data-testid="home-tasks-closed"', 1)[1]
    Deployment.objects.filter(
        unit__code="HN-LB-001", campaign__title__startswith="Thực hiện chủ đề công tác năm 2021"
    ).update(deployed_at=timezone.now())
    Campaign.objects.filter(title__startswith="Thực hiện chủ đề công tác năm 2021").update(issued_at=timezone.now())
    html = client.get("/").content.decode()
    assert ("undated", "open", title) in _open_tasks(html)
    assert deadline_2021 in _open_tasks(html)
    assert "Thực hiện chủ đề công tác năm 2021" in html.split('data-testid="home-campaigns"', 1)[1]
