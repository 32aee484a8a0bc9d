"""The participation stage of the demo federation (`manage.py load_demo`): what Long Biên's CĐCS
did for the district's seed plans — registrations and works with their inauguration, articles
and photos for seed 000, "Dân vận khéo" models for seed 004, covenants of the three blocs for
seed 003 — members' title registrations for this year, and the registrations and models of
Long Biên's living plan for the year (campaigns.demo.living_campaign), dated from the demo's
today (core.demo.today): some CĐCS registered before the deadline, the rest are late now.

An overview where everyone is on time shows nothing to chase, so each kind is played out in
several states (on time, late, missing), drawn from fixed patterns by position in the tree — no
randomness. Rerunning adds nothing: a campaign that already has works, models or covenants is
left as it is. Photos are drawn here (Pillow), so the demo needs no file from outside.
"""

import datetime
import io
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from thidua.campaigns import demo as campaigns_demo
from thidua.campaigns.models import Campaign, Deployment
from thidua.campaigns.seeds import SEEDS_BY_KEY
from thidua.core import demo
from thidua.core.demo import SYSTEM
from thidua.org.models import EmulationCluster, Member, Unit
from thidua.participation import services
from thidua.participation.models import Covenant, EmulationTitle, ModelProject, Part, TitleRegistration, Work

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date

WORK_NAMES = (
    "Cải tạo sân chơi cho con công nhân",
    "Trồng cây xanh khuôn viên đơn vị",
    "Sửa chữa nhà văn hóa tổ dân phố",
    "Xây dựng thư viện xanh",
    "Lắp đặt hệ thống nước sạch",
)
MODEL_NAMES = (
    ("Công đoàn đồng hành cùng người lao động khó khăn", "An sinh xã hội"),
    ("Đối thoại định kỳ tại nơi làm việc", "Quan hệ lao động"),
    ("Nhà giáo gương mẫu, học sinh chăm ngoan", "Giáo dục"),
    ("Mỗi tổ công đoàn một việc làm tốt", "Xây dựng tổ chức công đoàn"),
)
# What a CĐCS did for seed 000, cycled in tree order.
WORKS_PATTERN = ("inaugurated", "late_evidence", "registered", "nothing", "completed", "late_registration")
# … for seed 004, and whether a covenant party signed (seed 003).
MODELS_PATTERN = ("on_time", "on_time_with_results", "late", "missing")
SIGN_PATTERN = (True, True, False, True, False)


def at(day: D, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=HANOI)


def _photo(seed: int) -> SimpleUploadedFile:
    """A small drawn picture (sky, ground, a building): stands in for a photo of the work."""
    image = Image.new("RGB", (800, 600), (120 + seed * 23 % 100, 180, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 420, 800, 600), fill=(70, 140 + seed * 17 % 80, 60))
    draw.rectangle((250, 220, 550, 430), fill=(200, 90 + seed * 31 % 120, 70))
    draw.polygon([(230, 230), (400, 120), (570, 230)], fill=(150, 40, 40))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return SimpleUploadedFile(f"cong-trinh-{seed}.jpg", out.getvalue(), content_type="image/jpeg")


def _campaign(key: str) -> Campaign | None:
    seed = SEEDS_BY_KEY[key]
    return Campaign.objects.filter(issuer__code=seed.issuer_code, title=seed.title).first()


def _grassroots_deployments(campaign: Campaign) -> list[Deployment]:
    return list(
        Deployment.objects.filter(campaign=campaign, unit__kind__is_grassroots=True)
        .select_related("unit")
        .order_by("unit__path")
    )


def load_demo_participation(log: Callable[[str], None]) -> None:
    _works(log)
    _models(log)
    _covenants(log)
    _titles(log)
    _living(log)


@transaction.atomic
def _living(log) -> None:
    """The living plan: unit registrations due a few days ago (sent by two CĐCS in three, on
    time; the others are late now) and "dân vận khéo" models due this week (one in three sent)."""

    campaign = campaigns_demo.living_campaign()
    if campaign is None or ModelProject.objects.filter(campaign=campaign).exists():
        log("  Đăng ký kế hoạch năm: đã có hoặc thiếu kế hoạch năm.")
        return
    today = demo.today()
    deadlines = {d.what: d.due_on for d in campaign.deadlines.all()}
    registration_due = min(deadlines.values())
    model_due = sorted(deadlines.values())[1] if len(deadlines) > 1 else registration_due
    services.set_due_date(SYSTEM, campaign, part=Part.REGISTRATION, due=registration_due)
    services.set_due_date(SYSTEM, campaign, part=Part.MODEL, due=model_due)
    campaign = Campaign.objects.get(pk=campaign.pk)
    registered = models = 0
    for index, deployment in enumerate(_grassroots_deployments(campaign)):
        if index % 3 == 2:
            continue
        services.register_unit(
            SYSTEM,
            campaign=campaign,
            unit=deployment.unit,
            targets="100% đoàn viên đăng ký thi đua\nCó ít nhất 01 mô hình “dân vận khéo”",
            at=at(registration_due - datetime.timedelta(days=1 + index % 4)),
        )
        registered += 1
        if index % 3 == 0:
            name, field = MODEL_NAMES[index % len(MODEL_NAMES)]
            services.register_model(
                SYSTEM,
                campaign=campaign,
                unit=deployment.unit,
                name=name,
                field=field,
                description="Triển khai trong toàn thể đoàn viên, có kế hoạch và phân công cụ thể.",
                at=at(min(today, model_due) - datetime.timedelta(days=1)),
            )
            models += 1
    log(f"  Kế hoạch năm: {registered} CĐCS đăng ký thi đua, {models} mô hình.")


@transaction.atomic
def _works(log) -> None:
    campaign = _campaign("000")
    if campaign is None or Work.objects.filter(campaign=campaign).exists():
        log("  Công trình, phần việc mẫu: đã có hoặc thiếu kế hoạch 000.")
        return
    services.set_due_date(SYSTEM, campaign, part=Part.REGISTRATION, due=D(2023, 8, 25))
    services.set_due_date(SYSTEM, campaign, part=Part.WORK, due=D(2023, 9, 15))
    campaign = Campaign.objects.get(pk=campaign.pk)
    works = 0
    for index, deployment in enumerate(_grassroots_deployments(campaign)):
        outcome = WORKS_PATTERN[index % len(WORKS_PATTERN)]
        if outcome == "nothing":
            continue
        unit = deployment.unit
        late_registration = outcome == "late_registration"
        services.register_unit(
            SYSTEM,
            campaign=campaign,
            unit=unit,
            targets="100% đoàn viên được phổ biến kế hoạch\nCó ít nhất 01 công trình, phần việc chào mừng",
            at=at(D(2023, 8, 28) if late_registration else D(2023, 8, 22 + index % 3)),
        )
        if late_registration:
            continue
        work = services.register_work(
            SYSTEM,
            campaign=campaign,
            unit=unit,
            name=WORK_NAMES[index % len(WORK_NAMES)],
            value=(index % 9 + 1) * 5_000_000,
            planned_on=D(2023, 9, 10),
        )
        works += 1
        if outcome == "registered":
            continue
        evidence_day = D(2023, 9, 17) if outcome == "late_evidence" else D(2023, 9, 8 + index % 5)
        services.complete_work(
            SYSTEM,
            work,
            completed_on=D(2023, 9, 5 + index % 5),
            photos=[_photo(index)],
            article_url=f"https://longbien.hanoi.gov.vn/tin-tuc/cong-trinh-chao-mung-{work.pk}",
            article_title=f"{unit.name}: {work.name}",
            at=at(evidence_day),
        )
        if outcome in ("inaugurated", "late_evidence"):
            services.inaugurate_work(SYSTEM, work, inaugurated_on=D(2023, 9, 12))
    log(f"  Kế hoạch {campaign.number}: {works} công trình, phần việc của các CĐCS.")


@transaction.atomic
def _models(log) -> None:
    campaign = _campaign("004")
    if campaign is None or ModelProject.objects.filter(campaign=campaign).exists():
        log("  Mô hình “Dân vận khéo” mẫu: đã có hoặc thiếu kế hoạch 004.")
        return
    services.set_due_date(SYSTEM, campaign, part=Part.MODEL, due=D(2021, 2, 22))
    campaign = Campaign.objects.get(pk=campaign.pk)
    made = 0
    for index, deployment in enumerate(_grassroots_deployments(campaign)):
        outcome = MODELS_PATTERN[index % len(MODELS_PATTERN)]
        if outcome == "missing":
            continue
        name, field = MODEL_NAMES[index % len(MODEL_NAMES)]
        project = services.register_model(
            SYSTEM,
            campaign=campaign,
            unit=deployment.unit,
            name=name,
            field=field,
            description="Triển khai trong toàn thể đoàn viên, có kế hoạch và phân công cụ thể.",
            at=at(D(2021, 3, 2) if outcome == "late" else D(2021, 2, 10 + index % 10)),
        )
        made += 1
        if outcome == "on_time_with_results":
            services.record_model_results(
                SYSTEM, project, results="100% đoàn viên tham gia; được Quận ủy biểu dương tại hội nghị sơ kết."
            )
    log(f"  Kế hoạch {campaign.number}: {made} mô hình “Dân vận khéo”.")


@transaction.atomic
def _covenants(log) -> None:
    campaign = _campaign("003")
    long_bien = Unit.objects.filter(code="HN-LB").first()
    if campaign is None or long_bien is None or Covenant.objects.filter(campaign=campaign).exists():
        log("  Giao ước thi đua mẫu: đã có hoặc thiếu kế hoạch 003.")
        return
    year = campaign.starts_on.year if campaign.starts_on else 2019
    clusters = list(EmulationCluster.objects.filter(organiser=long_bien, units__isnull=False).distinct())
    signed = 0
    for cluster in clusters:
        covenant = services.create_covenant(
            SYSTEM,
            cluster=cluster,
            year=year,
            title=f"Giao ước thi đua {cluster.name.lower()} năm {year}",
            content=(
                "Các công đoàn cơ sở trong khối cùng giao ước thi đua thực hiện thắng lợi nhiệm vụ năm; "
                "tổ chức tốt phong trào thi đua của Quận; định kỳ 6 tháng, một năm tự kiểm tra, báo cáo kết quả."
            ),
            targets="100% đoàn viên được phổ biến giao ước\nMỗi CĐCS có ít nhất 01 sáng kiến, mô hình\n"
            "Không có đơn vị xếp loại yếu",
            campaign=campaign,
        )
        for index, party in enumerate(covenant.parties.select_related("unit").order_by("unit__path")):
            if not SIGN_PATTERN[index % len(SIGN_PATTERN)]:
                continue
            chair = _chair_name(party.unit)
            services.sign_covenant(
                SYSTEM, party, signer_name=chair, signer_title="Chủ tịch công đoàn cơ sở", at=at(D(year, 4, 10))
            )
            signed += 1
            if index % 2 == 0:
                services.record_inspection(
                    SYSTEM,
                    party,
                    kind="self_half",
                    inspected_on=D(year, 7, 5),
                    findings="Hoàn thành các chỉ tiêu 6 tháng đầu năm; còn chậm báo cáo quý II.",
                    inspector=party.unit,
                )
            if index == 0:
                services.record_inspection(
                    SYSTEM,
                    party,
                    kind="upper_sample",
                    inspected_on=D(year, 11, 20),
                    findings="Thực hiện tốt giao ước; đề nghị nhân rộng mô hình đối thoại định kỳ.",
                    inspector=long_bien,
                )
    log(f"  Giao ước thi đua: {len(clusters)} khối, {signed} chữ ký.")


def _chair_name(unit: Unit) -> str:
    member = (
        Member.objects.filter(unit__path__startswith=unit.path, position__icontains="Chủ tịch").order_by("id").first()
        or Member.objects.filter(unit__path__startswith=unit.path).order_by("id").first()
    )
    return member.full_name if member else "Chủ tịch công đoàn cơ sở"


@transaction.atomic
def _titles(log) -> None:
    """This year's title registrations in Long Biên's CĐCS: most members aim for Lao động
    tiên tiến, some for more, some CĐCS have not registered anyone yet."""
    year = demo.today().year
    long_bien = Unit.objects.filter(code="HN-LB").first()
    titles = {t.code: t for t in EmulationTitle.objects.all()}
    if long_bien is None or not titles:
        return
    if TitleRegistration.objects.filter(year=year, member__unit__path__startswith=long_bien.path).exists():
        log(f"  Đăng ký danh hiệu năm {year}: đã có.")
        return
    units = list(Unit.objects.within(long_bien).filter(kind__is_grassroots=True).order_by("path"))
    rows = []
    for u_index, unit in enumerate(units):
        if u_index % 4 == 3:  # a quarter of the CĐCS have not sent their list yet
            continue
        members = Member.objects.filter(unit__path__startswith=unit.path).order_by("id").values_list("id", flat=True)
        for m_index, member_id in enumerate(members):
            if m_index % 5 == 4:
                continue
            rows.append(
                TitleRegistration(year=year, member_id=member_id, title=titles["lao-dong-tien-tien"], by_unit=True)
            )
            if m_index % 7 == 0:
                rows.append(
                    TitleRegistration(
                        year=year, member_id=member_id, title=titles["chien-si-thi-dua-co-so"], by_unit=True
                    )
                )
            if m_index % 3 == 0:
                rows.append(
                    TitleRegistration(
                        year=year, member_id=member_id, title=titles["doan-vien-cong-doan-xuat-sac"], by_unit=True
                    )
                )
    TitleRegistration.objects.bulk_create(rows, batch_size=2000)
    log(f"  Đăng ký danh hiệu năm {year}: {len(rows)} lượt đăng ký của đoàn viên Long Biên.")
