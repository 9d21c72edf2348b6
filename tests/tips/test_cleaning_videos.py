"""Videos are remuxed by the bundled ffmpeg without their metadata, and still play."""

import pytest

from tests.tips import files
from tips.cleaning import Reason, Refused, clean_upload


def clean(tmp_path, name, data):
    workdir = tmp_path / "work"
    workdir.mkdir(exist_ok=True)
    return clean_upload(files.upload(name, data), workdir)


def assert_no_location(cleaned):
    data = cleaned.path.read_bytes()
    for marker in files.MARKERS:
        assert marker.encode() not in data, f"{marker!r} survived cleaning"
    assert b"\xa9xyz" not in data
    metadata = files.video_metadata(cleaned.path)
    assert "location" not in metadata
    assert files.AUTHOR not in metadata


def test_mov_loses_its_quicktime_location_atom_and_still_plays(tmp_path):
    original = files.video(tmp_path, "mov")
    assert b"\xa9xyz" in original  # the test file has it

    cleaned = clean(tmp_path, "IMG_0002.MOV", original)

    assert cleaned.content_type == "video/quicktime"
    assert_no_location(cleaned)
    assert files.video_plays(cleaned.path)


def test_iphone_style_mov_loses_apples_location_and_make_keys(tmp_path):
    original = files.video(tmp_path, "mov", apple_keys=True)
    assert b"ISO6709" in original
    assert files.CAMERA.encode() in original

    cleaned = clean(tmp_path, "IMG_0002.MOV", original)

    assert cleaned.content_type == "video/quicktime"
    assert_no_location(cleaned)
    assert files.video_plays(cleaned.path)


def test_mp4_loses_its_location_key_and_still_plays(tmp_path):
    original = files.video(tmp_path, "mp4", apple_keys=True)
    assert b"ISO6709" in original

    cleaned = clean(tmp_path, "VID_20240101.mp4", original)

    assert cleaned.content_type == "video/mp4"
    assert_no_location(cleaned)
    assert files.video_plays(cleaned.path)


def test_webm_loses_its_tags_and_still_plays(tmp_path):
    original = files.video(tmp_path, "webm")
    assert files.AUTHOR.encode() in original

    cleaned = clean(tmp_path, "clip.webm", original)

    assert cleaned.content_type == "video/webm"
    assert_no_location(cleaned)
    assert files.video_plays(cleaned.path)


def test_mp4_without_a_video_stream_is_refused(tmp_path):
    sound = files.video(tmp_path, "mp4", location=False, audio_only=True)

    with pytest.raises(Refused) as refused:
        clean(tmp_path, "song.mp4", sound)

    assert refused.value.reason == Reason.NOT_CLEANED


def test_truncated_video_is_refused_rather_than_kept_as_is(tmp_path):
    original = files.video(tmp_path, "mov")

    with pytest.raises(Refused):
        clean(tmp_path, "cut.mov", original[:300])
