"""Where tip attachments live: a storage that has no public address.

Attachments are read only through the editors' download view. The storage is looked up
on each use (``storages["tips"]``) rather than bound to a model field at import, so that
the operator's STORAGES setting (and a test's) is always the one in force.
"""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Local files that nothing serves: asking for a URL is a programming error."""

    def url(self, name):
        raise ValueError("Tip attachments have no public URL; use the editors' download view.")


def tips_storage():
    return storages["tips"]
