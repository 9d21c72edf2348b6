"""Images lose every piece of metadata, keep their pixels upright, and still open."""

import io

import pytest
from PIL import Image

from tests.tips import files
from tips.cleaning import Reason, Refused, clean_upload


def clean(tmp_path, name, data):
    return clean_upload(files.upload(name, data), tmp_path)


def assert_no_markers(data):
    for marker in files.MARKERS:
        assert marker.encode() not in data, f"{marker!r} survived cleaning"


def test_jpeg_loses_exif_gps_xmp_and_comment_and_still_opens(tmp_path):
    cleaned = clean(tmp_path, "IMG_0001.jpg", files.jpeg_with_gps_and_xmp())

    data = cleaned.path.read_bytes()
    assert_no_markers(data)
    assert b"Exif" not in data
    image = Image.open(cleaned.path)
    assert image.format == "JPEG"
    assert image.size == (60, 40)
    assert not image.getexif()
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)


def test_jpeg_is_turned_upright_before_its_orientation_tag_is_dropped(tmp_path):
    # Orientation 6: the camera was held sideways; viewers turn it 90° clockwise.
    cleaned = clean(tmp_path, "sideways.jpg", files.jpeg_with_gps_and_xmp(orientation=6))

    image = Image.open(cleaned.path).convert("RGB")
    assert image.size == (40, 60)
    red, green, _blue = image.getpixel((20, 5))
    assert (red > 150, green < 80) == (True, True), "the red half should now be at the top"


def test_png_loses_text_chunks_and_exif(tmp_path):
    cleaned = clean(tmp_path, "screenshot.png", files.png_with_text_chunks())

    data = cleaned.path.read_bytes()
    assert_no_markers(data)
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf"):
        assert chunk not in data
    image = Image.open(cleaned.path)
    assert image.format == "PNG"
    assert not image.text


def test_webp_loses_exif_and_xmp(tmp_path):
    cleaned = clean(tmp_path, "photo.webp", files.webp_with_exif())

    data = cleaned.path.read_bytes()
    assert_no_markers(data)
    assert b"EXIF" not in data
    assert b"XMP " not in data
    assert Image.open(cleaned.path).format == "WEBP"


def test_heic_from_an_iphone_is_stored_as_jpeg_without_exif(tmp_path):
    cleaned = clean(tmp_path, "IMG_4032.HEIC", files.heic_with_exif())

    assert cleaned.content_type == "image/jpeg"
    assert cleaned.extension == "jpg"
    assert_no_markers(cleaned.path.read_bytes())
    image = Image.open(cleaned.path)
    assert image.format == "JPEG"
    assert image.size == (64, 48)


def test_icc_profile_is_converted_to_srgb_and_dropped(tmp_path):
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    files.photo().save(out, "JPEG", icc_profile=profile)

    cleaned = clean(tmp_path, "profiled.jpg", out.getvalue())

    assert "icc_profile" not in Image.open(cleaned.path).info


def test_thumbnail_is_made_from_the_cleaned_pixels(tmp_path):
    cleaned = clean(tmp_path, "IMG_0001.jpg", files.jpeg_with_gps_and_xmp())

    thumbnail = Image.open(cleaned.thumbnail_path)
    assert thumbnail.format == "JPEG"
    assert max(thumbnail.size) <= 320
    assert_no_markers(cleaned.thumbnail_path.read_bytes())


def test_decompression_bomb_is_refused(tmp_path):
    with pytest.raises(Refused) as refused:
        clean(tmp_path, "bomb.png", files.decompression_bomb())

    assert refused.value.reason == Reason.TOO_MANY_PIXELS


def test_image_over_the_pixel_limit_is_refused_even_below_pillows_own(tmp_path, settings):
    settings.TIPS_MAX_IMAGE_PIXELS = 1000

    with pytest.raises(Refused) as refused:
        clean(tmp_path, "big.jpg", files.jpeg_with_gps_and_xmp())

    assert refused.value.reason == Reason.TOO_MANY_PIXELS


def test_truncated_jpeg_is_refused_as_unreadable(tmp_path):
    data = files.jpeg_with_gps_and_xmp()

    with pytest.raises(Refused) as refused:
        clean(tmp_path, "broken.jpg", data[:200])

    assert refused.value.reason == Reason.UNREADABLE


def test_nothing_is_left_in_the_working_folder_but_the_cleaned_files(tmp_path):
    cleaned = clean(tmp_path, "IMG_0001.jpg", files.jpeg_with_gps_and_xmp())

    assert sorted(tmp_path.iterdir()) == sorted([cleaned.path, cleaned.thumbnail_path])
