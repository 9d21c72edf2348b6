"""Recognising a submitter without knowing who they are.

A reader's address is turned into an HMAC under a server secret and the current rotation
period, and only that digest is ever stored. The same reader gets the same digest within
a period (enough for rate limits, bans and "your own pending comment"), a different one in
the next period, and nobody can go back from the digest to the address.
"""

import hashlib
import hmac
import time

from django.conf import settings


def client_address(request) -> str:
    """The reader's address as seen past the proxies we trust (TRUSTED_PROXY_COUNT)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rotation_period(at: float | None = None) -> int:
    seconds = settings.SUBMITTER_HASH_ROTATION_DAYS * 86400
    return int((time.time() if at is None else at) // seconds)


def submitter_hash(request, at: float | None = None) -> str:
    """Keyed, rotating digest of the request's client address (64 hex characters)."""
    key = f"{settings.SUBMITTER_HASH_SECRET}:submitter:{rotation_period(at)}".encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()
