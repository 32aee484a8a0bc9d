import datetime
from zoneinfo import ZoneInfo

import pytest

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.reports import services
from thidua.reports.models import Aggregation, IndicatorKind, Period, ReportForm, Source


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lb_officer(federation):
    return make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)


@pytest.fixture
def city_officer(federation):
    return make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)


@pytest.fixture
def school_chair(federation):
    return make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


@pytest.fixture
def company_chair(federation):
    return make_user("company_chair", RoleKind.GRASSROOTS_CHAIR, federation.company, email="maydg@example.vn")


@pytest.fixture
def gia_lam_chair(federation):
    return make_user("gl_chair", RoleKind.GRASSROOTS_CHAIR, federation.gia_lam_cdcs)


def make_quarterly(officer, issuer, **values) -> ReportForm:
    """Seed 004's quarterly report: "trước ngày 15 tháng cuối quý", to every CĐCS of the issuer."""
    form = services.create_form(
        officer,
        issuer=issuer,
        title=values.pop("title", "Báo cáo kết quả thực hiện phong trào thi đua hằng quý"),
        period=values.pop("period", Period.QUARTER),
        due_rule="last_month_day",
        due_day=15,
        due_before=True,
        **values,
    )
    total = services.save_indicator(
        officer,
        form,
        label="Tổng số đoàn viên",
        kind=IndicatorKind.NUMBER,
        aggregation=Aggregation.SUM,
        source=Source.MEMBERS,
    )
    services.save_indicator(
        officer,
        form,
        label="Số đoàn viên được phổ biến",
        kind=IndicatorKind.NUMBER,
        aggregation=Aggregation.SUM,
        not_above=total,
    )
    services.save_indicator(
        officer,
        form,
        label="Tỷ lệ CNLĐ được ký thỏa ước",
        kind=IndicatorKind.PERCENT,
        aggregation=Aggregation.AVERAGE,
    )
    services.save_indicator(
        officer,
        form,
        label="Đã tổ chức Hội nghị người lao động",
        kind=IndicatorKind.YES_NO,
        aggregation=Aggregation.SHARE_YES,
    )
    services.save_indicator(
        officer, form, label="Kết quả nổi bật", kind=IndicatorKind.TEXT, aggregation=Aggregation.NONE, required=False
    )
    services.save_indicator(
        officer,
        form,
        label="Biên bản hội nghị",
        kind=IndicatorKind.FILE,
        aggregation=Aggregation.NONE,
        required=False,
    )
    return form


@pytest.fixture
def quarterly(federation, lb_officer, members) -> ReportForm:
    form = make_quarterly(lb_officer, federation.long_bien)
    services.publish_form(lb_officer, form, today=datetime.date(2023, 8, 16))
    return ReportForm.objects.get(pk=form.pk)


def answers(form: ReportForm, **by_label) -> dict:
    """Field values keyed as the page posts them (i<id>), from indicator labels' first words."""
    names = {
        "total": "Tổng số đoàn viên",
        "reached": "Số đoàn viên được phổ biến",
        "share": "Tỷ lệ CNLĐ được ký thỏa ước",
        "held": "Đã tổ chức Hội nghị người lao động",
        "note": "Kết quả nổi bật",
    }
    indicators = {i.label: i for i in form.indicators.all()}
    return {indicators[names[key]].field_name: value for key, value in by_label.items()}


def local(day: str, time: str = "12:00") -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
