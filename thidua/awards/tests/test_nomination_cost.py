"""What a nomination costs the database (issue 18 item 3): making one from the page and adding a
file to its dossier are a fixed handful of statements — counted, never timed — with the reads
the request alone decides before the transaction, and the file's bytes written to storage
before the transaction that locks the nomination opens (a slow disk or a large scan never
holds the row lock); a file refused under the lock leaves nothing behind."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.awards import services
from thidua.awards.models import DossierFile, Nomination, NominationStatus
from thidua.awards.tests.conftest import GIAY_KHEN, nominate, pdf
from thidua.core.models import Attachment


def _kinds(captured) -> list[str]:
    return [q["sql"].lstrip().split(" ", 1)[0].upper() for q in captured]


def test_making_a_nomination_from_the_page_is_a_fixed_handful_of_statements(
    login, award_people, award_campaign, catalogue, members
):
    client = login(award_people["school_chair"])
    url = reverse("awards:nomination_create", args=[award_campaign.pk])
    body = {"award_kind": catalogue[GIAY_KHEN].pk, "subject": "individual", "achievement": "Hoàn thành xuất sắc."}
    client.post(url, {**body, "subject_member": members["binh"].pk})  # warm: content types, catalogue
    with CaptureQueriesContext(connection) as made:
        response = client.post(url, {**body, "subject_member": members["an"].pk})
    assert response.status_code == 302
    assert Nomination.objects.filter(subject_member=members["an"], award_kind=catalogue[GIAY_KHEN]).count() == 1
    statements = _kinds(made.captured_queries)
    # The session, the user and their role (middleware; production keeps sessions in Redis), the
    # campaign, the form's kind and member, the offer and its deadline — then the transaction:
    # the unit's lock, the guards two officers could race on (one form per subject, awarded
    # already, the quota), the nomination and its audit entry.
    assert len(statements) <= 18, [q["sql"][:150] for q in made.captured_queries]
    opened, closed = statements.index("SAVEPOINT"), statements.index("RELEASE")
    assert set(statements[:opened]) == {"SELECT"}
    assert statements[closed - 2 : closed] == ["INSERT", "INSERT"]
    assert closed == len(statements) - 1


def test_a_dossier_file_is_a_fixed_handful_of_statements_stored_before_the_lock(
    login,
    award_people,
    award_campaign,
    catalogue,
    members,
    requirements,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(award_people["school_chair"])
    client.post(reverse("awards:upload", args=[nomination.pk, requirements["tom-tat-thanh-tich"].pk]), {"file": pdf()})
    written_after: list[int] = []
    save = FileSystemStorage.save

    def noting_when(storage, name, content, **kwargs):
        written_after.append(len(sent.captured_queries))
        return save(storage, name, content, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", noting_when)
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as sent:
        response = client.post(
            reverse("awards:upload", args=[nomination.pk, requirements["bien-ban-hop"].pk]), {"file": pdf("bb.pdf")}
        )
    assert response.status_code == 302
    row = DossierFile.objects.select_related("attachment").get(nomination=nomination, requirement__code="bien-ban-hop")
    with row.attachment.file.open("rb") as stored:
        assert stored.read().startswith(b"%PDF")
    statements = _kinds(sent.captured_queries)
    # Middleware's three, the nomination scoped to the chair, the requirement, the dossier's
    # checklist (three) — then the file is written, and only then the transaction: the
    # nomination's lock, the attachment, the dossier row, the audit entry.
    assert len(statements) <= 13, [q["sql"][:150] for q in sent.captured_queries]
    opened, closed = statements.index("SAVEPOINT"), statements.index("RELEASE")
    assert written_after == [opened]
    assert statements[opened + 1 : closed] == ["SELECT", "INSERT", "INSERT", "INSERT"]


def test_a_file_refused_under_the_lock_leaves_no_row_and_no_file(
    award_people, award_campaign, catalogue, members, requirements, settings
):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    stale = Nomination.objects.select_related("unit", "campaign", "award_kind").get(pk=nomination.pk)
    # sent meanwhile from another tab: the copy read before still says draft
    Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.add_dossier_file(
            award_people["school_chair"], stale, requirement=requirements["bien-ban-hop"], upload=pdf()
        )
    assert not Attachment.objects.exists()
    stored = settings.MEDIA_ROOT / "attachments"
    assert not stored.exists() or not [p for p in stored.rglob("*") if p.is_file()]
