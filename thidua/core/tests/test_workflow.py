import pytest
from django.core.exceptions import PermissionDenied

from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.models import RoleKind, Unit, UnitStatus
from thidua.org.services import UNIT_WORKFLOW
from thidua.org.tests.factories import SYSTEM, make_user


def test_move_changes_state_and_writes_audit(federation):
    city_officer = make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    UNIT_WORKFLOW.move(federation.company, "deactivate", actor=city_officer, reason="Giải thể", scope_path="x")
    assert Unit.objects.get(pk=federation.company.pk).status == UnitStatus.INACTIVE
    entry = AuditEntry.objects.for_object(federation.company).get(verb="deactivate")
    assert (entry.actor, entry.verb, entry.from_state, entry.to_state, entry.reason) == (
        city_officer,
        "deactivate",
        "Đang hoạt động",
        "Ngừng hoạt động",
        "Giải thể",
    )
    assert entry.actor_label == "Cán bộ Thi đua – Khen thưởng · LĐLĐ thành phố Hà Nội"


def test_undeclared_move_is_refused_with_vietnamese_message(federation):
    before = AuditEntry.objects.count()
    with pytest.raises(TransitionNotAllowed) as error:
        UNIT_WORKFLOW.move(federation.company, "reactivate", actor=SYSTEM)
    assert "Đang hoạt động" in str(error.value)
    assert AuditEntry.objects.count() == before


def test_move_without_permission_is_refused_and_nothing_changes(federation):
    cdcs_chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.company)
    before = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        UNIT_WORKFLOW.move(federation.company, "deactivate", actor=cdcs_chair)
    assert Unit.objects.get(pk=federation.company.pk).status == UnitStatus.ACTIVE
    assert AuditEntry.objects.count() == before
