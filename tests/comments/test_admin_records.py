"""The policy rules editors keep, and the records nobody rewrites in the admin."""

import pytest
from django.urls import reverse

from comments.models import ModerationDecision, Redaction, Report
from comments.services import moderation
from tests.builders import make_comment, make_rule

from .admin_helpers import report

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("view", ["change", "delete"])
def test_redactions_cannot_be_rewritten_in_the_admin(admin_client, editor, post, view):
    moderation.approve(make_comment(post, body="Original"), editor=editor, body="Edited")
    redaction = Redaction.objects.get()
    url = reverse(f"admin:comments_redaction_{view}", args=[redaction.pk])

    response = admin_client.post(url, {"post": "yes", "previous_body": "rewritten"})

    assert response.status_code == 403
    assert Redaction.objects.get().previous_body == "Original"


def test_redaction_list_shows_the_words_before_each_edit(editor_client, editor, post):
    moderation.approve(make_comment(post, body="Names a witness"), editor=editor, body="[removed]")

    content = editor_client.get(reverse("admin:comments_redaction_changelist")).content.decode()

    assert "Names a witness" in content


@pytest.mark.parametrize("view", ["change", "delete"])
def test_reports_cannot_be_rewritten_in_the_admin(admin_client, post, rule, view):
    report(make_comment(post, status="approved"), rule, note="Names a witness")
    url = reverse(f"admin:comments_report_{view}", args=[Report.objects.get().pk])

    response = admin_client.post(url, {"post": "yes", "note": "rewritten"})

    assert response.status_code == 403
    assert Report.objects.get().note == "Names a witness"


def test_report_list_never_shows_the_reporters_hash(editor_client, post, rule):
    report(make_comment(post, status="approved"), rule, reader="9")

    content = editor_client.get(reverse("admin:comments_report_changelist")).content.decode()

    assert "9" * 64 not in content
