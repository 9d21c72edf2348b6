"""The moderation queue as editors read it: rows, flags, reports, and what it costs."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment, CommentFlag
from tests.builders import make_comment, make_post, make_rule

from .admin_helpers import (
    QUEUE,
    FormControls,
    flag,
    listed,
    press_row_button,
    report,
    submitted_ago,
)

pytestmark = pytest.mark.django_db

Status = Comment.Status


def test_queue_shows_pending_comments_oldest_first_by_default(editor_client, post):
    newer = make_comment(post)
    older = make_comment(post)
    submitted_ago(newer, hours=1)
    submitted_ago(older, hours=5)
    make_comment(post, status=Status.APPROVED)
    make_comment(post, status=Status.SPAM)

    response = editor_client.get(QUEUE)

    assert response.status_code == 200
    assert listed(response) == [older, newer]


def test_queue_can_show_every_status(editor_client, post):
    comments = [make_comment(post, status=status) for status in Status]

    response = editor_client.get(QUEUE, {"status": "all"})

    assert listed(response) == comments


def test_queue_row_shows_post_author_excerpt_and_age(editor_client):
    comment = make_comment(make_post("Army in Nuevo Laredo"), body="Plata o plomo, " * 20)
    submitted_ago(comment, hours=3)

    content = editor_client.get(QUEUE).content.decode()

    assert "Army in Nuevo Laredo" in content
    assert "Anonymous" in content
    assert "Plata o plomo, Plata o plomo," in content
    assert "Plata o plomo, " * 20 not in content
    assert "3\xa0hours" in content


def test_queue_row_shows_the_flags_the_site_raised_with_what_it_found(editor_client, post):
    comment = make_comment(post, body="Call him on 55 1234 5678")
    flag(comment, CommentFlag.Kind.PERSONAL_DATA, "55 1234 ****")

    content = editor_client.get(QUEUE).content.decode()

    assert "Personal data: 55 1234 ****" in content
    assert "⚑" in content


def test_queue_row_shows_how_many_readers_reported_a_comment(editor_client, post, rule):
    comment = make_comment(post, status=Status.APPROVED)
    report(comment, rule, reader="1")
    report(comment, rule, reader="2")

    content = editor_client.get(QUEUE, {"reported": "yes"}).content.decode()

    assert "2 reports" in content


def test_queue_row_says_why_the_site_sent_a_comment_to_spam(editor_client, post):
    make_comment(post, status=Status.SPAM, status_reason=Comment.SpamReason.BANNED)

    content = editor_client.get(QUEUE, {"status": "spam"}).content.decode()

    assert "the submitter is banned" in content


def test_queue_row_words_the_spam_reason_in_the_editors_language(editor_client, post):
    make_comment(post, status=Status.SPAM, status_reason=Comment.SpamReason.BANNED)

    content = editor_client.get(
        QUEUE, {"status": "spam"}, headers={"Accept-Language": "es"}
    ).content.decode()

    assert "la persona que lo envió está bloqueada" in content


def test_queue_row_words_the_flags_numbers_in_the_editors_language(editor_client, post):
    comment = make_comment(post)
    flag(comment, CommentFlag.Kind.LINKS, "7")
    flag(comment, CommentFlag.Kind.FAST, "0.4")

    english = editor_client.get(QUEUE).content.decode()
    spanish = editor_client.get(QUEUE, headers={"Accept-Language": "es"}).content.decode()

    assert "Many links: 7 links" in english
    assert "Sent implausibly fast: sent 0.4 s after the page was loaded" in english
    assert "Muchos enlaces: 7 enlaces" in spanish
    assert "enviado 0,4 s después de cargar la página" in spanish


def test_a_rows_post_title_filters_the_queue_to_that_post(editor_client):
    comment = make_comment(make_post("Army in Nuevo Laredo"))

    content = editor_client.get(QUEUE, {"links": "no"}).content.decode()

    assert f'href="?links=no&amp;post={comment.post_id}"' in content


def test_queue_links_to_the_dashboard(editor_client):
    content = editor_client.get(QUEUE).content.decode()

    assert reverse("admin:comments_comment_dashboard") in content


def test_queue_query_count_does_not_grow_with_the_number_of_comments(editor_client):
    def queries_for_queue_of(count):
        Comment.objects.all().delete()
        cache.clear()  # the header's pending count is cached; each page counts afresh
        posts = [make_post() for _ in range(3)]
        for i in range(count):
            make_comment(posts[i % 3], author_name=f"Reader {i}")
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(QUEUE)
        assert len(response.context["cl"].result_list) == count
        return len(queries)

    assert queries_for_queue_of(50) == queries_for_queue_of(5)


def test_queue_query_count_stays_fixed_as_flagged_and_reported_comments_grow(editor_client):
    rule = make_rule()

    def queries_for_flagged_queue_of(count):
        Comment.objects.all().delete()
        cache.clear()
        posts = [make_post() for _ in range(3)]
        for i in range(count):
            comment = make_comment(posts[i % 3], status=Status.APPROVED)
            flag(comment, CommentFlag.Kind.THREAT, "te voy a matar")
            flag(comment, CommentFlag.Kind.LINKS, "3 links")
            report(comment, rule, reader=str(i % 10))
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(QUEUE, {"reported": "yes", "flag": "any"})
        assert len(response.context["cl"].result_list) == count
        return len(queries)

    assert queries_for_flagged_queue_of(40) == queries_for_flagged_queue_of(4)


def test_queue_never_counts_the_whole_comments_table(editor_client, post):
    make_comment(post)

    with CaptureQueriesContext(connection) as queries:
        editor_client.get(QUEUE)

    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts
    assert all("WHERE" in sql.upper() for sql in counts)


# --- the pending count in the admin's header and front page


def test_editors_see_the_number_of_pending_comments_in_the_admin_header(editor_client, post):
    make_comment(post)
    make_comment(post)
    make_comment(post, status=Status.APPROVED)

    content = editor_client.get(reverse("admin:index")).content.decode()

    assert 'id="moderation-status"' in content
    assert "2 comments pending" in content


def test_the_pending_count_is_cached_for_a_few_seconds(editor_client, post):
    make_comment(post)
    editor_client.get(reverse("admin:index"))

    with CaptureQueriesContext(connection) as queries:
        content = editor_client.get(reverse("admin:index")).content.decode()

    assert "1 comment pending" in content
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


def test_an_editors_own_decision_shows_in_the_pending_count_at_once(editor_client, post):
    first = make_comment(post)
    make_comment(post)
    editor_client.get(reverse("admin:index"))  # counts 2, and caches the count

    press_row_button(editor_client, first, "approve")
    content = editor_client.get(reverse("admin:index")).content.decode()

    assert "1 comment pending" in content


def test_the_admin_front_page_leads_editors_to_the_queue_reports_and_dashboard(editor_client):
    content = editor_client.get(reverse("admin:index")).content.decode()

    assert 'id="moderation-module"' in content
    assert f'href="{QUEUE}?reported=yes"' in content
    assert reverse("admin:comments_comment_dashboard") in content


def test_authors_are_not_shown_the_pending_count(author_client, post):
    make_comment(post)

    content = author_client.get(reverse("admin:index")).content.decode()

    assert 'id="moderation-status"' not in content
    assert "1 comment pending" not in content
    assert 'id="moderation-module"' not in content


@pytest.fixture
def two_comments_a_page(monkeypatch):
    from comments.admin.queue import CommentAdmin

    monkeypatch.setattr(CommentAdmin, "list_per_page", 2)


def test_deciding_the_last_comment_of_the_last_page_returns_to_the_new_last_page(
    editor_client, post, two_comments_a_page
):
    *earlier, last = (make_comment(post) for _ in range(5))
    page = f"{QUEUE}?post={post.pk}&p=3"

    back = press_row_button(editor_client, last, "approve", next_url=page)["Location"]
    response = editor_client.get(back)

    assert response.status_code == 200  # not Django's redirect to ?e=1, filters dropped
    assert listed(response) == earlier[2:]
    assert response.context["cl"].get_query_string() == f"?post={post.pk}"


def test_a_page_past_the_end_shows_the_last_page_and_returns_rows_there(
    editor_client, post, two_comments_a_page
):
    comments = [make_comment(post) for _ in range(3)]

    response = editor_client.get(QUEUE, {"status": "pending", "p": 7})

    assert listed(response) == comments[2:]
    controls = FormControls(response.content.decode())
    approve = controls.button(name="verb", value="approve")
    (back,) = parse_qs(urlsplit(approve["formaction"]).query)["next"]
    assert urlsplit(back).path == QUEUE
    assert parse_qs(urlsplit(back).query) == {"status": ["pending"], "p": ["2"]}


def test_page_zero_shows_the_first_page(editor_client, post, two_comments_a_page):
    comments = [make_comment(post) for _ in range(3)]

    response = editor_client.get(QUEUE, {"p": 0})

    assert listed(response) == comments[:2]


def test_queue_row_names_the_kind_of_personal_data_in_the_editors_language(editor_client, post):
    flag(make_comment(post), CommentFlag.Kind.PERSONAL_DATA, "phone number: 55 1234 ****")

    content = editor_client.get(QUEUE, headers={"Accept-Language": "es"}).content.decode()

    assert "Datos personales: número de teléfono: 55 1234 ****" in content
