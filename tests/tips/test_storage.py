"""Tip attachments have no public address and cannot be put where the site serves files."""

import pytest
from django.core.files.storage import storages

from tips.checks import tips_storage_is_private


def test_tips_storage_gives_no_url():
    with pytest.raises(ValueError, match="no public URL"):
        storages["tips"].url("attachments/x.jpg")


def test_default_tips_root_is_outside_the_media_root():
    from borderblog import settings as project_settings

    assert not project_settings.TIPS_ROOT.resolve().is_relative_to(
        project_settings.MEDIA_ROOT.resolve()
    )


def test_system_check_passes_for_a_private_location():
    assert tips_storage_is_private(None) == []


def test_system_check_refuses_tips_stored_under_the_media_root(settings):
    tips = settings.STORAGES["tips"]
    settings.STORAGES = {
        **settings.STORAGES,
        "tips": {**tips, "OPTIONS": {**tips["OPTIONS"], "location": settings.MEDIA_ROOT / "t"}},
    }

    errors = tips_storage_is_private(None)

    assert [error.id for error in errors] == ["tips.E002"]
