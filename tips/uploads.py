"""Limits on attachments enforced while the request body is read, not after.

Django streams uploads to temporary files; this handler runs first for every file and,
once a file is over its size, the tip over its total or the form over its number of
files, swallows the rest of that file so that it never reaches a temporary file. What
it swallowed is recorded for the form, which refuses the tip with a message saying
which limit was passed. The source's typed message is still read, so it can be shown
back to them.
"""

import tempfile
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.views.decorators.csrf import csrf_exempt

from .privacy import csrf_protect_without_referrer


@dataclass(frozen=True)
class UploadRefusal:
    limit: str  # "file_size", "tip_size" or "file_count"
    file_name: str  # shown back to the source only, never stored or logged


class UploadLimits(FileUploadHandler):
    """Counts files and bytes; stops passing on a file's data once it passes a limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.refusals = []
        self.files_seen = 0
        self.bytes_accepted = 0
        self.refused_current = False

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.files_seen += 1
        self.current_bytes = 0
        self.refused_current = False
        if self.files_seen > settings.TIPS_MAX_FILES:
            self._refuse("file_count")

    def receive_data_chunk(self, raw_data, start):
        if self.refused_current:
            return None
        self.current_bytes += len(raw_data)
        if self.current_bytes > settings.TIPS_MAX_FILE_SIZE:
            self._refuse("file_size")
            return None
        if self.bytes_accepted + self.current_bytes > settings.TIPS_MAX_TIP_SIZE:
            self._refuse("tip_size")
            return None
        return raw_data

    def file_complete(self, file_size):
        if not self.refused_current:
            self.bytes_accepted += self.current_bytes
        # The next handler (memory or temporary file) returns the file object.
        return None

    def _refuse(self, limit):
        # Swallowing, rather than raising SkipFile, keeps Django from closing the
        # previous file's temporary copy along with this one.
        self.refused_current = True
        self.refusals.append(UploadRefusal(limit, self.file_name))


def limit_uploads(view):
    """Run ``view`` with UploadLimits in front of Django's upload handlers.

    Handlers must be in place before anything reads request.POST, and CSRF checking reads
    it; so CSRF is checked here, after the handler is added (Django's documented way).
    """
    protected = csrf_protect_without_referrer(view)

    @csrf_exempt
    @wraps(view)
    def with_limits(request, *args, **kwargs):
        request.upload_handlers.insert(0, UploadLimits(request))
        return protected(request, *args, **kwargs)

    return with_limits


def upload_refusals(request):
    """What UploadLimits refused while reading ``request``'s files."""
    for handler in request.upload_handlers:
        if isinstance(handler, UploadLimits):
            return handler.refusals
    return []


def working_folder():
    """A private folder for one request's cleaned files, removed with everything in it.

    It lives where Django puts uploads (FILE_UPLOAD_TEMP_DIR), so the operator's choice
    of a memory-backed or encrypted disk covers both.
    """
    return tempfile.TemporaryDirectory(prefix="tip-", dir=settings.FILE_UPLOAD_TEMP_DIR)
