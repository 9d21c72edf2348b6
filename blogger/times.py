"""Blogger's times: RFC 3339, with the writer's offset and milliseconds.

Blogger writes ``2019-05-04T10:15:00.001-07:00``. The offset is kept, since it is the
time zone the post was written in, and so are the milliseconds: an old comment link
names its comment by them (``?showComment=1556990100001``).
"""

import re
from datetime import UTC, datetime, timedelta

# Stricter than datetime.fromisoformat, which also takes dates without a time or a zone.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})"
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_time(text: str) -> datetime:
    """The aware datetime ``text`` names; ValueError saying why if it is not one."""
    text = text.strip()
    if not _RFC3339.fullmatch(text):
        raise ValueError("not a date and time with its offset, such as 2019-05-04T10:15:00-07:00")
    try:
        # fromisoformat checks the ranges (no month 13) and keeps up to microseconds.
        return datetime.fromisoformat(text.upper())
    except ValueError as error:
        raise ValueError(f"not a time that exists ({error})") from error


def epoch_milliseconds(moment: datetime) -> int:
    """``moment`` as Blogger's comment links give it: milliseconds since 1970, exact."""
    return (moment - _EPOCH) // timedelta(milliseconds=1)
