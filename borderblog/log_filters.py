"""What the site's log must not say."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest
from django.urls import reverse

from .onion import is_onion_host

_in_tip_line = ContextVar("in_tip_line", default=False)
# Marks a record about the whole site (Redis failing, say), which names no request and
# so may be logged whatever request met it: extra={SITE_WIDE: True}.
SITE_WIDE = "site_wide"


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
    that nothing else keeps: such lines are dropped. A server error there still reaches
    the log, so that a broken tip line is noticed, but as one line naming what failed,
    without the request, its path or a traceback. What other code logs while a tip view
    runs is dropped too, unless it is marked SITE_WIDE: a fault of a service the whole
    site shares (Redis) is logged as it is, naming no page.

    Django's development server logs its own request lines with the socket, not an
    HttpRequest, as ``record.request``; those are told by their request line. A filter
    that raised would break the request being logged, so a record it cannot read is
    treated as the tip line's.
    """

    def filter(self, record):
        if getattr(record, SITE_WIDE, False):
            return True
        try:
            about = self._about_tip_line(record)
        except Exception:
            about = "request"
        if about is None:
            return True
        if about == "context":
            return False
        if record.levelno < logging.ERROR or getattr(record, "status_code", 500) < 500:
            return False
        self._reduce_to_one_line(record)
        return True

    def _about_tip_line(self, record):
        """ "request" if the record is about a tip-line request, "context" if it was only
        logged while one ran, None if neither."""
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            # The raw Host: validating it here would raise for a host Django refuses.
            host = request.META.get("HTTP_HOST", "")
            if _is_tip_line_path(request.path_info) or is_onion_host(host):
                return "request"
        elif record.name == "django.server" and isinstance(record.args, tuple) and record.args:
            # The request line, e.g. 'POST /tips/ HTTP/1.1'.
            parts = str(record.args[0]).split()
            if len(parts) > 1 and _is_tip_line_path(parts[1]):
                return "request"
        return "context" if _in_tip_line.get() else None

    def _reduce_to_one_line(self, record):
        exc_info = record.exc_info
        if isinstance(exc_info, tuple) and exc_info and exc_info[0]:
            what = exc_info[0].__name__
        else:
            what = f"status {getattr(record, 'status_code', 'unknown')}"
        record.msg, record.args = "Tip line: an error logged by %s (%s)", (record.name, what)
        record.exc_info = record.exc_text = record.stack_info = None
        record.request = None


class RefusalsInOneLine(logging.Filter):
    """A refused request (a 4xx: an unknown Host header, a body too large) is logged in
    one line, without the traceback Django attaches: scanners send them all day, and
    nothing on the server is broken."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = record.exc_text = record.stack_info = None
        return True


def _is_tip_line_path(path):
    return path.startswith(reverse("tips:submit"))
