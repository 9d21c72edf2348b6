"""The sidebar's archive and labels: cached, and refreshed the moment posts change."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts import sidebar
from posts.models import Post
from tests.builders import local_time, make_label, make_post

pytestmark = pytest.mark.django_db


def months(year_rows):
    return {(m.year, m.month): n for _, _, rows in year_rows for m, n in rows}


def test_archive_is_computed_once_then_served_from_the_cache():
    make_post(publish_at=local_time(2010, 12, 3, 9))
    sidebar.archive_months()
    with CaptureQueriesContext(connection) as captured:
        sidebar.archive_months()
    assert len(captured) == 0


def test_publishing_a_post_refreshes_the_archive_at_once():
    make_post(publish_at=local_time(2010, 12, 3, 9))
    assert months(sidebar.archive_months()) == {(2010, 12): 1}
    make_post(publish_at=local_time(2011, 1, 5, 9))
    assert months(sidebar.archive_months()) == {(2010, 12): 1, (2011, 1): 1}


def test_unpublishing_a_post_refreshes_the_archive():
    post = make_post(publish_at=local_time(2010, 12, 3, 9))
    sidebar.archive_months()
    post.status = Post.Status.DRAFT
    post.save()
    assert sidebar.archive_months() == []


def test_a_scheduled_post_appears_when_its_time_comes_without_any_save():
    make_post(publish_at=local_time(2010, 12, 3, 9))
    soon = make_post(publish_at=timezone.now() + timedelta(seconds=2))
    sidebar.archive_months()
    assert sidebar.seconds_until_next_change() <= 2
    Post.objects.filter(pk=soon.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    from django.core.cache import cache

    cache.delete(f"posts:sidebar:archive:{cache.get(sidebar.VERSION_KEY)}")  # the TTL ran out
    assert sum(n for _, n, _ in sidebar.archive_months()) == 2


def test_labelling_a_post_refreshes_the_label_counts():
    post = make_post()
    assert sidebar.labels_with_counts() == []
    post.labels.add(make_label("Calderon"))
    assert [(label.name, label.post_count) for label in sidebar.labels_with_counts()] == [
        ("Calderon", 1)
    ]


def test_renaming_a_label_refreshes_the_list():
    label = make_label("Calderon")
    make_post().labels.add(label)
    sidebar.labels_with_counts()
    label.name = "Calderón"
    label.save()
    assert sidebar.labels_with_counts()[0].name == "Calderón"


def test_the_lists_are_refreshed_again_when_a_change_commits(django_capture_on_commit_callbacks):
    # A page viewed between the save and its commit stores the lists as they were.
    post = make_post(publish_at=local_time(2010, 12, 3, 9))
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        post.title = "Renamed"
        post.save()
    saved = sidebar.version()
    sidebar.archive_months()
    for callback in after_commit:
        callback()
    assert sidebar.version() != saved


@pytest.mark.cache_outage
def test_the_lists_are_computed_when_the_cache_is_down(monkeypatch):
    make_post(publish_at=local_time(2010, 12, 3, 9))

    def unavailable(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    for method in ("get", "set", "get_or_set"):
        monkeypatch.setattr(sidebar.cache, method, unavailable)
    assert months(sidebar.archive_months()) == {(2010, 12): 1}


def render_sidebar(**context):
    from django.template import Context, Template

    return Template("{% load posts_tags %}{% blog_archive %}{% label_list %}").render(
        Context(context)
    )


def test_the_rendered_widgets_are_served_from_the_cache(monkeypatch):
    make_post(publish_at=local_time(2010, 12, 3, 9), labels=["Juarez"])
    first = render_sidebar()

    def not_again(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("posts.templatetags.posts_tags.render_to_string", not_again)
    assert render_sidebar() == first


def test_a_spanish_reader_gets_the_archive_in_spanish():
    from django.utils import translation

    make_post(publish_at=local_time(2010, 12, 3, 9))
    assert "December" in render_sidebar()
    with translation.override("es"):
        assert "diciembre" in render_sidebar()


def test_the_archive_opens_the_year_of_the_post_being_read():
    make_post(publish_at=local_time(2010, 12, 3, 9))
    older = make_post(publish_at=local_time(2009, 5, 3, 9))
    render_sidebar()  # the home page's copy: the newest year open
    html = render_sidebar(post=older)
    assert re.search(r"<details open>\s*<summary>2009", html)
    assert re.search(r"<details>\s*<summary>2010", html)
