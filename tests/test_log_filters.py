"""The site's log: nothing about sources' visits, and no crash on the server's own lines."""

import logging
import socket
import sys

import pytest

from borderblog.log_filters import QuietTipLine, tip_line_request

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


def test_what_is_logged_while_a_tip_view_runs_is_the_tip_lines(caplog):
    logger = logging.getLogger("borderblog.ratelimit")
    with tip_line_request():
        warning = logging.LogRecord(logger.name, logging.WARNING, __file__, 1, "w", None, None)
        error = logging.LogRecord(
            logger.name, logging.ERROR, __file__, 1, "Rate limit tips-receipt", None, None
        )
        assert not quiet.filter(warning)
        assert quiet.filter(error)
    assert logging.Formatter().format(error) == (
        "Tip line: an error logged by borderblog.ratelimit (status unknown)"
    )


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
