"""The whole tip line in Chromium: a source sends a photo, an editor replies, the source reads."""

import pytest
from playwright.sync_api import expect

from tests import builders
from tests.browser.actions import log_in_to_admin
from tests.tips import files
from tips.models import Attachment, Tip


@pytest.fixture(autouse=True)
def tips_root(settings, tmp_path):
    """The private tips storage in a fresh folder; the live server's thread sees it too."""
    tips = settings.STORAGES["tips"]
    settings.STORAGES = {
        **settings.STORAGES,
        "tips": {**tips, "OPTIONS": {**tips["OPTIONS"], "location": tmp_path / "tips"}},
    }
    return tmp_path / "tips"


def test_source_sends_a_photo_and_reads_the_editors_reply_with_the_receipt_code(page, new_page):
    editor = builders.make_editor()
    message = "Soldiers set up a new checkpoint at kilometre 30 this morning."
    reply = "Gracias. ¿Puede decirnos a qué hora llegaron? / Thank you. What time did they arrive?"

    # The source sends a tip with a photo from their phone and keeps the receipt code.
    page.goto("/tips/")
    form = page.locator("#tip-form")
    form.locator('textarea[name="message"]').fill(message)
    form.locator('input[name="attachments"]').set_input_files(
        [
            {
                "name": "IMG_0001.jpg",
                "mimeType": "image/jpeg",
                "buffer": files.jpeg_with_gps_and_xmp(),
            }
        ]
    )
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.locator('[type="submit"]').click()
    assert answer.value.status == 200, f"a valid tip should be accepted, got {answer.value.status}"
    code = page.locator("#receipt-code").inner_text().strip()
    assert len(code.split()) == 7
    assert not [c for c in page.context.cookies() if c["name"] == "sessionid"]

    # An editor opens it from the inbox, sees the photo's thumbnail, and replies.
    tip = Tip.objects.get()
    attachment = Attachment.objects.get()
    editor_page = new_page()
    log_in_to_admin(editor_page, editor, "/admin/tips/tip/")
    editor_page.get_by_role("link", name=str(tip)).click()
    expect(editor_page.locator(".tip-admin-body")).to_contain_text(message)
    thumbnail = editor_page.locator(f'img[src$="/attachment/{attachment.pk}/thumbnail/"]')
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("image => image.naturalWidth") > 0, "the thumbnail did not load"
    editor_page.locator('textarea[name="reply"]').fill(reply)
    with editor_page.expect_response(lambda r: r.request.method == "POST") as saved:
        editor_page.locator('[name="_save"]').click()
    assert saved.value.status == 302, f"saving the reply should redirect, got {saved.value.status}"

    # Later, in another browser, the source comes back with the code and reads the reply.
    source_again = new_page()
    source_again.goto("/tips/status/")
    source_again.locator('#status-form [name="code"]').fill(code)
    source_again.locator('#status-form [type="submit"]').click()
    expect(source_again.locator(".tip-message--source")).to_contain_text(message)
    expect(source_again.locator(".tip-message--newsroom")).to_contain_text(reply)
    expect(source_again.locator("body")).not_to_contain_text(editor.username)
