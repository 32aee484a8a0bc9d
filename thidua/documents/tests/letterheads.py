"""The test federation's letterheads with their signers (root conftest's `federation`): every
paper needs a signer's title and name to be issued (documents.services.require_signable), as an
office fills in on its letterhead page. Tests of a missing field blank it themselves."""

from thidua.documents.models import IssuerProfile
from thidua.documents.services import profile_for

# Federation attribute → (authority, title, name).
SIGNERS = {
    "city": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Phi Thường"),
    "long_bien": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Trường Giang"),
    "gia_lam": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Đức Thê"),
    "school": ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Thị Hồng Hạnh"),
    "company": ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Đặng Văn Hùng"),
    "gia_lam_cdcs": ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Ngô Thị Thanh Hương"),
}


def sign_letterheads(federation) -> None:
    for attribute, (authority, title, name) in SIGNERS.items():
        profile = profile_for(getattr(federation, attribute))
        profile.signer_authority, profile.signer_title, profile.signer_name = authority, title, name
        profile.save()


def blank(unit, **fields: str) -> IssuerProfile:
    """`unit`'s letterhead with `fields` emptied (or set), saved: a letterhead missing a line."""
    profile = profile_for(unit)
    for field, value in fields.items():
        setattr(profile, field, value)
    profile.save()
    return profile
