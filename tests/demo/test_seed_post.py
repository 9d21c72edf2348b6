"""The seed post is the real page of SPEC's "Demo content", reproduced faithfully."""

import re
from datetime import time

import pytest
from django.utils import timezone
from PIL import Image

from comments.models import Comment, ModerationDecision
from demo.content import SEED_SLUG
from posts.images import CLEAN_NAME
from posts.models import Post

PAGE_AUTHORS = {1: "Brito", 6: "Ernest1", 8: "Buela", 14: "Ernest1", 15: "Buela"}


def seed_comments(post):
    return list(Comment.objects.for_post(post).thread_order())


def test_seed_post_is_published_at_its_december_2010_address(seed_post):
    assert seed_post in Post.objects.published()
    assert seed_post.get_absolute_url() == (
        "/2010/12/wikileaks-cables-us-mexico-drugs-war-fears-revealed/"
    )


def test_seed_post_is_dated_friday_morning_december_3_2010_local(seed_post):
    local = timezone.localtime(seed_post.publish_at)
    assert local.date().isoformat() == "2010-12-03"
    assert local.strftime("%A") == "Friday"
    assert local.time() < time(12)


def test_seed_post_keeps_the_page_title(seed_post):
    assert seed_post.title == "Wikileaks cables: US Mexico drugs War Fears Revealed"


def test_seed_post_carries_the_three_labels(seed_post):
    names = set(seed_post.labels.values_list("name", flat=True))
    assert names == {"Wikileaks", "Mexican Army", "Calderon"}


def test_seed_post_is_english_and_open_for_comments(seed_post):
    assert seed_post.language == "en"
    assert seed_post.comments_enabled


def test_seed_post_has_fifteen_approved_flat_comments(seed_post):
    comments = seed_comments(seed_post)
    assert len(comments) == 15
    assert {c.status for c in comments} == {Comment.Status.APPROVED}
    assert all(c.parent_id is None for c in comments)


def test_seed_post_comment_count_counts_its_approved_comments(seed_post):
    assert seed_post.comment_count == 15


def test_seed_comment_authors_match_the_page_by_position(seed_post):
    names = [c.author_name for c in seed_comments(seed_post)]
    expected = [PAGE_AUTHORS.get(number, "") for number in range(1, 16)]
    assert names == expected
    assert str(seed_comments(seed_post)[1].display_name).startswith("Anonymous·")


def test_seed_comments_run_through_the_afternoon_in_page_order(seed_post):
    times = [timezone.localtime(c.created_at) for c in seed_comments(seed_post)]
    assert times == sorted(times)
    assert len(set(times)) == 15
    assert {t.date().isoformat() for t in times} == {"2010-12-03"}
    assert all(t.hour >= 12 for t in times)


def test_seventh_seed_comment_is_at_3_40_pm_local_as_the_eleventh_answers(seed_post):
    comments = seed_comments(seed_post)
    assert timezone.localtime(comments[6].created_at).time() == time(15, 40)
    assert comments[10].body.startswith("@ 3:40")


def test_seed_comments_keep_the_page_words(seed_post):
    comments = seed_comments(seed_post)
    assert comments[0].body.startswith("so from this it dosen't seem like the USA")
    assert "Los homicidios iniciaron a partir de 2007" in comments[9].body
    assert comments[14].body.endswith("a federal army....quick")


def test_every_seed_approval_is_recorded_as_a_decision_of_the_demo_editor(seed_post):
    decisions = ModerationDecision.objects.filter(comment__post=seed_post)
    assert decisions.count() == 15
    assert {(d.from_status, d.to_status) for d in decisions} == {("pending", "approved")}
    assert {d.editor.username for d in decisions} == {"editor"}


def test_seed_commenters_get_one_fake_hash_per_author(seed_post):
    comments = seed_comments(seed_post)
    hashes = [c.submitter_hash for c in comments]
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)
    assert hashes[5] == hashes[13]  # Ernest1, twice
    assert hashes[7] == hashes[14]  # Buela, twice
    anonymous = [h for c, h in zip(comments, hashes, strict=True) if not c.author_name]
    assert len(set(anonymous)) == len(anonymous)


def test_seed_image_file_exists_and_opens_as_an_image(seed_post):
    assert seed_post.image
    assert seed_post.image.storage.exists(seed_post.image.name)
    with seed_post.image.open("rb") as file, Image.open(file) as image:
        image.verify()
        assert image.format in {"JPEG", "WEBP"}
        assert image.width > image.height


def test_seed_image_is_small(seed_post):
    assert seed_post.image.size < 200_000


def test_seed_image_is_stored_cleaned_under_a_random_name_like_an_upload(seed_post):
    assert CLEAN_NAME.fullmatch(seed_post.image.name)
    assert SEED_SLUG not in seed_post.image.name


def test_seed_image_carries_the_page_caption_and_an_alt_text(seed_post):
    assert seed_post.image_caption == (
        "Mexican soldiers are in the front line of the fight against drugs."
    )
    assert "placeholder" in seed_post.image_alt.lower()


def test_seed_body_has_losing_control_as_a_sub_heading(seed_post):
    assert "<h2>Losing control</h2>" in seed_post.body_html


@pytest.mark.parametrize(
    "sentence",
    [
        "The US is concerned that the Mexican army is failing in its fight",
        'described the army as "slow and risk averse."',
        "had no immediate comment to make, the Associated Press reported.",
    ],
)
def test_seed_body_keeps_the_page_text(seed_post, sentence):
    assert sentence in seed_post.body
