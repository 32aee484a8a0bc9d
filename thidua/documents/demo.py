"""The demo's letterheads (IssuerProfile): who signs each demo unit's papers, so the decisions,
certificates, minutes and reviews the demo and its logins issue print a signer's title and
name (issue 15) instead of being refused for a missing one.

- The federations that issued the seeds sign as their seeds do: "TM. BAN THƯỜNG VỤ" /
  "CHỦ TỊCH" and the chair who signed the latest seed (Nguyễn Trường Giang for Long Biên's
  32/KH of 2023, Nguyễn Đức Thê for Gia Lâm, Nguyễn Thị Thiệp for Lai Châu). Hà Nội signs
  by its vice-chair, the demo's hn_bantv, in the KT. form of Nghị định 30/2020 (Phụ lục I,
  mục 9): "TM. BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".
- Each CĐCS signs "TM. BAN CHẤP HÀNH" / "CHỦ TỊCH" by the chair its member list names.
- Other federations (no named chair in the demo) keep the derived letterhead without a name:
  issuing there is refused until their officer fills it in, as it would be in a real office.

Called first by the campaigns stage (before any paper is issued). Rerunning changes nothing:
a unit with a saved letterhead is left as it is."""

from django.db.models import Q

from thidua.core.demo import SYSTEM
from thidua.documents.models import IssuerProfile
from thidua.documents.rendering import TEXT_WIDTH_TWIPS, _text_em
from thidua.documents.services import save_issuer_profile
from thidua.org.models import Member, Unit

# Unit name → (authority lines, title, name), from the seeds (campaigns.seeds) and the demo's staff.
FEDERATION_SIGNERS = {
    "LĐLĐ thành phố Hà Nội": ("TM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quang Huy"),
    "LĐLĐ quận Long Biên": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Trường Giang"),
    "LĐLĐ huyện Gia Lâm": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Đức Thê"),
    "LĐLĐ tỉnh Lai Châu": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thị Thiệp"),
}


def _chair_name(unit: Unit) -> str:
    """The CĐCS chair as the member list records the seat ("…, Chủ tịch công đoàn")."""
    chair = (
        Member.objects.filter(unit__path__startswith=unit.path)
        .filter(Q(position="Chủ tịch công đoàn") | Q(position__endswith=", Chủ tịch công đoàn"))
        .order_by("id")
        .first()
    )
    return chair.full_name if chair else ""


def cdcs_body_line(name: str) -> str:
    """A CĐCS's name as its officer would set it: "CĐCS / TRƯỜNG THCS GIA THỤY" where the whole
    name overflows the letterhead's column (40 % of the text width, 13 pt bold), so the school's
    name stays whole on its own line instead of wrapping before its last word."""
    upper = name.upper()
    prefix, _, rest = upper.partition(" ")
    too_wide = _text_em(upper, bold=True) * 13 * 20 > 0.4 * TEXT_WIDTH_TWIPS
    return f"{prefix} / {rest}" if prefix == "CĐCS" and rest and too_wide else upper


def load_demo_letterheads(log=print) -> None:
    saved = set(IssuerProfile.objects.values_list("unit_id", flat=True))
    units = Unit.objects.filter(Q(name__in=FEDERATION_SIGNERS) | Q(kind__is_grassroots=True)).select_related("kind")
    count = 0
    for unit in units.order_by("path"):
        if unit.pk in saved:
            continue
        if unit.name in FEDERATION_SIGNERS:
            authority, title, name = FEDERATION_SIGNERS[unit.name]
        else:
            authority, title, name = "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", _chair_name(unit)
            if not name:
                continue
        values = {"signer_authority": authority, "signer_title": title, "signer_name": name}
        if unit.kind.is_grassroots:
            values["body_line"] = cdcs_body_line(unit.name)
        save_issuer_profile(SYSTEM, unit, **values)
        count += 1
    if count:
        log(f"  {count} thông tin cơ quan ban hành (người ký)")
