"""The tip line's onion service (TIPS_ONION_ADDRESS): telling its requests apart.

Tor Browser reaches the onion over plain http (the onion address itself authenticates
the site and encrypts the way), and every onion request reaches the app from the local
Tor daemon. Two things follow: the HTTPS redirect must leave onion requests alone, or
Tor Browser is sent to an https onion that does not exist (HttpsRedirectMiddleware);
and the address a request comes from says nothing about who sent it, so limits per
address cannot apply there (tips.limits).

An onion request is told by its Host header, which Django has already checked against
ALLOWED_HOSTS. A visitor on the open web may send that Host too; all it gains is the
onion's treatment: plain http for itself, and limits shared by everyone who claims it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.security import SecurityMiddleware

REDIRECT_MIDDLEWARE = "borderblog.onion.HttpsRedirectMiddleware"


def onion_host() -> str:
    """The onion service's host name, or "" when none is configured."""
    address = settings.TIPS_ONION_ADDRESS.strip()
    if address and "://" not in address:
        address = f"http://{address}"
    return (urlsplit(address).hostname or "") if address else ""


def is_onion(request) -> bool:
    return is_onion_host(request.get_host())


def is_onion_host(host: str) -> bool:
    """Whether ``host`` (a Host header, port and all) names the onion service."""
    onion = onion_host()
    return bool(onion) and host.rsplit(":", 1)[0].lower() == onion


class HttpsRedirectMiddleware(SecurityMiddleware):
    """The redirect to HTTPS that SecurityMiddleware makes under SECURE_SSL_REDIRECT
    (with SECURE_SSL_HOST and SECURE_REDIRECT_EXEMPT), made here under HTTPS_REDIRECT
    instead, for every request but the onion service's. Only the redirect: Django's
    SecurityMiddleware stays in MIDDLEWARE for the headers, and its checks with it."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.redirect = settings.HTTPS_REDIRECT

    def process_request(self, request):
        if self.redirect and not request.is_secure() and is_onion(request):
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        return response
