"""Every state × action × role of each state machine (core.workflow), one parametrised test per
workflow (issue 19 item 4). The nomination's and the initiative's have their own, with their
two levels: awards/tests/test_workflow.py, initiatives/tests/test_workflow.py.

The states and actions tried come from the workflow itself; what is expected is written out
below from the rules (who holds the transition's permission on that object), not read from the
workflow — so a transition added, removed or re-pointed by mistake, or a permission widened,
fails here. Each cell is `move`d for real (and rolled back): "ok" (moved, stored, audited),
"not_allowed" (TransitionNotAllowed: not from this state) or "denied" (PermissionDenied: not
this role); and the page's question, `Workflow.allowed`, must say "ok" exactly where `move` does.
"""

import datetime
import importlib
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.awards.models import Decision, DecisionStatus
from thidua.awards.workflow import DECISION_WORKFLOW, NOMINATION_WORKFLOW
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus
from thidua.campaigns.services import CAMPAIGN_WORKFLOW, DEPLOYMENT_WORKFLOW
from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed, Workflow
from thidua.councils.models import Council, CouncilKind, Session, SessionStatus
from thidua.councils.services import SESSION_WORKFLOW
from thidua.initiatives.services import INITIATIVE_WORKFLOW
from thidua.org.models import EmulationCluster, RoleKind, UnitStatus
from thidua.org.services import UNIT_WORKFLOW
from thidua.org.tests.factories import make_user
from thidua.participation.models import Covenant, CovenantParty, PartyStatus, Work, WorkStatus
from thidua.participation.services import PARTY_WORKFLOW, WORK_WORKFLOW
from thidua.reports.models import (
    CampaignReview,
    FormStatus,
    ReportForm,
    ReportPeriod,
    ReviewStatus,
    Submission,
    SubmissionStatus,
)
from thidua.reports.services import FORM_WORKFLOW, REVIEW_WORKFLOW, SUBMISSION_WORKFLOW

pytestmark = pytest.mark.django_db
R = RoleKind
DAY = datetime.date(2025, 3, 1)

# The cast, around Long Biên (a district) and its CĐCS, the school; one of each role that could
# plausibly act, plus a sibling CĐCS, a sibling district and the city above.
CAST = {
    "school_chair": (R.GRASSROOTS_CHAIR, "school"),
    "school_officer": (R.GRASSROOTS_OFFICER, "school"),
    "member": (R.MEMBER, "school"),
    "company_chair": (R.GRASSROOTS_CHAIR, "company"),
    "lb_officer": (R.EMULATION_OFFICER, "long_bien"),
    "lb_chair": (R.STANDING_COMMITTEE, "long_bien"),
    "lb_viewer": (R.VIEWER, "long_bien"),
    "lb_council": (R.COUNCIL_MEMBER, "long_bien"),
    "gl_officer": (R.EMULATION_OFFICER, "gia_lam"),
    "hn_chair": (R.STANDING_COMMITTEE, "city"),
}
SCHOOL = frozenset({"school_chair", "school_officer"})  # the CĐCS acting for itself
LB_OFFICE = frozenset({"lb_officer", "lb_chair"})  # the district's office, for what it issues
ABOVE_SCHOOL = LB_OFFICE | {"hn_chair"}  # federation editors of a union above the school


@dataclass
class Case:
    workflow: Workflow
    make: Any  # (federation) -> the object, its state set by each cell
    # action → (states it leaves from, state it reaches, roles that may do it)
    expected: dict[str, tuple[set, str, frozenset]]


def _campaign(federation, **values):
    return Campaign.objects.create(issuer=federation.long_bien, title="Kế hoạch phát động thi đua năm 2025", **values)


def _council(federation):
    return Council.objects.create(unit=federation.school, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến")


def _submission(federation):
    form = ReportForm.objects.create(issuer=federation.long_bien, title="Báo cáo quý")
    period = ReportPeriod.objects.create(
        form=form, label="Quý I/2025", starts_on=DAY, ends_on=DAY, due_on=DAY + datetime.timedelta(days=14)
    )
    return Submission.objects.create(period=period, unit=federation.school)


def _party(federation):
    cluster = EmulationCluster.objects.create(name="Cụm thi đua số 1", organiser=federation.long_bien)
    covenant = Covenant.objects.create(cluster=cluster, year=2025, title="Giao ước thi đua", content="Nội dung")
    return CovenantParty.objects.create(covenant=covenant, unit=federation.school)


CASES = {
    # A CĐCS is merged, deactivated or reactivated by a union above it; only a standing committee
    # dissolves (2025 reform); the CĐCS never restructures itself.
    "unit": Case(
        UNIT_WORKFLOW,
        lambda f: f.school,
        {
            "merge": ({UnitStatus.ACTIVE}, UnitStatus.MERGED, ABOVE_SCHOOL),
            "dissolve": ({UnitStatus.ACTIVE}, UnitStatus.DISSOLVED, frozenset({"lb_chair", "hn_chair"})),
            "deactivate": ({UnitStatus.ACTIVE}, UnitStatus.INACTIVE, ABOVE_SCHOOL),
            "reactivate": ({UnitStatus.INACTIVE}, UnitStatus.ACTIVE, ABOVE_SCHOOL),
        },
    ),
    # Long Biên's plan: issued and closed by Long Biên only (a viewer, the city: no).
    "campaign": Case(
        CAMPAIGN_WORKFLOW,
        _campaign,
        {
            "issue": ({CampaignStatus.DRAFT}, CampaignStatus.ISSUED, LB_OFFICE),
            "close": ({CampaignStatus.ISSUED}, CampaignStatus.CLOSED, LB_OFFICE),
        },
    ),
    # The plan deployed to the school: the school acknowledges and launches it, nobody for it.
    "deployment": Case(
        DEPLOYMENT_WORKFLOW,
        lambda f: Deployment.objects.create(campaign=_campaign(f, status=CampaignStatus.ISSUED), unit=f.school),
        {
            "acknowledge": ({DeploymentStatus.DEPLOYED}, DeploymentStatus.ACKNOWLEDGED, SCHOOL),
            "launch": ({DeploymentStatus.DEPLOYED, DeploymentStatus.ACKNOWLEDGED}, DeploymentStatus.LAUNCHED, SCHOOL),
        },
    ),
    "work": Case(
        WORK_WORKFLOW,
        lambda f: Work.objects.create(campaign=_campaign(f), unit=f.school, name="Sửa sang thư viện trường"),
        {
            "complete_work": ({WorkStatus.REGISTERED}, WorkStatus.COMPLETED, SCHOOL),
            "inaugurate_work": ({WorkStatus.COMPLETED}, WorkStatus.INAUGURATED, SCHOOL),
        },
    ),
    # A covenant is signed by each party for itself: the district organising the cluster does not.
    "covenant_party": Case(
        PARTY_WORKFLOW,
        _party,
        {"sign_covenant": ({PartyStatus.PENDING}, PartyStatus.SIGNED, SCHOOL)},
    ),
    # The school's council: its session is closed or adjourned by the school's officers; a
    # council member votes, never closes.
    "council_session": Case(
        SESSION_WORKFLOW,
        lambda f: Session.objects.create(council=_council(f), held_on=DAY),
        {
            "close_session": ({SessionStatus.OPEN}, SessionStatus.CLOSED, SCHOOL),
            "adjourn_session": ({SessionStatus.OPEN}, SessionStatus.ADJOURNED, SCHOOL),
        },
    ),
    # The school fills and sends its report; a union above it (never the school itself, never a
    # sibling district) returns or accepts it.
    "report_submission": Case(
        SUBMISSION_WORKFLOW,
        _submission,
        {
            "save_report_draft": ({SubmissionStatus.PENDING}, SubmissionStatus.DRAFT, SCHOOL),
            "submit_report": (
                {SubmissionStatus.PENDING, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED},
                SubmissionStatus.SUBMITTED,
                SCHOOL,
            ),
            "return_report": ({SubmissionStatus.SUBMITTED}, SubmissionStatus.RETURNED, ABOVE_SCHOOL),
            "accept_report": ({SubmissionStatus.SUBMITTED}, SubmissionStatus.ACCEPTED, ABOVE_SCHOOL),
        },
    ),
    "report_form": Case(
        FORM_WORKFLOW,
        lambda f: ReportForm.objects.create(issuer=f.long_bien, title="Báo cáo quý"),
        {"publish_report_form": ({FormStatus.DRAFT}, FormStatus.PUBLISHED, LB_OFFICE)},
    ),
    "campaign_review": Case(
        REVIEW_WORKFLOW,
        lambda f: CampaignReview.objects.create(
            campaign=_campaign(f, status=CampaignStatus.ISSUED), issuer=f.long_bien, title="Báo cáo tổng kết", body="-"
        ),
        {"issue_review": ({ReviewStatus.DRAFT}, ReviewStatus.ISSUED, LB_OFFICE)},
    ),
    # An award decision is issued by the standing committee of its unit, not its office.
    "award_decision": Case(
        DECISION_WORKFLOW,
        lambda f: Decision.objects.create(unit=f.long_bien, title="Quyết định khen thưởng"),
        {"issue_award_decision": ({DecisionStatus.DRAFT}, DecisionStatus.ISSUED, frozenset({"lb_chair"}))},
    ),
}


@pytest.fixture
def cast(federation):
    return {name: make_user(name, kind, getattr(federation, unit)) for name, (kind, unit) in CAST.items()}


def _states(workflow: Workflow, obj) -> list[str]:
    return [value for value, _label in type(obj)._meta.get_field(workflow.state_field).choices]


def _expect(case: Case, state: str, action: str, role: str) -> str:
    sources, _target, who = case.expected[action]
    if state not in sources:
        return "not_allowed"
    return "ok" if role in who else "denied"


def _try(case: Case, obj, state: str, action: str, user) -> tuple[str, bool]:
    """The move's outcome from `state`, rolled back, and whether `allowed` offered it."""
    model, field = type(obj), case.workflow.state_field
    model._base_manager.filter(pk=obj.pk).update(**{field: state})
    fresh = model._base_manager.get(pk=obj.pk)
    offered = action in {t.action for t in case.workflow.allowed(fresh, user)}
    try:
        with transaction.atomic():
            moved = case.workflow.move(fresh, action, actor=user)
            assert getattr(model._base_manager.get(pk=obj.pk), field) == moved.target
            assert AuditEntry.objects.for_object(fresh).filter(verb=action, actor=user).exists()
            transaction.set_rollback(True)
    except TransitionNotAllowed:
        return "not_allowed", offered
    except PermissionDenied:
        return "denied", offered
    return "ok", offered


@pytest.mark.parametrize("name", list(CASES))
def test_the_expected_table_is_the_workflow_s_table(name):
    """A transition added, removed or re-pointed in the workflow fails here until the expected
    table (who may do it) is written for it."""
    case = CASES[name]
    declared = {t.action: (set(t.sources), t.target) for t in case.workflow.transitions}
    assert declared == {action: (sources, target) for action, (sources, target, _who) in case.expected.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_state_action_role(name, federation, cast):
    case = CASES[name]
    obj = case.make(federation)
    wrong = []
    for state in _states(case.workflow, obj):
        for action in sorted(case.workflow.actions):
            for role, user in cast.items():
                got, offered = _try(case, obj, state, action, user)
                want = _expect(case, state, action, role)
                if got != want or offered != (got == "ok"):
                    wrong.append(f"{state} × {action} × {role}: {got} (offered: {offered}), expected {want}")
    assert wrong == []


def test_a_grassroots_union_cannot_accept_or_return_its_own_report(federation, cast):
    case = CASES["report_submission"]
    submission = case.make(federation)
    for role in ("school_chair", "school_officer"):
        for action in ("accept_report", "return_report"):
            assert _try(case, submission, SubmissionStatus.SUBMITTED, action, cast[role]) == ("denied", False)
    # … nor a sibling district's office, nor a viewer above it.
    for role in ("gl_officer", "lb_viewer"):
        assert _try(case, submission, SubmissionStatus.SUBMITTED, "accept_report", cast[role]) == ("denied", False)
    assert _try(case, submission, SubmissionStatus.SUBMITTED, "accept_report", cast["lb_officer"]) == ("ok", True)


def test_an_emulation_office_cannot_issue_a_decision_nor_a_cdcs_its_own_deployment_for_another(federation, cast):
    decision = CASES["award_decision"]
    got = _try(decision, decision.make(federation), DecisionStatus.DRAFT, "issue_award_decision", cast["lb_officer"])
    assert got == ("denied", False)
    deployment = CASES["deployment"]
    got = _try(deployment, deployment.make(federation), DeploymentStatus.DEPLOYED, "launch", cast["company_chair"])
    assert got == ("denied", False)


def _every_workflow() -> set[str]:
    """Each module-level Workflow of the project's apps, as "module.NAME"."""
    found = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("thidua."):
            continue
        for module_name in ("services", "workflow"):
            try:
                module = importlib.import_module(f"{config.name}.{module_name}")
            except ModuleNotFoundError:
                continue
            found |= {f"{module.__name__}.{k}" for k, v in vars(module).items() if isinstance(v, Workflow)}
    return found


def test_every_workflow_has_its_state_action_role_test():
    """A new workflow declared in an app's services.py or workflow.py needs its table here."""
    tested = {id(c.workflow) for c in CASES.values()} | {id(NOMINATION_WORKFLOW), id(INITIATIVE_WORKFLOW)}
    untested = set()
    for path in _every_workflow():
        module, name = path.rsplit(".", 1)
        if id(getattr(importlib.import_module(module), name)) not in tested:
            untested.add(path)
    assert untested == set()
    assert len(tested) == 12
