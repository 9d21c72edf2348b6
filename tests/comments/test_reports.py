"""Readers report published comments; the comment stays up until an editor decides."""

import pytest
from django.test import Client

from comments.models import Comment, Report
from comments.services import moderation
from tests.builders import make_comment, make_rule

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def published(post):
    return make_comment(post, status=Status.APPROVED, body="Something nasty.")


def report(client, comment, rule, note="", addr="198.51.100.7"):
    return client.post(
        f"/comments/{comment.pk}/report/",
        {"rule": rule.pk, "note": note},
        REMOTE_ADDR=addr,
    )


def test_every_published_comment_offers_a_report_link(client, post, published):
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'href="/comments/{published.pk}/report/"' in page


def test_the_report_page_lists_the_policy_rules(client, published, rule):
    page = client.get(f"/comments/{published.pk}/report/").content.decode()
    assert rule.title in page
    assert "Something nasty." in page


def test_a_report_is_recorded_with_its_rule_and_note_and_counted(client, published, rule):
    response = report(client, published, rule, note="Names a witness")
    assert response.status_code == 302
    assert response["Location"] == published.get_absolute_url()
    saved = Report.objects.get()
    assert (saved.rule, saved.note) == (rule, "Names a witness")
    published.refresh_from_db()
    assert published.report_count == 1


def test_a_reported_comment_stays_visible(client, post, published, rule):
    report(client, published, rule)
    assert "Something nasty." in Client().get(post.get_absolute_url()).content.decode()


def test_a_reported_comment_goes_back_to_the_editors(client, published, rule):
    report(client, published, rule)
    assert list(Comment.objects.reported()) == [published]


def test_one_reader_counts_once_per_comment(client, published, rule):
    report(client, published, rule)
    again = report(client, published, rule)
    assert again.status_code == 302
    published.refresh_from_db()
    assert published.report_count == 1
    assert Report.objects.count() == 1


def test_different_readers_each_count(client, published, rule):
    report(client, published, rule, addr="198.51.100.7")
    report(Client(), published, rule, addr="198.51.100.8")
    published.refresh_from_db()
    assert published.report_count == 2


def test_reports_are_rate_limited_per_reader(client, post, rule, settings):
    settings.REPORT_RATE_PER_HOUR = 2
    comments = [make_comment(post, status=Status.APPROVED) for _ in range(3)]
    assert [report(client, c, rule).status_code for c in comments] == [302, 302, 429]
    assert Report.objects.count() == 2


def test_a_report_must_name_a_rule(client, published, rule):
    response = client.post(f"/comments/{published.pk}/report/", {"note": "bad"})
    assert response.status_code == 400
    assert "Choose the rule" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.SPAM])
def test_only_published_comments_can_be_reported(client, post, status):
    hidden = make_comment(post, status=status)
    rule = make_rule()
    assert client.get(f"/comments/{hidden.pk}/report/").status_code == 404
    assert report(client, hidden, rule).status_code == 404


def test_dismissing_reports_keeps_the_comment_and_clears_the_count(client, published, rule, editor):
    report(client, published, rule)
    published.refresh_from_db()
    decision = moderation.dismiss_reports(published, editor=editor)
    published.refresh_from_db()
    assert published.status == Status.APPROVED
    assert published.report_count == 0
    assert (decision.from_status, decision.to_status) == ("approved", "approved")
    assert not Comment.objects.reported().exists()


def test_taking_down_a_reported_comment_takes_it_out_of_the_reported_filter(
    client, published, rule, editor
):
    report(client, published, rule)
    published.refresh_from_db()
    moderation.reject(published, editor=editor, rule=rule)
    assert not Comment.objects.reported().exists()


def test_reports_store_no_address(client, published, rule):
    report(client, published, rule, addr="203.0.113.77")
    stored = Report.objects.get()
    assert "203.0.113.77" not in stored.submitter_hash
    assert len(stored.submitter_hash) == 64
