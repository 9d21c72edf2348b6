"""Who may do what in the comments admin: editors moderate, authors see none of it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from comments.models import Ban, Comment, Phrase
from comments.services import moderation
from tests.builders import make_comment, make_user

from .admin_helpers import QUEUE, report, run_action, status_of

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def records(post, rule, editor):
    """One of everything the comments admin shows."""
    comment = make_comment(post, status=Status.APPROVED, submitter_hash="e" * 64)
    report(comment, rule)
    decision = moderation.approve(make_comment(post), editor=editor, body="redacted")
    redaction = decision.comment.redactions.get()
    phrase = Phrase.objects.create(kind=Phrase.Kind.WATCH, text="plaza")
    ban = Ban.objects.create(
        submitter_hash="e" * 64, reason="spam", created_by=editor, expires_at=comment.created_at
    )
    return {
        "comment": comment,
        "moderationdecision": decision,
        "redaction": redaction,
        "report": comment.reports.get(),
        "phrase": phrase,
        "ban": ban,
        "policyrule": rule,
    }


def admin_pages(records):
    pages = [reverse("admin:comments_comment_dashboard")]
    for model, record in records.items():
        pages.append(reverse(f"admin:comments_{model}_changelist"))
        pages.append(reverse(f"admin:comments_{model}_change", args=[record.pk]))
    pages.append(reverse("admin:comments_phrase_add"))
    pages.append(reverse("admin:comments_policyrule_add"))
    return pages


def test_authors_are_forbidden_every_page_of_the_comments_admin(author_client, records):
    refused = {url: author_client.get(url).status_code for url in admin_pages(records)}

    assert set(refused.values()) == {403}, refused


@pytest.mark.parametrize("endpoint", ["moderate", "redact", "ban"])
def test_authors_are_forbidden_every_moderation_endpoint(author_client, records, endpoint):
    comment = records["comment"]
    url = reverse(f"admin:comments_comment_{endpoint}", args=[comment.pk])

    response = author_client.post(
        url,
        {"verb": "spam", "from_status": "approved", "body": "x", "days": 1, "reason": "x"},
    )

    assert response.status_code == 403
    assert status_of(comment) == Status.APPROVED
    assert Ban.objects.count() == 1


def test_editors_reach_every_page_of_the_comments_admin(editor_client, records):
    reached = {url: editor_client.get(url).status_code for url in admin_pages(records)}

    assert set(reached.values()) == {200}, reached


def test_author_cannot_open_the_queue(author_client):
    assert author_client.get(QUEUE).status_code == 403


def test_author_cannot_run_moderation_actions(author_client, post):
    comment = make_comment(post)

    response = author_client.post(
        QUEUE, {"action": "approve_comments", "_selected_action": [comment.pk]}
    )

    assert response.status_code == 403
    assert status_of(comment) == Status.PENDING


def test_author_cannot_moderate_from_the_comment_page(author_client, post):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])

    response = author_client.post(url, {"verb": "approve", "from_status": "pending"})

    assert response.status_code == 403
    assert status_of(comment) == Status.PENDING


def test_staff_who_may_only_view_comments_get_no_moderation_actions(client, post):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    comment = make_comment(post)

    response = client.get(QUEUE)
    run_action(client, "approve_comments", comment)

    assert response.context["action_form"] is None
    assert 'name="verb"' not in response.content.decode()
    assert status_of(comment) == Status.PENDING


def test_staff_who_may_only_view_comments_cannot_use_the_dashboard(client):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)

    assert client.get(reverse("admin:comments_comment_dashboard")).status_code == 403


def test_nobody_adds_comments_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_editors_cannot_delete_comments(editor_client, post):
    comment = make_comment(post)
    url = reverse("admin:comments_comment_delete", args=[comment.pk])

    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()
