"""What the plan importer finds in a document: plain dataclasses, JSON-ready.

Every extracted piece keeps ``source``: the sentence (or line) of the document it was read
from, so the review page can show the two side by side and the officer can judge it.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field


class PlanImportError(ValueError):
    """The upload cannot be read at all (empty, binary, not a plan). Message in Vietnamese."""


@dataclass
class Reference:
    """A document named in the basis paragraph ("Thực hiện Kế hoạch số 107-KH/QU ngày …")."""

    relation: str  # as printed, capitalised: "Thực hiện", "Căn cứ", "Hưởng ứng", "Trên cơ sở"
    number: str | None  # number and symbol as printed, spaces removed: "107-KH/QU", "31/2020/QĐ-UBND"
    date: datetime.date | None
    issuer: str | None  # "Quận ủy Long Biên"
    doc_kind: str = ""  # "Kế hoạch", "Quyết định", "Hướng dẫn", "Nghị quyết", …
    title: str = ""  # the trích yếu after "về …", when printed
    source: str = ""


@dataclass
class Deadline:
    date: datetime.date
    what: str  # the sentence, trimmed to the duty
    who: str = ""  # who it binds ("Công đoàn cơ sở", "các CĐCS"), empty when the text does not say
    source: str = ""


@dataclass
class Periodic:
    period: str  # "quý", "6 tháng", "năm", "tháng"
    rule: str  # "trước ngày 15 tháng cuối quý", as printed
    what: str
    source: str = ""


@dataclass
class Section:
    heading: str  # without its numbering ("MỤC ĐÍCH, YÊU CẦU")
    level: int  # 1 = Roman numeral / "##", 2 = "1.", 3 = "1.1." or "a)"
    numbering: str = ""  # "I.", "1.", "1.1.", "a)"
    body: str = ""  # the text under the heading up to the next heading, bullets kept as "- " lines
    target_sector: str = ""  # "enterprise" | "public_service" | "school" | "" (thidua.org.models.Sector)
    part: str = ""  # a thidua.campaigns.models.SectionPart value, "" when unknown


@dataclass
class Responsibility:
    level: str  # "Liên đoàn Lao động quận", "Các công đoàn cơ sở"
    body: str
    source: str = ""


@dataclass
class PlanExtract:
    doc_type: str | None = None  # "KẾ HOẠCH", "HƯỚNG DẪN", "QUYẾT ĐỊNH", "THÔNG BÁO", "BÁO CÁO", "CÔNG VĂN"
    number: str | None = None  # the numeral as text: "32"; None when blank (a draft)
    symbol: str | None = None  # without spaces: "KH-LĐLĐ"
    issuer: str | None = None
    issuer_parent: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    movement_names: list[str] = field(default_factory=list)
    implements: list[Reference] = field(default_factory=list)
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    end_condition: str | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    periodic: list[Periodic] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # The reward part.
    reward_targets: str = ""
    collective_criteria: list[str] = field(default_factory=list)
    individual_criteria: list[str] = field(default_factory=list)
    quota: str = ""
    dossier: list[str] = field(default_factory=list)
    procedure: str = ""  # "standard" | "simplified" | ""
    award_forms: list[str] = field(default_factory=list)
    nomination_due: datetime.date | None = None
    nomination_due_text: str = ""  # "có thông báo sau" when no date is given
    responsibilities: list[Responsibility] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_title: str | None = None  # lines joined with " / ": "TM. BAN THƯỜNG VỤ / CHỦ TỊCH"
    signer_name: str | None = None
    emails: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # phone numbers, Zalo, addresses as printed
    # The source line or sentence each scalar field was read from, keyed by field name.
    evidence: dict[str, str] = field(default_factory=dict)
    # What was looked for and not found, or found but doubtful, in Vietnamese for the reviewer.
    warnings: list[str] = field(default_factory=list)

    JSON_KEYS = (
        "doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "date", "title",
        "implements", "period_start", "period_end", "end_condition", "deadlines", "periodic",
        "sections", "award_forms", "collective_criteria", "individual_criteria", "dossier",
        "recipients", "signer_title", "signer_name", "emails",
    )  # fmt: skip

    def as_json(self) -> dict:
        """The keys the issue fixes, in its order; dates ISO, sub-objects trimmed to their keys."""

        def iso(d):
            return d.isoformat() if d else None

        out = {}
        for key in self.JSON_KEYS:
            value = getattr(self, key)
            if key == "implements":
                value = [
                    {"relation": r.relation, "number": r.number, "date": iso(r.date), "issuer": r.issuer} for r in value
                ]
            elif key == "deadlines":
                value = [{"date": iso(d.date), "what": d.what} for d in value]
            elif key == "periodic":
                value = [{"period": p.period, "rule": p.rule, "what": p.what} for p in value]
            elif key == "sections":
                value = [{"heading": s.heading, "level": s.level} for s in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            out[key] = value
        return out

    def as_dict(self) -> dict:
        """Everything, for the review page's hidden state (dates ISO)."""
        return _jsonable(dataclasses.asdict(self))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
