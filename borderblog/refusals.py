"""Requests refused before any view reads them: bodies the site cannot read or will not take.

Django reads a POST body the first time anything asks for ``request.POST``; the CSRF check
asks before any view runs, and so do the 400 and 500 pages. Two kinds of body go wrong
there, so they are answered here, first, with the site's own page:

- a form declaring a charset other than UTF-8: Django refuses to decode it, and raises
  again each time the body is asked for, on the error pages too (a bare 500);
- files where no form takes them: Django streams every file part of a multipart body to a
  temporary file, whatever the page. Only the pages in FILE_UPLOAD_LIMITS (by URL name)
  take files, each up to its own size; elsewhere a multipart body larger than a form
  without files can be (DATA_UPLOAD_MAX_MEMORY_SIZE) is refused unread, and file parts in
  a smaller one are skipped, never written anywhere. (A form-encoded body over that size
  Django refuses itself, with a 400.)
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers

FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


class RefuseUnreadableBodies:
    """Middleware, before CsrfViewMiddleware: answers 400 or 413 for the bodies above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Django's own test (HttpRequest._load_post_and_files), which it makes for POST
        # only: a known charset that is not spelt "utf-8" is refused.
        encoding = request.encoding
        if (
            request.method == "POST"
            and request.content_type == FORM
            and encoding
            and encoding.lower() != "utf-8"
        ):
            return _refused(request, "400.html", {}, status=400)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.content_type != MULTIPART:
            return None
        match = request.resolver_match
        limit = settings.FILE_UPLOAD_LIMITS.get(match.view_name if match else None)
        largest = limit if limit is not None else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if largest is not None and _content_length(request) > largest:
            context = {"limit": filesizeformat(largest), "takes_files": limit is not None}
            return _refused(request, "413.html", context, status=413)
        if limit is None:
            request.upload_handlers = [FilesNotTaken(request)]
        return None


class FilesNotTaken(FileUploadHandler):
    """Upload handler for pages without a file field: drops every file part unread."""

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


def _refused(request, template, context, status):
    # Refused before any view, so before the tip line's own privacy: whatever page was
    # asked, the refusal is neither cached nor followed by a telling Referer.
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
