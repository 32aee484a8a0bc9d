import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, TargetMode
from thidua.core.models import AuditEntry
from thidua.documents.models import RegisterEntry


def test_issuing_numbers_the_plan_and_deploys_it_to_every_cdcs(draft, lb_officer, federation):
    services.issue_campaign(lb_officer, draft)
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.ISSUED
    assert draft.number == "01/KH-LĐLĐ"
    assert set(Deployment.objects.filter(campaign=draft).values_list("unit__code", flat=True)) == {"LB-001", "LB-002"}
    entry = AuditEntry.objects.for_object(draft).get(verb="issue")
    assert (entry.from_state, entry.to_state) == ("Dự thảo", "Đã ban hành")
    # The group and the other district's CĐCS are not targets.
    assert not Deployment.objects.filter(unit__in=[federation.group, federation.gia_lam_cdcs]).exists()


def test_the_next_plan_takes_the_next_number(draft, lb_officer, federation):
    services.issue_campaign(lb_officer, draft)
    second = services.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        title="Kế hoạch thứ hai",
        plan_date=datetime.date(2023, 9, 1),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Nguyễn Trường Giang",
    )
    services.set_targets(lb_officer, second, mode=TargetMode.SECTOR, sector="school")
    services.issue_campaign(lb_officer, second)
    second.refresh_from_db()
    assert second.number == "02/KH-LĐLĐ"
    assert list(Deployment.objects.filter(campaign=second).values_list("unit__code", flat=True)) == ["LB-001"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"signer_name": ""}, "signer_name", "Chưa có họ tên người ký."),
        ({"signer_title": " \n "}, "signer_title", "Chưa có chức danh người ký."),
        ({"target_mode": ""}, "target_mode", "chưa có đơn vị nhận triển khai"),
        ({"ends_on": datetime.date(2023, 8, 1)}, "ends_on", "Ngày kết thúc phải sau ngày bắt đầu"),
    ],
)
def test_refused_plans_use_no_number_and_deploy_nothing(draft, lb_officer, change, field, message):
    Campaign.objects.filter(pk=draft.pk).update(**change)
    with pytest.raises(ValidationError) as error:
        services.issue_campaign(lb_officer, draft)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert Campaign.objects.get(pk=draft.pk).status == CampaignStatus.DRAFT
    assert not RegisterEntry.objects.exists()
    assert not Deployment.objects.exists()


def test_deadline_before_the_window_or_long_after_it_is_refused(draft, lb_officer):
    services.save_part(lb_officer, draft, "deadline", what="Đăng ký", due_on=datetime.date(2023, 8, 1))
    services.save_part(lb_officer, draft, "deadline", what="Nộp hồ sơ", due_on=datetime.date(2024, 3, 1))
    with pytest.raises(ValidationError) as error:
        services.issue_campaign(lb_officer, draft)
    text = " ".join(error.value.message_dict["deadlines"])
    assert "“Đăng ký” (01/08/2023) trước ngày bắt đầu thi đua" in text
    assert "“Nộp hồ sơ” (01/03/2024) quá xa sau khi đợt thi đua kết thúc (15/09/2023)" in text
    assert not RegisterEntry.objects.exists()


def test_a_district_cannot_edit_or_issue_the_citys_plan(federation, city_officer, lb_officer):
    city_plan = services.create_campaign(city_officer, issuer=federation.city, title="Kế hoạch của thành phố")
    with pytest.raises(PermissionDenied):
        services.update_campaign(lb_officer, city_plan, title="Sửa trộm")
    with pytest.raises(PermissionDenied):
        services.issue_campaign(lb_officer, city_plan)
    with pytest.raises(PermissionDenied):
        services.create_campaign(lb_officer, issuer=federation.city, title="Thay mặt thành phố")


def test_issued_plan_is_no_longer_editable(draft, lb_officer):
    services.issue_campaign(lb_officer, draft)
    with pytest.raises(PermissionDenied):
        services.update_campaign(lb_officer, Campaign.objects.get(pk=draft.pk), title="Sửa sau khi ban hành")
