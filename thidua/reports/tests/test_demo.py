"""The reports demo stage: result and quarterly reports in every state on the demo federation's
seed plans, a draft final review, and a second run that adds nothing."""

from thidua.campaigns.demo import load_demo_campaigns
from thidua.core.demo import _STAGES
from thidua.participation.demo import load_demo_participation
from thidua.participation.tests.test_demo import demo_tree  # noqa: F401 - the demo federation's tree
from thidua.reports.demo import QUARTERLY_TITLE, RESULT_TITLE, load_demo_reports, load_demo_review
from thidua.reports.models import CampaignReview, Submission, SubmissionVersion


def test_stage_runs_after_participation():
    assert _STAGES["Báo cáo mẫu"].order > _STAGES["Tham gia thi đua mẫu"].order


def test_the_draft_review_is_written_after_every_other_stage():
    """Drafted before the awards' stage, the demo's review said 0 awards beside a decision."""
    review = _STAGES["Báo cáo tổng kết mẫu"].order
    assert all(stage.order < review for name, stage in _STAGES.items() if name != "Báo cáo tổng kết mẫu")


def test_reports_come_in_every_state_and_a_rerun_adds_nothing(
    demo_tree,  # noqa: F811 - the fixture imported above
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_campaigns(lambda _line: None)
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_participation(lambda _line: None)
    load_demo_reports(lambda _line: None)
    result = Submission.objects.filter(period__form__title=RESULT_TITLE)
    assert {s.status for s in result} == {"pending", "draft", "submitted", "returned", "accepted"}
    assert result.filter(is_late=True, status="submitted").exists()
    assert Submission.objects.filter(period__form__title=QUARTERLY_TITLE).values("period").distinct().count() == 2
    load_demo_review(lambda _line: None)
    assert CampaignReview.objects.get().kind == "final"
    before = (Submission.objects.count(), SubmissionVersion.objects.count(), CampaignReview.objects.count())
    load_demo_reports(lambda _line: None)
    load_demo_review(lambda _line: None)
    assert (Submission.objects.count(), SubmissionVersion.objects.count(), CampaignReview.objects.count()) == before
