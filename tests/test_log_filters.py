"""The site's log: nothing about sources' visits, and no crash on the server's own lines."""

import logging
import socket
import sys

import pytest

from borderblog.log_filters import QuietTipLine, RefusalsInOneLine, tip_line_request

quiet = QuietTipLine()


def server_line(request_line, status, size="1234"):
    """A record as Django's development server logs a request it answered: its socket,
    not an HttpRequest, is ``record.request``."""
    level = logging.WARNING if status.startswith("4") else logging.ERROR
    record = logging.LogRecord(
        "django.server", level, __file__, 1, '"%s" %s %s', (request_line, status, size), None
    )
    record.request = socket.socket()
    record.status_code = int(status)
    record.server_time = "03/Dec/2026 08:00:00"
    return record


def request_record(rf, path, level, status_code=None, exc_info=None, name="django.request"):
    record = logging.LogRecord(name, level, __file__, 1, "x: %s", (path,), exc_info)
    record.request = rf.get(path)
    if status_code is not None:
        record.status_code = status_code
    return record


def an_exception():
    try:
        raise RuntimeError("boom at /tips/ for a source")
    except RuntimeError:
        return sys.exc_info()


@pytest.mark.parametrize("status", ["400", "403", "404", "429", "500"])
def test_the_development_servers_lines_about_other_pages_pass(status):
    record = server_line("POST /2010/12/a-post/ HTTP/1.1", status)
    try:
        assert quiet.filter(record)
    finally:
        record.request.close()


@pytest.mark.parametrize("status", ["400", "403", "404", "429"])
def test_the_development_servers_lines_about_refused_tips_are_dropped(status):
    record = server_line("POST /tips/status/ HTTP/1.1", status)
    try:
        assert not quiet.filter(record)
    finally:
        record.request.close()


def test_a_garbled_request_line_from_the_development_server_passes():
    record = server_line("\x16\x03\x01", "400")
    try:
        assert quiet.filter(record)
    finally:
        record.request.close()


def test_a_refused_tip_logged_as_an_error_is_dropped(rf):
    # Django logs RequestDataTooBig (a 400) at ERROR, with a traceback.
    record = request_record(
        rf, "/tips/", logging.ERROR, 400, an_exception(), "django.security.RequestDataTooBig"
    )
    assert not quiet.filter(record)


def test_a_tip_line_fault_reaches_the_log_as_one_line_without_the_request(rf):
    record = request_record(rf, "/tips/", logging.ERROR, 500, an_exception())

    assert quiet.filter(record)
    printed = logging.Formatter().format(record)
    assert printed == "Tip line: an error logged by django.request (RuntimeError)"
    assert record.request is None


@pytest.mark.parametrize("level", [logging.WARNING, logging.ERROR])
def test_what_other_code_logs_while_a_tip_view_runs_is_dropped(level):
    # e.g. "Rate limit tips-receipt not checked": a source checked a code just then.
    record = logging.LogRecord("borderblog.ratelimit", level, __file__, 1, "m", None, None)
    with tip_line_request():
        assert not quiet.filter(record)


def test_a_site_wide_fault_met_by_a_tip_view_is_logged_as_it_is():
    record = logging.LogRecord(
        "borderblog.redis_circuit", logging.ERROR, __file__, 1, "Redis failed", None, None
    )
    record.site_wide = True
    with tip_line_request():
        assert quiet.filter(record)
    assert record.getMessage() == "Redis failed"


def test_a_record_the_filter_cannot_read_is_kept_out_of_the_log_in_full(rf):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "x", None, None)
    record.request = rf.get("/")
    del record.request.META  # no filter may raise: it would break the request logged
    assert not quiet.filter(record)


def test_a_refused_host_on_the_onion_never_makes_the_filter_raise(rf, settings):
    settings.TIPS_ONION_ADDRESS = "http://borderblogtipsexampleexampleexampleexampleexample.onion"
    record = logging.LogRecord(
        "django.security.DisallowedHost", logging.ERROR, __file__, 1, "x", None, None
    )
    record.request = rf.get("/", HTTP_HOST="evil.example")
    record.status_code = 400
    assert quiet.filter(record)


def test_outside_a_tip_view_records_without_a_request_pass():
    record = logging.LogRecord("comments", logging.WARNING, __file__, 1, "w", None, None)
    assert quiet.filter(record)


def test_every_request_to_the_onion_service_is_the_tip_lines(rf, settings):
    onion = "borderblogtipsexampleexampleexampleexampleexample.onion"
    settings.TIPS_ONION_ADDRESS = f"http://{onion}"
    settings.ALLOWED_HOSTS = [onion]
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "x", None, None)
    record.request = rf.get("/no/such/page/", HTTP_HOST=onion)
    assert not quiet.filter(record)


def test_other_pages_refused_are_still_logged_in_full(rf):
    record = request_record(rf, "/no/such/page/", logging.WARNING, 404)
    assert quiet.filter(record)
    assert record.getMessage() == "x: /no/such/page/"


def test_a_refused_request_is_logged_in_one_line(rf):
    record = request_record(
        rf, "/", logging.ERROR, 400, an_exception(), "django.security.DisallowedHost"
    )
    assert RefusalsInOneLine().filter(record)
    assert logging.Formatter().format(record) == "x: /"


def test_a_server_error_keeps_its_traceback(rf):
    record = request_record(rf, "/", logging.ERROR, 500, an_exception())
    assert RefusalsInOneLine().filter(record)
    assert "Traceback" in logging.Formatter().format(record)
