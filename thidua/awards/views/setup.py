"""A campaign's awards page, for the office of the federation that issued it: the kinds of
award it offers with their due dates, the quotas of each CĐCS per kind in one form (each cell
with its own message; all saved or none), the plan's quota rule next to it, and the dossier
the campaign's procedure asks for."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.awards import eligibility, queries, services
from thidua.awards.models import AwardKind
from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user


def _parse_date(value: str):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return "invalid"


def _offers_context(campaign: Campaign, posted=None, errors=None) -> list[dict]:
    offered = {o.award_kind_id: o for o in queries.offers(campaign)}
    rows = []
    for kind in AwardKind.objects.filter(is_active=True).order_by("order", "name"):
        offer = offered.get(kind.pk)
        if posted is not None:
            checked = posted.get(f"kind_{kind.pk}") == "on"
            due = posted.get(f"due_{kind.pk}", "")
        else:
            checked = offer is not None
            due = offer.due_on.isoformat() if offer is not None and offer.due_on else ""
        rows.append(
            {
                "kind": kind,
                "checked": checked,
                "due": due,
                "errors": (errors or {}).get(f"kind_{kind.pk}", []) + (errors or {}).get(f"due_{kind.pk}", []),
            }
        )
    return rows


def _save_offers(request, campaign: Campaign) -> dict:
    offers, errors = {}, {}
    kinds = {k.pk: k for k in AwardKind.objects.filter(is_active=True)}
    for pk, kind in kinds.items():
        if request.POST.get(f"kind_{pk}") != "on":
            continue
        due = _parse_date(request.POST.get(f"due_{pk}", ""))
        if due == "invalid":
            errors[f"due_{pk}"] = [_("Ngày không hợp lệ.")]
            continue
        offers[kind] = due
    if not errors:
        try:
            services.offer_awards(request.user, campaign, offers)
        except ValidationError as error:
            errors = error.message_dict
    return errors


def _save_quotas(request, campaign: Campaign) -> tuple[dict, dict]:
    counts, errors, posted = {}, {}, {}
    for name, value in request.POST.items():
        if not name.startswith("q_"):
            continue
        try:
            unit_id, kind_id = (int(part) for part in name[2:].split("_"))
        except ValueError:
            continue
        value = value.strip()
        posted[name] = value
        if value == "":
            counts[(unit_id, kind_id)] = None
        elif not value.isdigit() or int(value) > 9999:
            errors[name] = [_("Hãy nhập một số nguyên không âm.")]
        else:
            counts[(unit_id, kind_id)] = int(value)
    if not errors:
        try:
            changed = services.allocate_quotas(request.user, campaign, counts)
        except ValidationError as error:
            errors = error.message_dict
        else:
            messages.success(request, _("Đã lưu chỉ tiêu khen thưởng (%(n)s ô thay đổi).") % {"n": changed})
            over = eligibility.quota_cap_warnings(campaign, {k: v for k, v in counts.items() if v})
            if over:
                messages.warning(
                    request,
                    _("Lưu ý: %(n)s ô có chỉ tiêu vượt giới hạn tỷ lệ của danh hiệu; xem ghi chú dưới từng ô.")
                    % {"n": len(over)},
                )
    return errors, posted


@login_required
def campaign_setup(request, campaign: int):
    campaign = get_for_user(
        request.user, Campaign, campaign, perm="awards.allocate_quota", related=("issuer", "reward")
    )
    offer_errors, quota_errors, posted_quotas, posted_offers = {}, {}, {}, None
    if request.method == "POST":
        if request.POST.get("part") == "offers":
            offer_errors = _save_offers(request, campaign)
            if not offer_errors:
                messages.success(request, _("Đã lưu các hình thức khen thưởng của kế hoạch."))
                return redirect("awards:setup", campaign=campaign.pk)
            posted_offers = request.POST
        else:
            quota_errors, posted_quotas = _save_quotas(request, campaign)
            if not quota_errors:
                return redirect("awards:setup", campaign=campaign.pk)
    kinds, rows = queries.quota_table(campaign)
    # The cap's warning of each cell (Chiến sĩ thi đua cơ sở ≤ 15 % of Lao động tiên tiến):
    # warned, not refused — see eligibility.quota_cap_warnings.
    saved = {(row["unit"].pk, cell["kind"].pk): cell["quota"] for row in rows for cell in row["cells"]}
    warnings = eligibility.quota_cap_warnings(campaign, {k: v for k, v in saved.items() if v})
    for row in rows:
        for cell in row["cells"]:
            name = f"q_{row['unit'].pk}_{cell['kind'].pk}"
            cell["name"] = name
            cell["value"] = posted_quotas.get(name, "" if cell["quota"] is None else cell["quota"])
            cell["errors"] = quota_errors.get(name, [])
            cell["warning"] = warnings.get((row["unit"].pk, cell["kind"].pk), "")
    loose = [m for k, ms in quota_errors.items() if not k.startswith("q_") for m in ms]
    status = 400 if offer_errors or quota_errors else 200
    return render(
        request,
        "awards/setup/campaign.html",
        {
            "campaign": campaign,
            "reward": getattr(campaign, "reward", None),
            "offer_rows": _offers_context(campaign, posted_offers, offer_errors),
            "offer_errors": [m for k, ms in offer_errors.items() if not k.startswith(("kind_", "due_")) for m in ms],
            "kinds": kinds,
            "rows": rows,
            "quota_errors": bool(quota_errors),
            "loose_errors": loose,
            "requirements": queries.requirements_for(campaign),
            "procedure": queries.procedure_of(campaign),
            "due": queries.due_date(campaign),
        },
        status=status,
    )
