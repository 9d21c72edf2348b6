"""System checks: tip attachments must never sit where the web server serves files, and
the HTTPS redirect that spares the onion service must be on."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage

from borderblog.onion import REDIRECT_MIDDLEWARE


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


@checks.register(checks.Tags.security, deploy=True)
def https_redirect_is_on(app_configs, **kwargs):
    """Django's security.W008 for borderblog.onion's redirect (SECURE_SSL_REDIRECT stays
    off, so that the onion service is not sent to https)."""
    if settings.HTTPS_REDIRECT and REDIRECT_MIDDLEWARE in settings.MIDDLEWARE:
        return []
    return [
        checks.Warning(
            "Requests over plain http are not redirected to HTTPS.",
            hint=f"Set SECURE_SSL_REDIRECT=1 in the environment (HTTPS_REDIRECT) and keep "
            f"{REDIRECT_MIDDLEWARE} in MIDDLEWARE, unless the proxy redirects.",
            id="tips.W001",
        )
    ]
