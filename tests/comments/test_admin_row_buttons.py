"""Per-row Approve / Reject / Spam buttons: one POST, back to the same filtered page."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from comments.models import Comment, ModerationDecision
from comments.services import moderation
from tests.builders import make_comment, make_editor

from .admin_helpers import (
    QUEUE,
    FormControls,
    change_url,
    messages_of,
    moderate_url,
    press_row_button,
    report,
    status_of,
)

pytestmark = pytest.mark.django_db

Status = Comment.Status


def test_each_row_has_buttons_posting_to_its_comment_and_back_to_this_page(
    editor_client, post, rule
):
    comment = make_comment(post)
    page = f"{QUEUE}?age=hour&status=pending"

    controls = FormControls(editor_client.get(page).content.decode())

    approve = controls.button(name="verb", value="approve")
    target = urlsplit(approve["formaction"])
    assert target.path == f"{QUEUE}{comment.pk}/moderate/"
    assert parse_qs(target.query) == {"next": [page]}
    assert {b["value"] for b in controls.buttons if b.get("name") == "verb"} == {
        "approve",
        "reject",
        "spam",
    }
    assert controls.inputs[f"seen_{comment.pk}"] == "pending"
    assert f"rule_{comment.pk}" in controls.selects


def test_row_button_works_as_a_browser_sends_it_with_the_forms_csrf_token(editor, post):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    comment = make_comment(post)
    controls = FormControls(browser.get(QUEUE).content.decode())
    approve = controls.button(name="verb", value="approve")

    response = browser.post(approve["formaction"], {**controls.inputs, "verb": "approve"})

    assert response.status_code == 302
    assert status_of(comment) == Status.APPROVED


def test_row_approve_button_approves_and_returns_to_the_filtered_page(editor_client, editor, post):
    comment = make_comment(post)
    page = f"{QUEUE}?links=no&post={post.pk}"

    response = press_row_button(editor_client, comment, "approve", next_url=page)

    assert response.status_code == 302
    assert response["Location"] == page
    assert status_of(comment) == Status.APPROVED
    assert ModerationDecision.objects.get(comment=comment).editor == editor


def test_row_approve_button_says_which_comment_was_approved(editor_client, post):
    comment = make_comment(post)

    response = press_row_button(editor_client, comment, "approve")

    assert messages_of(editor_client.get(response["Location"])) == [
        f"Comment {comment.pk} was approved."
    ]


def test_row_reject_button_rejects_citing_the_rule_chosen_in_that_row(editor_client, post, rule):
    comment = make_comment(post)

    response = press_row_button(editor_client, comment, "reject", rule=rule)

    assert status_of(comment) == Status.REJECTED
    assert ModerationDecision.objects.get(comment=comment).rule == rule
    assert messages_of(editor_client.get(response["Location"])) == [
        f"Comment {comment.pk} was rejected under rule {rule.number}."
    ]


def test_row_reject_button_without_a_rule_changes_nothing(editor_client, post, rule):
    comment = make_comment(post)

    response = press_row_button(editor_client, comment, "reject")

    assert status_of(comment) == Status.PENDING
    assert not ModerationDecision.objects.exists()
    assert messages_of(editor_client.get(response["Location"])) == [
        "Rejecting a comment must cite a policy rule."
    ]


def test_row_reject_button_ignores_the_rule_chosen_in_another_row(editor_client, post, rule):
    comment = make_comment(post)
    other = make_comment(post)

    press_row_button(editor_client, comment, "reject", **{f"rule_{other.pk}": rule.pk})

    assert status_of(comment) == Status.PENDING


def test_row_spam_button_marks_spam(editor_client, post):
    comment = make_comment(post)

    press_row_button(editor_client, comment, "spam")

    assert status_of(comment) == Status.SPAM
    assert ModerationDecision.objects.get(comment=comment).to_status == Status.SPAM


def test_spanish_editors_see_the_spam_button_as_an_action_and_the_status_as_a_name(
    editor_client, post
):
    make_comment(post)

    content = editor_client.get(QUEUE, headers={"Accept-Language": "es"}).content.decode()

    assert 'value="spam">Marcar como spam<span class="visually-hidden">' in content
    assert ">Spam</a>" in content  # the status filter


def test_row_button_on_a_stale_page_changes_nothing_and_says_so(editor_client, post, rule):
    comment = make_comment(post)
    moderation.reject(comment, editor=make_editor(), rule=rule)

    response = press_row_button(editor_client, comment, "approve", seen="pending")

    assert status_of(comment) == Status.REJECTED
    assert ModerationDecision.objects.count() == 1
    assert messages_of(editor_client.get(response["Location"])) == [
        f"Comment {comment.pk} was already decided by someone else; nothing was changed."
    ]


def test_row_button_without_the_status_seen_changes_nothing_and_says_why(editor_client, post):
    comment = make_comment(post)

    response = editor_client.post(moderate_url(comment), {"verb": "approve"})

    assert status_of(comment) == Status.PENDING
    assert messages_of(editor_client.get(response["Location"])) == [
        f"Comment {comment.pk} was not changed: the page did not say which status it was "
        "shown in. Reload the page and try again."
    ]


def test_row_dismiss_button_keeps_a_reported_comment_published(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)
    report(comment, rule)

    press_row_button(editor_client, comment, "dismiss")

    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Status.APPROVED, 0)


def test_dismissing_a_comment_without_reports_says_so(editor_client, post):
    comment = make_comment(post, status=Status.APPROVED)

    response = press_row_button(editor_client, comment, "dismiss")

    assert not ModerationDecision.objects.exists()
    assert messages_of(editor_client.get(response["Location"])) == [
        f"Comment {comment.pk} has no open reports; nothing was changed."
    ]


def test_reported_rows_offer_to_dismiss_the_reports(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)
    report(comment, rule)

    controls = FormControls(editor_client.get(QUEUE, {"reported": "yes"}).content.decode())

    assert {b["value"] for b in controls.buttons if b.get("name") == "verb"} == {
        "reject",
        "spam",
        "dismiss",
    }


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://evil.example/admin/comments/comment/",
        "//evil.example/admin/",
        "/2010/12/a-post/",
        "/admin/../2010/12/a-post/",
    ],
)
def test_row_button_never_redirects_outside_this_admin(editor_client, post, unsafe):
    comment = make_comment(post)

    response = press_row_button(editor_client, comment, "approve", next_url=unsafe)

    assert response["Location"] == change_url(comment)
    assert status_of(comment) == Status.APPROVED
