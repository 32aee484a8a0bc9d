"""Reads of participation: the federation's overview rolled up the tree, the lists of who has
nothing, the gallery, late items, and the plain facts award criteria read later.

The overview counts, per grassroots unit a campaign (or a plan implementing it) was deployed
to, whether it registered, its models and its works with their evidence — grouped by the
children of the unit being viewed, in one self-join over the path range, whatever the size of
the province (the same shape as campaigns.queries coverage).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum

from thidua.campaigns.models import Campaign, Deployment
from thidua.core.db import PATH_END, PATH_STEP
from thidua.core.numbers import share
from thidua.org.models import Unit
from thidua.org.queries import totals_for
from thidua.participation.models import (
    CovenantParty,
    Evidence,
    EvidenceKind,
    ModelProject,
    PartyStatus,
    Registration,
    TitleRegistration,
    Work,
    WorkStatus,
)


@dataclass(frozen=True)
class Progress:
    targets: int = 0
    registered: int = 0
    with_models: int = 0
    with_works: int = 0
    works: int = 0
    completed: int = 0
    inaugurated: int = 0
    articles: int = 0
    photos: int = 0
    late: int = 0

    @property
    def registered_pct(self) -> float:
        return share(self.registered, self.targets)

    @property
    def with_models_pct(self) -> float:
        return share(self.with_models, self.targets)

    @property
    def with_works_pct(self) -> float:
        return share(self.with_works, self.targets)


# One row of facts per source and CĐCS (deployed, registered, models, works), stacked with
# UNION ALL and summed per child of the viewed unit: each branch is a plain scan of its own
# table, so no join multiplies rows and no planner re-runs a grouped subquery per deployment
# (the first version, LEFT JOINs of grouped subqueries, took 23 s on an unanalysed PostgreSQL).
# Counts of units are of distinct CĐCS. Only CĐCS count: federations forward plans, CĐCS take part.
_BRANCH_FROM = """
    FROM {table} t
    JOIN campaigns_campaign c ON c.id = t.campaign_id
    JOIN org_unit tu ON tu.id = t.unit_id
    WHERE c.lineage >= %s AND c.lineage < %s AND tu.path >= %s AND tu.path < %s
    GROUP BY t.unit_id"""
_PROGRESS_SQL = (
    """
SELECT {group},
       SUM(x.targets), SUM(x.registered), SUM(x.with_models), SUM(x.with_works), SUM(x.works),
       SUM(x.completed), SUM(x.inaugurated), SUM(x.articles), SUM(x.photos), SUM(x.late)
FROM (
    SELECT t.unit_id, 1 AS targets, 0 AS registered, 0 AS with_models, 0 AS with_works, 0 AS works,
           0 AS completed, 0 AS inaugurated, 0 AS articles, 0 AS photos, 0 AS late"""
    + _BRANCH_FROM.format(table="campaigns_deployment")
    + """
    UNION ALL
    SELECT t.unit_id, 0, 1, 0, 0, 0, 0, 0, 0, 0, SUM(CASE WHEN t.is_late THEN 1 ELSE 0 END)"""
    + _BRANCH_FROM.format(table="participation_registration")
    + """
    UNION ALL
    SELECT t.unit_id, 0, 0, 1, 0, 0, 0, 0, 0, 0, SUM(CASE WHEN t.is_late THEN 1 ELSE 0 END)"""
    + _BRANCH_FROM.format(table="participation_modelproject")
    + """
    UNION ALL
    SELECT t.unit_id, 0, 0, 0, 1, COUNT(*),
           SUM(CASE WHEN t.status IN (%s, %s) THEN 1 ELSE 0 END),
           SUM(CASE WHEN t.status = %s THEN 1 ELSE 0 END),
           SUM(t.article_count), SUM(t.photo_count), SUM(t.late_count)"""
    + _BRANCH_FROM.format(table="participation_work")
    + """
) x
JOIN org_unit u ON u.id = x.unit_id
JOIN org_unitkind k ON k.id = u.kind_id
{join}
WHERE k.is_grassroots {where}
GROUP BY {group}
"""
)


def _params(campaign: Campaign, within: Unit) -> list:
    branch = [campaign.lineage, campaign.lineage + PATH_END, within.path, within.path + PATH_END]
    done = [WorkStatus.COMPLETED.value, WorkStatus.INAUGURATED.value, WorkStatus.INAUGURATED.value]
    return [*branch, *branch, *branch, *done, *branch]


def _progress(row) -> Progress:
    return Progress(*(int(v or 0) for v in row[1:]))


def summed(rows: list[tuple[Unit, Progress]]) -> Progress:
    """The total of child rows: every CĐCS below a federation is under exactly one child."""
    return Progress(*(sum(getattr(p, f) for _u, p in rows) for f in Progress.__dataclass_fields__))


def progress_total(campaign: Campaign, within: Unit) -> Progress:
    sql = _PROGRESS_SQL.format(group="1", join="", where="")
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(campaign, within))
        row = cursor.fetchone()
    return _progress(row) if row else Progress()


def progress_by_child(campaign: Campaign, parent: Unit) -> list[tuple[Unit, Progress]]:
    """One row per child of `parent` with CĐCS targeted below it (or that is one): two queries.

    A child's path is its parent's plus one step, so the child a CĐCS lies under is the prefix
    of the CĐCS's path of that length: grouping by it is an equality, not a range join, and
    stays cheap on both databases whatever their statistics."""
    prefix = len(parent.path) + PATH_STEP  # an int from our own data, safe to format
    sql = _PROGRESS_SQL.format(group=f"substr(u.path, 1, {prefix})", join="", where="AND u.path > %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*_params(campaign, parent), parent.path])
        rows = {r[0]: _progress(r) for r in cursor.fetchall()}
    # All children, filtered here: a list of paths as parameters could outgrow SQLite's limit.
    children = Unit.objects.filter(parent=parent).select_related("kind").order_by("name")
    return [(child, rows[child.path]) for child in children if child.path in rows]


def _targets(campaign: Campaign, within: Unit):
    return (
        Deployment.objects.within(within)
        .filter(campaign__lineage__gte=campaign.lineage, campaign__lineage__lt=campaign.lineage + PATH_END)
        .filter(unit__kind__is_grassroots=True)
    )


MISSING: dict[str, type[Registration] | type[ModelProject] | type[Work]] = {
    "registration": Registration,
    "model": ModelProject,
    "work": Work,
}


def missing(campaign: Campaign, within: Unit, part: str):
    """CĐCS of the subtree that were sent the plan and have no `part` (registration, model,
    work) for it — the list the federation chases after the deadline (one query)."""
    model = MISSING[part]
    present = model.objects.filter(campaign_id=OuterRef("campaign_id"), unit_id=OuterRef("unit_id"))
    return (
        _targets(campaign, within)
        .exclude(Exists(present))
        .select_related("unit", "unit__parent")
        .order_by("unit__path")
    )


# The parts whose rows say whether they came after the deadline (a work's lateness is its
# evidence's, listed apart).
LATE: dict[str, type[Registration] | type[ModelProject]] = {
    "registration": Registration,
    "model": ModelProject,
}


def late(campaign: Campaign, within: Unit, part: str):
    """Registrations or models of the subtree's CĐCS sent after the deadline, first sent first:
    they have one, but not "by the deadline" (seed 004: "chậm nhất ngày 22/02/2021")."""
    return (
        LATE[part]
        .objects.within(within)
        .filter(campaign__lineage__gte=campaign.lineage, campaign__lineage__lt=campaign.lineage + PATH_END)
        .filter(is_late=True)
        .order_by("registered_at", "id")
    )


def gallery(campaign: Campaign, within: Unit, limit: int = 24):
    """The newest photos of works in the subtree, with their work and unit (one query)."""
    return (
        Evidence.objects.within(within)
        .filter(
            kind=EvidenceKind.PHOTO,
            work__campaign__lineage__gte=campaign.lineage,
            work__campaign__lineage__lt=campaign.lineage + PATH_END,
        )
        .select_related("work", "work__unit", "attachment")
        .order_by("-submitted_at", "-id")[:limit]
    )


def late_evidence(campaign: Campaign, within: Unit):
    return (
        Evidence.objects.within(within)
        .filter(
            is_late=True,
            work__campaign__lineage__gte=campaign.lineage,
            work__campaign__lineage__lt=campaign.lineage + PATH_END,
        )
        .select_related("work", "work__unit")
        .order_by("-submitted_at", "-id")
    )


def works_for_table(campaign: Campaign, unit: Unit):
    return Work.objects.filter(campaign=campaign, unit=unit).order_by("created_at", "id")


# --- what criteria read ------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitEvidence:
    """Plain facts about a unit's part in a campaign, for award criteria ("Có công trình, phần
    việc và tổ chức lễ khánh thành, viết tin bài đăng tải", "đăng ký thi đua đầu năm")."""

    has_registration: bool
    registration_late: bool
    works_registered: int
    works_completed: int
    works_inaugurated: int
    articles: int
    photos: int
    late_evidence: int
    models: int
    models_late: int
    covenants_signed: int
    covenants_pending: int

    @property
    def covenant_signed(self) -> bool:
        return self.covenants_signed > 0 and self.covenants_pending == 0


def evidence_for(unit: Unit, campaign: Campaign) -> UnitEvidence:
    registration = Registration.objects.filter(campaign=campaign, unit=unit).values("is_late").first()
    works = Work.objects.filter(campaign=campaign, unit=unit).aggregate(
        n=Count("id"),
        completed=Count("id", filter=Q(status__in=[WorkStatus.COMPLETED, WorkStatus.INAUGURATED])),
        inaugurated=Count("id", filter=Q(status=WorkStatus.INAUGURATED)),
        articles=Sum("article_count"),
        photos=Sum("photo_count"),
        late=Sum("late_count"),
    )
    models = ModelProject.objects.filter(campaign=campaign, unit=unit).aggregate(
        n=Count("id"), late=Count("id", filter=Q(is_late=True))
    )
    parties = CovenantParty.objects.filter(unit=unit).filter(
        Q(covenant__campaign=campaign) | Q(covenant__campaign__isnull=True, covenant__year=_year_of(campaign))
    )
    signatures = parties.aggregate(
        signed=Count("id", filter=Q(status=PartyStatus.SIGNED)),
        pending=Count("id", filter=Q(status=PartyStatus.PENDING)),
    )
    return UnitEvidence(
        has_registration=registration is not None,
        registration_late=bool(registration and registration["is_late"]),
        works_registered=works["n"],
        works_completed=works["completed"],
        works_inaugurated=works["inaugurated"],
        articles=works["articles"] or 0,
        photos=works["photos"] or 0,
        late_evidence=works["late"] or 0,
        models=models["n"],
        models_late=models["late"],
        covenants_signed=signatures["signed"],
        covenants_pending=signatures["pending"],
    )


def _year_of(campaign: Campaign) -> int | None:
    day = campaign.starts_on or campaign.plan_date
    return day.year if day else None


# --- title registrations -------------------------------------------------------------------


@dataclass(frozen=True)
class TitleTally:
    members: int = 0
    registered: int = 0

    @property
    def registered_pct(self) -> float:
        return share(self.registered, self.members)

    @property
    def not_registered(self) -> int:
        return max(self.members - self.registered, 0)


_TITLE_TALLY_SQL = f"""
SELECT ch.id, COUNT(DISTINCT tr.member_id)
FROM participation_titleregistration tr
JOIN org_member m ON m.id = tr.member_id
JOIN org_unit u ON u.id = m.unit_id
JOIN org_unit ch ON u.path >= ch.path AND u.path < ch.path || '{PATH_END}'
WHERE tr.year = %s AND ch.parent_id = %s
GROUP BY ch.id
"""


def titles_by_child(parent: Unit, year: int) -> list[tuple[Unit, TitleTally]]:
    """Members and members who registered a title for `year`, per child of `parent`: three
    queries whatever the number of children."""

    children = list(Unit.objects.filter(parent=parent, kind__is_group=False).select_related("kind").order_by("name"))
    with connection.cursor() as cursor:
        cursor.execute(_TITLE_TALLY_SQL, [year, parent.pk])
        registered = dict(cursor.fetchall())
    totals = totals_for(children)
    return [
        (c, TitleTally(totals[c.pk].members if c.pk in totals else 0, int(registered.get(c.pk, 0)))) for c in children
    ]


def titles_total(unit: Unit, year: int) -> dict:
    """Per title, how many members of the subtree registered it for `year` (one query)."""
    rows = (
        TitleRegistration.objects.filter(
            year=year, member__unit__path__gte=unit.path, member__unit__path__lt=unit.path + PATH_END
        )
        .values("title__name", "title__order")
        .annotate(n=Count("id"))
        .order_by("title__order")
    )
    return {r["title__name"]: r["n"] for r in rows}


def members_with_titles(members, year: int):
    """Member rows with their titles of `year` prefetched: two queries per page."""

    return members.select_related("unit").prefetch_related(
        Prefetch(
            "title_registrations",
            queryset=TitleRegistration.objects.filter(year=year).select_related("title").order_by("title__order"),
            to_attr="year_titles",
        )
    )
