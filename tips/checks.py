"""System checks: tip attachments must never sit where the web server serves files."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage


@checks.register(checks.Tags.security)
def tips_storage_is_private(app_configs, **kwargs):
    from .storage import tips_storage

    try:
        storage = tips_storage()
    except Exception as error:  # a missing or broken STORAGES["tips"]
        return [checks.Error(f"STORAGES['tips'] is not usable: {error}", id="tips.E001")]
    if not isinstance(storage, FileSystemStorage):
        return []  # object storage: the operator keeps the bucket private (docs/tips.md)
    location = Path(storage.location).resolve()
    public = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    for root in filter(None, public):
        root = Path(root).resolve()
        if location == root or root in location.parents:
            return [
                checks.Error(
                    f"Tip attachments are stored under {root}, which the site serves.",
                    hint="Point TIPS_ROOT outside MEDIA_ROOT and the static folders.",
                    id="tips.E002",
                )
            ]
    return []
