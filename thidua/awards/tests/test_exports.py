"""The awards pages' spreadsheets (issue 15 item 6): the public honour roll as an .xlsx with
what the page shows and nothing a visitor cannot see, and an office's queue of nominations
with the page's filters and scope — both through the one writer, read back with openpyxl."""

import io

import openpyxl
import pytest
from django.urls import reverse

from thidua.awards.tests.conftest import GIAY_KHEN, submitted
from thidua.awards.tests.test_honour import awards  # noqa: F401 — the honour roll's awards
from thidua.org.exports import SHEET_NAME_MAX

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active


def _values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def assert_prints_as_a_list(sheet, name: str) -> None:
    """Frozen header, named sheet, A4 landscape one page wide, header on every printed page."""
    assert sheet.title == name and len(name) <= SHEET_NAME_MAX
    assert sheet.freeze_panes == "A2"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"


def test_the_honour_roll_exports_what_the_page_shows_to_anyone(client, campaign, awards):  # noqa: F811
    page = client.get(reverse("awards:honour_roll", args=[campaign.pk])).content.decode()
    url = reverse("awards:honour_roll_export", args=[campaign.pk])
    assert url in page  # the page offers it
    sheet = _sheet(client.get(url))
    assert_prints_as_a_list(sheet, "Bảng vinh danh")
    rows = _values(sheet)
    assert rows[0] == ["STT", "Hình thức khen thưởng", "Tập thể, cá nhân", "Loại", "Chức vụ, đơn vị"]
    names = [row[2] for row in rows[1:]]
    assert sorted(names) == sorted(
        [
            "CĐCS Công ty May Đức Giang",
            "Tổ Toán – Tin",
            "Nguyễn Thị Hằng",
            "Nguyễn Văn An",
            "Lê Đức Cường",
            "Trần Thị Bình",
        ]
    )
    for name in names:
        assert name in page  # each row is on the page
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "Phạm Thị Dung" not in text  # a draft decision's awardee stays hidden
    assert "LB0100" not in text  # no card number or other member data


def test_no_export_for_a_campaign_without_an_honour_roll(client, federation, campaign, kinds, hang, new_decision):
    new_decision(federation.long_bien, campaign, [(kinds["lao-dong-tien-tien"], hang, "Chưa ban hành")], issued=False)
    assert client.get(reverse("awards:honour_roll_export", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("awards:honour_roll_export", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_the_office_exports_its_filtered_queue_and_nothing_of_another_level(
    login, award_people, award_campaign, catalogue, members
):
    from thidua.awards import services

    waiting = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["binh"])
    returned = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.return_nomination(award_people["lb_officer"], returned, reason="Thiếu biên bản họp.")
    district = login(award_people["lb_officer"])
    assert reverse("awards:queue_export") in district.get(reverse("awards:queue")).content.decode()
    sheet = _sheet(district.get(reverse("awards:queue_export"), {"trang_thai": "cho-xet"}))
    assert_prints_as_a_list(sheet, "Hồ sơ đề nghị khen thưởng")
    assert [row[1] for row in _values(sheet)[1:]] == [waiting.subject_name]  # the page's filter
    every = _values(_sheet(district.get(reverse("awards:queue_export"), {"trang_thai": ""})))
    assert sorted(row[1] for row in every[1:]) == sorted([waiting.subject_name, returned.subject_name])
    # The city's office handles none of the district's nominations: an empty list, headers only.
    city = login(award_people["hn_officer"])
    assert _values(_sheet(city.get(reverse("awards:queue_export"), {"trang_thai": ""})))[1:] == []
    # A CĐCS chair has no queue: no export either.
    assert login(award_people["school_chair"]).get(reverse("awards:queue_export")).status_code == 404
