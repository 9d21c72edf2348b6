"""An editor clears the queue with the row buttons; the submitter learns each outcome."""

import re

from playwright.sync_api import expect

from comments.models import Comment
from tests import builders
from tests.browser.actions import log_in_to_admin, send_comment


def test_editor_clears_three_comments_and_the_submitter_sees_each_outcome(page, new_page):
    post = builders.make_post("Soldiers back to barracks?")
    rule = builders.make_rule(2, "No personal information", "Do not publish addresses.")
    editor = builders.make_editor()
    texts = {
        "approve": "The navy did better than the army, the cables say.",
        "reject": "The officer lives on Calle Hidalgo 14, go and ask him.",
        "spam": "Cheap pharmacy online, best prices.",
    }

    # The reader sends three comments from the same browser.
    page.goto(post.get_absolute_url())
    for text in texts.values():
        assert send_comment(page, name="", body=text).status in {302, 303}
    expect(page.locator(".badge--pending")).to_have_count(3)
    ids = {verb: Comment.objects.get(body=text).pk for verb, text in texts.items()}

    # The editor clears them one by one with the buttons on each row of the queue.
    desk = new_page()
    queue = "/admin/comments/comment/"
    log_in_to_admin(desk, editor, queue)
    for verb, pk in ids.items():
        if verb == "reject":
            desk.locator(f'select[name="rule_{pk}"]').select_option(str(rule.pk))
        desk.locator(f'button[formaction*="/{pk}/moderate/"][value="{verb}"]').click()
        expect(desk).to_have_url(re.compile(re.escape(queue)))
        expect(desk.locator(f'button[formaction*="/{pk}/moderate/"]')).to_have_count(0)
    expect(desk.locator("#result_list tbody tr")).to_have_count(0)

    # The reader's browser now sees what became of each one.
    page.reload()
    published = page.locator(f"#c{ids['approve']}.comment")
    expect(published).to_contain_text(texts["approve"])
    expect(published).to_contain_text("Your comment")
    refused = page.locator(f"#c{ids['reject']}")
    expect(refused).to_contain_text("not published under rule 2")
    expect(refused.get_by_role("link", name="rule 2")).to_have_attribute("href", "/policy/#rule-2")
    expect(page.locator(f"#c{ids['spam']}")).to_contain_text("Your comment was not published")
    expect(page.locator("body")).not_to_contain_text("awaiting moderation")

    # Another reader sees only the published one.
    stranger = new_page()
    stranger.goto(post.get_absolute_url())
    expect(stranger.get_by_text(texts["approve"])).to_be_visible()
    expect(stranger.get_by_text(texts["reject"])).to_have_count(0)
    expect(stranger.locator("body")).not_to_contain_text("not published")
