"""The moderation queue in the admin, driven through the test client as an editor would."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments import moderation
from comments.models import Comment, ModerationDecision
from tests.builders import make_comment, make_editor, make_post, make_rule, make_user

Status = Comment.Status
QUEUE = reverse("admin:comments_comment_changelist")


def change_url(comment):
    return reverse("admin:comments_comment_change", args=[comment.pk])


def run_action(client, action, *comments, url=QUEUE, **extra):
    data = {"action": action, "_selected_action": [c.pk for c in comments], **extra}
    return client.post(url, data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def status_of(comment):
    return Comment.objects.get(pk=comment.pk).status


def submitted_ago(comment, **delta):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**delta))


# --- the queue


def test_queue_shows_pending_comments_oldest_first_by_default(editor_client, post):
    newer = make_comment(post)
    older = make_comment(post)
    submitted_ago(newer, hours=1)
    submitted_ago(older, hours=5)
    make_comment(post, status=Status.APPROVED)
    make_comment(post, status=Status.SPAM)

    response = editor_client.get(QUEUE)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [older, newer]


def test_queue_can_show_every_status(editor_client, post):
    comments = [make_comment(post, status=status) for status in Status]

    response = editor_client.get(QUEUE, {"status": "all"})

    assert list(response.context["cl"].result_list) == comments


def test_queue_row_shows_post_author_excerpt_and_age(editor_client):
    comment = make_comment(make_post("Army in Nuevo Laredo"), body="Plata o plomo, " * 20)
    submitted_ago(comment, hours=3)

    content = editor_client.get(QUEUE).content.decode()

    assert "Army in Nuevo Laredo" in content
    assert "Anonymous" in content
    assert "Plata o plomo, Plata o plomo," in content
    assert "Plata o plomo, " * 20 not in content
    assert "3\xa0hours" in content


def test_queue_query_count_does_not_grow_with_the_number_of_comments(editor_client):
    def queries_for_queue_of(count):
        Comment.objects.all().delete()
        posts = [make_post() for _ in range(3)]
        for i in range(count):
            make_comment(posts[i % 3], author_name=f"Reader {i}")
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(QUEUE)
        assert len(response.context["cl"].result_list) == count
        return len(queries)

    assert queries_for_queue_of(50) == queries_for_queue_of(5)


# --- actions


def test_approve_action_approves_records_the_decision_and_counts_the_comment(
    editor_client, editor, post
):
    comment = make_comment(post)

    response = run_action(editor_client, "approve_comments", comment)

    assert status_of(comment) == Status.APPROVED
    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.editor, decision.from_status, decision.to_status) == (
        editor,
        Status.PENDING,
        Status.APPROVED,
    )
    post.refresh_from_db()
    assert post.comment_count == 1
    assert "1 comment was approved." in messages_of(response)


def test_reject_action_first_asks_which_rule_to_cite(editor_client, post, rule):
    comment = make_comment(post)

    response = run_action(editor_client, "reject_comments", comment)

    assert response.templates[0].name == "admin/comments/comment/reject_confirmation.html"
    content = response.content.decode()
    assert 'name="confirm"' in content
    assert f'name="_selected_action" value="{comment.pk}"' in content
    assert str(rule) in content
    assert status_of(comment) == Status.PENDING
    assert not ModerationDecision.objects.exists()


def test_reject_action_with_a_rule_rejects_and_records_the_rule(editor_client, post, rule):
    comment = make_comment(post)

    response = run_action(
        editor_client, "reject_comments", comment, confirm="yes", rule=rule.pk, note="threat"
    )

    assert status_of(comment) == Status.REJECTED
    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.rule, decision.note) == (rule, "threat")
    assert "1 comment was rejected." in messages_of(response)


def test_reject_action_without_a_rule_shows_the_form_again_and_changes_nothing(
    editor_client, post, rule
):
    comment = make_comment(post)

    response = run_action(editor_client, "reject_comments", comment, confirm="yes")

    assert response.status_code == 200
    assert response.context["form"].errors["rule"]
    assert status_of(comment) == Status.PENDING
    assert not ModerationDecision.objects.exists()


def test_spam_action_marks_spam_and_records_the_decision(editor_client, post):
    comment = make_comment(post)

    response = run_action(editor_client, "mark_comments_as_spam", comment)

    assert status_of(comment) == Status.SPAM
    assert ModerationDecision.objects.get(comment=comment).to_status == Status.SPAM
    assert "1 comment was marked as spam." in messages_of(response)


def test_action_over_a_comment_someone_else_decided_reports_it_and_records_nothing(
    editor_client, post, rule
):
    taken = make_comment(post)
    still_pending = make_comment(post)
    moderation.reject(taken, editor=make_editor(), rule=rule)

    response = run_action(editor_client, "approve_comments", taken, still_pending)

    assert status_of(taken) == Status.REJECTED
    assert ModerationDecision.objects.filter(comment=taken).count() == 1
    assert status_of(still_pending) == Status.APPROVED
    assert messages_of(response) == [
        f"Comment {taken.pk} was already decided by someone else; nothing was changed.",
        "1 comment was approved.",
    ]


def test_action_refused_by_the_state_machine_is_reported_per_comment(editor_client, post):
    comment = make_comment(post, status=Status.APPROVED)

    response = run_action(
        editor_client, "approve_comments", comment, url=f"{QUEUE}?status=approved"
    )

    assert ModerationDecision.objects.count() == 0
    [message] = messages_of(response)
    assert message.startswith(f"Comment {comment.pk} was not changed:")


def test_queue_offers_no_bulk_delete(editor_client, post):
    make_comment(post)

    response = editor_client.get(QUEUE)

    choices = dict(response.context["action_form"].fields["action"].choices)
    assert set(choices) == {"", "approve_comments", "reject_comments", "mark_comments_as_spam"}


# --- who may moderate


def test_author_cannot_open_the_queue(author_client):
    assert author_client.get(QUEUE).status_code == 403


def test_author_cannot_run_moderation_actions(author_client, post):
    comment = make_comment(post)

    response = author_client.post(
        QUEUE, {"action": "approve_comments", "_selected_action": [comment.pk]}
    )

    assert response.status_code == 403
    assert status_of(comment) == Status.PENDING


def test_staff_who_may_only_view_comments_get_no_moderation_actions(client, post):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    comment = make_comment(post)

    assert client.get(QUEUE).context["action_form"] is None
    run_action(client, "approve_comments", comment)
    assert status_of(comment) == Status.PENDING


def test_nobody_adds_comments_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_editors_cannot_delete_comments(editor_client, post):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_delete", args=[comment.pk])

    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


# --- the comment's page


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


def test_comment_page_can_approve_the_comment(editor_client, editor, post):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    response = editor_client.post(url, {"verb": "approve", "from_status": "pending"})

    assert response.status_code == 302
    assert status_of(comment) == Status.APPROVED
    assert ModerationDecision.objects.get(comment=comment).editor == editor


def test_comment_page_can_reject_citing_a_rule(editor_client, post, rule):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    editor_client.post(url, {"verb": "reject", "rule": rule.pk, "from_status": "pending"})

    assert status_of(comment) == Status.REJECTED
    assert ModerationDecision.objects.get(comment=comment).rule == rule


def test_comment_page_rejection_without_a_rule_changes_nothing(editor_client, post, rule):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    response = editor_client.post(url, {"verb": "reject", "from_status": "pending"}, follow=True)

    assert status_of(comment) == Status.PENDING
    assert messages_of(response) == ["Rejecting a comment must cite a policy rule."]


def test_comment_page_decision_made_on_a_stale_page_changes_nothing(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    editor_client.post(url, {"verb": "reject", "rule": rule.pk, "from_status": "pending"})

    assert status_of(comment) == Status.APPROVED
    assert not ModerationDecision.objects.exists()


def test_author_cannot_moderate_from_the_comment_page(author_client, post):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    response = author_client.post(url, {"verb": "approve", "from_status": "pending"})

    assert response.status_code == 403
    assert status_of(comment) == Status.PENDING


# --- rules and the audit trail


def test_editor_can_add_a_policy_rule(editor_client):
    response = editor_client.post(
        reverse("admin:comments_policyrule_add"),
        {"number": 7, "title": "No spam", "text": "Advertising is removed."},
    )

    assert response.status_code == 302
    assert make_rule(7).title == "No spam"


@pytest.mark.parametrize("view", ["add", "change", "delete"])
def test_decisions_cannot_be_written_in_the_admin(admin_client, editor, post, view):
    decision = moderation.approve(make_comment(post), editor=editor)
    args = [] if view == "add" else [decision.pk]
    url = reverse(f"admin:comments_moderationdecision_{view}", args=args)

    response = admin_client.post(url, {"post": "yes", "note": "rewritten"})

    assert response.status_code == 403
    assert ModerationDecision.objects.get().note == ""
