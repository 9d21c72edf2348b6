"""Anonymous commenters get a per-post handle: told apart on a post, unlinkable across posts."""

import re

import pytest
from django.test import Client

from comments.models import Comment
from comments.thread.handles import comment_display_name, handle_code, is_anonymous
from tests.builders import make_comment, make_post

pytestmark = pytest.mark.django_db

Status = Comment.Status
HANDLE = re.compile(r'<span class="comment-author">Anonymous·([0-9A-F]{3})</span>')
READER_A = "a" * 64
READER_B = "b" * 64


def handles_on(post):
    page = Client().get(post.get_absolute_url()).content.decode()
    return HANDLE.findall(page)


def test_an_anonymous_comment_shows_anonymous_with_a_three_character_code(post):
    make_comment(post, status=Status.APPROVED, author_name="", submitter_hash=READER_A)
    assert len(handles_on(post)) == 1


def test_a_reader_keeps_one_handle_throughout_a_post(post):
    make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    first, second = handles_on(post)
    assert first == second


def test_two_readers_on_a_post_get_different_handles(post):
    make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    make_comment(post, status=Status.APPROVED, submitter_hash=READER_B)
    first, second = handles_on(post)
    assert first != second


def test_the_same_reader_gets_unrelated_handles_on_different_posts():
    # 3 hex digits: two posts could coincide by chance (1 in 4,096) for one pair, so
    # the test asks that a reader's codes over several posts are not all the same.
    posts = [make_post() for _ in range(4)]
    codes = {handle_code(post.pk, READER_A, comment_id=1) for post in posts}
    assert len(codes) > 1


def test_a_handle_is_derived_with_the_server_secret(settings):
    codes = [handle_code(post_id, READER_A, comment_id=1) for post_id in range(1, 6)]
    settings.SUBMITTER_HASH_SECRET = "another secret"
    assert [handle_code(post_id, READER_A, comment_id=1) for post_id in range(1, 6)] != codes


def test_comments_without_a_submitter_hash_do_not_share_a_handle(post):
    first = make_comment(post, status=Status.APPROVED, submitter_hash="")
    second = make_comment(post, status=Status.APPROVED, submitter_hash="")
    codes = {handle_code(post.pk, "", first.pk), handle_code(post.pk, "", second.pk)}
    assert len(codes) == 2


def test_a_named_commenter_shows_their_name_without_a_handle(post):
    comment = make_comment(post, status=Status.APPROVED, author_name="Buela")
    assert comment_display_name(comment) == "Buela"


def test_a_commenter_who_types_anonymous_as_their_name_gets_a_handle(post):
    make_comment(post, status=Status.APPROVED, author_name="anonymous", submitter_hash=READER_A)
    assert len(handles_on(post)) == 1


def test_a_name_made_to_look_like_a_handle_gets_a_real_handle(post):
    victim = make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    code = comment_display_name(victim).split("·")[1]
    make_comment(
        post, status=Status.APPROVED, author_name=f"Anonymous·{code}", submitter_hash=READER_B
    )
    assert is_anonymous(f"Anonymous·{code}")
    assert handles_on(post) == [code, handle_code(post.pk, READER_B, 0)]


def test_the_handle_takes_the_word_anonymous_from_the_ui_language(post, monkeypatch):
    comment = make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    code = handle_code(post.pk, READER_A, comment.pk)
    spanish = {"Anonymous": "Anónimo"}
    monkeypatch.setattr("comments.thread.handles.gettext", lambda word: spanish.get(word, word))
    assert comment_display_name(comment) == f"Anónimo·{code}"


def test_the_reply_form_names_the_anonymous_commenter_by_handle(client, post):
    comment = make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    response = client.get(f"{post.get_absolute_url()}?replyto={comment.pk}")
    assert response.context["reply_to_name"] == comment_display_name(comment)


# Names drawn like a handle but spelt otherwise: look-alike letters and dots, invisible
# characters, compatibility forms. "{code}" is the handle of the reader they imitate.
SPOOFS = {
    "greek ano teleia": "Anonymous\u0387{code}",
    "zero-width space": "Anonymous·\u200b{code}",
    "cyrillic o": "Anonym\u043eus·{code}",
    "greek omicron": "An\u03bfnymous·{code}",
    "katakana middle dot": "Anonymous\u30fb{code}",
    "halfwidth katakana middle dot": "Anonymous\uff65{code}",
    "hyphenation point": "Anonymous\u2027{code}",
    "bullet operator": "Anonymous\u2219{code}",
    "dot operator": "Anonymous\u22c5{code}",
    "runic punctuation": "Anonymous\u16eb{code}",
    "soft hyphen and word joiner": "Anony\u00admous\u2060·{code}",
    "full-width": "Ａｎｏｎｙｍｏｕｓ·{code}",
    "spanish with a cyrillic o": "An\u043e\u0301nim\u043e·{code}",
    "spanish with an accent apart": "Ano\u0301nimo·{code}",
    "hangul filler": "Anonymous·\u3164{code}",
}


@pytest.mark.parametrize("spoof", SPOOFS.values(), ids=SPOOFS.keys())
def test_a_name_drawn_like_a_handle_counts_as_one(spoof):
    assert is_anonymous(spoof.format(code="7F3"))


@pytest.mark.parametrize("spoof", SPOOFS.values(), ids=SPOOFS.keys())
def test_a_name_drawn_like_someones_handle_shows_the_typists_own_handle(post, spoof):
    victim = make_comment(post, status=Status.APPROVED, submitter_hash=READER_A)
    code = comment_display_name(victim).split("·")[1]
    spoofer = make_comment(
        post,
        status=Status.APPROVED,
        author_name=spoof.format(code=code),
        submitter_hash=READER_B,
    )
    assert handles_on(post) == [code, handle_code(post.pk, READER_B, spoofer.pk)]


@pytest.mark.parametrize("name", ["Οδυσσέας", "Анна", "José Anónimo", "Anonymous fan", "Bee"])
def test_names_in_other_scripts_or_with_the_word_in_them_show_as_typed(post, name):
    comment = make_comment(post, status=Status.APPROVED, author_name=name)
    assert comment_display_name(comment) == name
