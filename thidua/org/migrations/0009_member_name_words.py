"""PostgreSQL only (issue 18, item 5; nothing changes on SQLite, whose FTS5 index already
answers a province's search within the target):

- the GIN index over the new document (org.search.PG_DOCUMENT: each word also behind the
  member's province path), replacing 0008's national words with a province lexeme;
- the vocabulary of members' name words, kept by triggers (org.search.NAME_WORDS_SETUP), so a
  search's last word typed as a prefix is looked up as the whole words it can begin."""

from django.db import migrations

from thidua.org.search import (
    POSTGRESQL_SETUP,
    POSTGRESQL_TEARDOWN,
    execute_for_vendor,
    install_name_words,
    remove_name_words,
)

# 0008's index: what going back from here restores.
_0008_SETUP = [
    "CREATE INDEX IF NOT EXISTS org_member_search_gin ON org_member USING gin ("
    "(setweight(to_tsvector('simple'::regconfig, province_path), 'A') || to_tsvector('simple'::regconfig, search_key)))",
    "ANALYZE org_member",
]


def _index(setup):
    def run(apps, schema_editor) -> None:
        execute_for_vendor(schema_editor, {"postgresql": [*POSTGRESQL_TEARDOWN, *setup]})

    return run


class Migration(migrations.Migration):
    dependencies = [("org", "0008_member_province_path")]

    operations = [
        migrations.RunPython(_index(POSTGRESQL_SETUP), _index(_0008_SETUP)),
        migrations.RunPython(install_name_words, remove_name_words),
    ]
