"""The plan as an official document: deadlines the text does not name are listed, once; every
part the officer entered (sections, activities, reward part, responsibilities) is printed, in
the seeds' order, numbered on."""

import datetime

from django.utils import translation

from thidua.campaigns import plan_document, services
from thidua.campaigns.models import Campaign, Deployment
from thidua.documents.rendering import Bullet, Heading, Paragraph
from thidua.org.tests.factories import SYSTEM


def _listed_deadlines(campaign) -> list[str]:
    doc = plan_document.build(campaign)
    return [b.text for b in doc.body if isinstance(b, Bullet) and "chậm nhất ngày" in b.text]


def test_deadline_named_in_the_text_is_not_listed_again(draft):
    services.update_campaign(SYSTEM, draft, closing="Báo cáo kết quả chậm nhất ngày 18/9/2023.")
    listed = _listed_deadlines(draft)
    assert not any("18/09/2023" in line for line in listed)
    assert any("15/09/2023" in line for line in listed)


def test_a_date_inside_another_date_does_not_count_as_named(draft):
    """ "15/9/2023" in the text does not name a deadline of 5/9/2023."""
    services.update_campaign(SYSTEM, draft, closing="Gửi tin bài chậm nhất ngày 15/9/2023.")
    services.save_part(SYSTEM, draft, "deadline", what="Đăng ký công trình", due_on=datetime.date(2023, 9, 5))
    listed = _listed_deadlines(draft)
    assert any(line.startswith("Đăng ký công trình: chậm nhất ngày 05/09/2023") for line in listed)
    assert not any("15/09/2023" in line for line in listed)


def test_the_document_is_vietnamese_whatever_language_the_reader_uses(draft):
    with translation.override("en"):
        listed = _listed_deadlines(draft)
        texts = [getattr(b, "text", "") for b in plan_document.build(draft).body]
    assert any("chậm nhất ngày 15/09/2023" in line for line in listed)
    assert not any("deadline" in t.lower() or "emulation period" in t.lower() for t in texts)


# --- every part the officer entered is printed, in the seeds' order ------------------------

REWARD = {
    "targets": "Công đoàn cơ sở và đoàn viên có thành tích xuất sắc trong đợt thi đua.",
    "general_criteria": "Có kế hoạch và tổ chức tốt các hoạt động tại đơn vị.",
    "collective_criteria": "Đạt các tiêu chuẩn sau:\nTổ chức tốt đợt thi đua\nCó công trình chào mừng",
    "individual_criteria": "Hoàn thành tốt nhiệm vụ được giao\nGương mẫu đi đầu trong đợt thi đua",
    "award_forms": "Giấy khen của Ban Thường vụ LĐLĐ quận",
    "quota_rule": "Mỗi CĐCS đề nghị không quá 01 tập thể và 02 cá nhân",
    "dossier": "Tờ trình của CĐCS\nBáo cáo thành tích",
    "procedure": "simplified",
    "nomination_due_on": datetime.date(2023, 9, 25),
}


def _texts(campaign) -> list[str]:
    """Each block's words (a paragraph of runs joined), in document order."""
    out = []
    for block in _body(campaign):
        text = block.text if isinstance(block.text, str) else "".join(run.text for run in block.text)
        out.append(text)
    return out


def _body(campaign) -> list:
    """The paper of the campaign as its page loads it (not the instance the test holds, whose
    reward part was cached before the services saved it)."""
    return list(plan_document.build(Campaign.objects.get(pk=campaign.pk)).body)


def _headings(campaign) -> list[str]:
    return [b.text for b in _body(campaign) if isinstance(b, Heading)]


def _fill_every_part(campaign, actor):
    """The sections an officer types (purpose, content numbered 1., 2., an empty window), the
    issuer's activities, the reward part and the responsibilities — no reward nor organisation
    section written: the plan holds those as data."""
    services.save_part(
        actor,
        campaign,
        "section",
        part="content",
        heading="Nội dung thi đua",
        body="1. Đối với khối doanh nghiệp\n- Thi đua sản xuất\n2. Đối với khối trường học\n- Thi đua dạy tốt",
        order=2,
    )
    services.save_part(actor, campaign, "section", part="window", heading="Thời gian thi đua", body="", order=3)
    services.save_part(
        actor, campaign, "activity", name="Tổ chức gặp mặt cán bộ BCH", planned_on=datetime.date(2023, 9, 1)
    )
    services.save_reward(actor, campaign, **REWARD)
    services.save_part(actor, campaign, "responsibility", level="Liên đoàn Lao động quận", body="- Hướng dẫn CĐCS.")
    services.save_part(actor, campaign, "responsibility", level="Công đoàn cơ sở", body="- Xây dựng kế hoạch.")


def test_every_part_is_printed_in_the_seeds_order(draft, lb_officer):
    _fill_every_part(draft, lb_officer)
    assert _headings(draft) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG THI ĐUA",
        "III. THỜI GIAN THI ĐUA",
        "IV. KHEN THƯỞNG",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
    texts = _texts(draft)
    expected = [
        "II. NỘI DUNG THI ĐUA",
        "2. Đối với khối trường học",
        "3. Các hoạt động của LĐLĐ quận Long Biên:",  # the activities continue the content's numbering
        "Tổ chức gặp mặt cán bộ BCH (ngày 01/09/2023)",
        "III. THỜI GIAN THI ĐUA",
        "Thời gian thi đua: từ ngày 16/08/2023 đến hết ngày 15/09/2023.",
        "IV. KHEN THƯỞNG",
        "1. Đối tượng: " + REWARD["targets"],
        "2. Tiêu chuẩn:",
        REWARD["general_criteria"],
        "Tập thể: Đạt các tiêu chuẩn sau:",
        "Tổ chức tốt đợt thi đua",
        "Cá nhân:",
        "Gương mẫu đi đầu trong đợt thi đua",
        "3. Hình thức khen thưởng: Giấy khen của Ban Thường vụ LĐLĐ quận",
        "4. Số lượng, hồ sơ, thời gian đề nghị khen thưởng:",
        "a) Số lượng: " + REWARD["quota_rule"],
        "b) Hồ sơ gồm (theo thủ tục đơn giản):",
        "Báo cáo thành tích",
        "c) Thời gian gửi hồ sơ đề nghị khen thưởng: chậm nhất ngày 25/09/2023",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Liên đoàn Lao động quận:",
        "Hướng dẫn CĐCS.",
        "2. Công đoàn cơ sở:",
        "Xây dựng kế hoạch.",
    ]
    positions = [texts.index(line) for line in expected]
    assert positions == sorted(positions)


def test_numbered_lines_are_body_text_not_headings(draft, lb_officer):
    _fill_every_part(draft, lb_officer)
    body = _body(draft)
    numbered = [b for b in body if not isinstance(b, Heading) and str(b.text)[:2] in {"1.", "2.", "3.", "a)"}]
    assert numbered and all(isinstance(b, Paragraph) and not b.bold for b in numbered)
    assert all(b.text[0] in "IV" for b in body if isinstance(b, Heading))


def test_the_reward_part_takes_its_place_before_the_officers_organisation_section(draft, lb_officer):
    """Written sections keep their order; the reward part the officer did not write goes before
    'Tổ chức thực hiện', the numbering following."""
    services.save_part(
        lb_officer, draft, "section", part="organisation", heading="Tổ chức thực hiện", body="1. LĐLĐ quận", order=5
    )
    services.save_reward(lb_officer, draft, targets="Công đoàn cơ sở")
    assert _headings(draft) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THỜI GIAN THI ĐUA",  # the period stored on the draft, which no text gives
        "III. KHEN THƯỞNG",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]


def test_the_officers_own_reward_text_is_continued_not_repeated(draft, lb_officer):
    """A 'Khen thưởng' section with its own words: what they say is not printed twice; what
    the reward part adds follows, numbered on."""
    services.save_part(
        lb_officer,
        draft,
        "section",
        part="reward",
        heading="Khen thưởng",
        body="1. Đối tượng: Công đoàn cơ sở.",
        order=4,
    )
    services.save_reward(lb_officer, draft, targets="Công đoàn cơ sở", award_forms="Giấy khen")
    texts = _texts(draft)
    assert [t for t in texts if "Đối tượng" in t] == ["1. Đối tượng: Công đoàn cơ sở."]
    assert texts.index("2. Hình thức khen thưởng: Giấy khen") == texts.index("1. Đối tượng: Công đoàn cơ sở.") + 1


def test_a_plan_without_reward_data_has_no_reward_part(draft):
    assert not any("KHEN THƯỞNG" in h for h in _headings(draft))


def test_the_cdcs_implementing_plan_prints_the_reward_part_it_took_over(draft, lb_officer, school_chair, federation):
    services.save_reward(lb_officer, draft, **REWARD)
    services.issue_campaign(lb_officer, draft)
    deployment = Deployment.objects.get(campaign=draft, unit=federation.school)
    own = services.start_own_plan(school_chair, deployment)
    # The period it took over from the district's plan, then the reward part; the deadlines it
    # took over are listed in the organisation part (none of its text names them).
    assert _headings(own) == ["I. THỜI GIAN THI ĐUA", "II. KHEN THƯỞNG", "III. TỔ CHỨC THỰC HIỆN"]
    assert "b) Hồ sơ gồm (theo thủ tục đơn giản):" in _texts(own)


# --- what the officer entered as data is printed where the seeds put it (QA walk, issue 15) ----


def test_references_the_opening_text_does_not_name_open_the_body(draft, lb_officer):
    """Văn bản căn cứ entries print at the top, as the seeds' opening lines; one the officer's
    opening text already names by its number is not said twice."""
    services.update_campaign(
        lb_officer, draft, intro="Thực hiện Kế hoạch số 107-KH/QU của Quận ủy; Ban Thường vụ xây dựng kế hoạch như sau:"
    )
    services.save_part(
        lb_officer, draft, "reference", relation="Thực hiện", doc_kind="Kế hoạch", number="107-KH/QU", order=1
    )
    services.save_part(
        lb_officer,
        draft,
        "reference",
        relation="Căn cứ",
        doc_kind="Kế hoạch",
        number="123/KH-LĐLĐ",
        issued_on=datetime.date(2023, 8, 1),
        issuer="LĐLĐ thành phố Hà Nội",
        title="tổ chức đợt thi đua cao điểm",
        order=2,
    )
    texts = _texts(draft)
    assert texts[:2] == [
        "Căn cứ Kế hoạch số 123/KH-LĐLĐ ngày 01/08/2023 của LĐLĐ thành phố Hà Nội về tổ chức đợt thi đua cao điểm;",
        "Thực hiện Kế hoạch số 107-KH/QU của Quận ủy; Ban Thường vụ xây dựng kế hoạch như sau:",
    ]
    assert sum("107-KH/QU" in t for t in texts) == 1


def test_the_competition_period_prints_in_its_own_part_when_no_section_gives_it(draft):
    texts = _texts(draft)
    window = "Thời gian thi đua: từ ngày 16/08/2023 đến hết ngày 15/09/2023."
    assert texts.index("II. THỜI GIAN THI ĐUA") + 1 == texts.index(window)


def test_the_competition_period_already_in_the_text_is_not_printed_again(draft, lb_officer):
    services.update_campaign(lb_officer, draft, intro="Đợt thi đua diễn ra từ ngày 16/8/2023 đến ngày 15/9/2023.")
    assert not any("THỜI GIAN" in h for h in _headings(draft))
    assert not any(t.startswith("Thời gian thi đua") for t in _texts(draft))


def test_deadlines_are_an_item_of_the_organisation_part_not_of_the_reward_part(draft, lb_officer):
    """Listed after the last part, "Các thời hạn" read as part of "Khen thưởng"."""
    services.save_reward(lb_officer, draft, targets="Công đoàn cơ sở")
    services.save_part(lb_officer, draft, "responsibility", level="Công đoàn cơ sở", body="- Xây dựng kế hoạch.")
    texts = _texts(draft)
    organisation = texts.index("IV. TỔ CHỨC THỰC HIỆN")
    assert texts.index("III. KHEN THƯỞNG") < organisation < texts.index("2. Các thời hạn:")
    assert texts[texts.index("2. Các thời hạn:") + 1 :] == [
        "Gửi tin bài, hình ảnh công trình: chậm nhất ngày 15/09/2023.",
        "Báo cáo kết quả: chậm nhất ngày 18/09/2023.",
    ]
