"""What the site's log must not say."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest
from django.urls import reverse

from .onion import is_onion

_in_tip_line = ContextVar("in_tip_line", default=False)


@contextmanager
def tip_line_request():
    """Marks what is logged while a tip-line view runs, whoever logs it (a rate limit
    that finds the cache down, say), as the tip line's."""
    token = _in_tip_line.set(True)
    try:
        yield
    finally:
        _in_tip_line.reset(token)


class QuietTipLine(logging.Filter):
    """Keeps sources' visits out of the log, at every level.

    With the log collector's times, a line about a tip-line request (a form refused, a
    wrong receipt code, a rate limit, a file too big) is a record of a source's attempt
    that nothing else keeps: such lines are dropped. A fault there (a server error, the
    cache down) still reaches the log, so that a broken tip line is noticed, but as one
    line naming what failed, without the request, its path or a traceback.

    Django's development server logs its own request lines with the socket, not an
    HttpRequest, as ``record.request``; those are told by their request line.
    """

    def filter(self, record):
        if not self._about_tip_line(record):
            return True
        if record.levelno < logging.ERROR or getattr(record, "status_code", 500) < 500:
            return False
        self._reduce_to_one_line(record)
        return True

    def _about_tip_line(self, record):
        if _in_tip_line.get():
            return True
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            return _is_tip_line_path(request.path_info) or is_onion(request)
        if record.name == "django.server" and record.args:
            # The request line, e.g. 'POST /tips/ HTTP/1.1'.
            parts = str(record.args[0]).split()
            return len(parts) > 1 and _is_tip_line_path(parts[1])
        return False

    def _reduce_to_one_line(self, record):
        if record.exc_info and record.exc_info[0]:
            what = record.exc_info[0].__name__
        else:
            what = f"status {getattr(record, 'status_code', 'unknown')}"
        record.msg, record.args = "Tip line: an error logged by %s (%s)", (record.name, what)
        record.exc_info = record.exc_text = record.stack_info = None
        record.request = None


def _is_tip_line_path(path):
    return path.startswith(reverse("tips:submit"))
