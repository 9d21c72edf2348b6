"""What every tip page's answer carries, and what it must never carry.

- ``Referrer-Policy: no-referrer``: a link followed from a tip page tells nobody where
  the reader came from.
- ``Cache-Control: no-store`` (never_cache): the confirmation page shows the receipt
  code, and the status page the conversation; neither may sit in a browser's cache.
- ``Onion-Location`` when TIPS_ONION_ADDRESS is set: Tor Browser offers the onion
  service, where the source's traffic never leaves Tor.
- No session: tip views never touch ``request.session`` or messages (which would set
  cookies tying a source's visits together); tests check the cookies of every answer.
  Django's CSRF cookie stays: it is random, not a session, and protects the forms.
- CSRF protection stays on; see NoReferrerCsrfMiddleware for how it copes with the
  ``Origin: null`` that no-referrer makes browsers send.
- Sensitive form fields (the message, the contact, the code) are hidden from Django's
  error reports, and whatever is logged while a tip view runs is the tip line's
  (borderblog.log_filters.QuietTipLine keeps it out of the log).
"""

from functools import wraps

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from borderblog.log_filters import tip_line_request

SENSITIVE_FIELDS = ("message", "contact", "code")


def tip_page(view):
    @wraps(view)
    def private_view(request, *args, **kwargs):
        with tip_line_request():
            response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        onion = onion_location(request)
        if onion:
            response["Onion-Location"] = onion
        return response

    return sensitive_post_parameters(*SENSITIVE_FIELDS)(never_cache(private_view))


def onion_location(request):
    """The same page on the onion service, or "" when none is configured."""
    address = settings.TIPS_ONION_ADDRESS.strip().rstrip("/")
    if not address:
        return ""
    if "://" not in address:
        address = f"http://{address}"
    return address + request.get_full_path()


class NoReferrerCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF check, for pages that send ``Referrer-Policy: no-referrer``.

    Under that policy browsers send ``Origin: null`` with the page's form posts, which
    Django refuses as a foreign origin. For those posts only, the browser's own Fetch
    Metadata (``Sec-Fetch-Site: same-origin``, which no page of another site can make
    it send) stands in for the origin; the CSRF token is checked as always.
    """

    def _origin_verified(self, request):
        if request.META.get("HTTP_ORIGIN") == "null":
            return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"
        return super()._origin_verified(request)


csrf_protect_without_referrer = decorator_from_middleware(NoReferrerCsrfMiddleware)
