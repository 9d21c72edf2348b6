"""What a source's visit leaves behind: no address, agent, referrer, file name or session."""

import logging
import re

import pytest
from django.test import Client

from borderblog.log_filters import QuietTipLine
from tests.database_scan import every_stored_value
from tests.tips import files
from tests.tips.conftest import open_tip, receipt_code, send_tip
from tips.models import Tip

pytestmark = pytest.mark.django_db
quiet_tip_line = QuietTipLine()

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.78"
AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) DistinctiveSourceAgent/4.2"
REFERRER = "https://referring.example/secret-page"
FILE_NAME = "informe_de_juan_perez_comandancia"
HEADERS = {
    "REMOTE_ADDR": ADDRESS,
    "HTTP_X_FORWARDED_FOR": FORWARDED,
    "HTTP_USER_AGENT": AGENT,
    "HTTP_REFERER": REFERRER,
}
SECRETS = (ADDRESS, FORWARDED, AGENT, "DistinctiveSourceAgent", REFERRER, FILE_NAME)


def tip_pages(client):
    """One answer of each kind a source gets from the tip line."""
    code = receipt_code(send_tip(client, **HEADERS))
    return {
        "form": client.get("/tips/", **HEADERS),
        "confirmation": send_tip(client, **HEADERS),
        "refused form": send_tip(client, message="", **HEADERS),
        "code form": client.get("/tips/status/", **HEADERS),
        "conversation": open_tip(client, code),
        "wrong code": open_tip(client, "wrong " * 7),
    }


def test_database_and_storage_keep_no_address_agent_referrer_or_file_name(client, stored_files):
    photo = files.upload(f"{FILE_NAME}.jpg", files.jpeg_with_gps_and_xmp(), "image/jpeg")
    note = files.upload(f"{FILE_NAME}.txt", b"A note.", "text/plain")
    response = send_tip(client, attachments=[photo, note], **HEADERS)
    code = receipt_code(response)
    more = files.upload(f"{FILE_NAME}.pdf", files.pdf_with_author_and_xmp(), "application/pdf")
    client.post("/tips/status/", {"code": code, "follow_up": "1", "attachments": [more]}, **HEADERS)

    assert Tip.objects.get().messages.count() == 2
    stored = every_stored_value()
    for secret in SECRETS:
        assert secret not in stored
    assert len(stored_files()) == 4  # three files and one thumbnail
    for path in stored_files():
        assert FILE_NAME not in str(path)
        content = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in content


def test_nothing_identifying_is_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    photo = files.upload(f"{FILE_NAME}.jpg", files.jpeg_with_gps_and_xmp(), "image/jpeg")
    send_tip(client, attachments=[photo], **HEADERS)
    send_tip(client, message="", attachments=[files.upload(f"{FILE_NAME}.zip", b"PK")], **HEADERS)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in SECRETS:
        assert secret not in logged


def test_tip_pages_set_no_session_or_message_cookie(client, settings):
    for kind, response in tip_pages(client).items():
        assert settings.SESSION_COOKIE_NAME not in response.cookies, kind
        assert "messages" not in response.cookies, kind


def test_tip_pages_send_no_referrer_and_are_never_cached(client):
    for kind, response in tip_pages(client).items():
        assert response["Referrer-Policy"] == "no-referrer", kind
        assert "no-store" in response["Cache-Control"], kind


def test_onion_location_is_sent_when_an_onion_address_is_set(client, settings):
    settings.TIPS_ONION_ADDRESS = "http://borderblogtipsexampleexampleexampleexampleexample.onion"

    response = client.get("/tips/status/")

    assert response["Onion-Location"] == (
        "http://borderblogtipsexampleexampleexampleexampleexample.onion/tips/status/"
    )
    assert "borderblogtipsexample" in client.get("/tips/").content.decode()


def test_no_onion_location_without_an_onion_address(client, settings):
    settings.TIPS_ONION_ADDRESS = ""

    assert "Onion-Location" not in client.get("/tips/")


def test_csrf_protection_still_applies_to_the_tip_form(stored_files):
    browser = Client(enforce_csrf_checks=True)

    response = send_tip(browser, attachments=[files.upload("a.txt", b"note")])

    assert response.status_code == 403
    assert not Tip.objects.exists()
    assert stored_files() == []


def test_csrf_cookie_is_set_so_the_form_works(client):
    response = client.get("/tips/")

    assert "csrftoken" in response.cookies


def test_tip_page_loads_nothing_from_other_sites(client):
    page = client.get("/tips/").content.decode()

    loaded = re.findall(r"<(?:script|img|link|iframe|source|video|audio|object)\b[^>]*>", page)
    addresses = [re.search(r'(?:src|href|data)="([^"]*)"', tag) for tag in loaded]
    for address in filter(None, addresses):
        other_host = re.match(r"^(?:https?:)?//(?!testserver/)", address.group(1))
        assert not other_host, address.group(1)


def csrf_post(browser, secure=False, **headers):
    """A tip posted with the page's own CSRF token, and the given Origin and fetch headers."""
    page = browser.get("/tips/", secure=secure).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = {"csrfmiddlewaretoken": token, "message": "A tip."}
    return browser.post("/tips/", data, secure=secure, **headers)


@pytest.mark.parametrize("secure", [False, True], ids=["http-onion", "https"])
def test_form_posted_by_our_own_page_under_no_referrer_is_accepted(secure):
    # Browsers send "Origin: null" from a no-referrer page, and no Referer; Fetch
    # Metadata says the form was ours.
    response = csrf_post(
        Client(enforce_csrf_checks=True),
        secure=secure,
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 200
    assert Tip.objects.count() == 1


@pytest.mark.parametrize("site", ["cross-site", "same-site", None])
def test_form_posted_from_elsewhere_with_origin_null_is_refused(site):
    headers = {"HTTP_ORIGIN": "null"} | ({"HTTP_SEC_FETCH_SITE": site} if site else {})

    response = csrf_post(Client(enforce_csrf_checks=True), **headers)

    assert response.status_code == 403
    assert not Tip.objects.exists()


def test_form_posted_from_another_origin_is_refused():
    response = csrf_post(Client(enforce_csrf_checks=True), HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403


def test_refused_tip_requests_leave_no_warning_in_the_log(client, caplog):
    caplog.set_level(logging.DEBUG)
    send_tip(client, message="")  # a form refused: Django warns "Bad Request: /tips/"
    open_tip(client, "wrong " * 7)

    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 2  # Django warned twice...
    (console,) = [h for h in logging.getLogger("django").handlers if h.get_name() == "console"]
    assert not any(console.filter(record) for record in warnings)  # ...the site's log drops it


def test_other_pages_refused_and_tip_line_errors_are_still_logged(rf):
    def record(path, level):
        entry = logging.LogRecord("django.request", level, __file__, 1, "x", None, None)
        entry.request = rf.get(path)
        return entry

    assert quiet_tip_line.filter(record("/no/such/page/", logging.WARNING))
    assert quiet_tip_line.filter(record("/tips/", logging.ERROR))
    assert not quiet_tip_line.filter(record("/tips/status/", logging.WARNING))
