"""A worker keeps its own copies of versioned threads and pages, briefly and boundedly."""

import pytest
from django.test import Client

from comments.models import Comment
from comments.post_page import local_copies
from comments.post_page import shell as page_shell
from comments.post_page.local_copies import LocalCopies
from tests.builders import make_comment

Status = Comment.Status


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_copy_is_served_until_it_expires():
    clock = Clock()
    copies = LocalCopies(4, seconds=10, clock=clock)
    copies.set_many({"thread:v1": "<ol>…</ol>"})
    clock.now += 9
    assert copies.get_many(["thread:v1"]) == {"thread:v1": "<ol>…</ol>"}
    clock.now += 2
    assert copies.get_many(["thread:v1"]) == {}


def test_a_copy_lives_no_longer_than_the_shared_cache_keeps_it():
    clock = Clock()
    copies = LocalCopies(4, seconds=10, clock=clock)
    copies.set_many({"shell:v1": "<html>"}, seconds=3)
    clock.now += 4
    assert copies.get_many(["shell:v1"]) == {}


def test_the_least_recently_read_copy_goes_first():
    copies = LocalCopies(2)
    copies.set_many({"a": "1", "b": "2"})
    copies.get_many(["a"])
    copies.set_many({"c": "3"})
    assert copies.get_many(["a", "b", "c"]) == {"a": "1", "c": "3"}


def test_no_copies_are_kept_when_turned_off():
    copies = LocalCopies(0)
    copies.set_many({"a": "1"})
    assert copies.get_many(["a"]) == {}


@pytest.fixture
def worker_copies(monkeypatch):
    copies = LocalCopies(8)
    monkeypatch.setattr(local_copies, "copies", copies)
    return copies


@pytest.mark.django_db
def test_a_worker_reads_the_shared_cache_once_for_a_page_it_holds(post, worker_copies, monkeypatch):
    make_comment(post, status=Status.APPROVED)
    Client().get(post.get_absolute_url())
    Client().get(post.get_absolute_url())  # the thread, stored by the first, copied here
    reads = []
    original = page_shell.cache.get_many

    def counted(keys, *args, **kwargs):
        reads.append(list(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(page_shell.cache, "get_many", counted)
    Client().get(post.get_absolute_url())
    assert len(reads) == 1  # the versions and queue figures; the page was this worker's


@pytest.mark.django_db
def test_a_decision_shows_at_once_on_a_page_the_worker_holds(
    post, editor, worker_copies, django_capture_on_commit_callbacks
):
    from comments.services import moderation

    pending = make_comment(post, body="Approve me.")
    Client().get(post.get_absolute_url())
    Client().get(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(pending, editor=editor)
    assert "Approve me." in Client().get(post.get_absolute_url()).content.decode()
