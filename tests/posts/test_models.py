from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from posts.models import Post
from tests.builders import make_post

pytestmark = pytest.mark.django_db


def test_published_posts_exclude_drafts():
    make_post(published=False)
    assert not Post.objects.published().exists()


def test_a_published_post_with_a_future_time_is_scheduled_not_published():
    make_post(publish_at=timezone.now() + timedelta(hours=1))
    assert not Post.objects.published().exists()


def test_a_scheduled_post_appears_once_its_time_has_come():
    post = make_post(publish_at=timezone.now() - timedelta(seconds=1))
    assert list(Post.objects.published()) == [post]


def test_markdown_body_is_rendered_once_on_save():
    post = make_post(body="Intro.\n\n## Losing control\n\nMore.")
    assert "<h2>Losing control</h2>" in post.body_html


def test_script_in_a_post_body_is_removed():
    post = make_post(body="Hi <script>alert(1)</script> <a href='javascript:x'>y</a>")
    assert "<script" not in post.body_html
    assert "javascript:" not in post.body_html


def test_excerpt_is_plain_text():
    post = make_post(body="**Bold** start & more.\n\n## Heading\n\nText")
    assert post.excerpt.startswith("Bold start & more.")
    assert "<" not in post.excerpt


def test_post_address_uses_the_local_publication_month():
    # 03:00 UTC on New Year's Day is still New Year's Eve on the border.
    new_years_eve = datetime(2011, 1, 1, 3, tzinfo=UTC)
    post = make_post(slug="wikileaks", publish_at=new_years_eve)
    assert post.get_absolute_url() == "/2010/12/wikileaks/"


def test_saving_only_the_body_also_saves_its_html():
    post = make_post(body="old")
    post.body = "new text"
    post.save(update_fields=["body"])
    post.refresh_from_db()
    assert "new text" in post.body_html
