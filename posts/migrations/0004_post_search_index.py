"""A GIN index for full-text search on PostgreSQL; nothing on other databases.

The index is on an expression, not a column, so the model is the same on every database
and SQLite never sees it. PostgreSQL uses it only for queries that spell out the same
expression: this is posts.search.document() as Django compiles it (each post in its own
language's dictionary, title weighted A, body B). If document() changes, add a migration
that replaces this index; tests/posts/test_search.py fails until then.
"""

from django.db import migrations

INDEX_NAME = "post_search_idx"
CONFIG = "CASE WHEN language = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END"
DOCUMENT = (
    f"setweight(to_tsvector({CONFIG}, COALESCE(title, '')), 'A')"
    f" || setweight(to_tsvector({CONFIG}, COALESCE(body, '')), 'B')"
)


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("posts", "Post")._meta.db_table)
    schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON {table} USING gin (({DOCUMENT}))")


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0003_post_comments_close_automatically"),
    ]

    operations = [
        migrations.RunPython(create_search_index, drop_search_index),
    ]
