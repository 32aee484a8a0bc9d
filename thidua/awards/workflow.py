"""The one state machine of a nomination (core.workflow), with who may move it.

    DRAFT ──submit──▶ SUBMITTED ──accept──▶ ACCEPTED ──to_council──▶ AT_COUNCIL
      │                 │  ▲                                           │
      │          return │  │ resubmit                   council_pass   │   council_reject
      │                 ▼  │                              ▼                   ▼
      │              RETURNED                        RECOMMENDED        NOT_RECOMMENDED
      │                                                 │    │
      └─withdraw (from DRAFT, SUBMITTED, RETURNED)     award  forward
           ▼                                            ▼    ▼
        WITHDRAWN                                 AWARDED  FORWARDED ──accept / return──▶ …

(each action is named `<action>_nomination` or `nomination_<action>` in the table below).

Forwarding upward ("đề nghị cấp trên khen thưởng", issue 8 §7). A RECOMMENDED nomination
whose award kind is decided by a higher level than the one handling it (`award_kind.
issuer_level` < `level.kind.level`) is forwarded: `level` becomes the parent federation and
the status FORWARDED. FORWARDED is the upper level's "submitted": it sits in that level's
queue and the same review continues from it — `accept` and `return` take SUBMITTED and
FORWARDED alike, so no second set of states is needed and the status still says, on the
proposing unit's list, that the nomination went up. A nomination returned by the upper level
goes back to the proposing CĐCS (whose dossier it is), and its resubmission lands in the queue
of the level that returned it (`level` does not change on return). The proposing unit's
quota and the lower level's council vote stay counted: the nomination stays living.

The council's result comes from the award council's session (councils app,
`councils.subjects.record_council_result`), not from a button; the award comes from
`services.issue_decision`.
"""

from django.utils.translation import gettext_lazy as _

from thidua.awards.models import DecisionStatus, NominationStatus
from thidua.core.workflow import Transition, Workflow

S = NominationStatus

# Action names are also the audit trail's verbs, whose labels are shared by every app
# (core.models.VERB_LABELS): "submit" and "forward" already mean an initiative's registration
# and a campaign's deployment, so the nomination's actions carry their own names.
NOMINATION_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition("submit_nomination", (S.DRAFT,), S.SUBMITTED, "awards.submit", _("Gửi hồ sơ đề nghị khen thưởng")),
        Transition("resubmit_nomination", (S.RETURNED,), S.SUBMITTED, "awards.submit", _("Gửi lại hồ sơ đã bổ sung")),
        Transition(
            "return_nomination",
            (S.SUBMITTED, S.FORWARDED),
            S.RETURNED,
            "awards.review",
            _("Trả lại hồ sơ để bổ sung"),
        ),
        Transition(
            "accept_nomination", (S.SUBMITTED, S.FORWARDED), S.ACCEPTED, "awards.review", _("Tiếp nhận hồ sơ hợp lệ")
        ),
        Transition(
            "nomination_to_council",
            (S.ACCEPTED,),
            S.AT_COUNCIL,
            "awards.review",
            _("Trình Hội đồng Thi đua – Khen thưởng"),
        ),
        Transition(
            "nomination_council_pass",
            (S.AT_COUNCIL,),
            S.RECOMMENDED,
            "awards.council_result",
            _("Hội đồng Thi đua – Khen thưởng đề nghị khen thưởng"),
        ),
        Transition(
            "nomination_council_reject",
            (S.AT_COUNCIL,),
            S.NOT_RECOMMENDED,
            "awards.council_result",
            _("Hội đồng Thi đua – Khen thưởng không đề nghị"),
        ),
        Transition(
            "forward_nomination", (S.RECOMMENDED,), S.FORWARDED, "awards.forward", _("Đề nghị cấp trên khen thưởng")
        ),
        Transition("award_nomination", (S.RECOMMENDED,), S.AWARDED, "awards.decide", _("Quyết định khen thưởng")),
        Transition(
            "withdraw_nomination",
            (S.DRAFT, S.SUBMITTED, S.RETURNED),
            S.WITHDRAWN,
            "awards.withdraw",
            _("Rút đề nghị khen thưởng"),
        ),
    ],
)
ACTIONS = [t.action for t in NOMINATION_WORKFLOW.transitions]

# An award decision is drafted and issued in one transaction by `services.issue_decision`: made
# a draft, its awards attached and its nominations moved to AWARDED, then issued with its number
# (the standing committee of its unit: awards.issue_decision; each nomination: awards.decide).
DECISION_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "issue_award_decision",
            (DecisionStatus.DRAFT,),
            DecisionStatus.ISSUED,
            "awards.issue_decision",
            _("Ban hành quyết định khen thưởng"),
        ),
    ],
)
# What people do by hand on a nomination's page (the others come from the batch, the council
# session and the decision).
MANUAL_ACTIONS = (
    "resubmit_nomination",
    "return_nomination",
    "accept_nomination",
    "nomination_to_council",
    "forward_nomination",
    "withdraw_nomination",
)
# The queue of a level: what waits for its office.
WAITING_STATUSES = (S.SUBMITTED, S.FORWARDED)

AUDIT_VERBS = {
    **{t.action: t.label for t in NOMINATION_WORKFLOW.transitions},
    "create_nomination": _("Lập đề nghị khen thưởng"),
    "update_nomination": _("Sửa đề nghị khen thưởng"),
    "attest_criterion": _("Xác nhận tiêu chuẩn khen thưởng"),
    "add_dossier_file": _("Thêm tệp hồ sơ khen thưởng"),
    "remove_dossier_file": _("Xóa tệp hồ sơ khen thưởng"),
    "allocate_quota": _("Phân bổ chỉ tiêu khen thưởng"),
    "offer_awards": _("Chọn hình thức khen thưởng của kế hoạch"),
    "issue_award_decision": _("Ban hành quyết định khen thưởng"),
    "record_award": _("Ghi khen thưởng đã có"),
}
