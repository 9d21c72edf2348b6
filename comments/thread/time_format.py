"""Comment times formatted as Django's ``date`` filter would, fast enough for every row."""

from html import escape

from django.utils import dateformat, dates
from django.utils.translation import gettext


class TimeFormat:
    """A Django date format (as the ``date`` filter takes it), compiled once.

    dateformat.format, called for every comment of a long thread, is a large share of
    the page's time. Here the parts of the format that depend on the date (month names,
    day, year) are written once per day into a template, and the parts that depend on
    the time of day are filled in per comment (benchmarks/README.md has the figures). A
    format with a specifier not handled here falls back to dateformat.format, with the
    same result.
    """

    DATE_SPECIFIERS = {
        "d": lambda d, names: f"{d.day:02d}",
        "j": lambda d, names: str(d.day),
        "D": lambda d, names: names["weekdays_abbr"][d.weekday()],
        "l": lambda d, names: names["weekdays"][d.weekday()],
        "n": lambda d, names: str(d.month),
        "m": lambda d, names: f"{d.month:02d}",
        "F": lambda d, names: names["months"][d.month],
        "b": lambda d, names: names["months_3"][d.month],
        "M": lambda d, names: names["months_3"][d.month].title(),
        "N": lambda d, names: names["months_ap"][d.month],
        "y": lambda d, names: f"{d.year % 100:02d}",
        "Y": lambda d, names: f"{d.year:04d}",
    }
    TIME_SPECIFIERS = {
        "g": lambda d, names: str(d.hour % 12 or 12),
        "G": lambda d, names: str(d.hour),
        "h": lambda d, names: f"{d.hour % 12 or 12:02d}",
        "H": lambda d, names: f"{d.hour:02d}",
        "i": lambda d, names: f"{d.minute:02d}",
        "s": lambda d, names: f"{d.second:02d}",
        "A": lambda d, names: names["PM"] if d.hour > 11 else names["AM"],
        "a": lambda d, names: names["p.m."] if d.hour > 11 else names["a.m."],
    }

    def __init__(self, format_string: str):
        self.format_string = format_string
        self.names = {
            "months": {n: str(name) for n, name in dates.MONTHS.items()},
            "months_3": {n: str(name) for n, name in dates.MONTHS_3.items()},
            "months_ap": {n: str(name) for n, name in dates.MONTHS_AP.items()},
            "weekdays": {n: str(name) for n, name in dates.WEEKDAYS.items()},
            "weekdays_abbr": {n: str(name) for n, name in dates.WEEKDAYS_ABBR.items()},
            **{word: escape(gettext(word)) for word in ("AM", "PM", "a.m.", "p.m.")},
        }
        self.parts, self.time_parts, self.templates = [], [], {}
        escaped = False
        for char in format_string:
            if escaped or not char.isalpha():
                if char == "\\" and not escaped:
                    escaped = True
                    continue
                self.parts.append(char)
                escaped = False
            elif char in self.DATE_SPECIFIERS:
                self.parts.append(self.DATE_SPECIFIERS[char])
            elif char in self.TIME_SPECIFIERS:
                self.parts.append(None)
                self.time_parts.append(self.TIME_SPECIFIERS[char])
            else:
                self.parts = None  # a specifier not handled here
                break

    def _template(self, value) -> str:
        """The format for ``value``'s day: date parts written out (escaped), "{}" for
        each time part."""
        out = []
        for part in self.parts:
            if part is None:
                out.append("{}")
            else:
                text = part if isinstance(part, str) else part(value, self.names)
                out.append(escape(text).replace("{", "{{").replace("}", "}}"))
        return "".join(out)

    def __call__(self, value) -> str:
        """``value`` (an aware datetime, already in local time) formatted, escaped."""
        if self.parts is None:
            return escape(dateformat.format(value, self.format_string))
        day = (value.year, value.month, value.day)
        template = self.templates.get(day)
        if template is None:
            template = self.templates[day] = self._template(value)
        return template.format(*[part(value, self.names) for part in self.time_parts])
