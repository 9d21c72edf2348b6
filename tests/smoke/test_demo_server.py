"""`make run` as a newcomer meets it: runserver with DEBUG, SQLite and the demo content,
driven over real HTTP on one keep-alive connection per walk."""

import pytest

from . import walks
from .client import Browser

pytestmark = pytest.mark.django_db(databases=[])


def test_make_run_prints_the_demo_logins(demo):
    assert set(demo.logins) == {"editor", "author"}


@pytest.mark.parametrize(
    "walk",
    [
        walks.read_the_site,
        walks.send_a_comment_with_an_error_twice,
        walks.fail_the_csrf_check,
        walks.send_tips,
        walks.fetch_a_stylesheet,
    ],
    ids=lambda walk: walk.__name__,
)
def test_a_reader_walks_the_demo_site_on_one_connection(demo, walk):
    browser = Browser(demo.url)
    walk(browser)
    assert browser.connections_opened == 1
    demo.assert_printed_no_traceback()


def test_a_reader_comments_and_the_demo_editor_approves_it(demo):
    reader, editor = Browser(demo.url), Browser(demo.url)
    body = walks.send_a_comment(reader)
    walks.work_the_queue(editor, "editor", demo.logins["editor"], waiting_words=body)
    walks.approve_from_the_queue(editor, body)
    assert body in Browser(demo.url).get(walks.SEED_POST, expect=200).text
    demo.assert_printed_no_traceback()


def test_every_manage_py_command_works_in_the_checkout_after_make_run(demo):
    assert "No changes detected" in demo.manage("makemigrations", "--check", "--dry-run")
    assert "editor" in demo.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "print(*User.objects.values_list('username', flat=True))",
    )
