"""Models "Dân vận khéo" (seed 004): each CĐCS registers at least one by the deadline
(22/02/2021 in the seed); after it the federation sees which CĐCS have none."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.participation import services
from thidua.participation.models import ModelProject, Part
from thidua.participation.tests.conftest import local


@pytest.fixture
def model_due(campaign, lb_officer):
    services.set_due_date(lb_officer, campaign, part=Part.MODEL, due=datetime.date(2021, 2, 22))
    return campaign


@pytest.mark.parametrize(
    ("moment", "late"),
    [(("2021-02-21", "09:00"), False), (("2021-02-22", "23:59"), False), (("2021-02-23", "00:01"), True)],
)
def test_a_model_after_the_deadline_is_kept_and_flagged(model_due, federation, school_chair, moment, late):
    project = services.register_model(
        school_chair,
        campaign=model_due,
        unit=federation.school,
        name="Nhà giáo gương mẫu",
        field="Giáo dục",
        at=local(*moment),
    )
    assert ModelProject.objects.get(pk=project.pk).is_late is late


def test_a_model_needs_a_name_and_a_field(model_due, federation, school_chair):
    with pytest.raises(ValidationError) as error:
        services.register_model(school_chair, campaign=model_due, unit=federation.school, name="Mô hình", field=" ")
    assert error.value.message_dict == {"field": ["Hãy nhập lĩnh vực của mô hình."]}


def test_results_are_recorded_later_by_the_unit_only(model_due, federation, school_chair, company_chair, login):
    project = services.register_model(
        school_chair, campaign=model_due, unit=federation.school, name="Mô hình", field="Giáo dục"
    )
    url = reverse("participation:model_results", args=[project.pk])
    assert login(company_chair).post(url, {"results": "Không phải của tôi"}).status_code == 404
    login(school_chair).post(url, {"results": "100% giáo viên tham gia"})
    project.refresh_from_db()
    assert project.results == "100% giáo viên tham gia"


def test_after_the_deadline_the_federation_sees_which_cdcs_have_no_model(
    model_due, federation, school_chair, lb_officer, login
):
    services.register_model(school_chair, campaign=model_due, unit=federation.school, name="Mô hình", field="Giáo dục")
    page = login(lb_officer).get(reverse("participation:overview", args=[model_due.pk]) + "?chua-co=model")
    assert [d["unit__name"] for d in page.context["missing"]] == [federation.company.name]
    assert page.context["past_due"] is True
    body = page.content.decode()
    assert "1 CĐCS chưa có mô hình" in body
    assert "đã quá hạn" in body
