"""A tip is stored whole or not at all."""

from unittest import mock

import pytest
from django.db import IntegrityError

from tests.tips import files
from tips import services
from tips.cleaning import clean_upload
from tips.models import Attachment, Tip

pytestmark = pytest.mark.django_db


def cleaned_photos(tmp_path, count):
    workdir = tmp_path / "work"
    workdir.mkdir()
    return [
        clean_upload(files.upload(f"p{n}.jpg", files.jpeg_with_gps_and_xmp()), workdir)
        for n in range(count)
    ]


def test_storage_failure_half_way_leaves_no_rows_and_no_files(tmp_path, stored_files):
    photos = cleaned_photos(tmp_path, 2)
    storage = services.tips_storage()
    real_save = storage.save
    saves = []

    def failing_save(name, content):
        saves.append(name)
        if len(saves) == 3:  # the second photo, after the first photo and its thumbnail
            raise OSError("disk full")
        return real_save(name, content)

    with (
        mock.patch.object(type(storage), "save", side_effect=failing_save),
        pytest.raises(OSError, match="disk full"),
    ):
        services.submit_tip(message="Two photos.", contact="", cleaned_files=photos)

    assert not Tip.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_database_failure_after_the_files_were_written_deletes_them(tmp_path, stored_files):
    photos = cleaned_photos(tmp_path, 1)

    with (
        mock.patch.object(Attachment.objects, "create", side_effect=IntegrityError("boom")),
        pytest.raises(IntegrityError),
    ):
        services.submit_tip(message="One photo.", contact="", cleaned_files=photos)

    assert not Tip.objects.exists()
    assert stored_files() == []


def test_follow_up_marks_the_tip_new_and_moves_it_up_the_inbox(tmp_path):
    tip, _code = services.submit_tip(message="First.", contact="", cleaned_files=[])
    Tip.objects.filter(pk=tip.pk).update(status=Tip.Status.HANDLED)
    before = Tip.objects.get().source_wrote_at

    services.add_to_tip(tip, message="More.", cleaned_files=[])

    tip.refresh_from_db()
    assert tip.status == Tip.Status.NEW
    assert tip.source_wrote_at > before


def test_reading_a_handled_tip_keeps_it_handled():
    tip, _code = services.submit_tip(message="First.", contact="", cleaned_files=[])
    Tip.objects.filter(pk=tip.pk).update(status=Tip.Status.HANDLED)
    tip.refresh_from_db()

    services.mark_read(tip)

    assert Tip.objects.get().status == Tip.Status.HANDLED
