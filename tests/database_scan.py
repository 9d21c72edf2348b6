"""Reading back everything a test run stored, to prove what was never stored."""

from django.db import connection


def every_stored_value():
    """Every value in every table of the database, as text, one per line."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values)
