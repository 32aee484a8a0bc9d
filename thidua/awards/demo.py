"""The awards stage of the demo federation (`manage.py load_demo`): the award catalogue, and
Long Biên's seed-000 campaign (20 năm Ngày thành lập quận, 2023) playing out its awards —
the kinds it offers, quotas for every CĐCS, nominations of the first CĐCS in every state
(a draft, sent, returned with a reason, accepted, at the award council, recommended, not
recommended, forwarded to Hà Nội for a Bằng khen) and one numbered decision of the district
with its awards on the record.

Everything goes through the services (dossier files are small PDFs), so numbers, states and
the audit trail are what production would have. No randomness: people are taken in the
order of the tree. Rerunning adds nothing once the campaign has nominations."""

import datetime
import functools
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from thidua.awards import queries, services
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind, Nomination
from thidua.campaigns.models import Campaign
from thidua.core.demo import SYSTEM
from thidua.councils import services as councils
from thidua.councils.models import Council, CouncilKind, CouncilRole, Recusal
from thidua.documents import rendering
from thidua.org.models import Member, Unit

D = datetime.date
SEED_000 = "kỷ niệm 20 năm Ngày thành lập quận Long Biên"
OFFERS = ("giay-khen-cap-tren-co-so", "lao-dong-tien-tien", "cong-doan-co-so-vung-manh", "bang-khen-ldld-tinh")
QUOTAS = {"giay-khen-cap-tren-co-so": 2, "lao-dong-tien-tien": 3, "cong-doan-co-so-vung-manh": 1}
SESSION_ON, DECIDED_ON = D(2023, 10, 10), D(2023, 10, 20)
ACHIEVEMENT = {
    "giay-khen-cap-tren-co-so": "Tích cực hưởng ứng đợt thi đua cao điểm; hoàn thành xuất sắc nhiệm vụ; tham gia công trình chào mừng 20 năm thành lập quận.",
    "lao-dong-tien-tien": "Hoàn thành tốt nhiệm vụ được giao, chấp hành tốt chủ trương, chính sách; tích cực học tập nâng cao trình độ.",
    "cong-doan-co-so-vung-manh": "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ năm 2023; 100% đoàn viên đăng ký thi đua; có công trình chào mừng.",
    "bang-khen-ldld-tinh": "Có thành tích xuất sắc tiêu biểu trong đợt thi đua cao điểm, được Công đoàn cơ sở và LĐLĐ quận đề nghị.",
}
# (CĐCS index, subject: member index or "unit" or "group", kind, final state)
PLAN = (
    (0, 0, "giay-khen-cap-tren-co-so", "awarded"),
    (0, "unit", "cong-doan-co-so-vung-manh", "returned"),
    (0, 1, "lao-dong-tien-tien", "draft"),
    (1, 0, "bang-khen-ldld-tinh", "forwarded"),
    (1, "group", "giay-khen-cap-tren-co-so", "awarded"),
    (1, 1, "lao-dong-tien-tien", "recommended"),
    (2, 0, "giay-khen-cap-tren-co-so", "at_council"),
    (2, 1, "lao-dong-tien-tien", "not_recommended"),
    (3, 0, "giay-khen-cap-tren-co-so", "submitted"),
    (3, 1, "lao-dong-tien-tien", "accepted"),
)
CONFIRM_REASON = "Đơn vị đã họp xét, cá nhân hoàn thành tốt nhiệm vụ; xếp loại năm chưa cập nhật lên thidua."
RETURN_REASON = "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; đề nghị bổ sung biên bản họp xét chọn."


@functools.cache
def _dossier_pdf(title: str) -> bytes:
    """A one-page paper any PDF reader opens, titled as the dossier asks ("Báo cáo thành
    tích…"). Rendered through the documents' own Typst template once per title and reused:
    a few distinct titles, a few milliseconds each, so the demo loads no slower. (Hand-written
    "%PDF" stubs were called damaged by every reader: /tep/<id>/ served a file nobody could open.)"""
    paper = rendering.OfficialDocument(
        superior_line="",
        body_line="Dữ liệu mẫu thidua",
        number_line="",
        date_line="",
        type_name=title,
        summary=["(tài liệu minh họa trong hồ sơ đề nghị khen thưởng)"],
        body=[
            rendering.Paragraph(
                "Đây là tệp minh họa do dữ liệu mẫu tạo ra, thay cho bản chụp tài liệu mà đơn vị tải lên hồ sơ."
            )
        ],
        signer_lines=["NGƯỜI LẬP"],
        signer_name="Dữ liệu mẫu",
    )
    return rendering.render_pdf(paper)


def _pdf(name: str, title: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _dossier_pdf(title), content_type="application/pdf")


def _council(long_bien: Unit, exclude: set[int], cdcs: list[Unit]) -> Council:
    council = Council.objects.filter(unit=long_bien, kind=CouncilKind.AWARD).first()
    if council is None:
        council = councils.create_council(
            SYSTEM, unit=long_bien, kind=CouncilKind.AWARD, name="Hội đồng Thi đua – Khen thưởng LĐLĐ quận Long Biên"
        )
    if not council.members.exists():
        # The district's council sits members of the CĐCS below it, none of them nominated.
        pool = Member.objects.filter(unit__in=cdcs[4:8]).exclude(pk__in=exclude).order_by("unit__path", "id")
        roles = (CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.MEMBER, CouncilRole.MEMBER, CouncilRole.MEMBER)
        for member, role in zip(pool[:5], roles, strict=False):
            councils.add_member(SYSTEM, council, member=member, role=role)
    return council


def _sit(council: Council, nominations: list[Nomination], verdicts: dict[int, bool]) -> None:
    """One session of the award council taking up the nominations; the secretariat enters the
    show of hands (the nominee recused)."""
    session = councils.open_session(SYSTEM, council, held_on=SESSION_ON, place="Hội trường LĐLĐ quận")
    for nomination in nominations:
        item = councils.add_to_agenda(SYSTEM, session, nomination)
        recused = set(Recusal.objects.filter(item=item).values_list("council_member_id", flat=True))
        agree = verdicts[nomination.pk]
        for n, seat in enumerate(council.members.order_by("pk")):
            if seat.pk in recused:
                continue
            scores = {c.pk: (c.max_score - 8 - n * 2) if agree else c.max_score // 3 for c in council.criteria.all()}
            councils.record_paper_ballot(SYSTEM, item, seat=seat, agree=agree if n != 4 else not agree, scores=scores)
    councils.close_session(SYSTEM, session)


def _subject(unit: Unit, people: list[Member], which) -> dict:
    if which == "unit":
        return {"subject_unit": unit}
    if which == "group":
        group = Unit.objects.filter(parent=unit, kind__is_group=True).order_by("path").first()
        return {"subject_unit": group} if group is not None else {"subject_member": people[3]}
    return {"subject_member": people[which]}


@transaction.atomic
def load_demo_awards(log: Callable[[str], None]) -> None:
    load_catalogue()
    log("  Danh mục danh hiệu, hình thức khen thưởng: đã nạp.")
    long_bien = Unit.objects.filter(code="HN-LB").first()
    campaign = (
        Campaign.objects.filter(issuer=long_bien, title__icontains=SEED_000).select_related("issuer").first()
        if long_bien is not None
        else None
    )
    if campaign is None:
        log("  Bỏ qua khen thưởng mẫu: không có kế hoạch 20 năm Ngày thành lập quận Long Biên.")
        return
    if Nomination.objects.filter(campaign=campaign).exists():
        log("  Khen thưởng mẫu của Long Biên: đã có.")
        return
    kinds = {k.code: k for k in AwardKind.objects.filter(code__in=OFFERS)}
    services.offer_awards(SYSTEM, campaign, {kinds[code]: None for code in OFFERS})
    cdcs = list(queries.quota_units(campaign))
    counts = {(u.pk, kinds[code].pk): n for u in cdcs for code, n in QUOTAS.items()}
    counts.update({(u.pk, kinds["bang-khen-ldld-tinh"].pk): 1 for u in cdcs[:4]})
    services.allocate_quotas(SYSTEM, campaign, counts)

    # Nguyễn Thị Hồng Hạnh chairs Gia Thụy's CĐCS: she is not nominated; Nguyễn Văn An is.
    people = {
        n: list(Member.objects.filter(unit=unit).exclude(position__icontains="Hiệu trưởng").order_by("id")[:5])
        for n, unit in enumerate(cdcs[:4])
    }
    made: list[tuple[Nomination, str]] = []
    # Drafts are made after the batches went, so they stay drafts (a batch sends all).
    for sent in (True, False):
        for index, which, code, state in PLAN:
            if (state != "draft") != sent:
                continue
            unit = cdcs[index]
            nomination = services.nominate(
                SYSTEM,
                campaign=campaign,
                award_kind=kinds[code],
                unit=unit,
                achievement=ACHIEVEMENT[code],
                **_subject(unit, people[index], which),
            )
            missing = queries.missing_requirements(nomination)
            for requirement in missing if sent else missing[:1]:
                upload = _pdf(f"{requirement.code}.pdf", requirement.name)
                services.add_dossier_file(SYSTEM, nomination, requirement=requirement, upload=upload)
            made.append((nomination, state))
        if sent:
            for unit in cdcs[:4]:
                # Lao động tiên tiến rests on the year's rating, entered after the demo's year:
                # each CĐCS confirms sending them anyway, as a sender does on the batch page.
                drafts = [n.pk for n, _s in made if n.unit_id == unit.pk]
                services.submit_batch(SYSTEM, campaign=campaign, unit=unit, confirmed=drafts, reason=CONFIRM_REASON)

    to_council = []
    for nomination, state in made:
        nomination.refresh_from_db()
        if state == "draft":
            continue
        if state == "returned":
            services.return_nomination(SYSTEM, nomination, reason=RETURN_REASON)
        elif state != "submitted":
            services.accept(SYSTEM, nomination)
            if state != "accepted":
                to_council.append((nomination, state))
    exclude = set(Nomination.objects.filter(campaign=campaign).values_list("subject_member_id", flat=True))
    council = _council(long_bien, {pk for pk in exclude if pk}, cdcs)
    voted = [(n, s) for n, s in to_council if s != "at_council"]
    for nomination, _state in to_council:
        services.send_to_council(SYSTEM, nomination)
    _sit(council, [n for n, _s in voted], {n.pk: s != "not_recommended" for n, s in voted})
    for nomination, state in voted:
        if state == "forwarded":
            services.forward(SYSTEM, nomination)
    awarded = [n for n, s in voted if s == "awarded"]
    decision = services.issue_decision(
        SYSTEM,
        unit=long_bien,
        campaign=campaign,
        nominations=awarded,
        issued_on=DECIDED_ON,
        title=services.default_title(campaign),
    )
    log(
        f"  Khen thưởng mẫu: {len(made)} đề nghị của {len(people)} CĐCS Long Biên ở mọi trạng thái; "
        f"quyết định {decision.number} khen thưởng {len(awarded)} tập thể, cá nhân."
    )
