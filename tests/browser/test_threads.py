"""Threads in Chromium: a reply nests under its parent once approved; "@ 3:40" links back."""

import re
from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from comments.models import Comment
from demo.content import SEED_SLUG
from posts.models import Post
from tests import builders
from tests.browser.actions import log_in_to_admin, send_comment

Status = Comment.Status


def test_a_reply_sent_from_the_reply_link_shows_nested_under_its_parent_once_approved(
    page, new_page
):
    post = builders.make_post("Soldiers back to barracks?")
    parent = builders.make_comment(
        post, status=Status.APPROVED, author_name="Buela", body="Send them back and who answers?"
    )
    later = builders.make_comment(
        post, status=Status.APPROVED, author_name="Brito", body="The navy did better."
    )
    editor = builders.make_editor()
    text = "The army was never trained to patrol streets, Buela."

    # Another reader has the page open: its thread is now in the cache.
    other_reader = new_page()
    other_reader.goto(post.get_absolute_url())
    expect(other_reader.locator(f"#c{later.pk}")).to_be_visible()

    # A reader answers the first comment through its Reply link.
    page.goto(post.get_absolute_url())
    page.locator(f"#c{parent.pk}").get_by_role("link", name="Reply to comment 1").click()
    expect(page.locator("#comment-form-heading")).to_contain_text("Reply to Buela")
    answer = send_comment(page, name="Ernest1", body=text)
    assert answer.status in {302, 303}, f"a valid reply should redirect, got {answer.status}"
    reply = Comment.objects.get(body=text)
    assert reply.parent_id == parent.pk

    # An editor approves it with the row button in the queue.
    desk = new_page()
    log_in_to_admin(desk, editor, "/admin/comments/comment/")
    desk.locator(f'button[formaction*="/{reply.pk}/moderate/"][value="approve"]').click()
    expect(desk.locator(f'button[formaction*="/{reply.pk}/moderate/"]')).to_have_count(0)

    # The other reader reloads and finds it under its parent, before the later comment.
    other_reader.reload()
    nested = other_reader.locator(f"#c{parent.pk} > ol.comment-replies > li#c{reply.pk}.comment")
    expect(nested).to_contain_text(text)
    expect(nested).to_contain_text("in reply to 1. Buela")
    expect(nested.locator(".comment-number")).to_have_text("3.")
    ids = other_reader.locator("li.comment").evaluate_all("items => items.map(li => li.id)")
    assert ids == [f"c{parent.pk}", f"c{reply.pk}", f"c{later.pk}"]


def test_at_3_40_in_the_demos_comment_11_links_to_comment_7(page):
    call_command("load_demo", stdout=StringIO())
    post = Post.objects.get(slug=SEED_SLUG)
    thread = list(Comment.objects.for_post(post).published_once().thread_order())
    seventh, eleventh = thread[6], thread[10]

    page.goto(post.get_absolute_url())
    mention = page.locator(f"#c{eleventh.pk} .comment-body a.mention")
    expect(mention).to_have_text("@ 3:40")
    expect(mention).to_have_attribute("href", f"#c{seventh.pk}")

    mention.click()
    expect(page).to_have_url(re.compile(rf"#c{seventh.pk}$"))
    target = page.locator(f"#c{seventh.pk}")
    expect(target.locator(".comment-number")).to_have_text("7.")
    expect(target.locator("time")).to_contain_text("3:40 PM")


def test_a_lively_thread_has_no_wcag_21_aa_violations(page):
    from tests.browser.axe import AXE, axe_violations
    from tests.comments.thread_builders import make_lively_thread
    from tests.public_pages import require_tool

    require_tool("axe-core", path=AXE)
    post = builders.make_post()
    make_lively_thread(post, builders.make_editor(), builders.make_rule())
    for query in ("?cpage=2", "?corder=newest"):
        page.goto(post.get_absolute_url() + query)
        expect(page.locator(".comment-replies").first).to_be_visible()
        violations = axe_violations(page, AXE.read_text(encoding="utf-8"))
        assert not violations, "\n".join(violations)
