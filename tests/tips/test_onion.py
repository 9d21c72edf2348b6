"""The tip line's onion service: reached over http, and no source can lock out the rest."""

import pytest

from tests.tips.conftest import open_tip, send_tip
from tips.models import Tip

pytestmark = pytest.mark.django_db

ONION = "borderblogtipsexampleexampleexampleexampleexampleexample.onion"
OPEN_WEB = "border.example"
AT_ONION = {"Host": ONION}
WRONG_CODE = "abacus abdomen abdominal abide abiding ability ablaze"


@pytest.fixture(autouse=True)
def onion_service(settings):
    settings.TIPS_ONION_ADDRESS = f"http://{ONION}"
    settings.ALLOWED_HOSTS = [ONION, OPEN_WEB]
    settings.HTTPS_REDIRECT = True


def test_the_onion_is_served_over_http_and_not_sent_to_an_https_onion(client):
    response = client.get("/tips/", headers=AT_ONION)

    assert response.status_code == 200


def test_the_open_web_is_still_sent_to_https(client):
    response = client.get("/tips/", headers={"Host": OPEN_WEB})

    assert response.status_code == 301
    assert response["Location"] == f"https://{OPEN_WEB}/tips/"


def test_one_onion_visitor_guessing_codes_does_not_lock_out_another_source(client, settings):
    settings.TIPS_RECEIPT_CHECKS_PER_HOUR = 2
    tip_sent = send_tip(client, headers=AT_ONION)
    assert tip_sent.status_code == 200
    for _ in range(3):  # one visitor, wrong codes; every onion visitor has one address
        open_tip(client, WRONG_CODE, headers=AT_ONION)

    wrong = open_tip(client, WRONG_CODE, headers=AT_ONION)

    assert wrong.status_code == 400  # refused as wrong, not as rate limited


def test_the_limit_for_everybody_still_counts_onion_code_checks(client, settings):
    settings.TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL = 2
    for _ in range(2):
        open_tip(client, WRONG_CODE, headers=AT_ONION)

    response = open_tip(client, WRONG_CODE, headers=AT_ONION)

    assert response.status_code == 429


def test_new_tips_over_the_onion_share_an_allowance_of_their_own(client, settings):
    settings.TIPS_SUBMISSIONS_PER_HOUR = 1
    settings.TIPS_ONION_SUBMISSIONS_PER_HOUR = 2
    statuses = [send_tip(client, headers=AT_ONION).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert Tip.objects.count() == 2
