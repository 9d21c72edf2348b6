"""The thread's compiled time format writes exactly what Django's date filter writes."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import dateformat, timezone, translation
from django.utils.html import escape

from comments.thread.time_format import TimeFormat

FORMATS = [
    "F j, Y g:i A",  # the English comment time
    r"j \d\e F \d\e Y, H:i",  # a Spanish one
    "D, d M y h:i:s a",
    "l N n m b G",
    "c",  # not handled by the compiled formatter: falls back to dateformat
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("format_string", FORMATS)
def test_the_compiled_format_matches_djangos_date_filter(language, format_string):
    zone = timezone.get_default_timezone()
    rng = random.Random(f"{language}{format_string}")
    start = datetime(2000, 1, 1, tzinfo=UTC)
    with translation.override(language):
        compiled = TimeFormat(format_string)
        for _ in range(300):
            moment = (start + timedelta(minutes=rng.randint(0, 20_000_000))).astimezone(zone)
            assert compiled(moment) == escape(dateformat.format(moment, format_string))
