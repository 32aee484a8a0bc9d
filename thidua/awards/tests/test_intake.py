"""Nomination lists from Excel: the header found by its words (on row 3 under the title), names
matched without diacritics, every row checked by the same guards as a nomination by hand, all
rows saved or none, and nobody outside the importing CĐCS reachable."""

import datetime
import io

import pytest
import xlsxwriter
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from thidua.awards import intake
from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.tests.conftest import BANG_KHEN, CDCS_VUNG_MANH, GIAY_KHEN, LDTT
from thidua.campaigns.models import Campaign, RewardPlan
from thidua.org.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức/danh hiệu đề nghị", "Tóm tắt thành tích"]
TITLE = [["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"], ["(Kèm theo Tờ trình số 12/TTr-CĐCS ngày 05/12/2026)"]]


def xlsx(rows, *, above=TITLE, header=HEADER) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate([*above, header, *rows]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return out.getvalue()


GOOD = [
    [1, "CĐCS Trường THCS Gia Thụy", "", "Công đoàn cơ sở vững mạnh", "Tổ chức tốt phong trào thi đua năm 2026."],
    [2, "Tổ Toán – Tin", "", "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở", "Tổ dẫn đầu phong trào."],
    [3, "nguyen van an", "Giáo viên", "lao dong tien tien", "Hoàn thành tốt nhiệm vụ."],
    [4, "Trần Thị Bình", "Tổ Toán – Tin", "Giấy khen", "Có 01 sáng kiến được công nhận."],
]


def preview(people, campaign, federation, rows, **kw):
    actor = kw.pop("actor", people["school_chair"])
    unit = kw.pop("unit", federation.school)
    return intake.import_file(actor, unit=unit, campaign=campaign, data=xlsx(rows, **kw), filename="ds.xlsx")


def errors_of(result, number):
    return next(r.errors for r in result.rows if r.number == number)


def test_a_good_list_is_previewed_without_saving_then_imported(award_people, award_campaign, federation, members):
    result = preview(award_people, award_campaign, federation, GOOD)
    assert result.ok, [(r.number, r.errors) for r in result.rows]
    assert result.header_row == 3  # under the title and its "kèm theo" line
    assert [r.number for r in result.rows] == [4, 5, 6, 7]
    assert not Nomination.objects.exists()
    result = intake.import_file(
        award_people["school_chair"],
        unit=federation.school,
        campaign=award_campaign,
        data=xlsx(GOOD),
        filename="ds.xlsx",
        commit=True,
    )
    made = {(n.subject_name, n.award_kind.code) for n in Nomination.objects.select_related("award_kind")}
    assert made == {
        ("CĐCS Trường THCS Gia Thụy", CDCS_VUNG_MANH),
        ("Tổ Toán – Tin", GIAY_KHEN),
        ("Nguyễn Văn An", LDTT),
        ("Trần Thị Bình", GIAY_KHEN),
    }
    assert len(result.created) == 4
    assert set(Nomination.objects.values_list("status", "unit", "campaign")) == {
        (NominationStatus.DRAFT, federation.school.pk, award_campaign.pk)
    }


def test_one_bad_row_saves_nothing_and_says_why_next_to_it(award_people, award_campaign, federation, members):
    rows = [*GOOD, [5, "Nguyễn Văn An", "", "Huân chương Lao động hạng Ba", "Thành tích xuất sắc."]]
    result = intake.import_file(
        award_people["school_chair"],
        unit=federation.school,
        campaign=award_campaign,
        data=xlsx(rows),
        filename="ds.xlsx",
        commit=True,
    )
    assert not result.ok and not Nomination.objects.exists()
    assert [r.number for r in result.failed_rows] == [8]
    # An unknown kind is not a duplicate of An's Lao động tiên tiến: titles go together.
    [message] = errors_of(result, 8)
    assert message.startswith("Kế hoạch này không có hình thức “Huân chương Lao động hạng Ba”; ghi một trong:")
    assert "“Giấy khen của Công đoàn cấp trên trực tiếp cơ sở”" in message


def test_a_title_and_a_form_go_together_two_forms_do_not(award_people, award_campaign, federation, members):
    rows = [
        *GOOD,
        [5, "Nguyễn Văn An", "", "Giấy khen", "Thành tích xuất sắc."],
        [6, "Nguyễn Văn An", "", "Bằng khen", "Thành tích xuất sắc."],
        [7, "Nguyễn Văn An", "", "Lao động tiên tiến", "Lần hai."],
    ]
    result = preview(award_people, award_campaign, federation, rows)
    assert [r.number for r in result.failed_rows] == [9, 10]
    assert errors_of(result, 9) == [
        "Trùng với dòng 8: mỗi tập thể, cá nhân chỉ được đề nghị một hình thức khen thưởng."
    ]
    assert errors_of(result, 10) == ["Trùng với dòng 6: cùng một danh hiệu, hình thức được đề nghị hai lần."]


def test_the_nomination_guards_are_reported_per_row(award_people, award_campaign, federation, members, quota):
    quota(LDTT, 1)
    rows = [
        [1, "Nguyễn Văn An", "", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ."],
        [2, "Trần Thị Bình", "", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ."],
        [3, "Tổ Toán – Tin", "", "Lao động tiên tiến", "Tổ dẫn đầu."],
    ]
    result = preview(award_people, award_campaign, federation, rows)
    assert errors_of(result, 4) == []
    assert errors_of(result, 5) == [
        "CĐCS Trường THCS Gia Thụy đã dùng hết chỉ tiêu “Lao động tiên tiến” (1) của kế hoạch này."
    ]
    # Lao động tiên tiến is for individuals: the group's name is not taken for a person's.
    assert errors_of(result, 6) == ["Không tìm thấy đoàn viên “Tổ Toán – Tin” trong CĐCS Trường THCS Gia Thụy."]
    assert not Nomination.objects.exists()


def test_after_the_deadline_every_row_is_refused(award_people, award_campaign, federation, members):
    RewardPlan.objects.filter(campaign=award_campaign).update(nomination_due_on=datetime.date(2020, 1, 1))
    campaign = Campaign.objects.get(pk=award_campaign.pk)
    result = preview(award_people, campaign, federation, GOOD[2:3])
    [message] = errors_of(result, 4)
    assert "01/01/2020" in message


def test_a_member_of_another_unit_is_not_found(award_people, award_campaign, federation, members):
    rows = [[1, "Lê Đức Cường", "Công ty May Đức Giang", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ."]]
    result = preview(award_people, award_campaign, federation, rows)
    assert errors_of(result, 4) == ["Không tìm thấy đoàn viên “Lê Đức Cường” trong CĐCS Trường THCS Gia Thụy."]
    carded = [[1, "Lê Đức Cường", "", "Lao động tiên tiến", "Tốt.", "LB0003"]]
    result = preview(award_people, award_campaign, federation, carded, header=[*HEADER, "Số thẻ đoàn viên"])
    assert errors_of(result, 4) == ["Không tìm thấy đoàn viên có số thẻ “LB0003” trong CĐCS Trường THCS Gia Thụy."]


def test_a_cdcs_cannot_import_for_a_sibling(award_people, award_campaign, federation, members):
    with pytest.raises(PermissionDenied):
        preview(award_people, award_campaign, federation, GOOD, actor=award_people["company_chair"])
    assert not Nomination.objects.exists()


def test_two_members_of_one_name_are_told_apart_by_position_or_card(award_people, award_campaign, federation, members):
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.group, position="Tổ trưởng", card_number="LB0099")
    rows = [[1, "Nguyễn Văn An", "", "Lao động tiên tiến", "Tốt."]]
    [message] = errors_of(preview(award_people, award_campaign, federation, rows), 4)
    assert message.startswith("Có 2 đoàn viên tên “Nguyễn Văn An” (")
    assert "Tổ trưởng, Tổ Toán – Tin" in message
    rows = [[1, "Nguyễn Văn An", "Tổ trưởng, Tổ Toán – Tin", "Lao động tiên tiến", "Tốt."]]
    result = preview(award_people, award_campaign, federation, rows)
    assert result.ok and result.rows[0].subject_member.card_number == "LB0099"
    rows = [[1, "Nguyen Van An", "", "Lao động tiên tiến", "Tốt.", "LB0001"]]
    result = preview(award_people, award_campaign, federation, rows, header=[*HEADER, "Số thẻ ĐV"])
    assert result.ok and result.rows[0].subject_member == members["an"]


def test_sections_blank_lines_and_totals(award_people, award_campaign, federation, members):
    rows = [
        ["I", "TẬP THỂ"],
        [1, "Tổ Toán – Tin", "", "Bằng khen", "Tổ dẫn đầu."],
        [],
        ["II", "CÁ NHÂN"],
        [1, "Trần Thị Bình", "", "Bằng khen của Liên đoàn Lao động tỉnh, thành phố", "Xuất sắc."],
        ["", "Tổng cộng: 02"],
    ]
    result = preview(award_people, award_campaign, federation, rows)
    assert result.ok, [(r.number, r.errors) for r in result.rows]
    assert [(r.number, r.subject_name, r.award_kind.code) for r in result.rows] == [
        (5, "Tổ Toán – Tin", BANG_KHEN),
        (8, "Trần Thị Bình", BANG_KHEN),
    ]


def test_a_file_without_the_header_or_not_a_spreadsheet(award_people, award_campaign, federation):
    result = preview(award_people, award_campaign, federation, GOOD, header=["STT", "Tên", "Ghi chú"])
    assert result.errors[0].startswith("Không tìm thấy dòng tiêu đề của danh sách")
    result = intake.import_file(
        award_people["school_chair"], unit=federation.school, campaign=award_campaign, data=b"abc", filename="x.xlsx"
    )
    assert result.errors == ["Tệp không phải bảng tính .xlsx hoặc .csv hợp lệ."]


def test_the_template_reads_back_with_its_header_and_two_examples(award_people, award_campaign, federation):
    data = intake.template_xlsx(federation.school, award_campaign)
    header, rows = intake.read_rows(data, "mau.xlsx")
    assert header == 3
    assert [r.name for r in rows] == ["CĐCS Trường THCS Gia Thụy", "Nguyễn Văn An"]


# --- views ---------------------------------------------------------------------------------------


def upload(client, campaign, rows, name="ds.xlsx"):
    file = io.BytesIO(xlsx(rows))
    file.name = name
    return client.post(reverse("awards:intake"), {"campaign": campaign.pk, "file": file})


def test_upload_preview_fix_and_confirm(login, award_people, award_campaign, federation, members):
    client = login(award_people["school_chair"])
    assert client.get(reverse("awards:intake")).status_code == 200
    bad = [*GOOD[:3], [4, "Trần Thị Bìnhh", "", "Giấy khen", "Có sáng kiến."]]
    response = upload(client, award_campaign, bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Không tìm thấy tập thể hay đoàn viên “Trần Thị Bìnhh” trong CĐCS Trường THCS Gia Thụy." in page
    assert 'data-testid="intake-confirm"' not in page
    response = upload(client, award_campaign, GOOD)
    assert response.status_code == 200 and not Nomination.objects.exists()
    payload = response.context["payload"]
    response = client.post(reverse("awards:intake_confirm"), {"payload": payload})
    assert response.status_code == 302
    assert response.url == reverse("awards:unit_nominations", args=[award_campaign.pk])
    assert Nomination.objects.count() == 4
    # The same payload again: every subject already has its nomination, nothing doubles.
    response = client.post(reverse("awards:intake_confirm"), {"payload": payload})
    assert response.status_code == 400 and Nomination.objects.count() == 4


def test_a_payload_is_good_only_for_its_own_unit_and_unaltered(login, award_people, award_campaign, federation):
    client = login(award_people["school_chair"])
    payload = upload(client, award_campaign, GOOD[:1]).context["payload"]
    other = login(award_people["company_chair"])
    assert other.post(reverse("awards:intake_confirm"), {"payload": payload}).status_code == 404
    client = login(award_people["school_chair"])
    assert client.post(reverse("awards:intake_confirm"), {"payload": payload[:-2] + "xx"}).status_code == 404
    assert not Nomination.objects.exists()


def test_who_may_import(login, award_people, award_campaign):
    assert login(award_people["member"]).get(reverse("awards:intake")).status_code == 403
    assert login(award_people["school_chair"]).get(reverse("awards:intake_template")).status_code == 200


def test_the_form_says_what_is_missing_in_vietnamese(login, award_people, award_campaign):
    client = login(award_people["school_chair"])
    response = client.post(reverse("awards:intake"), {"campaign": award_campaign.pk})
    assert response.status_code == 400
    assert "Hãy chọn tệp danh sách .xlsx." in response.content.decode()


def test_the_menu_offers_the_import_to_a_cdcs(login, award_people, award_campaign):
    page = login(award_people["school_chair"]).get(reverse("awards:intake")).content.decode()
    assert "Nhập danh sách đề nghị" in page


def test_finding_rows_costs_the_same_queries_for_a_short_and_a_long_list(award_campaign, federation, members):
    """Kinds, collectives and members are each read once for the whole list (nominate's own
    checks then cost the same per row)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost(n):
        people = [MemberFactory(full_name=f"Đoàn viên {n} {i}", unit=federation.school) for i in range(n)]
        rows = [intake.Row(i + 4, p.full_name, "", "Lao động tiên tiến", "Tốt.") for i, p in enumerate(people)]
        with CaptureQueriesContext(connection) as queries:
            finder = intake._Finder(federation.school, award_campaign, rows)
            for row in rows:
                finder.resolve(row)
        assert [r.errors for r in rows if not r.ok] == []
        return len(queries)

    assert cost(2) == cost(25)


def test_honorifics_and_a_position_written_in_the_name_cell(award_people, award_campaign, federation, members):
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.group, position="Tổ trưởng", card_number="LB0098")
    rows = [
        [1, "Ông Nguyễn Văn An - Tổ trưởng, Tổ Toán – Tin", "", "Lao động tiên tiến", "Tốt."],
        [2, "Đ/c Trần Thị Bình\nGiáo viên", "", "Lao động tiên tiến", "Tốt."],
    ]
    result = preview(award_people, award_campaign, federation, rows)
    assert result.ok, [(r.number, r.errors) for r in result.rows]
    assert result.rows[0].subject_member.card_number == "LB0098"
    assert result.rows[1].subject_member == members["binh"]


def test_the_preview_shows_the_criteria_as_the_data_stands(login, award_people, award_campaign, federation, members):
    client = login(award_people["school_chair"])
    response = upload(client, award_campaign, GOOD[2:3])  # Nguyễn Văn An for Lao động tiên tiến
    [row] = response.context["result"].rows
    assert row.verdict == "not_met"  # no rating, no registration for the title in 2026
    page = response.content.decode()
    assert "Tiêu chuẩn: chưa đạt" in page
    assert "Chưa đạt: chưa đăng ký thi đua danh hiệu Lao động tiên tiến năm 2026." in page
    assert 'data-testid="intake-confirm"' in page  # information, not a refusal
