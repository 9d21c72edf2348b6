"""load_demo fills an empty site with something to show and can run any number of times."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from comments.models import Comment, ModerationDecision, PolicyRule
from posts.models import Label, Post
from tests import builders


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            get_user_model(),
            Group,
            Label,
            Post,
            Post.labels.through,
            Comment,
            ModerationDecision,
            PolicyRule,
        )
    }


def test_loading_twice_changes_no_row_counts(demo, run_load_demo):
    before = row_counts()
    run_load_demo()
    assert row_counts() == before


def test_loading_twice_keeps_the_seed_image(seed_post, run_load_demo):
    run_load_demo()
    seed_post_again = Post.objects.get(pk=seed_post.pk)
    assert seed_post_again.image.name == seed_post.image.name


def test_second_load_reports_everything_as_already_present(demo, run_load_demo):
    assert "15 created" in demo
    again = run_load_demo()
    assert " 0 created,  15 already present" in again
    assert " 1 created" not in again


def test_an_existing_post_is_left_as_an_editor_changed_it(seed_post, run_load_demo):
    Post.objects.filter(pk=seed_post.pk).update(title="Edited by an editor")
    run_load_demo()
    assert Post.objects.get(pk=seed_post.pk).title == "Edited by an editor"


def test_a_renamed_label_is_not_created_again(demo, run_load_demo):
    Label.objects.filter(slug="calderon").update(name="Calderón")
    run_load_demo()
    assert list(Label.objects.filter(slug="calderon").values_list("name", flat=True)) == [
        "Calderón"
    ]
    assert not Label.objects.filter(name="Calderon").exists()


def test_demo_comments_are_not_added_to_a_post_that_already_has_comments(run_load_demo):
    seed = builders.make_post(slug="wikileaks-cables-us-mexico-drugs-war-fears-revealed")
    builders.make_comment(seed, body="A real reader got here first.")
    run_load_demo()
    assert Comment.objects.for_post(seed).count() == 1


def test_a_missing_lead_image_is_drawn_again(seed_post, run_load_demo):
    Post.objects.filter(pk=seed_post.pk).update(image="")
    run_load_demo()
    assert Post.objects.get(pk=seed_post.pk).image


def test_draft_post_is_not_published(demo):
    draft = Post.objects.get(status=Post.Status.DRAFT)
    assert draft not in Post.objects.published()


def test_scheduled_post_is_published_but_not_yet_visible(demo):
    scheduled = Post.objects.get(status=Post.Status.PUBLISHED, publish_at__gt=timezone.now())
    assert scheduled.publish_at > timezone.now() + timedelta(days=300)
    assert scheduled not in Post.objects.published()


def test_published_demo_posts_fill_more_than_one_home_page(demo):
    assert Post.objects.published().count() > settings.POSTS_PER_PAGE


def test_published_demo_posts_span_late_2010_and_2011(demo):
    months = {
        (local.year, local.month)
        for local in (timezone.localtime(p.publish_at) for p in Post.objects.published())
    }
    assert {year for year, _ in months} == {2010, 2011}
    assert len(months) >= 8


def test_some_published_demo_posts_are_in_spanish(demo):
    assert Post.objects.published().filter(language="es").count() >= 2


def test_every_label_used_has_a_published_post(demo):
    for label in Label.objects.filter(posts__isnull=False).distinct():
        assert Post.objects.published().filter(labels=label).exists(), label


def test_every_published_demo_post_has_paragraphs_and_some_have_sub_headings(demo):
    published = Post.objects.published()
    assert all(post.body_html.count("<p>") >= 2 for post in published)
    assert sum("<h2>" in post.body_html for post in published) >= 2


def test_moderation_queue_has_pending_demo_comments(demo):
    pending = Comment.objects.pending()
    assert pending.exists()
    assert not ModerationDecision.objects.filter(comment__in=pending).exists()


def test_comment_counts_match_approved_comments_on_every_post(demo):
    for post in Post.objects.all():
        assert post.comment_count == Comment.objects.approved().for_post(post).count(), post


def test_policy_rules_are_numbered_one_to_n(demo):
    numbers = list(PolicyRule.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 6


def test_policy_forbids_publishing_personal_information(demo):
    texts = " ".join(PolicyRule.objects.values_list("text", flat=True)).lower()
    assert "address" in texts
    assert "plate" in texts


def test_new_demo_accounts_cannot_log_in_until_demo_logins(demo):
    for username in ("editor", "author"):
        assert not get_user_model().objects.get(username=username).has_usable_password()


def test_demo_posts_are_written_by_the_demo_author(demo):
    assert set(Post.objects.values_list("author__username", flat=True)) == {"author"}
