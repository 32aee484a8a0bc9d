"""Writes of the documents app: taking a number from a unit's register, keeping its letterhead.

`take_number` is what every issuing service calls (campaigns.issue_campaign, later decisions,
cover letters, recognitions, reviews), inside its own transaction.
"""

import datetime
import hashlib
import re

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core import access, audit
from thidua.documents import printing, signing, signing_keys
from thidua.documents.models import (
    DocType,
    IssuerProfile,
    RegisterCounter,
    RegisterEntry,
    SignedOriginal,
    SigningCertificate,
    Verdict,
    title_lines,
)
from thidua.org.models import Unit

# "LĐLĐ quận Long Biên" → "Long Biên": the place of the date line is the name after the
# administrative level word (Phụ lục I, mục 4: địa danh of the issuer's seat).
_PLACE = re.compile(r"\b(?:thành phố|thị xã|thị trấn|quận|huyện|tỉnh|phường|xã|đặc khu)\s+(.+)$", re.IGNORECASE)


def _symbol_of(name: str) -> str:
    """ "LĐLĐ quận Long Biên" → "LĐLĐ", "CĐCS Trường THCS Gia Thụy" → "CĐCS": unions write
    their kind's abbreviation first. Otherwise the initials of the name, editable later."""
    words = name.split()
    if words and len(words[0]) > 1 and words[0].isupper():
        return words[0]
    return "".join(word[0] for word in words if word[0].isalpha()).upper()[:12]


def _place_of(units: list[Unit]) -> str:
    for unit in units:
        match = _PLACE.search(unit.name)
        if match:
            return match.group(1).strip()
    return ""


def profile_for(unit: Unit, *, issued: RegisterEntry | None = None) -> IssuerProfile:
    """The unit's saved letterhead, or an unsaved one derived from its and its parent's names:
    "LĐLĐ THÀNH PHỐ HÀ NỘI" / "LĐLĐ QUẬN LONG BIÊN", symbol "LĐLĐ", place "Long Biên".

    `issued`: the register entry of an issued paper — its letterhead as it was at issue (the
    snapshot `take_number` keeps), so a plan of a district dissolved in 2025 still prints
    "LĐLĐ HUYỆN GIA LÂM" under "LĐLĐ THÀNH PHỐ HÀ NỘI", whatever the tree says today."""
    if issued is not None and issued.letterhead:
        return IssuerProfile(unit=unit, **{f: issued.letterhead.get(f, "") for f in PROFILE_FIELDS})
    saved = IssuerProfile.objects.filter(unit=unit).first()
    if saved is not None:
        return saved
    # Nearest first; a CĐCS without a place in its name takes its federation's.
    ancestors = sorted(Unit.objects.filter(path__in=unit.ancestor_paths()), key=lambda u: -len(u.path))
    return _derived_profile(unit, ancestors)


def _derived_profile(unit: Unit, ancestors: list[Unit]) -> IssuerProfile:
    """`ancestors`: nearest first."""
    parent = ancestors[0] if ancestors else None
    federation = not (unit.kind.is_grassroots or unit.kind.is_group)
    return IssuerProfile(
        unit=unit,
        superior_line=parent.name.upper() if parent else "",
        body_line=unit.name.upper(),
        symbol_suffix=_symbol_of(unit.name),
        place=_place_of([unit, *ancestors]),
        # A federation signs for its standing committee; a CĐCS for its executive committee.
        signer_authority=_("TM. BAN THƯỜNG VỤ") if federation else _("TM. BAN CHẤP HÀNH"),
        signer_title=_("CHỦ TỊCH"),
    )


PROFILE_FIELDS = (
    "superior_line",
    "body_line",
    "symbol_suffix",
    "office_symbol",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
)


def letterhead_of(profile: IssuerProfile) -> dict[str, str]:
    return {f: getattr(profile, f) for f in PROFILE_FIELDS}


def signature_gaps(
    profile: IssuerProfile,
    *,
    signer_title: str | None = None,
    signer_name: str | None = None,
    place: str | None = None,
) -> dict[str, str]:
    """What a paper would print empty in its letterhead or signature block, by field, with the
    message to show. `signer_title`, `signer_name`, `place`: the paper's own values where it
    has them (a plan, a review); None takes the unit's letterhead (`profile`)."""
    where = _("(Thông tin cơ quan ban hành của %(unit)s)") % {"unit": profile.unit.name}
    own = {"signer_title": signer_title, "signer_name": signer_name, "place": place}
    values = {
        "signer_title": "\n".join(title_lines(signer_title))
        if signer_title is not None
        else "\n".join(profile.signer_lines),
        "signer_name": signer_name if signer_name is not None else profile.signer_name,
        "place": place or profile.place,
    }
    messages = {
        "superior_line": _("Chưa có tên cơ quan chủ quản"),
        "body_line": _("Chưa có tên cơ quan ban hành"),
        "place": _("Chưa có địa danh ở dòng ngày tháng"),
        "signer_title": _("Chưa có chức danh người ký"),
        "signer_name": _("Chưa có họ tên người ký"),
    }
    gaps = {}
    # A unit with a union above it prints that union's name first (Phụ lục I, mục 3).
    if profile.unit.parent_id and not profile.superior_line.strip():
        gaps["superior_line"] = f"{messages['superior_line']} {where}."
    if not profile.body_line.strip():
        gaps["body_line"] = f"{messages['body_line']} {where}."
    for field in ("place", "signer_title", "signer_name"):
        if not (values[field] or "").strip():
            gaps[field] = f"{messages[field]}." if own[field] is not None else f"{messages[field]} {where}."
    return gaps


def require_signable(
    profile: IssuerProfile,
    *,
    signer_title: str | None = None,
    signer_name: str | None = None,
    place: str | None = None,
) -> None:
    """Refuse to issue a paper that would print an empty letterhead line, place or signature
    block (issue 15): ValidationError naming each missing field. Every issuing service calls
    it before `take_number`, so a refused paper takes no number."""
    gaps = signature_gaps(profile, signer_title=signer_title, signer_name=signer_name, place=place)
    if gaps:
        raise ValidationError(gaps)


def count_papers(unit: Unit) -> int:
    """Issued papers of the unit's subtree (one count over the path range)."""
    return RegisterEntry.objects.within(unit).count()


def freeze_letterheads(unit: Unit) -> int:
    """Before the tree under `unit` changes (core.succession): every issued paper of the
    subtree taken before snapshots existed gets the letterhead it would print today, i.e. the
    one it was issued under. A fixed number of queries, then one UPDATE per issuing unit —
    a province's few thousand CĐCS, most with no paper to freeze."""
    pending = RegisterEntry.objects.within(unit).filter(letterhead__isnull=True)
    unit_ids = set(pending.values_list("unit_id", flat=True).distinct())
    if not unit_ids:
        return 0
    issuers = list(Unit.objects.filter(pk__in=unit_ids).select_related("kind"))
    paths = {p for u in issuers for p in u.ancestor_paths()}
    by_path = {u.path: u for u in Unit.objects.filter(path__in=paths)}
    saved = {p.unit_id: p for p in IssuerProfile.objects.filter(unit_id__in=unit_ids)}
    frozen = 0
    for issuer in issuers:
        profile = saved.get(issuer.pk)
        if profile is None:
            ancestors = [by_path[p] for p in reversed(issuer.ancestor_paths()) if p in by_path]
            profile = _derived_profile(issuer, ancestors)
        frozen += pending.filter(unit_id=issuer.pk).update(letterhead=letterhead_of(profile))
    return frozen


def save_issuer_profile(actor, unit: Unit, **values: str) -> IssuerProfile:
    access.check(actor, "documents.change_issuer_profile", unit)
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    with transaction.atomic():
        profile = profile_for(unit)
        before = {f: getattr(profile, f) for f in PROFILE_FIELDS}
        for name, value in values.items():
            setattr(profile, name, value)
        profile.full_clean()
        profile.save()
        after = {f: getattr(profile, f) for f in PROFILE_FIELDS}
        changed = {f: [before[f], after[f]] for f in PROFILE_FIELDS if before[f] != after[f]}
        audit.record(actor, "update_issuer_profile", profile, scope_path=unit.path, changes=changed)
    return profile


def _locked_counter(unit: Unit, year: int, doc_type: str) -> RegisterCounter:
    """The counter row, locked until the caller's transaction ends, created if missing.

    Two first issuings of a year may race to create the row: ON CONFLICT DO NOTHING lets the
    loser wait for the winner's row instead of failing, then both lock the same row in turn.
    (On SQLite, IMMEDIATE transactions already serialise writers and FOR UPDATE is a no-op.)
    """
    locked = RegisterCounter.objects.select_for_update()
    try:
        return locked.get(unit=unit, year=year, doc_type=doc_type)
    except RegisterCounter.DoesNotExist:
        RegisterCounter.objects.bulk_create(
            [RegisterCounter(unit=unit, year=year, doc_type=doc_type)], ignore_conflicts=True
        )
        return locked.get(unit=unit, year=year, doc_type=doc_type)


def take_number(
    actor,
    unit: Unit,
    doc_type: str,
    *,
    issued_on: datetime.date,
    title: str,
    target=None,
    office_symbol: str | None = None,
    checked_as: str = "",
) -> RegisterEntry:
    """Give the next number of `unit`'s register for `issued_on`'s year and `doc_type`.

    Runs in the caller's transaction, on purpose: the counter row stays locked until the
    document itself is saved, and if the issuing fails the rollback gives the number back, so
    the register has neither gaps nor duplicates (concurrent issuers wait on the lock).
    `office_symbol` is the drafting office of a công văn ("VP" in "125/LĐLĐ-VP").
    `checked_as`: the permission the caller already checked on its own object, when that act
    numbers a paper of its own (the minutes of a council session its secretary closes, who
    does not otherwise take numbers); recorded in the audit trail.
    """
    if not checked_as:
        access.check(actor, "documents.take_number", unit)
    if not transaction.get_connection().in_atomic_block:
        # Outside a transaction the lock would end at once and a failed issuing would keep
        # its number: a gap in the register. Callers wrap the whole issuing in atomic().
        raise transaction.TransactionManagementError("take_number must run inside the issuing transaction")
    if issued_on is None:
        raise ValidationError(_("Cần có ngày ban hành để lấy số văn bản."))
    doc_type = DocType(doc_type)
    profile = profile_for(unit)
    counter = _locked_counter(unit, issued_on.year, doc_type)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    office = profile.office_symbol if office_symbol is None else office_symbol
    entry = RegisterEntry.objects.create(
        unit=unit,
        year=issued_on.year,
        doc_type=doc_type,
        number=counter.last_number,
        symbol=RegisterEntry.build_symbol(counter.last_number, doc_type, profile.symbol_suffix, office),
        issued_on=issued_on,
        title=title[:1000],
        issued_by=access.person(actor),
        target=target,
        letterhead=letterhead_of(profile),
    )
    audit.record(
        actor,
        "take_number",
        entry,
        scope_path=unit.path,
        to_state=entry.symbol,
        changes={"number": entry.number, "year": entry.year, "doc_type": str(doc_type)}
        | ({"checked_as": checked_as} if checked_as else {}),
    )
    return entry


def attach_signed_original(actor, entry: RegisterEntry, data: bytes, *, name: str = "") -> SignedOriginal:
    """Keep `data` as the signed original of the issued paper `entry` (issue 21) when
    documents.signing finds it VALID: every signature intact and covering the file, the signer's
    certificate current and chained to the trust store, the paper's number, date and title in
    the signed text. Anything else raises ValidationError on the field "file" with the reason
    in Vietnamese, and nothing is written: a previous signed original stays as it was.
    A valid file replaces the previous one; both are audited."""
    access.check(actor, "documents.attach_signed", entry)
    checked = signing.check_pdf(data, symbol=entry.symbol, issued_on=entry.issued_on, title=entry.title)
    if not checked.ok:
        raise ValidationError({"file": checked.message}, code=checked.verdict)
    digest = hashlib.sha256(data).hexdigest()
    storage = SignedOriginal.file.field.storage
    stem = f"signed/{entry.year}/{entry.pk}-{digest[:12]}.pdf"
    with transaction.atomic():
        RegisterEntry.objects.select_for_update().filter(pk=entry.pk).first()
        previous = SignedOriginal.objects.filter(entry=entry).first()
        try:
            stored = storage.save(stem, ContentFile(data))
        except OSError as error:
            raise ValidationError(
                {"file": _("Không lưu được tệp: kho lưu trữ của máy chủ đầy hoặc không ghi được. Chưa có gì thay đổi.")}
            ) from error
        try:
            values = {
                "file": stored,
                "sha256": digest,
                "size": len(data),
                "verdict": checked.verdict,
                "signers": [s.as_dict() for s in checked.signers],
                "checked_at": timezone.now(),
                "uploaded_by": access.person(actor),
            }
            old_file = previous.file.name if previous is not None else ""
            signed, _created = SignedOriginal.objects.update_or_create(entry=entry, defaults=values)
            audit.record(
                actor,
                "attach_signed_original",
                entry,
                scope_path=entry.unit.path,
                to_state=checked.verdict,
                changes={
                    "sha256": digest,
                    "signers": [s.name for s in checked.signers],
                    "file": name[-200:],
                    **({"replaced": old_file} if old_file else {}),
                },
            )
        except BaseException:
            storage.delete(stored)  # the row was not written: no file without its row
            raise
    return signed


def recheck_signed_original(actor, entry: RegisterEntry) -> SignedOriginal:
    """Verify the stored signed original again, today and against today's trust store: a
    certificate expired or a root withdrawn since the upload turns the verdict (and the paper's
    download goes back to the print until a valid file is attached). Audited when it changes."""
    access.check(actor, "documents.attach_signed", entry)
    signed = SignedOriginal.objects.filter(entry=entry).first()
    if signed is None:
        raise ValidationError(_("Văn bản chưa có bản ký số để kiểm tra lại."))
    with signed.file.open("rb") as handle:
        data = handle.read()
    checked = signing.check_pdf(data, symbol=entry.symbol, issued_on=entry.issued_on, title=entry.title)
    with transaction.atomic():
        before = signed.verdict
        signed.verdict = checked.verdict
        if checked.signers:
            signed.signers = [s.as_dict() for s in checked.signers]
        signed.checked_at = timezone.now()
        signed.save(update_fields=["verdict", "signers", "checked_at"])
        audit.record(
            actor,
            "recheck_signed_original",
            entry,
            scope_path=entry.unit.path,
            from_state=before,
            to_state=checked.verdict,
            reason=checked.message,
        )
    return signed


def publish_signed_original(actor, entry: RegisterEntry, public: bool) -> SignedOriginal:
    """Let anyone download the paper's valid signed original (the public honour roll links an
    award decision's), or stop it: the issuing unit's choice (documents.attach_signed), audited."""
    access.check(actor, "documents.attach_signed", entry)
    with transaction.atomic():
        signed = SignedOriginal.objects.select_for_update().filter(entry=entry, verdict=Verdict.VALID).first()
        if signed is None:
            raise ValidationError(_("Văn bản chưa có bản ký số hợp lệ để công khai."))
        if signed.public != public:
            signed.public = public
            signed.save(update_fields=["public"])
            audit.record(
                actor,
                "publish_signed_original" if public else "unpublish_signed_original",
                entry,
                scope_path=entry.unit.path,
            )
    return signed


# ---------------------------------------------------------------- signing in thidua (item 3)


def _committee_only(actor, perm: str, obj) -> None:
    """The unit's standing committee itself: the permission as its rule says, with no superuser
    shortcut (Django's ModelBackend grants a superuser every permission; a unit's signing key
    is its own)."""
    access.check(actor, perm, obj)
    if not rules.has_perm(perm, access.named(actor), obj):
        raise PermissionDenied


def store_signing_certificate(actor, unit: Unit, data: bytes, passphrase: str) -> SigningCertificate:
    """Keep `unit`'s PKCS#12 certificate (opened with `passphrase`, current, chaining to the
    trust store) encrypted at rest; replaces the previous one. A refusal raises ValidationError
    on "file" (or "passphrase" for a wrong one) and stores nothing. Audited, never the key."""
    _committee_only(actor, "documents.manage_signing_certificate", unit)
    try:
        opened = signing_keys.open_pkcs12(data, passphrase)
    except signing_keys.KeyError_ as error:
        raise ValidationError({error.field: str(error)}) from error
    with transaction.atomic():
        previous = SigningCertificate.objects.select_for_update().filter(unit=unit).first()
        certificate, _created = SigningCertificate.objects.update_or_create(
            unit=unit,
            defaults={
                "sealed": opened.sealed,
                "subject": opened.subject[:300],
                "organisation": opened.organisation[:300],
                "issuer": opened.issuer[:300],
                "serial": opened.serial[:80],
                "not_before": opened.not_before,
                "not_after": opened.not_after,
                "uploaded_by": access.person(actor),
            },
        )
        audit.record(
            actor,
            "store_signing_certificate",
            unit,
            scope_path=unit.path,
            changes={
                "subject": opened.subject,
                "issuer": opened.issuer,
                "serial": opened.serial,
                "not_after": opened.not_after.date().isoformat(),
                **({"replaced": previous.serial} if previous is not None else {}),
            },
        )
    return certificate


def remove_signing_certificate(actor, unit: Unit) -> None:
    _committee_only(actor, "documents.manage_signing_certificate", unit)
    with transaction.atomic():
        certificate = SigningCertificate.objects.select_for_update().filter(unit=unit).first()
        if certificate is None:
            return
        audit.record(
            actor,
            "remove_signing_certificate",
            unit,
            scope_path=unit.path,
            changes={"subject": certificate.subject, "serial": certificate.serial},
        )
        certificate.delete()


def sign_in_thidua(actor, entry: RegisterEntry) -> SignedOriginal:
    """Sign `entry`'s paper on the server with its unit's stored certificate: its print (the
    renderer its app registered in documents.printing), signed with a visible box under the
    signer's block, then kept through attach_signed_original — verified like an upload, the
    original of record. Atomic: any refusal leaves the previous signed original as it was."""
    _committee_only(actor, "documents.sign_in_thidua", entry)
    certificate = SigningCertificate.objects.filter(unit_id=entry.unit_id).first()
    if certificate is None:
        raise ValidationError(_("Đơn vị chưa lưu chứng thư số để ký trên thidua."))
    pdf = printing.print_of(entry)
    if pdf is None:
        raise ValidationError(_("Loại văn bản này chưa ký số được trên thidua: hãy ký bằng công cụ của cơ quan."))
    signer_name = (entry.letterhead or {}).get("signer_name") or ""
    try:
        signed = signing_keys.sign_pdf(pdf, bytes(certificate.sealed), signer_name=signer_name)
    except signing_keys.KeyError_ as error:
        raise ValidationError(str(error)) from error
    with transaction.atomic():
        original = attach_signed_original(actor, entry, signed, name="ky-so-tren-thidua.pdf")
        audit.record(
            actor,
            "sign_in_thidua",
            entry,
            scope_path=entry.unit.path,
            to_state=original.verdict,
            changes={"certificate": certificate.serial, "subject": certificate.subject, "sha256": original.sha256},
        )
    return original
