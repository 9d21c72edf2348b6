"""A source comes back with the code: reads replies, adds messages and files."""

import pytest

from tests.builders import make_editor
from tests.tips import files
from tests.tips.conftest import open_tip, receipt_code, send_tip
from tips import services
from tips.models import Attachment, Tip, TipMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(client):
    """A tip sent through the form; returns (tip, code)."""
    code = receipt_code(send_tip(client, message="First word from the source."))
    return Tip.objects.get(), code


def test_status_page_asks_for_the_code_in_a_post_form(client):
    page = client.get("/tips/status/").content.decode()

    assert '<form id="status-form" method="post"' in page
    assert 'name="code"' in page


def test_code_in_the_address_is_ignored(client, sent):
    _tip, code = sent

    page = client.get("/tips/status/", {"code": code}).content.decode()

    assert "First word from the source." not in page


def test_right_code_shows_the_conversation_with_the_newsroom_reply(client, sent):
    # A username no receipt word can contain: the page carries the code itself, and the
    # code's seven words come from a dictionary where "editor" is one of them.
    editor = make_editor("desk_7f3q")
    tip, code = sent
    services.reply_to_source(tip, editor=editor, body="Thank you. Can you say which bridge?")

    response = open_tip(client, code)

    page = response.content.decode()
    assert response.status_code == 200
    assert "First word from the source." in page
    assert "Thank you. Can you say which bridge?" in page
    assert editor.username not in page  # replies are signed by the newsroom only


def test_a_spanish_code_typed_back_with_accents_opens_its_tip(client):
    sent = send_tip(client, message="Primera palabra.", data={"code_language": "es"})
    # What a phone keyboard may do to "despues" or "nino".
    typed = receipt_code(sent).replace("e", "é").replace("n", "ñ").upper()

    response = open_tip(client, typed)

    assert response.status_code == 200
    assert "Primera palabra." in response.content.decode()


def test_wrong_code_is_refused_with_a_form_error(client, sent):
    response = open_tip(client, "abacus abdomen abdominal abide abiding ability ablaze")

    assert response.status_code == 400
    assert "No tip matches that code" in response.content.decode()
    assert "First word from the source." not in response.content.decode()


def test_source_adds_a_message_and_a_file_to_the_same_tip(client, sent, stored_files):
    tip, code = sent
    Tip.objects.filter(pk=tip.pk).update(status=Tip.Status.HANDLED)
    photo = files.upload("IMG_0009.jpg", files.jpeg_with_gps_and_xmp(), "image/jpeg")

    response = open_tip(
        client, code, follow_up="1", message="The bridge by the customs post.", attachments=[photo]
    )

    assert response.status_code == 200
    assert "The bridge by the customs post." in response.content.decode()
    added = tip.messages.get(body="The bridge by the customs post.")
    assert added.sender == TipMessage.Sender.SOURCE
    assert added.attachments.get().kind == Attachment.Kind.IMAGE
    tip.refresh_from_db()
    assert tip.status == Tip.Status.NEW  # back in the editors' unread pile


def test_follow_up_needs_a_message_or_a_file(client, sent):
    tip, code = sent

    response = open_tip(client, code, follow_up="1", message="")

    assert response.status_code == 400
    assert "Write a message or attach a file" in response.content.decode()
    assert tip.messages.count() == 1


def test_refused_follow_up_file_stores_nothing(client, sent, stored_files):
    tip, code = sent

    response = open_tip(
        client, code, follow_up="1", attachments=[files.upload("x.jpg", files.html_page())]
    )

    assert response.status_code == 400
    assert tip.messages.count() == 1
    assert stored_files() == []


def test_follow_up_with_a_wrong_code_adds_nothing(client, sent):
    _tip, _code = sent

    open_tip(client, "wrong " * 7, follow_up="1", message="Injected")

    assert not TipMessage.objects.filter(body="Injected").exists()


def test_code_checks_are_rate_limited_per_address(client, sent, settings):
    _tip, code = sent
    settings.TIPS_RECEIPT_CHECKS_PER_HOUR = 2
    open_tip(client, "wrong " * 7)
    open_tip(client, "wrong " * 7)

    response = open_tip(client, code)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "First word from the source." not in response.content.decode()


def test_code_checks_are_rate_limited_for_everybody_together(client, sent, settings):
    _tip, code = sent
    settings.TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL = 1
    client.post("/tips/status/", {"code": "wrong " * 7}, REMOTE_ADDR="198.51.100.1")

    response = client.post("/tips/status/", {"code": code}, REMOTE_ADDR="198.51.100.2")

    assert response.status_code == 429


def test_follow_ups_on_one_tip_are_slowed_down_keeping_the_text(client, sent, settings):
    _tip, code = sent
    settings.TIPS_SUBMISSIONS_PER_HOUR = 1
    open_tip(client, code, follow_up="1", message="Second word.")

    response = open_tip(client, code, follow_up="1", message="Third word, same hour.")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Third word, same hour." in response.content.decode()
    assert not TipMessage.objects.filter(body="Third word, same hour.").exists()
