"""Full-text search over folded member names, in milliseconds at national size.

The folded key (core.text.fold: no diacritics, "đ" → "d") is a B-tree-indexed column, so a name
typed from its start is one range (MemberQuerySet.search). For words out of order it is also
indexed by the database's own full-text engine: an FTS5 table kept in step by triggers on SQLite,
a GIN index over `to_tsvector('simple', search_key)` on PostgreSQL (migration 0002). Both answer
the same question: every word of the query appears in the key, the last one as a prefix — so
"van an" finds "Nguyễn Văn An".

The member's province (`Member.province_path`: the first two steps of its unit's path, the
unit under the national root) is indexed with the key — a column of the FTS5 table; on
PostgreSQL each word a second time behind the province's path (PG_DOCUMENT) — so a
province-wide search reads the province's postings, instead of a walk of the national matches
checking each one's unit (BENCHMARKS.md, issue 18 item 5). Name words are matched in the name
only (FTS5 column filter; on PostgreSQL the path's digits lead the province's words), so no
typed word ever matches a province's path.
"""

from contextlib import contextmanager

from django.db import connection, models

from thidua.core.db import PATH_END, PATH_STEP
from thidua.core.paging import LIST_CAP
from thidua.core.text import fold, search_terms

FTS_TABLE = "org_member_fts"
# Lists of members count and show at most this many matches ("more than 1,000 — type more"):
# the same number core.paging.CappedPaginator counts to.
SEARCH_CAP = LIST_CAP


def member_search_key(full_name: str, card_number: str | None) -> str:
    return f"{fold(full_name)} {card_number or ''}".strip()


# The root's step and the step of the unit under it (a province, a central sector union).
PROVINCE_PATH_LENGTH = 2 * PATH_STEP


def province_path(unit_path: str) -> str:
    """What a member of the unit at `unit_path` keeps in `province_path`."""
    return unit_path[:PROVINCE_PATH_LENGTH]


class SearchKeyField(models.CharField):
    pass


# FTS5 keeps prefix indexes for 2 and 3 letters (SQLITE_SETUP): a longer last word typed as a
# prefix ("ngoc*") makes the engine merge every matching word's postings before the first row.
INDEXED_PREFIX = 3


def first_match_ids(query: str, scope_path: str | None) -> list[int]:
    """Ids of the first SEARCH_CAP + 1 members, in no particular order, whose key has every
    word of ``query`` (the last as a prefix), within the subtree at ``scope_path``.

    A scope inside a province names the province to the engine (its path's first two steps):
    the engine intersects the words' postings with the province's, so a province-wide search
    reads only the province's matches; a scope below the province is checked on the unit too.

    For a search of common words in a province or nationwide ("hung", "nguyen tai"): the engine
    walks its posting lists and stops as soon as it has enough members *inside the scope*,
    instead of building the list of millions of names and then checking each one's unit
    (BENCHMARKS.md). The capped list says "more than 1,000 — type more" in that case, so the
    first 1,001 are all it can show anyway. A last word longer than the prefix index is first
    looked up whole (a lazy walk, "ngoc" 1 ms against 240 ms for "ngoc*" nationally): when that
    alone fills the cap, the prefix cannot change what the list shows."""
    terms = search_terms(query)
    if not terms:
        return []
    attempts = [True]
    if len(terms[-1]) > INDEXED_PREFIX:
        attempts.insert(0, False)
    with connection.cursor() as cursor:
        words = _words_starting(cursor, terms[-1])
        if words is not None:
            # PostgreSQL: the last word as the few whole words it can begin (often only itself):
            # one GIN lookup of whole words, instead of a prefix match that expands over the
            # whole country's keys before it intersects anything (BENCHMARKS.md, issue 18).
            cursor.execute(*_first_matches_sql(terms, scope_path, last_as_prefix=False, last_words=words))
            return [row[0] for row in cursor.fetchall()]
        for as_prefix in attempts:
            cursor.execute(*_first_matches_sql(terms, scope_path, last_as_prefix=as_prefix))
            ids = [row[0] for row in cursor.fetchall()]
            if len(ids) > SEARCH_CAP or as_prefix:
                return ids
    return ids  # pragma: no cover - the last attempt always returns


def _words_starting(cursor, term: str) -> list[str] | None:
    """PostgreSQL: every name word in the vocabulary that starts with `term` (itself included),
    or None — on SQLite (its FTS5 prefix index answers a prefix well), for a term with a digit
    (a card number's prefix) or one that begins more than PREFIX_WORDS words ("th"), where the
    engine's own prefix match is the better plan."""
    if connection.vendor != "postgresql" or not term.isalpha():
        return None
    cursor.execute(
        f"SELECT word FROM {NAME_WORDS_TABLE} WHERE word > %s AND word < %s LIMIT %s",
        [term, term + _AFTER_LETTERS, PREFIX_WORDS + 1],
    )
    longer = [row[0] for row in cursor.fetchall()]
    return None if len(longer) > PREFIX_WORDS else [term, *longer]


def _first_matches_sql(
    terms: list[str], scope_path: str | None, *, last_as_prefix: bool, last_words: list[str] | None = None
) -> tuple[str, list]:
    limit = SEARCH_CAP + 1
    province = province_path(scope_path).lower() if scope_path and len(scope_path) >= PROVINCE_PATH_LENGTH else None
    scope_sql, scope_params = "", []
    if scope_path is not None and len(scope_path) > PROVINCE_PATH_LENGTH:
        scope_sql = " AND u.path >= %s AND u.path < %s"
        scope_params = [scope_path, scope_path + PATH_END]
    elif scope_path is not None and province is None:  # a root's scope: other roots' members are not in it
        scope_sql = " AND m.province_path >= %s AND m.province_path < %s"
        scope_params = [scope_path, scope_path + PATH_END]
    join_unit = " JOIN org_unit u ON u.id = m.unit_id" if "u.path" in scope_sql else ""
    if connection.vendor == "postgresql":
        # Inside a province every word is asked as the province's (PG_DOCUMENT): its path first.
        mark = province or ""
        last = f"{mark}{terms[-1]}" + (":*" if last_as_prefix else "")
        if last_words:
            last = "(" + " | ".join(f"{mark}{w}" for w in last_words) + ")"
        words = [f"{mark}{t}" for t in terms[:-1]] + [last]
        if not mark and last_as_prefix and terms[-1][0].isdigit():
            # Across the country a prefix of digits ("0001", a card number's start) also begins
            # the province-marked words ("00010001nguyen"): keep the members with a word of
            # their own that begins so (terms are [0-9a-z]+, nothing to escape in LIKE).
            scope_sql += " AND (' ' || m.search_key) LIKE %s"
            scope_params = [*scope_params, f"% {terms[-1]}%"]
        return (
            f"SELECT m.id FROM org_member m{join_unit} WHERE {PG_DOCUMENT} @@ to_tsquery('simple'::regconfig, %s)"
            f"{scope_sql} LIMIT {limit}",
            [" & ".join(words), *scope_params],
        )
    # Terms are [0-9a-z]+ only (search_terms), so quoting is not needed in FTS5 syntax.
    match = "search_key : (" + " AND ".join([*terms[:-1], terms[-1] + ("*" if last_as_prefix else "")]) + ")"
    if province is not None:
        match += f' AND province_path : "{province}"'
    join = f" JOIN org_member m ON m.id = f.rowid{join_unit}" if scope_sql else ""
    return (
        f"SELECT f.rowid FROM {FTS_TABLE} f{join} WHERE {FTS_TABLE} MATCH %s{scope_sql} LIMIT {limit}",
        [match, *scope_params],
    )


# The document the GIN index holds (PostgreSQL): every word of the folded name and card number
# twice — as itself, for a search across the country, and behind the member's province path
# ("00010001nguyen"), for a search inside a province, so the engine intersects the province's
# posting lists only: 15–20 ms at national size where the national lists and a province lexeme
# took 100–115 ms (BENCHMARKS.md, issue 18 item 5). The path's digits before a word keep a typed
# word from ever matching a province's path. A query must spell the expression the same to use
# the index.
PG_DOCUMENT = (
    "to_tsvector('simple'::regconfig, "
    r"search_key || ' ' || regexp_replace(search_key, '(\S+)', province_path || '\1', 'g'))"
)


# The external-content table reads org_member's columns of the same names; every 'delete'
# gives the values the row was indexed with (the old row's), or the index is corrupted.
SQLITE_SETUP = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        search_key, province_path, content='org_member', content_rowid='id', tokenize='unicode61', prefix='2 3')""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_ai AFTER INSERT ON org_member BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_key, province_path) VALUES (new.id, new.search_key, new.province_path);
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_ad AFTER DELETE ON org_member BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_key, province_path)
        VALUES ('delete', old.id, old.search_key, old.province_path); END""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_au AFTER UPDATE OF search_key, province_path ON org_member BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_key, province_path)
        VALUES ('delete', old.id, old.search_key, old.province_path);
        INSERT INTO {FTS_TABLE}(rowid, search_key, province_path) VALUES (new.id, new.search_key, new.province_path);
        END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS org_member_fts_ai",
    "DROP TRIGGER IF EXISTS org_member_fts_ad",
    "DROP TRIGGER IF EXISTS org_member_fts_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRESQL_SETUP = [
    f"CREATE INDEX IF NOT EXISTS org_member_search_gin ON org_member USING gin ({PG_DOCUMENT})",
    # Statistics of the indexed expression: without them the planner guesses its selectivity.
    "ANALYZE org_member",
]
POSTGRESQL_TEARDOWN = ["DROP INDEX IF EXISTS org_member_search_gin"]

# PostgreSQL: the distinct name words of all members — a few thousand syllables in real names,
# card numbers left out — so a search's last word typed as a prefix becomes the few whole words
# it can begin. A prefix match in the GIN index ("nguyen:*") builds the bitmap of every key
# starting so in the country before intersecting it with the province: 350–450 ms at national
# size, against 30–100 ms for whole words. Kept by statement triggers on org_member, so every
# writer (the ORM, an import's COPY, a bulk UPDATE) adds its words; a word is never removed (a
# word nobody has any more only adds an alternative that matches nobody). It must be complete:
# a word missing here is a member a prefix search cannot find (docs/dangerous.md).
NAME_WORDS_TABLE = "org_nameword"
PREFIX_WORDS = 50
_AFTER_LETTERS = "{"  # the character after "z": the end of the range of words starting with a term
_ADD_NAME_WORDS = f"""INSERT INTO {NAME_WORDS_TABLE} (word)
    SELECT DISTINCT w FROM new_rows, regexp_split_to_table(new_rows.search_key, ' ') AS w WHERE w ~ '^[a-z]+$'
    ON CONFLICT DO NOTHING"""
NAME_WORDS_SETUP = [
    f'CREATE TABLE IF NOT EXISTS {NAME_WORDS_TABLE} (word text COLLATE "C" PRIMARY KEY)',
    f"""CREATE OR REPLACE FUNCTION org_nameword_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {_ADD_NAME_WORDS}; RETURN NULL; END $$""",
    "DROP TRIGGER IF EXISTS org_nameword_ai ON org_member",
    """CREATE TRIGGER org_nameword_ai AFTER INSERT ON org_member REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION org_nameword_add()""",
    "DROP TRIGGER IF EXISTS org_nameword_au ON org_member",
    """CREATE TRIGGER org_nameword_au AFTER UPDATE ON org_member REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION org_nameword_add()""",
    f"WITH new_rows AS (SELECT search_key FROM org_member) {_ADD_NAME_WORDS}",
]
NAME_WORDS_TEARDOWN = [
    "DROP TRIGGER IF EXISTS org_nameword_ai ON org_member",
    "DROP TRIGGER IF EXISTS org_nameword_au ON org_member",
    "DROP FUNCTION IF EXISTS org_nameword_add()",
    f"DROP TABLE IF EXISTS {NAME_WORDS_TABLE}",
]


def execute_for_vendor(schema_editor, statements: dict[str, list[str]]) -> None:
    """Migration helper: run the statements listed for this database's vendor, if any."""
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def install_name_words(apps, schema_editor) -> None:
    """Migration step (PostgreSQL only): the vocabulary, its triggers, and the words of the
    members already there."""
    execute_for_vendor(schema_editor, {"postgresql": NAME_WORDS_SETUP})


def remove_name_words(apps, schema_editor) -> None:
    execute_for_vendor(schema_editor, {"postgresql": NAME_WORDS_TEARDOWN})


def install_search_index(apps, schema_editor) -> None:
    """Migration step. SQLite rebuilds a table on most ALTERs and drops its triggers with it:
    a migration that alters org_member must run this again (docs/dangerous.md)."""
    execute_for_vendor(schema_editor, {"sqlite": SQLITE_SETUP, "postgresql": POSTGRESQL_SETUP})


def remove_search_index(apps, schema_editor) -> None:
    execute_for_vendor(schema_editor, {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRESQL_TEARDOWN})


@contextmanager
def indexed_after_bulk_insert(cursor):
    """For bulk inserts of members (org.imports): on SQLite, index the new rows with one
    INSERT … SELECT at the end instead of the per-row trigger — measured, the trigger alone
    held inserts at ~5,000 rows/s, the set-based insert runs ~5× faster. The trigger is dropped
    and re-created inside the caller's transaction (SQLite DDL is transactional, and the
    transaction holds the only write lock), so no other writer ever sees it missing and a
    failure restores it. PostgreSQL maintains its GIN index itself."""
    if connection.vendor != "sqlite":
        yield
        return
    cursor.execute("SELECT COALESCE(MAX(id), 0) FROM org_member")
    (last_id,) = cursor.fetchone()
    cursor.execute(_DROP_INSERT_TRIGGER)
    yield
    cursor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, search_key, province_path) "
        "SELECT id, search_key, province_path FROM org_member WHERE id > %s",
        [last_id],
    )
    cursor.execute(_CREATE_INSERT_TRIGGER)


_DROP_INSERT_TRIGGER = next(sql for sql in SQLITE_TEARDOWN if "org_member_fts_ai" in sql)
_CREATE_INSERT_TRIGGER = next(sql for sql in SQLITE_SETUP if "org_member_fts_ai" in sql)
