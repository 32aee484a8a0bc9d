"""No action without a named actor (issue 16, item 6): a service or workflow move called with
`actor=None` used to skip its permission check and write an anonymous audit entry. Now None
is refused, and code that no person runs (commands, beat tasks, the demo) passes the explicit
system actor, which the audit trail names."""

import datetime

import pytest

from thidua.core import access, audit
from thidua.core.models import AuditEntry
from thidua.councils import services as councils
from thidua.councils.models import CouncilKind
from thidua.documents.models import DocType
from thidua.documents.services import take_number
from thidua.initiatives import services as initiatives
from thidua.org import services as org
from thidua.org.models import Member, Unit, UnitStatus
from thidua.org.services import UNIT_WORKFLOW
from thidua.org.tests.factories import MemberFactory, kind
from thidua.participation import services as participation
from thidua.participation.models import EmulationTitle


def _calls(federation):
    school = federation.school
    member = MemberFactory(unit=school)
    return {
        "update_unit": lambda: org.update_unit(None, school, phone="0243 999 999"),
        "create_root_unit": lambda: org.create_unit(None, parent=None, kind=kind("confederation"), name="Gốc lạ"),
        "unit_workflow": lambda: UNIT_WORKFLOW.move(federation.company, "deactivate", actor=None, reason="Giải thể"),
        "create_council": lambda: councils.create_council(
            None, unit=federation.long_bien, kind=CouncilKind.AWARD, name="Hội đồng không ai lập"
        ),
        "create_support_team": lambda: initiatives.create_support_team(
            None, unit=school, name="Tổ không ai lập", members=[]
        ),
        "register_titles": lambda: participation.register_titles(
            None, year=2026, member=member, titles=list(EmulationTitle.objects.all()[:1])
        ),
        "take_number": lambda: take_number(
            None, school, DocType.PLAN, issued_on=datetime.date(2026, 3, 2), title="Kế hoạch"
        ),
        "audit_record": lambda: audit.record(None, "update_unit", school),
    }


@pytest.mark.parametrize(
    "call",
    [
        "update_unit",
        "create_root_unit",
        "unit_workflow",
        "create_council",
        "create_support_team",
        "register_titles",
        "take_number",
        "audit_record",
    ],
)
def test_a_service_called_without_an_actor_is_refused_and_changes_nothing(federation, call):
    action = _calls(federation)[call]
    before = AuditEntry.objects.count(), Unit.objects.count(), Member.objects.count()
    with pytest.raises(access.MissingActor):
        action()
    assert AuditEntry.objects.count() == before[0]
    assert (Unit.objects.count(), Member.objects.count()) == before[1:]
    assert Unit.objects.get(pk=federation.company.pk).status == UnitStatus.ACTIVE
    assert Unit.objects.get(pk=federation.school.pk).phone != "0243 999 999"


def test_every_app_checks_through_the_one_choke_point():
    """The seven services' `_check` copies are the one `access.check` (which refuses None)."""
    from thidua.awards.services import common as awards  # the package's shared part (issue 19 item 5)
    from thidua.campaigns import services as campaigns
    from thidua.reports import services as reports

    for module in (org, councils, initiatives, reports, awards, participation, campaigns):
        assert module._check is access.check, module.__name__


def test_the_system_actor_acts_and_is_named_in_the_audit_trail(federation):
    actor = access.system_actor("send_report_reminders")
    org.update_unit(actor, federation.school, phone="0243 111 222")
    entry = AuditEntry.objects.for_object(federation.school).get(verb="update_unit")
    assert entry.actor is None
    assert entry.actor_label == "Hệ thống (send_report_reminders)"
    UNIT_WORKFLOW.move(federation.company, "deactivate", actor=actor, reason="Giải thể")
    entry = AuditEntry.objects.for_object(federation.company).get(verb="deactivate")
    assert entry.actor_label == "Hệ thống (send_report_reminders)"
