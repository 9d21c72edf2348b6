"""Bulk actions of the queue: each comment decided through comments.services."""

import pytest
from django.test import Client

from comments.models import Comment, ModerationDecision
from comments.services import moderation
from tests.builders import make_comment, make_editor, make_rule

from .admin_helpers import (
    QUEUE,
    act_from_queue,
    hidden_inputs,
    messages_of,
    report,
    run_action,
    status_of,
    submitted_ago,
)

pytestmark = pytest.mark.django_db

Status = Comment.Status


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
    assert f'name="seen_{comment.pk}" value="pending"' in content
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


@pytest.mark.parametrize("view", ["?reported=yes", "?status=all"], ids=["reported", "all"])
def test_editor_takes_down_several_reported_comments_at_once_citing_a_rule(
    editor_client, editor, post, view, django_capture_on_commit_callbacks
):
    rule = make_rule(4, "No threats")
    reported = [make_comment(post, status=Status.APPROVED) for _ in range(2)]
    for comment in reported:
        report(comment, rule)
    Client().get(post.get_absolute_url())  # readers' copy of the thread, with both

    with django_capture_on_commit_callbacks(execute=True):
        told = act_from_queue(
            editor_client, QUEUE + view, "reject_comments", *reported, rule=rule.pk
        )

    assert told == ["2 comments were rejected."]
    assert [status_of(comment) for comment in reported] == [Status.REJECTED] * 2
    decisions = ModerationDecision.objects.filter(comment__in=reported).order_by("comment")
    assert [(d.comment_id, d.editor, d.from_status, d.to_status, d.rule) for d in decisions] == [
        (comment.pk, editor, Status.APPROVED, Status.REJECTED, rule) for comment in reported
    ]
    thread = Client().get(post.get_absolute_url()).content.decode()
    for comment in reported:
        assert f'<li id="c{comment.pk}" class="comment-removed">' in thread
    placeholder = 'Removed by a moderator under <a href="/policy/#rule-4">rule 4</a>.'
    assert thread.count(placeholder) == 2


@pytest.mark.parametrize(
    ("action", "done", "to_status"),
    [
        ("approve_comments", "3 comments were approved.", Status.APPROVED),
        ("mark_comments_as_spam", "3 comments were marked as spam.", Status.SPAM),
    ],
)
def test_all_view_decides_comments_shown_in_different_statuses_at_once(
    editor_client, post, rule, action, done, to_status
):
    comments = [
        make_comment(post, status=status) for status in Status.values if status != to_status
    ]

    told = act_from_queue(editor_client, f"{QUEUE}?status=all", action, *comments)

    assert told == [done]
    assert [status_of(comment) for comment in comments] == [to_status] * 3


def test_select_all_in_the_reported_view_acts_on_every_reported_comment(editor_client, post, rule):
    reported = [make_comment(post, status=Status.APPROVED) for _ in range(3)]
    for comment in reported:
        report(comment, rule)
    unreported = make_comment(post, status=Status.APPROVED)

    response = run_action(
        editor_client,
        "mark_comments_as_spam",
        reported[0],
        url=f"{QUEUE}?reported=yes",
        select_across=1,
    )

    assert messages_of(response) == ["3 comments were marked as spam."]
    assert [status_of(comment) for comment in reported] == [Status.SPAM] * 3
    assert status_of(unreported) == Status.APPROVED


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


def test_action_in_the_all_view_leaves_alone_a_comment_decided_since_the_page_was_drawn(
    editor_client, post, rule
):
    # The editor saw both comments pending in the "All" view; another editor then
    # rejected one. Approving both must not overturn that rejection.
    taken = make_comment(post)
    still_pending = make_comment(post)
    moderation.reject(taken, editor=make_editor(), rule=rule)

    response = run_action(
        editor_client,
        "approve_comments",
        taken,
        still_pending,
        url=f"{QUEUE}?status=all",
        **{f"seen_{taken.pk}": "pending", f"seen_{still_pending.pk}": "pending"},
    )

    assert status_of(taken) == Status.REJECTED
    assert status_of(still_pending) == Status.APPROVED
    assert messages_of(response)[0] == (
        f"Comment {taken.pk} was already decided by someone else; nothing was changed."
    )


def test_action_in_the_all_view_without_the_status_seen_changes_nothing_and_says_why(
    editor_client, post
):
    comment = make_comment(post, status=Status.REJECTED)

    response = run_action(editor_client, "approve_comments", comment, url=f"{QUEUE}?status=all")

    assert status_of(comment) == Status.REJECTED
    assert not ModerationDecision.objects.exists()
    # Nobody decided it meanwhile: the page just did not say what the editor saw.
    assert messages_of(response) == [
        f"Comment {comment.pk} was not changed: the page did not say which status it was "
        "shown in. Reload the page and try again."
    ]


def test_a_comment_that_left_the_list_undecided_is_left_alone_without_blaming_anyone(
    editor_client, post
):
    view = f"{QUEUE}?age=hour"
    leaving, staying = make_comment(post), make_comment(post)
    submitted_ago(leaving, minutes=59)
    page = editor_client.get(view)
    submitted_ago(leaving, minutes=61)  # the page was drawn two minutes ago

    data = {
        **hidden_inputs(page, having="select_across"),
        "action": "approve_comments",
        "index": "0",
        "_selected_action": [leaving.pk, staying.pk],
    }
    response = editor_client.post(view, data, follow=True)

    assert status_of(leaving) == Status.PENDING
    assert messages_of(response) == [
        f"Comment {leaving.pk} is no longer in this list; nothing was changed.",
        "1 comment was approved.",
    ]


def test_a_reported_comment_decided_meanwhile_is_still_said_to_be_decided(
    editor_client, post, rule
):
    taken, still = (make_comment(post, status=Status.APPROVED) for _ in range(2))
    for comment in (taken, still):
        report(comment, rule)
    view = f"{QUEUE}?reported=yes"
    page = editor_client.get(view)
    moderation.mark_spam(taken, editor=make_editor())

    data = {
        **hidden_inputs(page, having="select_across"),
        "action": "reject_comments",
        "index": "0",
        "_selected_action": [taken.pk, still.pk],
    }
    response = editor_client.post(view, data)

    assert list(response.context["comments"]) == [still]
    assert messages_of(response) == [
        f"Comment {taken.pk} was already decided by someone else; nothing was changed."
    ]


def test_select_all_in_the_all_view_is_refused(editor_client, post):
    comment = make_comment(post, status=Status.REJECTED)

    response = run_action(
        editor_client, "mark_comments_as_spam", comment, url=f"{QUEUE}?status=all", select_across=1
    )

    assert status_of(comment) == Status.REJECTED
    assert messages_of(response) == [
        "Choose a status to act on every comment of the list; nothing was changed."
    ]


# A selected comment the action cannot apply to, what the editor is told about it, and
# what they are told about the reported comment selected with it, which it does decide.
ALREADY = [
    ("approve_comments", Status.APPROVED, 0, "is already approved", "1 comment was approved."),
    ("reject_comments", Status.REJECTED, 0, "is already rejected", "1 comment was rejected."),
    (
        "mark_comments_as_spam",
        Status.SPAM,
        0,
        "is already marked as spam",
        "1 comment was marked as spam.",
    ),
    *(
        (
            "dismiss_reports",
            status,
            reports,
            "has no open reports",
            "Reports on 1 comment were dismissed; it stays published.",
        )
        # A rejection closes the reports made while the comment was published.
        for status, reports in [(Status.APPROVED, 0), (Status.PENDING, 0), (Status.REJECTED, 1)]
    ),
]


@pytest.mark.parametrize(("action", "status", "reports", "why", "done"), ALREADY)
def test_action_says_which_comments_it_cannot_apply_to_and_decides_the_others(
    editor_client, post, rule, action, status, reports, why, done
):
    already = make_comment(post, status=status, report_count=reports)
    # Approving needs a comment not yet published; the other verbs, a reported one.
    other = make_comment(
        post, status=Status.PENDING if action == "approve_comments" else Status.APPROVED
    )
    if other.status == Status.APPROVED:
        report(other, rule)

    told = act_from_queue(
        editor_client, f"{QUEUE}?status=all", action, already, other, rule=rule.pk
    )

    assert told == [f"Comment {already.pk} {why}; nothing was changed.", done]
    assert not ModerationDecision.objects.filter(comment=already).exists()
    assert ModerationDecision.objects.filter(comment=other).count() == 1


def test_comments_the_action_cannot_apply_to_are_named_together(editor_client, post):
    approved = [make_comment(post, status=Status.APPROVED) for _ in range(2)]

    told = act_from_queue(editor_client, f"{QUEUE}?status=approved", "approve_comments", *approved)

    ids = ", ".join(str(comment.pk) for comment in approved)
    assert told == [f"Comments {ids} are already approved; nothing was changed for them."]


def test_spanish_editors_are_told_in_spanish_what_was_left_alone(editor_client, post, settings):
    approved = make_comment(post, status=Status.APPROVED)
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    told = act_from_queue(editor_client, f"{QUEUE}?status=all", "approve_comments", approved)

    assert told == [f"El comentario {approved.pk} ya está aprobado; no se cambió nada."]


def test_rejection_page_lists_only_the_comments_it_will_reject(editor_client, post, rule):
    rejected = make_comment(post, status=Status.REJECTED, cited_rule=rule)
    pending = make_comment(post)

    response = run_action(
        editor_client,
        "reject_comments",
        rejected,
        pending,
        url=f"{QUEUE}?status=all",
        **{f"seen_{rejected.pk}": "rejected", f"seen_{pending.pk}": "pending"},
    )

    assert list(response.context["comments"]) == [pending]
    assert messages_of(response) == [
        f"Comment {rejected.pk} is already rejected; nothing was changed."
    ]


def test_dismiss_reports_action_keeps_the_comments_published_and_clears_their_reports(
    editor_client, post, rule
):
    comment = make_comment(post, status=Status.APPROVED)
    report(comment, rule)

    response = run_action(editor_client, "dismiss_reports", comment, url=f"{QUEUE}?reported=yes")

    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Status.APPROVED, 0)
    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.from_status, decision.to_status) == (Status.APPROVED, Status.APPROVED)
    assert "Reports on 1 comment were dismissed; it stays published." in messages_of(response)


def test_queue_offers_no_bulk_delete(editor_client, post):
    make_comment(post)

    response = editor_client.get(QUEUE)

    choices = dict(response.context["action_form"].fields["action"].choices)
    assert set(choices) == {
        "",
        "approve_comments",
        "reject_comments",
        "mark_comments_as_spam",
        "dismiss_reports",
    }
