"""A file is what its bytes say: names and declared types are never believed."""

import pytest

from tests.tips import files
from tips.cleaning import Reason, Refused, clean_upload
from tips.cleaning.sniffing import identify


def identified(tmp_path, data):
    path = tmp_path / "upload"
    path.write_bytes(data)
    return identify(path)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (files.jpeg_with_gps_and_xmp, "jpeg"),
        (files.png_with_text_chunks, "png"),
        (files.webp_with_exif, "webp"),
        (files.heic_with_exif, "heic"),
        (files.pdf_with_author_and_xmp, "pdf"),
        (lambda: b"Hola, esto es una nota.\n", "text"),
    ],
    ids=["jpeg", "png", "webp", "heic", "pdf", "text"],
)
def test_accepted_types_are_recognised_by_content(tmp_path, make, expected):
    assert identified(tmp_path, make()) == expected


@pytest.mark.parametrize("container", ["mov", "mp4", "webm"])
def test_videos_are_recognised_by_their_container(tmp_path, container):
    assert identified(tmp_path, files.video(tmp_path, container, location=False)) == container


@pytest.mark.parametrize(
    "data",
    [
        files.html_page(),
        files.svg_image(),
        files.zip_archive(),
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        b"MZ\x90\x00\x03\x00\x00\x00",
        b"plain words then a NUL\x00byte",
        b"   <p>a fragment of a web page</p>",
        b"\xff\xfe not utf-8 \xc3",
        b"",
        files.rtf_document(),
        b"\xef\xbb\xbf\r\n  " + files.rtf_document(),
    ],
    ids=[
        "html",
        "svg",
        "zip",
        "gif",
        "exe",
        "nul",
        "markup",
        "not-utf8",
        "empty",
        "rtf",
        "rtf-bom",
    ],
)
def test_other_content_is_not_identified(tmp_path, data):
    assert identified(tmp_path, data) is None


def test_html_named_jpg_and_declared_as_jpeg_is_refused(tmp_path):
    upload = files.upload("photo.jpg", files.html_page(), content_type="image/jpeg")

    with pytest.raises(Refused) as refused:
        clean_upload(upload, tmp_path)

    assert refused.value.reason == Reason.NOT_ACCEPTED


def test_word_processor_rtf_named_txt_is_refused_like_other_office_files(tmp_path):
    # RTF is text to look at, but its info group names the author, the company and the
    # times the document was written; kept byte for byte, all of that would be stored.
    upload = files.upload("informe.txt", files.rtf_document(), content_type="text/plain")

    with pytest.raises(Refused) as refused:
        clean_upload(upload, tmp_path)

    assert refused.value.reason == Reason.NOT_ACCEPTED


def test_jpeg_named_txt_is_cleaned_as_the_image_it_is(tmp_path):
    upload = files.upload("notes.txt", files.jpeg_with_gps_and_xmp(), content_type="text/plain")

    cleaned = clean_upload(upload, tmp_path)

    assert cleaned.content_type == "image/jpeg"


def test_png_disguised_with_a_jpeg_signature_fails_to_decode(tmp_path):
    data = b"\xff\xd8\xff" + files.png_with_text_chunks()

    with pytest.raises(Refused) as refused:
        clean_upload(files.upload("odd.jpg", data), tmp_path)

    assert refused.value.reason == Reason.UNREADABLE
