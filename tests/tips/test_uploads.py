"""Limits apply while the body is read: data past a limit never reaches Django's files."""

import pytest

from tips.uploads import UploadLimits


@pytest.fixture
def limits(settings):
    settings.TIPS_MAX_FILES = 2
    settings.TIPS_MAX_FILE_SIZE = 10
    settings.TIPS_MAX_TIP_SIZE = 15
    return UploadLimits()


def receive(handler, name, chunks):
    handler.new_file("attachments", name, "application/octet-stream", None)
    passed = [handler.receive_data_chunk(chunk, 0) for chunk in chunks]
    handler.file_complete(sum(len(chunk) for chunk in chunks))
    return passed


def test_file_within_the_limits_passes_through(limits):
    assert receive(limits, "a.txt", [b"12345", b"678"]) == [b"12345", b"678"]
    assert limits.refusals == []


def test_file_over_its_size_is_swallowed_from_the_chunk_that_passes_it(limits):
    passed = receive(limits, "big.txt", [b"123456", b"789012", b"345"])

    assert passed == [b"123456", None, None]
    assert [(r.limit, r.file_name) for r in limits.refusals] == [("file_size", "big.txt")]


def test_file_that_passes_the_tips_total_is_swallowed(limits):
    receive(limits, "a.txt", [b"1234567890"])

    passed = receive(limits, "b.txt", [b"123", b"456"])

    assert passed == [b"123", None]
    assert [r.limit for r in limits.refusals] == ["tip_size"]


def test_file_beyond_the_number_allowed_is_swallowed_whole(limits):
    receive(limits, "a.txt", [b"1"])
    receive(limits, "b.txt", [b"2"])

    assert receive(limits, "c.txt", [b"3"]) == [None]
    assert [(r.limit, r.file_name) for r in limits.refusals] == [("file_count", "c.txt")]
