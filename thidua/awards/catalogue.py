"""The award catalogue as data: the titles and forms of commendation, their standing criteria and
the default dossier of each procedure (docs/domain.md "Emulation titles", "Union titles and forms",
"Dossiers and councils"; the KHEN THƯỞNG parts of seeds 000, 002 and 003).

Every figure (15 %, > 50 %, ≥ 70 %, "khá trở lên"…) is a column of a row loaded here, never a
constant of the code that reads it (`awards.eligibility`): the law and the union's rules change
and an administrator edits the rows.

`load_catalogue()` is idempotent. Rows are found by their key — an award kind by `code`, a
standing criterion by (award kind, no campaign, criterion kind, order), a default dossier
requirement by (no campaign, procedure, code) — and created when missing. A row that exists is
left as the administrator edited it, unless `reset=True` (`manage.py load_award_catalogue
--reset`) puts the defaults below back.

"One of" criteria. Chiến sĩ thi đua cơ sở needs Lao động tiên tiến *and one of*: a recognised
initiative, or excellent completion of tasks (or an accepted research work). The model has no
group field, so the catalogue follows one rule, which `awards.eligibility.verdict` applies: the
*required* criteria of a kind must all be met (or attested); its *not required* criteria are
alternatives, of which at least one must be met or attested. A kind without any non-required
criterion needs only its required ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from thidua.awards.models import (
    AwardCategory,
    AwardKind,
    Criterion,
    CriterionKind,
    DossierRequirement,
    SubjectKind,
)
from thidua.campaigns.models import Procedure

# What a kind rests on, by name and article only: which law and which union rules a paper
# cites depends on its date, and comes from documents' dated table (documents.legal, which
# reads these names: "Luật Thi đua, khen thưởng, Điều 24" → the law in force that day).
LAW = "Luật Thi đua, khen thưởng"
UNION_RULES = "Quy chế khen thưởng của tổ chức Công đoàn"
CLUSTER_GUIDE = "Hướng dẫn 1723/HD-TLĐ về cụm, khối thi đua"

C = CriterionKind


@dataclass(frozen=True)
class CriterionSpec:
    kind: str
    label: str
    source: str
    order: int
    threshold: Decimal | None = None
    strict: bool = False
    years: int | None = None
    rating_rank: int | None = None
    related: str = ""  # code of the related award kind
    is_required: bool = True


@dataclass(frozen=True)
class KindSpec:
    code: str
    name: str
    category: str
    subject: str
    issuer_level: int | None
    legal_basis: str
    order: int
    cap_of: str = ""
    cap_percent: Decimal | None = None
    once_in_life: bool = False
    criteria: tuple[CriterionSpec, ...] = field(default_factory=tuple)


LDTT = "lao-dong-tien-tien"
CSTDCS = "chien-si-thi-dua-co-so"

KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        code=LDTT,
        name="Lao động tiên tiến",
        category=AwardCategory.STATE_TITLE,
        subject=SubjectKind.INDIVIDUAL,
        issuer_level=3,
        legal_basis=f"{LAW}, Điều 24",
        order=10,
        criteria=(
            CriterionSpec(
                C.MEMBER_RATING,
                "Được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên trong năm",
                f"{LAW}, Điều 24 (hoàn thành tốt nhiệm vụ trở lên)",
                order=10,
                rating_rank=2,
            ),
            CriterionSpec(
                C.REGISTERED,
                "Đã đăng ký thi đua danh hiệu Lao động tiên tiến từ đầu năm",
                f"{LAW}, Điều 24 (tham gia các phong trào thi đua); thực tiễn xét chọn ở công đoàn cơ sở: "
                "không đăng ký thi đua đầu năm thì không xét",
                order=20,
            ),
        ),
    ),
    KindSpec(
        code=CSTDCS,
        name="Chiến sĩ thi đua cơ sở",
        category=AwardCategory.STATE_TITLE,
        subject=SubjectKind.INDIVIDUAL,
        issuer_level=3,
        legal_basis=f"{LAW}, Điều 23",
        order=20,
        cap_of=LDTT,
        cap_percent=Decimal("15"),
        criteria=(
            CriterionSpec(
                C.AWARD_STREAK,
                "Đạt danh hiệu Lao động tiên tiến trong năm",
                f"{LAW}, Điều 23",
                order=10,
                years=1,
                related=LDTT,
            ),
            CriterionSpec(
                C.INITIATIVE,
                "Có sáng kiến được công nhận trong năm (một trong hai tiêu chuẩn)",
                f"{LAW}, Điều 23 (có sáng kiến được công nhận)",
                order=20,
                threshold=Decimal("1"),
                is_required=False,
            ),
            CriterionSpec(
                C.ATTESTED,
                "Hoàn thành xuất sắc nhiệm vụ, hoặc có đề tài nghiên cứu được nghiệm thu (một trong hai tiêu chuẩn)",
                f"{LAW}, Điều 23 (hoàn thành xuất sắc nhiệm vụ; đề tài khoa học được nghiệm thu)",
                order=30,
                is_required=False,
            ),
        ),
    ),
    KindSpec(
        code="tap-the-lao-dong-tien-tien",
        name="Tập thể lao động tiên tiến",
        category=AwardCategory.STATE_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=3,
        legal_basis=f"{LAW}, Điều 28",
        order=30,
        criteria=(
            CriterionSpec(
                C.MEMBER_SHARE,
                "Trên 50 % cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
                f"{LAW}, Điều 28",
                order=10,
                threshold=Decimal("50"),
                strict=True,
                related=LDTT,
            ),
            CriterionSpec(
                C.ATTESTED,
                "Hoàn thành tốt nhiệm vụ và kế hoạch được giao; nội bộ đoàn kết",
                f"{LAW}, Điều 28",
                order=20,
            ),
        ),
    ),
    KindSpec(
        code="tap-the-lao-dong-xuat-sac",
        name="Tập thể lao động xuất sắc",
        category=AwardCategory.STATE_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=2,
        legal_basis=f"{LAW}, Điều 27",
        order=40,
        criteria=(
            CriterionSpec(
                C.MEMBER_SHARE,
                "Có từ 70 % cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
                f"{LAW}, Điều 27",
                order=10,
                threshold=Decimal("70"),
                related=LDTT,
            ),
            # "At least one" as a share: more than 0 % of the members is at least one member.
            CriterionSpec(
                C.MEMBER_SHARE,
                "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
                f"{LAW}, Điều 27",
                order=20,
                threshold=Decimal("0"),
                strict=True,
                related=CSTDCS,
            ),
            # "100 % hoàn thành nhiệm vụ": every member rated "Hoàn thành nhiệm vụ" (rank 3 of
            # the four-level scale) or better — a share of ratings, no related title.
            CriterionSpec(
                C.MEMBER_SHARE,
                "100 % cá nhân trong tập thể hoàn thành nhiệm vụ được giao (xếp loại “Hoàn thành nhiệm vụ” trở lên)",
                f"{LAW}, Điều 27",
                order=30,
                threshold=Decimal("100"),
                rating_rank=3,
            ),
            CriterionSpec(
                C.ATTESTED,
                "Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ; nội bộ đoàn kết, gương mẫu chấp hành pháp luật",
                f"{LAW}, Điều 27",
                order=40,
            ),
        ),
    ),
    KindSpec(
        code="doan-vien-cong-doan-xuat-sac",
        name="Đoàn viên công đoàn xuất sắc",
        category=AwardCategory.UNION_TITLE,
        subject=SubjectKind.INDIVIDUAL,
        issuer_level=2,
        legal_basis=UNION_RULES,
        order=50,
        criteria=(
            CriterionSpec(
                C.MEMBER_RATING,
                "Đoàn viên được xếp loại ở mức cao nhất trong năm (“Hoàn thành xuất sắc nhiệm vụ”)",
                UNION_RULES,
                order=10,
                rating_rank=1,
            ),
        ),
    ),
    KindSpec(
        code="cong-doan-co-so-vung-manh",
        name="Công đoàn cơ sở vững mạnh",
        category=AwardCategory.UNION_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=2,
        legal_basis=UNION_RULES,
        order=60,
        criteria=(
            CriterionSpec(
                C.UNIT_RATING,
                "Công đoàn cơ sở được xếp loại ở mức cao nhất trong năm (“vững mạnh”, “Hoàn thành xuất sắc nhiệm vụ”)",
                f"{UNION_RULES}; Kế hoạch 26/KH-LĐLĐ ngày 01/4/2019 của LĐLĐ quận Long Biên, mục V.2.1 (được xếp loại Công đoàn vững mạnh)",
                order=10,
                rating_rank=1,
            ),
        ),
    ),
    KindSpec(
        code="to-cong-doan-vung-manh",
        name="Tổ công đoàn vững mạnh",
        category=AwardCategory.UNION_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=3,
        legal_basis=UNION_RULES,
        order=70,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Tổ công đoàn được Ban Chấp hành công đoàn cơ sở đánh giá vững mạnh trong năm",
                UNION_RULES,
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="giay-khen-cdcs",
        name="Giấy khen của Ban Chấp hành công đoàn cơ sở",
        category=AwardCategory.FORM,
        subject=SubjectKind.BOTH,
        issuer_level=3,
        legal_basis=f"{UNION_RULES}; {LAW} (hình thức Giấy khen)",
        order=80,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Có thành tích được tập thể bình xét, ghi nhận (tóm tắt thành tích có xác nhận)",
                f"{UNION_RULES}; Kế hoạch 26/KH-LĐLĐ ngày 01/4/2019 của LĐLĐ quận Long Biên, mục V.3.1",
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="giay-khen-cap-tren-co-so",
        name="Giấy khen của Công đoàn cấp trên trực tiếp cơ sở",
        category=AwardCategory.FORM,
        subject=SubjectKind.BOTH,
        issuer_level=2,
        legal_basis=f"{UNION_RULES}; {LAW} (hình thức Giấy khen)",
        order=90,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Có thành tích xuất sắc, được công đoàn cơ sở bình chọn công khai, dân chủ",
                f"{UNION_RULES}; Kế hoạch 32/KH-LĐLĐ ngày 21/8/2023 của LĐLĐ quận Long Biên, mục IV.1 (lựa chọn công khai, dân chủ từ cơ sở)",
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="bang-khen-ldld-tinh",
        name="Bằng khen của Liên đoàn Lao động tỉnh, thành phố",
        category=AwardCategory.FORM,
        subject=SubjectKind.BOTH,
        issuer_level=1,
        legal_basis=UNION_RULES,
        order=100,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Có thành tích xuất sắc, tiêu biểu, có phạm vi ảnh hưởng trong địa phương, ngành",
                UNION_RULES,
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="co-thi-dua-ldld-tinh",
        name="Cờ thi đua của Liên đoàn Lao động tỉnh, thành phố",
        category=AwardCategory.UNION_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=1,
        legal_basis=f"{UNION_RULES}; {LAW}, Điều 25–26",
        order=110,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Được cụm, khối thi đua suy tôn là đơn vị dẫn đầu tại hội nghị tổng kết năm",
                f"{LAW}, Điều 26; {CLUSTER_GUIDE}",
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="bang-khen-tong-ldld",
        name="Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
        category=AwardCategory.FORM,
        subject=SubjectKind.BOTH,
        issuer_level=0,
        legal_basis=UNION_RULES,
        order=120,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Có thành tích xuất sắc, tiêu biểu, có phạm vi ảnh hưởng trong toàn quốc hoặc toàn ngành",
                UNION_RULES,
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="co-thi-dua-tong-ldld",
        name="Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam",
        category=AwardCategory.UNION_TITLE,
        subject=SubjectKind.COLLECTIVE,
        issuer_level=0,
        legal_basis=f"{UNION_RULES}; {LAW}, Điều 25",
        order=130,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Được cụm, khối thi đua của Tổng Liên đoàn suy tôn là đơn vị dẫn đầu",
                f"{LAW}, Điều 25; {CLUSTER_GUIDE}",
                order=10,
            ),
        ),
    ),
    KindSpec(
        code="bieu-duong",
        name="Biểu dương",
        category=AwardCategory.PRAISE,
        subject=SubjectKind.BOTH,
        issuer_level=None,
        legal_basis=f"{UNION_RULES} (biểu dương); Kế hoạch 32/KH-LĐLĐ ngày 21/8/2023 của LĐLĐ quận Long Biên, mục IV; Kế hoạch 26/KH-LĐLĐ ngày 01/4/2019 của LĐLĐ quận Long Biên, mục V.3",
        order=140,
        criteria=(
            CriterionSpec(
                C.ATTESTED,
                "Có hành động, việc làm cụ thể, thiết thực, hiệu quả trong phong trào thi đua",
                "Kế hoạch 32/KH-LĐLĐ ngày 21/8/2023 của LĐLĐ quận Long Biên, mục IV.1; Kế hoạch 26/KH-LĐLĐ ngày 01/4/2019 của LĐLĐ quận Long Biên, mục V.3",
                order=10,
            ),
        ),
    ),
)


@dataclass(frozen=True)
class RequirementSpec:
    code: str
    name: str
    order: int
    procedures: tuple[str, ...]
    subject: str = ""
    generated: bool = False
    is_required: bool = True


S, R = Procedure.STANDARD, Procedure.SIMPLIFIED

# Seeds 000 ("Tờ trình … kèm theo tóm tắt thành tích; báo cáo thành tích"), 002 (simplified:
# "Tờ trình; Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị") and 003 ("Tờ trình …
# kèm theo danh sách; báo cáo tóm tắt; Quyết định công nhận sáng kiến; Trích biên bản họp").
REQUIREMENTS: tuple[RequirementSpec, ...] = (
    RequirementSpec("to-trinh", "Tờ trình đề nghị khen thưởng", 10, (S, R), generated=True),
    RequirementSpec("danh-sach", "Danh sách tập thể, cá nhân đề nghị khen thưởng", 20, (S, R), generated=True),
    # Standard procedure: the full report for everyone, the short summary for individuals too
    # (seed 003: "Báo cáo tóm tắt nội dung đề xuất, sáng kiến của cá nhân").
    RequirementSpec(
        "tom-tat-thanh-tich",
        "Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị",
        30,
        (S,),
        subject=SubjectKind.INDIVIDUAL,
    ),
    RequirementSpec(
        "bao-cao-thanh-tich",
        "Báo cáo thành tích của tập thể, cá nhân, có xác nhận của thủ trưởng đơn vị",
        40,
        (S,),
    ),
    RequirementSpec(
        "bien-ban-hop",
        "Trích biên bản họp và kết quả bỏ phiếu xét chọn của Hội đồng Thi đua – Khen thưởng (Ban Chấp hành)",
        50,
        (S, R),
    ),
    RequirementSpec(
        "quyet-dinh-sang-kien",
        "Quyết định công nhận sáng kiến (với khen thưởng dựa trên sáng kiến)",
        60,
        (S,),
        is_required=False,
    ),
)
# Simplified procedure: the short summary replaces the report, for collectives and individuals.
SIMPLIFIED_SUMMARY = RequirementSpec(
    "tom-tat-thanh-tich", "Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị", 30, (R,)
)


def _requirement_rows() -> list[tuple[str, RequirementSpec]]:
    rows = [(procedure, spec) for spec in REQUIREMENTS for procedure in spec.procedures]
    rows.append((Procedure.SIMPLIFIED, SIMPLIFIED_SUMMARY))
    return sorted(rows, key=lambda r: (r[0], r[1].order))


def _put(model, reset: bool, defaults: dict, **key) -> tuple:
    """Create the row found by `key` with `defaults`; overwrite an existing one only on reset.
    Returns (row, whether its defaults were written)."""
    if reset:
        return model.objects.update_or_create(**key, defaults=defaults)[0], True
    return model.objects.get_or_create(**key, defaults=defaults)


@transaction.atomic
def load_catalogue(*, reset: bool = False) -> None:
    """Create the award kinds, their standing criteria and the default dossier requirements
    (idempotent; see the module's docstring)."""
    kinds: dict[str, AwardKind] = {}
    written: set[str] = set()
    for spec in KINDS:
        kinds[spec.code], fresh = _put(
            AwardKind,
            reset,
            {
                "name": spec.name,
                "category": spec.category,
                "subject": spec.subject,
                "issuer_level": spec.issuer_level,
                "legal_basis": spec.legal_basis,
                "once_in_life": spec.once_in_life,
                "order": spec.order,
            },
            code=spec.code,
        )
        if fresh:
            written.add(spec.code)
    for spec in KINDS:
        kind = kinds[spec.code]
        if spec.cap_of and spec.code in written:
            kind.cap_of, kind.cap_percent = kinds[spec.cap_of], spec.cap_percent
            kind.save(update_fields=["cap_of", "cap_percent"])
        for c in spec.criteria:
            _put(
                Criterion,
                reset,
                {
                    "label": c.label,
                    "threshold": c.threshold,
                    "strict": c.strict,
                    "years": c.years,
                    "rating_rank": c.rating_rank,
                    "related_kind": kinds[c.related] if c.related else None,
                    "source": c.source,
                    "is_required": c.is_required,
                },
                award_kind=kind,
                campaign=None,
                kind=c.kind,
                order=c.order,
            )
    for procedure, spec in _requirement_rows():
        _put(
            DossierRequirement,
            reset,
            {
                "name": spec.name,
                "subject": spec.subject,
                "generated": spec.generated,
                "is_required": spec.is_required,
                "order": spec.order,
            },
            campaign=None,
            procedure=procedure,
            code=spec.code,
        )
