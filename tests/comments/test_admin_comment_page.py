"""A comment's page: what an editor reads before deciding, and deciding from there."""

import pytest
from django.urls import reverse

from comments.models import Comment, CommentFlag, ModerationDecision
from comments.services import moderation
from tests.builders import make_author, make_comment, make_post, make_rule

from .admin_helpers import change_url, flag, messages_of, report, status_of

pytestmark = pytest.mark.django_db

Status = Comment.Status


def moderate(comment):
    return reverse("admin:comments_comment_moderate", args=[comment.pk])


def test_comment_page_shows_the_decision_history_and_the_policy_rules(
    editor_client, editor, post, rule
):
    other_rule = make_rule(2, "No personal data", "Names and addresses of people are removed.")
    comment = make_comment(post, body="Read <b>this</b>")
    moderation.approve(comment, editor=editor, note="fine at first")
    moderation.reject(comment, editor=editor, rule=rule)

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Read <b>this</b>" in content
    assert "fine at first" in content
    assert "Pending → Approved" in content
    assert "Approved → Rejected" in content
    assert rule.text in content
    assert other_rule.text in content


def test_comment_page_shows_the_beginning_of_the_post(editor_client):
    post = make_post(body="Soldiers patrol Nuevo Laredo after the cables leaked.")
    comment = make_comment(post)

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Soldiers patrol Nuevo Laredo after the cables leaked." in content


def test_comment_page_shows_the_words_of_the_comment_it_answers(editor_client, post):
    parent = make_comment(post, status=Status.APPROVED, body="At 3:40 the convoy passed.")
    reply = make_comment(post, parent=parent, body="@ 3:40 I saw it too")

    content = editor_client.get(change_url(reply)).content.decode()

    assert "At 3:40 the convoy passed." in content
    assert change_url(parent) in content


def test_comment_page_shows_the_submitters_record_by_status(editor_client, post, rule):
    same = {"submitter_hash": "a" * 64}
    comment = make_comment(post, **same)
    make_comment(post, status=Status.APPROVED, **same)
    make_comment(post, status=Status.APPROVED, **same)
    make_comment(post, status=Status.REJECTED, cited_rule=rule, **same)
    make_comment(post, status=Status.SPAM, **same)
    make_comment(post, status=Status.SPAM, submitter_hash="b" * 64)

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Pending 1 · Approved 2 · Rejected 1 · Spam 1" in content
    assert "covers only comments sent in the same key period" in content
    assert f"submitter={'a' * 64}" in content


def test_comment_page_shows_flags_and_reports_with_their_rule_and_note(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)
    flag(comment, CommentFlag.Kind.PERSONAL_DATA, "55 1234 ****")
    report(comment, rule, note="Names a witness")

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Personal data: 55 1234 ****" in content
    assert "Names a witness" in content
    assert str(rule) in content
    assert 'value="dismiss"' in content


def test_comment_page_says_in_words_why_the_site_chose_spam(editor_client, post):
    comment = make_comment(
        post, status=Comment.Status.SPAM, status_reason=Comment.SpamReason.BLOCKED_PHRASE
    )
    flag(comment, CommentFlag.Kind.BLOCKED_PHRASE, "cheap pills")

    content = editor_client.get(change_url(comment)).content.decode()

    assert "it contains a blocked phrase" in content
    assert "Blocked phrase: cheap pills" in content


def test_comment_page_can_approve_the_comment(editor_client, editor, post):
    comment = make_comment(post)

    response = editor_client.post(moderate(comment), {"verb": "approve", "from_status": "pending"})

    assert response.status_code == 302
    assert status_of(comment) == Status.APPROVED
    assert ModerationDecision.objects.get(comment=comment).editor == editor


def test_comment_page_can_reject_citing_a_rule(editor_client, post, rule):
    comment = make_comment(post)

    editor_client.post(
        moderate(comment), {"verb": "reject", "rule": rule.pk, "from_status": "pending"}
    )

    assert status_of(comment) == Status.REJECTED
    assert ModerationDecision.objects.get(comment=comment).rule == rule


def test_comment_page_rejection_without_a_rule_changes_nothing(editor_client, post, rule):
    comment = make_comment(post)

    response = editor_client.post(
        moderate(comment), {"verb": "reject", "from_status": "pending"}, follow=True
    )

    assert status_of(comment) == Status.PENDING
    assert messages_of(response) == ["Rejecting a comment must cite a policy rule."]


def test_comment_page_decision_made_on_a_stale_page_changes_nothing(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)

    editor_client.post(
        moderate(comment), {"verb": "reject", "rule": rule.pk, "from_status": "pending"}
    )

    assert status_of(comment) == Status.APPROVED
    assert not ModerationDecision.objects.exists()


# --- redaction


def redact(client, comment, body, then, note="", seen=None):
    url = reverse("admin:comments_comment_redact", args=[comment.pk])
    data = {"body": body, "note": note, "then": then, "from_status": seen or comment.status}
    return client.post(url, data, follow=True)


def test_redact_and_approve_publishes_the_new_words_and_keeps_the_original(
    editor_client, editor, post
):
    comment = make_comment(post, body="He lives at Calle Hidalgo 12, go see him.")

    response = redact(editor_client, comment, "He lives at [removed], go see him.", "approve")

    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert comment.body == "He lives at [removed], go see him."
    assert comment.edited_by_moderator
    [redaction] = comment.redactions.all()
    assert redaction.previous_body == "He lives at Calle Hidalgo 12, go see him."
    assert redaction.editor == editor
    assert messages_of(response) == [f"Comment {comment.pk} was redacted and approved."]


def test_comment_page_shows_redactions_with_the_words_before(editor_client, editor, post):
    comment = make_comment(post, body="Original words with a name")
    moderation.approve(comment, editor=editor, body="Original words", note="name removed")

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Original words with a name" in content
    assert "name removed" in content


def test_save_redaction_changes_a_published_comment_without_a_new_decision(editor_client, post):
    comment = make_comment(post, status=Status.APPROVED, body="Call 55 1234 5678")

    redact(editor_client, comment, "Call [number removed]", "save")

    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Status.APPROVED, "Call [number removed]")
    assert comment.edited_by_moderator
    assert comment.redactions.get().previous_body == "Call 55 1234 5678"
    assert not ModerationDecision.objects.exists()


def test_save_redaction_is_refused_for_a_comment_not_published(editor_client, post):
    comment = make_comment(post, body="Call 55 1234 5678")

    redact(editor_client, comment, "Call [number removed]", "save")

    comment.refresh_from_db()
    assert comment.body == "Call 55 1234 5678"
    assert not comment.redactions.exists()


def test_redaction_made_on_a_stale_page_changes_nothing(editor_client, editor, post, rule):
    comment = make_comment(post, body="Original")
    moderation.reject(comment, editor=editor, rule=rule)

    redact(editor_client, comment, "Edited", "approve", seen="pending")

    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Status.REJECTED, "Original")
    assert not comment.redactions.exists()


def test_redaction_to_empty_words_is_refused(editor_client, post):
    comment = make_comment(post, body="Original")

    redact(editor_client, comment, "   ", "approve")

    assert status_of(comment) == Status.PENDING
    assert not comment.redactions.exists()


def test_the_comment_page_offers_redact_and_approve_for_a_pending_comment(editor_client, post):
    comment = make_comment(post, body="Some words")

    content = editor_client.get(change_url(comment)).content.decode()

    assert 'id="redaction-form"' in content
    assert "Redact and approve" in content
    assert "Save redaction" not in content


def test_authors_cannot_redact(client, post):
    client.force_login(make_author())
    comment = make_comment(post, body="Original")

    response = client.post(
        reverse("admin:comments_comment_redact", args=[comment.pk]),
        {"body": "Edited", "then": "approve", "from_status": "pending"},
    )

    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).body == "Original"
