"""The editors' dashboard: the queue now, and the last seven days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment, ModerationDecision
from comments.services import moderation
from tests.builders import make_comment, make_editor

from .admin_helpers import DASHBOARD, QUEUE, report, submitted_ago

pytestmark = pytest.mark.django_db

Status = Comment.Status


def figures(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.context["figures"]


def decided_after(comment, waited, *, ago=timedelta(hours=1)):
    """A comment first decided ``ago``, after waiting ``waited`` in the queue."""
    decided = timezone.now() - ago
    Comment.objects.filter(pk=comment.pk).update(created_at=decided - waited, decided_at=decided)


def test_dashboard_counts_pending_and_reported_comments(editor_client, post, rule):
    make_comment(post)
    make_comment(post)
    reported = make_comment(post, status=Status.APPROVED)
    report(reported, rule)

    shown = figures(editor_client)

    assert (shown["pending"], shown["reported"]) == (2, 1)


def test_dashboard_shows_how_long_the_oldest_pending_comment_has_waited(editor_client, post):
    submitted_ago(make_comment(post), hours=5)
    submitted_ago(make_comment(post), hours=1)

    age = figures(editor_client)["oldest_pending_age"]

    assert timedelta(hours=5) <= age < timedelta(hours=5, minutes=1)


def test_dashboard_counts_the_decisions_made_today(editor_client, editor, post):
    for comment in [make_comment(post), make_comment(post)]:
        moderation.approve(comment, editor=editor)
    old = moderation.mark_spam(make_comment(post), editor=editor)
    ModerationDecision.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - timedelta(days=2)
    )

    assert figures(editor_client)["decided_today"] == 2


def test_dashboard_median_review_time_is_the_middle_wait_of_the_last_seven_days(
    editor_client, post
):
    for minutes in [10, 20, 30, 100]:
        decided_after(make_comment(post, status=Status.APPROVED), timedelta(minutes=minutes))
    decided_after(
        make_comment(post, status=Status.APPROVED), timedelta(days=3), ago=timedelta(days=8)
    )

    shown = figures(editor_client)

    assert shown["median_review"] == timedelta(minutes=25)
    assert shown["reviewed"] == 4
    assert "25 min" in editor_client.get(DASHBOARD).content.decode()


def test_dashboard_median_is_blank_without_decisions(editor_client):
    assert figures(editor_client)["median_review"] is None


def test_dashboard_counts_each_editors_decisions_of_the_last_seven_days(editor_client, post, rule):
    ana, ben = make_editor("ana"), make_editor("ben")
    moderation.approve(make_comment(post), editor=ana)
    moderation.reject(make_comment(post), editor=ana, rule=rule)
    moderation.mark_spam(make_comment(post), editor=ben)
    reported = make_comment(post, status=Status.APPROVED)
    report(reported, rule)
    moderation.dismiss_reports(reported, editor=ben)
    old = moderation.approve(make_comment(post), editor=ben)
    ModerationDecision.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - timedelta(days=8)
    )

    rows = {row["editor__username"]: row for row in figures(editor_client)["per_editor"]}

    assert rows["ana"] == {
        "editor__username": "ana",
        "total": 2,
        "approved": 1,
        "rejected": 1,
        "spam": 0,
        "dismissed": 0,
    }
    assert (rows["ben"]["total"], rows["ben"]["spam"], rows["ben"]["dismissed"]) == (2, 1, 1)


def test_dashboard_page_shows_the_figures_and_links_back_to_the_queue(editor_client, post):
    make_comment(post)

    content = editor_client.get(DASHBOARD).content.decode()

    assert 'id="figure-pending"' in content
    assert f'href="{QUEUE}"' in content
    assert 'id="decisions-per-editor"' in content
