"""The whole comment loop in Chromium: a reader comments, an editor approves, everyone sees it."""

import re

from playwright.sync_api import expect

from comments.models import Comment
from tests import builders
from tests.browser.actions import log_in_to_admin, send_comment


def test_comment_is_shown_to_other_readers_only_after_an_editor_approves_it(page, new_page):
    post = builders.make_post("Wikileaks cables: US Mexico drugs war fears revealed")
    builders.make_comment(post, status=Comment.Status.APPROVED, author_name="Brito")
    editor = builders.make_editor()
    text = "The army cannot hold the plaza without the police."

    # A reader comments and is told the comment awaits moderation, seeing it marked so.
    page.goto(post.get_absolute_url())
    answer = send_comment(page, name="Ernest1", body=text)
    assert answer.status in {302, 303}, f"a valid comment should redirect, got {answer.status}"
    expect(page.locator("body")).to_contain_text("awaiting moderation")
    expect(page.get_by_text(text)).to_be_visible()

    # Another reader, in another browser, does not see it yet.
    other_reader = new_page()
    other_reader.goto(post.get_absolute_url())
    expect(other_reader.locator("h1")).to_contain_text(post.title)
    expect(other_reader.get_by_text(text)).to_have_count(0)
    expect(other_reader.locator("body")).not_to_contain_text("awaiting moderation")

    # The editor approves it from the moderation queue, which lists pending comments.
    comment = Comment.objects.get(post=post, body=text)
    editor_page = new_page()
    queue = "/admin/comments/comment/"
    log_in_to_admin(editor_page, editor, queue)
    editor_page.locator(f'input[name="_selected_action"][value="{comment.pk}"]').check()
    editor_page.locator('select[name="action"]').select_option("approve_comments")
    with editor_page.expect_response(lambda r: r.request.method == "POST") as decided:
        editor_page.locator('[name="index"]').click()
    assert decided.value.status in {302, 303}, (
        f"approving should redirect back to the queue, got {decided.value.status}"
    )

    # Now the other reader sees it, numbered after the comment that was there before.
    other_reader.reload()
    shown = other_reader.locator(f"#c{comment.pk}.comment")
    expect(shown).to_be_visible()
    expect(shown).to_contain_text(re.compile(r"(^|\s)2\.?\s"))
    expect(shown).to_contain_text("Ernest1")
    expect(shown).to_contain_text(text)


def test_empty_comment_is_refused_on_the_page_and_keeps_the_name_typed(page):
    post = builders.make_post()

    page.goto(post.get_absolute_url())
    answer = send_comment(page, name="Buela", body="")

    assert answer.status == 400, (
        f"an invalid comment should re-render the page, got {answer.status}"
    )
    expect(page.locator("#comment-form")).to_contain_text("Please write a comment")
    expect(page.locator('#comment-form [name="author_name"]')).to_have_value("Buela")
    assert not Comment.objects.filter(post=post).exists()
