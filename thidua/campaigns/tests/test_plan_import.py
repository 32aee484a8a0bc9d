"""From an extract of a higher level's plan to the rows of a draft campaign (plan_import)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.campaigns import plan_import
from thidua.campaigns.models import (
    Campaign,
    CampaignKind,
    Deadline,
    DocumentReference,
    PlanSection,
    Responsibility,
    RewardPlan,
)
from thidua.core.models import AuditEntry
from thidua.planimport import Deadline as ExtractedDeadline
from thidua.planimport import Periodic, PlanExtract, Reference, Section
from thidua.planimport import Responsibility as ExtractedResponsibility

D = datetime.date


def seed_000_extract() -> PlanExtract:
    """Seed 000 as the importer reads it, written out by hand (shortened bodies)."""
    return PlanExtract(
        doc_type="KẾ HOẠCH",
        number="32",
        symbol="KH-LĐLĐ",
        issuer="LĐLĐ quận Long Biên",
        place="Long Biên",
        date=D(2023, 8, 21),
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
        movement_names=["Lao động giỏi, Lao động sáng tạo"],
        implements=[
            Reference(
                relation="Thực hiện",
                number="107-KH/QU",
                date=D(2022, 2, 24),
                issuer="Quận ủy Long Biên",
                doc_kind="Kế hoạch",
                title="tổ chức các hoạt động hướng tới kỷ niệm 20 năm ngày thành lập quận Long Biên",
                source="Thực hiện kế hoạch số 107-KH/QU ngày 24/02/2022 của Quận ủy Long Biên …",
            )
        ],
        period_start=D(2023, 8, 16),
        period_end=D(2023, 9, 15),
        deadlines=[
            ExtractedDeadline(
                D(2023, 9, 15), "Gửi tư liệu bài viết, hình ảnh", "Công đoàn cơ sở", "… trước ngày 15/9/2023."
            ),
            ExtractedDeadline(
                D(2023, 9, 18), "Báo cáo kết quả thực hiện về LĐLĐ Quận", "", "… chậm nhất ngày 18/9/2023."
            ),
        ],
        periodic=[Periodic("quý", "trước ngày 15 tháng cuối quý", "Báo cáo kết quả")],
        sections=[
            Section("MỤC ĐÍCH, YÊU CẦU", 1, "I.", "1. Huy động CNVCLĐ.", part="purpose"),
            Section("NỘI DUNG THI ĐUA", 1, "II.", "Phát động đợt thi đua cao điểm:", part="content"),
            Section("Đối với khối doanh nghiệp.", 2, "1.", "- Sáng kiến, sáng tạo.", "enterprise", "content"),
            Section("Đối với khu vực Hành chính, Sự nghiệp, Trường học", 2, "2.", "- Văn hóa công sở.", "", "content"),
            Section("KHEN THƯỞNG.", 1, "IV.", "Sau đợt thi đua …", part="reward"),
        ],
        reward_targets="Công đoàn cơ sở và cá nhân thuộc các đơn vị",
        collective_criteria=["Tổ chức tốt đợt thi đua", "Có công trình, phần việc"],
        individual_criteria=["Hoàn thành tốt nhiệm vụ được giao"],
        quota="LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua",
        dossier=["Tờ trình của Công đoàn cơ sở", "báo cáo thành tích"],
        procedure="standard",
        award_forms=["Giấy khen của LĐLĐ quận"],
        nomination_due_text="có thông báo sau",
        responsibilities=[
            ExtractedResponsibility("Liên đoàn lao động Quận", "- Xây dựng và triển khai kế hoạch."),
            ExtractedResponsibility("Công đoàn các Cơ quan, Đơn vị", "- Tổ chức phát động."),
        ],
        recipients=["Quận ủy, UBND Quận;", "Công đoàn các CQ, ĐV, DN, TH;", "Lưu VP, TĐ"],
        signer_title="TM. BAN THƯỜNG VỤ / CHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
        evidence={"title": "Phát động đợt thi đua cao điểm …"},
        warnings=["Không thấy hình thức khen thưởng."],
    )


def test_a_seed_extract_becomes_a_peak_draft_with_every_part(federation, school_chair):
    campaign = plan_import.create_draft(
        school_chair,
        issuer=federation.school,
        file_name="KH 32 LĐLĐ.docx",
        **plan_import.draft_values(seed_000_extract()),
    )

    campaign = Campaign.objects.get(pk=campaign.pk)
    assert (campaign.issuer, campaign.status, campaign.kind) == (federation.school, "draft", CampaignKind.PEAK)
    assert campaign.title == "Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên."
    assert (campaign.movement_name, campaign.place) == ("Lao động giỏi, Lao động sáng tạo", "Long Biên")
    assert (campaign.starts_on, campaign.ends_on, campaign.end_condition) == (D(2023, 8, 16), D(2023, 9, 15), "")
    assert campaign.plan_date is None and campaign.register_entry is None  # its own number comes at issue
    assert campaign.issuing_body == "Ban Chấp hành"  # a CĐCS's plan
    assert campaign.intro == (
        "Thực hiện Kế hoạch số 32/KH-LĐLĐ ngày 21/08/2023 của LĐLĐ quận Long Biên về phát động đợt thi đua cao "
        "điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên;"
    )
    assert campaign.recipient_lines() == ["Quận ủy, UBND Quận;", "Công đoàn các CQ, ĐV, DN, TH;", "Lưu VP, TĐ"]
    assert campaign.signer_lines() == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    assert campaign.signer_name == "Nguyễn Trường Giang"

    assert list(
        DocumentReference.objects.filter(campaign=campaign).values_list(
            "relation", "doc_kind", "number", "issued_on", "issuer", "title", "order"
        )
    ) == [
        (
            "Thực hiện",
            "Kế hoạch",
            "32/KH-LĐLĐ",
            D(2023, 8, 21),
            "LĐLĐ quận Long Biên",
            "Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
            1,
        ),
        (
            "Thực hiện",
            "Kế hoạch",
            "107-KH/QU",
            D(2022, 2, 24),
            "Quận ủy Long Biên",
            "tổ chức các hoạt động hướng tới kỷ niệm 20 năm ngày thành lập quận Long Biên",
            2,
        ),
    ]
    assert list(Deadline.objects.filter(campaign=campaign).values_list("due_on", "what", "who")) == [
        (D(2023, 9, 15), "Gửi tư liệu bài viết, hình ảnh", "Công đoàn cơ sở"),
        (D(2023, 9, 18), "Báo cáo kết quả thực hiện về LĐLĐ Quận", "Công đoàn cơ sở"),
    ]
    # As printed: the Roman-numeral headings are the sections; "1." and "2." stay inside II.
    assert list(
        PlanSection.objects.filter(campaign=campaign).values_list("heading", "part", "target_sector", "body")
    ) == [
        ("MỤC ĐÍCH, YÊU CẦU", "purpose", "", "1. Huy động CNVCLĐ."),
        (
            "NỘI DUNG THI ĐUA",
            "content",
            "",
            "Phát động đợt thi đua cao điểm:\n1. Đối với khối doanh nghiệp.\n- Sáng kiến, sáng tạo.\n"
            "2. Đối với khu vực Hành chính, Sự nghiệp, Trường học\n- Văn hóa công sở.",
        ),
        ("KHEN THƯỞNG.", "reward", "", "Sau đợt thi đua …"),
        ("Chế độ báo cáo định kỳ", "organisation", "", "- Báo cáo kết quả: quý, trước ngày 15 tháng cuối quý."),
    ]
    reward = RewardPlan.objects.get(campaign=campaign)
    assert (reward.targets, reward.collective_criteria, reward.individual_criteria) == (
        "Công đoàn cơ sở và cá nhân thuộc các đơn vị",
        "Tổ chức tốt đợt thi đua\nCó công trình, phần việc",
        "Hoàn thành tốt nhiệm vụ được giao",
    )
    assert (reward.quota_rule, reward.dossier, reward.procedure, reward.award_forms) == (
        "LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua",
        "Tờ trình của Công đoàn cơ sở\nbáo cáo thành tích",
        "standard",
        "Giấy khen của LĐLĐ quận",
    )
    assert (reward.nomination_due_on, reward.nomination_due_text) == (None, "có thông báo sau")
    assert list(Responsibility.objects.filter(campaign=campaign).values_list("level", "body", "order")) == [
        ("Liên đoàn lao động Quận", "- Xây dựng và triển khai kế hoạch.", 1),
        ("Công đoàn các Cơ quan, Đơn vị", "- Tổ chức phát động.", 2),
    ]
    entry = AuditEntry.objects.get(verb="import_plan")
    assert (entry.actor, entry.target_id, entry.to_state) == (school_chair, campaign.pk, "KH 32 LĐLĐ.docx")


def test_a_bloc_heading_kept_as_its_own_section_keeps_its_bloc(federation, lb_officer):
    values = plan_import.draft_values(seed_000_extract())
    values["sections"][2]["mode"] = plan_import.SectionMode.OWN
    values["sections"][3]["mode"] = plan_import.SectionMode.SKIP
    campaign = plan_import.create_draft(lb_officer, issuer=federation.long_bien, file_name="kh.txt", **values)
    assert list(campaign.sections.values_list("heading", "target_sector")) == [
        ("MỤC ĐÍCH, YÊU CẦU", ""),
        ("NỘI DUNG THI ĐUA", ""),
        ("Đối với khối doanh nghiệp.", "enterprise"),
        ("KHEN THƯỞNG.", ""),
        ("Chế độ báo cáo định kỳ", ""),
    ]
    assert campaign.issuing_body == "Ban Thường vụ"  # a federation's plan


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ({}, CampaignKind.PEAK),
        ({"period_end": None, "end_condition": "đến khi tình hình dịch bệnh được kiểm soát"}, CampaignKind.SPECIAL),
        ({"period_start": None, "period_end": None, "title": "Thực hiện chủ đề công tác năm 2021"}, "annual_theme"),
        ({"period_start": None, "period_end": None}, CampaignKind.MOVEMENT),
        ({"period_end": None}, CampaignKind.MOVEMENT),
    ],
)
def test_kind_is_guessed_from_the_window(changes, kind):
    extract = seed_000_extract()
    for field, value in changes.items():
        setattr(extract, field, value)
    assert plan_import.draft_values(extract)["campaign"]["kind"] == kind


def test_an_invalid_deadline_writes_nothing_and_names_its_row(federation, lb_officer):
    values = plan_import.draft_values(seed_000_extract())
    values["deadlines"][1]["due_on"] = None
    with pytest.raises(ValidationError) as caught:
        plan_import.create_draft(lb_officer, issuer=federation.long_bien, file_name="kh.docx", **values)
    assert list(caught.value.message_dict) == ["deadlines.1.due_on"]
    assert not Campaign.objects.exists() and not RewardPlan.objects.exists() and not Deadline.objects.exists()
    assert not AuditEntry.objects.filter(verb__in=["create_campaign", "import_plan"]).exists()


def test_an_end_before_the_start_is_refused_on_the_end_date(federation, lb_officer):
    values = plan_import.draft_values(seed_000_extract())
    values["campaign"]["ends_on"] = D(2023, 8, 1)
    with pytest.raises(ValidationError) as caught:
        plan_import.create_draft(lb_officer, issuer=federation.long_bien, file_name="kh.docx", **values)
    assert caught.value.message_dict == {"ends_on": ["Ngày kết thúc phải sau ngày bắt đầu."]}
    assert not Campaign.objects.exists()


def test_a_unit_cannot_create_a_draft_for_another_unit(federation, school_chair):
    values = plan_import.draft_values(seed_000_extract())
    with pytest.raises(PermissionDenied):
        plan_import.create_draft(school_chair, issuer=federation.company, file_name="kh.docx", **values)
    assert not Campaign.objects.exists()


def test_sealed_state_round_trips_and_refuses_tampering_or_another_user():
    extract = seed_000_extract()
    token = plan_import.seal(extract, file_name="kh.docx", user_id=7, unit_id=3)
    assert plan_import.unseal(token, user_id=7, unit_id=3) == (extract, "kh.docx")
    with pytest.raises(plan_import.ImportStateInvalid):
        plan_import.unseal(token, user_id=8, unit_id=3)
    with pytest.raises(plan_import.ImportStateInvalid):
        plan_import.unseal(token, user_id=7, unit_id=4)
    with pytest.raises(plan_import.ImportStateInvalid):
        plan_import.unseal(token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"), user_id=7, unit_id=3)


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("000", CampaignKind.PEAK),
        ("001", CampaignKind.MOVEMENT),
        ("002", CampaignKind.SPECIAL),
        ("003", CampaignKind.MOVEMENT),
        ("004", CampaignKind.ANNUAL_THEME),
    ],
)
def test_each_seed_as_read_becomes_a_draft_of_its_kind(key, kind, federation, lb_officer):
    from pathlib import Path

    from thidua.planimport import parse, read_text

    found = sorted((Path(__file__).resolve().parents[2] / "planimport" / "tests" / "seeds").glob(f"{key}_*.txt"))
    assert found, f"không có kế hoạch mẫu {key} trong thidua/planimport/tests/seeds"
    extract = parse(read_text(found[0].name, found[0].read_bytes()))
    campaign = plan_import.create_draft(
        lb_officer, issuer=federation.long_bien, file_name=found[0].name, **plan_import.draft_values(extract)
    )
    assert campaign.kind == kind
    assert campaign.deadlines.count() == len(extract.deadlines)
    assert sorted(campaign.deadlines.values_list("due_on", flat=True)) == sorted(d.date for d in extract.deadlines)
    uploaded = campaign.references.first()  # the plan read, which the draft implements
    assert (uploaded.relation, uploaded.number, uploaded.issued_on) == (
        "Thực hiện",
        "/".join(p for p in (extract.number, extract.symbol) if p),
        extract.date,
    )


def test_values_longer_than_their_column_are_cut_at_a_word_and_still_import(federation, lb_officer):
    extract = seed_000_extract()
    extract.issuer = "Ban Thường vụ Liên đoàn Lao động quận Long Biên " * 6  # a sentence taken for the issuer
    extract.deadlines[0].what = "Gửi tư liệu bài viết, hình ảnh công trình " * 10
    values = plan_import.draft_values(extract)
    assert len(values["higher_plan"]["issuer"]) <= 200 and values["higher_plan"]["issuer"].endswith("…")
    assert len(values["deadlines"][0]["what"]) <= 300 and values["deadlines"][0]["what"].endswith("…")
    campaign = plan_import.create_draft(lb_officer, issuer=federation.long_bien, file_name="kh.docx", **values)
    assert campaign.deadlines.count() == 2
