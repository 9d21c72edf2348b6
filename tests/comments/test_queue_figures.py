from datetime import timedelta

import pytest
from django.utils import timezone

from comments import queue_figures
from comments.models import Comment
from tests.builders import make_comment

pytestmark = pytest.mark.django_db


def decided_after(post, minutes, *, decided_days_ago=1):
    decided = timezone.now() - timedelta(days=decided_days_ago)
    comment = make_comment(post, status=Comment.Status.APPROVED)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=decided - timedelta(minutes=minutes), decided_at=decided
    )


def test_review_times_cover_the_last_seven_days_only(post):
    decided_after(post, 30)
    decided_after(post, 600, decided_days_ago=8)
    assert queue_figures.review_durations() == [timedelta(minutes=30)]


def test_most_means_four_out_of_five(post):
    for minutes in [10, 20, 30, 40, 500]:
        decided_after(post, minutes)
    assert queue_figures.public_queue_state()["most_within"] == timedelta(minutes=40)


def test_the_queue_state_counts_pending_comments(post):
    make_comment(post)
    make_comment(post)
    make_comment(post, status=Comment.Status.APPROVED)
    assert queue_figures.public_queue_state()["pending"] == 2


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (timedelta(minutes=2), "5 minutes"),
        (timedelta(minutes=41), "45 minutes"),
        (timedelta(minutes=58), "1 hour"),
        (timedelta(minutes=61), "2 hours"),
        (timedelta(hours=30), "30 hours"),
        (timedelta(hours=49), "3 days"),
    ],
)
def test_durations_read_as_a_rounded_up_promise(duration, words):
    assert queue_figures.humane_duration(duration) == words


def test_the_comment_form_shows_the_queue_and_the_typical_wait(client, post):
    make_comment(post)
    decided_after(post, 90)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "1 comment in the moderation queue; most are reviewed within 2 hours." in page


def test_an_empty_week_gives_just_the_queue_length(client, post):
    page = client.get(post.get_absolute_url()).content.decode()
    assert "0 comments in the moderation queue." in page
