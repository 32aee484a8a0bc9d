"""A plan's part is reached only under its own plan (core.access.get_for_user over the plan's
rows, issue 19 item 3): another plan's item id guessed into the address is a 404, even for an
officer who may edit both plans."""

import datetime

from thidua.campaigns import services


def test_a_part_of_another_plan_is_not_found_under_this_one(draft, lb_officer, federation, login):
    other = services.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Kế hoạch khác",
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
    )
    theirs = services.save_part(
        lb_officer, other, "deadline", what="Hạn của kế hoạch khác", due_on=datetime.date(2023, 9, 1)
    )
    ours = services.PARTS["deadline"][0].objects.filter(campaign=draft).first()
    client = login(lb_officer)

    assert client.get(f"/ke-hoach/{draft.pk}/muc/deadline/{ours.pk}/").status_code == 200
    assert client.get(f"/ke-hoach/{other.pk}/muc/deadline/{theirs.pk}/").status_code == 200
    assert client.get(f"/ke-hoach/{draft.pk}/muc/deadline/{theirs.pk}/").status_code == 404
    assert client.post(f"/ke-hoach/{draft.pk}/muc/deadline/{theirs.pk}/", {"what": "Đổi"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.what == "Hạn của kế hoạch khác"
