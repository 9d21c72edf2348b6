"""Sending a tip: the form, the receipt, the limits, and refusals that store nothing."""

import re

import pytest

from tests.tips import files
from tests.tips.conftest import receipt_code, send_tip
from tips import receipts
from tips.models import Attachment, Tip, TipMessage

pytestmark = pytest.mark.django_db

ACCEPTED = "JPEG, PNG, WebP, HEIC; MP4, MOV, WebM; PDF; UTF-8 plain text"


def test_tip_page_has_the_form_with_its_three_fields(client):
    page = client.get("/tips/").content.decode()

    assert '<form id="tip-form" method="post" enctype="multipart/form-data"' in page
    assert re.search(r'<textarea name="message"[^>]*required', page)
    assert '<input type="text" name="contact"' in page
    assert re.search(r'<input type="file" name="attachments"[^>]*multiple', page)


def test_tip_page_keeps_the_call_to_action_and_says_what_the_site_cannot_do(client):
    page = client.get("/tips/").content.decode()

    assert "Envía fotos, vídeos, notas, enlaces o información" in page
    assert "Todo 100% Anónimo" in page
    assert "Ningún sitio web puede, por sí solo, hacer a alguien 100% anónimo" in page
    assert "No web site can, by itself, make anyone 100% anonymous" in page
    assert "Navegador Tor" in page
    assert "Tor Browser" in page
    assert page.index('lang="es"') < page.index('lang="en"', page.index("tip-safety"))


def test_valid_tip_shows_a_seven_word_receipt_code_once(client):
    response = send_tip(client)

    assert response.status_code == 200
    code = receipt_code(response)
    assert len(code.split()) == 7
    assert all(word in receipts.word_list() for word in code.split())
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]


def test_valid_tip_is_stored_as_new_with_the_message_and_contact(client):
    send_tip(client, message="Checkpoint moved to km 30.", contact="signal: +52 000")

    tip = Tip.objects.get()
    assert tip.status == Tip.Status.NEW
    assert tip.contact == "signal: +52 000"
    message = tip.messages.get()
    assert message.sender == TipMessage.Sender.SOURCE
    assert message.body == "Checkpoint moved to km 30."


def test_receipt_code_itself_is_not_stored(client):
    code = receipt_code(send_tip(client))

    tip = Tip.objects.get()
    assert code not in tip.receipt_hash
    assert code not in tip.receipt_lookup
    assert receipts.find_tip(code) == tip


def test_attachments_are_stored_cleaned_under_random_names(client, stored_files):
    send_tip(
        client,
        attachments=[
            files.upload("IMG_0001.jpg", files.jpeg_with_gps_and_xmp(), "image/jpeg"),
            files.upload("informe.pdf", files.pdf_with_author_and_xmp(), "application/pdf"),
        ],
    )

    image, pdf = Attachment.objects.order_by("id")
    assert (image.kind, image.content_type) == ("image", "image/jpeg")
    assert (pdf.kind, pdf.content_type) == ("pdf", "application/pdf")
    assert re.fullmatch(r"attachments/[0-9a-f]{32}\.jpg", image.stored_name)
    assert image.thumbnail_name
    assert not pdf.thumbnail_name
    assert len(stored_files()) == 3  # two files and one thumbnail
    for path in stored_files():
        assert files.AUTHOR.encode() not in path.read_bytes()


def test_message_is_required_and_what_was_typed_comes_back(client):
    response = send_tip(client, message="", contact="by email please")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Escribe tu mensaje" in page
    assert "Please write your message" in page
    assert 'value="by email please"' in page
    assert not Tip.objects.exists()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("bomb.png", files.decompression_bomb),
        ("photo.jpg", files.html_page),
        ("drawing.svg", files.svg_image),
        ("archive.zip", files.zip_archive),
    ],
    ids=["decompression-bomb", "html-named-jpg", "svg", "zip"],
)
def test_refused_file_refuses_the_whole_tip_and_stores_nothing(client, stored_files, name, make):
    good = files.upload("IMG_0001.jpg", files.jpeg_with_gps_and_xmp(), "image/jpeg")
    bad = files.upload(name, make(), "image/jpeg")

    response = send_tip(client, attachments=[good, bad])

    assert response.status_code == 400
    assert name in response.content.decode()
    assert not Tip.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_refusal_of_an_unknown_type_lists_what_is_accepted(client):
    response = send_tip(client, attachments=[files.upload("archive.zip", files.zip_archive())])

    page = response.content.decode()
    assert "Aceptamos: JPEG, PNG, WebP, HEIC; MP4, MOV, WebM; PDF; texto plano (UTF-8)." in page
    assert f"We accept: {ACCEPTED}." in page


def test_file_over_the_size_limit_is_refused_with_a_form_error(client, settings, stored_files):
    settings.TIPS_MAX_FILE_SIZE = 2**20

    response = send_tip(client, attachments=[files.upload("big.txt", b"a" * (2**20 + 1))])

    assert response.status_code == 400
    page = response.content.decode()
    assert "«big.txt» pasa de 1 MB, el máximo por archivo." in page
    assert "“big.txt” is over 1 MB, the most one file may be." in page
    assert stored_files() == []
    assert not Tip.objects.exists()


def test_files_over_the_total_limit_are_refused(client, settings, stored_files):
    settings.TIPS_MAX_TIP_SIZE = 3000

    response = send_tip(
        client,
        attachments=[files.upload(f"note{n}.txt", b"b" * 1200) for n in range(3)],
    )

    assert response.status_code == 400
    assert "“note2.txt” did not fit" in response.content.decode()
    assert stored_files() == []
    assert not Tip.objects.exists()


def test_more_files_than_allowed_are_refused(client, settings, stored_files):
    settings.TIPS_MAX_FILES = 2

    response = send_tip(client, attachments=[files.upload(f"n{n}.txt", b"note") for n in range(3)])

    assert response.status_code == 400
    assert "You can send up to 2 files at a time" in response.content.decode()
    assert stored_files() == []
    assert not Tip.objects.exists()


def test_many_tips_from_one_address_are_slowed_down_keeping_the_text(client, settings):
    settings.TIPS_SUBMISSIONS_PER_HOUR = 1
    send_tip(client)

    response = send_tip(client, message="Second tip, same hour.")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Second tip, same hour." in response.content.decode()
    assert Tip.objects.count() == 1


def test_the_source_chooses_the_language_of_the_receipt_code(client):
    response = send_tip(client, data={"code_language": "es"})

    code = receipt_code(response)
    assert set(code.split()) <= set(receipts.word_list("es"))
    assert 'id="receipt-code" lang="es"' in response.content.decode()
    assert "Son siete palabras en español." in response.content.decode()


def test_the_code_language_offered_first_is_the_pages(client):
    english = client.get("/tips/").content.decode()
    spanish = client.get("/tips/", headers={"Accept-Language": "es"}).content.decode()

    assert re.search(r'name="code_language" value="en"[^>]*checked', english)
    assert re.search(r'name="code_language" value="es"[^>]*checked', spanish)


def test_without_a_choice_the_code_is_in_the_pages_language(client):
    response = send_tip(client, headers={"Accept-Language": "es"})

    assert set(receipt_code(response).split()) <= set(receipts.word_list("es"))


def test_an_unknown_code_language_still_sends_the_tip_with_an_english_code(client):
    response = send_tip(client, data={"code_language": "klingon"})

    assert response.status_code == 200
    assert set(receipt_code(response).split()) <= set(receipts.word_list("en"))
    assert Tip.objects.count() == 1
