"""A lead image is published as bare pixels under a random name, however it is stored.

The photos are the tip line's test files (tests/tips/files.py): a phone's JPEG with EXIF
(make, model, owner, GPS), XMP and a comment; a PNG with text chunks; WebP and HEIC.
"""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import ExifTags, Image

from posts import images
from posts.models import Post
from tests.builders import make_post
from tests.posts.test_admin import ADD, new_post_form
from tests.tips import files

PHONE_MODEL = "Pixel Informante 8"
MARKERS = (*files.MARKERS, PHONE_MODEL)
ORIGINAL_NAME = "IMG_0042 Juan Informante Tijuana"


def phone_jpeg(orientation=1):
    """The tip line's phone JPEG, with the phone's model named in its EXIF too."""
    exif = files.camera_exif(orientation)
    exif[ExifTags.Base.Model] = PHONE_MODEL
    out = io.BytesIO()
    files.photo().save(out, "JPEG", exif=exif, xmp=files.XMP, comment=files.AUTHOR.encode())
    return out.getvalue()


def add_post_with_image(client, author, name, data):
    return client.post(ADD, new_post_form(author, image=files.upload(name, data)))


def stored_files(settings):
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def stored_bytes(post):
    with post.image.storage.open(post.image.name) as file:
        return file.read()


def assert_carries_nothing_but_pixels(post, image_format):
    data = stored_bytes(post)
    for marker in MARKERS:
        assert marker.encode() not in data, f"{marker!r} was published"
    assert b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == image_format
        assert not image.getexif()
        assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)
        assert not getattr(image, "text", None)


def assert_random_name(post, extension):
    assert images.CLEAN_NAME.fullmatch(post.image.name)
    assert post.image.name.endswith(f".{extension}")
    for word in ("IMG", "0042", "Juan", "Informante", "Tijuana"):
        assert word.lower() not in post.image.name.lower()


def test_phone_jpeg_uploaded_in_the_admin_loses_exif_gps_xmp_and_its_name(author_client, author):
    response = add_post_with_image(author_client, author, f"{ORIGINAL_NAME}.jpg", phone_jpeg())

    assert response.status_code == 302
    post = Post.objects.get()
    assert_carries_nothing_but_pixels(post, "JPEG")
    assert_random_name(post, "jpg")
    assert (post.image_width, post.image_height) == (60, 40)


def test_sideways_photo_is_stored_upright_with_its_upright_dimensions(author_client, author):
    # Orientation 6: the phone was held sideways; the stored pixels are turned instead.
    add_post_with_image(author_client, author, "sideways.jpg", phone_jpeg(orientation=6))

    post = Post.objects.get()
    assert (post.image_width, post.image_height) == (40, 60)
    with Image.open(io.BytesIO(stored_bytes(post))) as image:
        assert image.size == (40, 60)


def test_png_with_text_chunks_uploaded_on_the_change_form_loses_them(author_client, author):
    post = make_post(author=author, published=False)
    change = reverse("admin:posts_post_change", args=[post.pk])
    form = new_post_form(
        author, image=files.upload(f"{ORIGINAL_NAME}.png", files.png_with_text_chunks())
    )

    response = author_client.post(change, {**form, "slug": post.slug})

    assert response.status_code == 302
    post.refresh_from_db()
    assert_carries_nothing_but_pixels(post, "PNG")
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf"):
        assert chunk not in stored_bytes(post)
    assert_random_name(post, "png")


@pytest.mark.parametrize(
    ("make", "image_format", "extension"),
    [(files.webp_with_exif, "WEBP", "webp"), (files.heic_with_exif, "JPEG", "jpg")],
    ids=["webp-stays-webp", "heic-becomes-jpeg"],
)
def test_webp_and_heic_are_cleaned_as_the_tip_line_cleans_them(
    author_client, author, make, image_format, extension
):
    add_post_with_image(author_client, author, f"{ORIGINAL_NAME}.{extension}", make())

    post = Post.objects.get()
    assert_carries_nothing_but_pixels(post, image_format)
    assert_random_name(post, extension)


def test_post_page_shows_the_cleaned_image_at_its_size(author_client, author, client):
    add_post_with_image(author_client, author, f"{ORIGINAL_NAME}.jpg", phone_jpeg())
    post = Post.objects.get()
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)

    page = client.get(post.get_absolute_url()).content.decode()

    assert f'<img src="/media/{post.image.name}" alt="" width="60" height="40">' in page
    assert "Informante" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Not a photo at all, only words.\n", "not an image we can publish"),
        (files.html_page(), "not an image we can publish"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "not an image we can publish"),
        (phone_jpeg()[:200], "could not be opened"),
        (files.decompression_bomb(), "too large (over 64 megapixels)"),
    ],
    ids=["text", "html", "gif", "truncated-jpeg", "decompression-bomb"],
)
def test_what_cannot_be_cleaned_is_a_form_error_and_nothing_is_stored(
    author_client, author, settings, data, message
):
    response = add_post_with_image(author_client, author, "photo.jpg", data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any(message in error for error in errors), errors
    assert not Post.objects.exists()
    assert stored_files(settings) == []


def test_image_over_the_lead_image_pixel_limit_is_refused(author_client, author, monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 1000)

    response = add_post_with_image(author_client, author, "photo.jpg", phone_jpeg())

    assert "too large" in str(response.context["adminform"].form.errors["image"])


def test_an_image_saved_without_the_form_is_cleaned_and_renamed_too(db):
    # The demo loader and any import store through the model, not through the admin.
    post = make_post()

    post.image.save(f"{ORIGINAL_NAME}.jpg", ContentFile(phone_jpeg(orientation=6)))

    post.refresh_from_db()
    assert_carries_nothing_but_pixels(post, "JPEG")
    assert_random_name(post, "jpg")
    assert (post.image_width, post.image_height) == (40, 60)


def test_an_uploaded_image_is_stored_once(author_client, author, settings):
    add_post_with_image(author_client, author, f"{ORIGINAL_NAME}.jpg", phone_jpeg())

    assert [path.name for path in stored_files(settings)] == [
        Path(Post.objects.get().image.name).name
    ]


def test_storage_names_are_random_whatever_name_is_given():
    first = images.lead_image_path(None, f"{ORIGINAL_NAME}.jpg")
    second = images.lead_image_path(None, f"{ORIGINAL_NAME}.jpg")

    assert first != second
    assert images.CLEAN_NAME.fullmatch(first)
    assert "IMG" not in first
