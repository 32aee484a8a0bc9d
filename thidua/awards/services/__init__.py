"""Writing the awards flow: what a campaign offers and its quotas, nominations with their
dossiers, the review, the council's result, forwarding upward, the numbered decision and the
record. Each function takes the acting user and plain values, runs in one transaction and
writes the audit trail; refusals are ValidationErrors in Vietnamese, keyed to the field they
are about, raised before anything is written. Files are checked by content and stored in the
transaction (core.attachments). The nomination's states move only through
`workflow.NOMINATION_WORKFLOW`.

A package of one module per stage of the flow (`setup`, `nominating`, `review`, `deciding`; `common`
for what they share). Pages and other apps keep importing `from thidua.awards import services` and
calling `services.X`: every write is re-exported here. The reads (what a campaign says, a unit's
quota left, the dossier's checklist) live in `awards.queries`; they are re-exported here too for
the callers written before the split — new code imports them from `queries`.
"""

from thidua.awards.queries import (  # noqa: F401 — re-exported for callers of services.X
    campaign_year,
    due_date,
    handling_level,
    is_form,
    is_small_collective,
    living,
    missing_requirements,
    procedure_of,
    quota_left,
    quota_units,
    requirements_for,
    subject_kind,
)
from thidua.awards.services.deciding import (  # noqa: F401
    default_title,
    issue_decision,
    record_award,
)
from thidua.awards.services.nominating import (  # noqa: F401
    add_dossier_file,
    attest,
    nominate,
    remove_dossier_file,
    update_nomination,
)
from thidua.awards.services.review import (  # noqa: F401
    CriteriaNotConfirmed,
    accept,
    forward,
    resubmit,
    return_nomination,
    send_to_council,
    store_checks,
    submit_batch,
    withdraw,
)
from thidua.awards.services.setup import (  # noqa: F401
    allocate_quotas,
    offer_awards,
)
