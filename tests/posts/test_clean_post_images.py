"""clean_post_images cleans the lead images stored before uploads were cleaned, once."""

from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from posts.images import CLEAN_NAME
from posts.models import Post
from tests.builders import make_post
from tests.posts.test_lead_image import (
    assert_carries_nothing_but_pixels,
    assert_random_name,
    phone_jpeg,
)
from tests.tips import files

OLD_NAME = "posts/2010/12/IMG_0042 Juan Informante Tijuana.jpg"


def stored_raw(post, data=None, name=OLD_NAME):
    """The post's image as uploads were stored before: as sent, under the sender's name."""
    if not default_storage.exists(name):
        default_storage.save(name, files.upload(name, data or phone_jpeg(orientation=6)))
    Post.objects.filter(pk=post.pk).update(image=name, image_width=60, image_height=40)
    return Post.objects.get(pk=post.pk)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("clean_post_images", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_an_image_stored_as_sent_is_cleaned_renamed_and_the_original_deleted(
    db, django_capture_on_commit_callbacks
):
    post = stored_raw(make_post(slug="army-convoy"))

    with django_capture_on_commit_callbacks(execute=True):
        output = run()

    post.refresh_from_db()
    assert_carries_nothing_but_pixels(post, "JPEG")
    assert_random_name(post, "jpg")
    assert (post.image_width, post.image_height) == (40, 60)
    assert not default_storage.exists(OLD_NAME)
    assert "Cleaned: army-convoy" in output
    assert "Cleaned 1 images; 0 already clean" in output
    assert "Informante" not in output


def test_running_it_again_changes_nothing(db):
    post = stored_raw(make_post())
    run()
    post.refresh_from_db()
    after_first_run = (post.image.name, post.updated_at)

    output = run()

    post.refresh_from_db()
    assert (post.image.name, post.updated_at) == after_first_run
    assert "Cleaned 0 images; 1 already clean" in output


def test_images_uploaded_since_the_upgrade_are_left_alone(db):
    post = make_post()
    post.image.save("IMG_0042.jpg", files.upload("IMG_0042.jpg", phone_jpeg()))
    name = post.image.name

    assert "Cleaned 0 images; 1 already clean" in run()
    post.refresh_from_db()
    assert post.image.name == name


def test_dry_run_says_what_it_would_clean_and_changes_nothing(db):
    post = stored_raw(make_post(slug="army-convoy"))

    output = run("--dry-run")

    assert "Would clean: army-convoy" in output
    assert "Would clean 1 images" in output
    post.refresh_from_db()
    assert post.image.name == OLD_NAME
    assert default_storage.exists(OLD_NAME)


def test_posts_sharing_one_file_all_move_to_the_one_cleaned_copy(db):
    first = stored_raw(make_post(slug="in-english"))
    second = stored_raw(make_post(slug="en-espanol"))

    assert "Cleaned: in-english, en-espanol" in run()

    first.refresh_from_db()
    second.refresh_from_db()
    assert CLEAN_NAME.fullmatch(first.image.name)
    assert second.image.name == first.image.name
    assert (second.image_width, second.image_height) == (40, 60)


def test_a_missing_file_is_reported_and_left_alone(db):
    post = make_post(slug="army-convoy")
    Post.objects.filter(pk=post.pk).update(image=OLD_NAME, image_width=60, image_height=40)

    assert "File missing, left as it is: army-convoy" in run()
    assert Post.objects.values_list("image", flat=True).get(pk=post.pk) == OLD_NAME


def test_an_image_that_cannot_be_cleaned_is_kept_and_the_command_fails(db):
    post = stored_raw(make_post(slug="army-convoy"), data=b"GIF89a\x01\x00\x01\x00\x00;")

    with pytest.raises(CommandError, match="1 images could not be cleaned"):
        run()

    post.refresh_from_db()
    assert post.image.name == OLD_NAME
    assert default_storage.exists(OLD_NAME)


def test_files_that_are_no_posts_image_are_counted_but_kept(db):
    default_storage.save("posts/2010/11/replaced.jpg", files.upload("x.jpg", phone_jpeg()))

    assert "1 files in posts/ are no post's lead image" in run()
    assert default_storage.exists("posts/2010/11/replaced.jpg")
