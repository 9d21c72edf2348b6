"""Fetching an image from Blogger's hosts: bounded in time and size, and from nowhere else.

The addresses come from an export file, which the import does not trust: a fetch goes
only to Blogger's image hosts, follows redirects only to them, and stops at a size cap
and a deadline, so that no address in a post can point the server at another machine
(a service on the local network, say) or keep it waiting.
"""

import http.client
import ssl
import time
from urllib.parse import urljoin, urlsplit

from .image_addresses import is_blogger_image_address

MAX_BYTES = 25 * 1024 * 1024  # far above any photo Blogger served at 1600 pixels
TIMEOUT = 20  # seconds to connect, and for each read
DEADLINE = 120  # seconds for the whole of one image, however slowly it trickles
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


class ImageUnavailable(Exception):
    """The image cannot be had; ``reason`` says why, for the import's report."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def connect_directly(scheme: str, host: str, port: int | None, timeout: float):
    if scheme == "https":
        context = ssl.create_default_context()
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    return http.client.HTTPConnection(host, port, timeout=timeout)


class HTTPFetch:
    """``fetch(address) -> bytes`` over HTTP(S). ``connect(scheme, host, port, timeout)``
    opens the connection; tests pass one that reaches a local server instead."""

    def __init__(self, *, timeout=TIMEOUT, deadline=DEADLINE, max_bytes=MAX_BYTES, connect=None):
        self.timeout, self.deadline, self.max_bytes = timeout, deadline, max_bytes
        self.connect = connect or connect_directly

    def __call__(self, address: str) -> bytes:
        give_up_at = time.monotonic() + self.deadline
        for _ in range(MAX_REDIRECTS + 1):
            if not is_blogger_image_address(address):
                raise ImageUnavailable(f"{address} is not on Blogger's image hosts")
            try:
                location, body = self._get(address, give_up_at)
            except (OSError, http.client.HTTPException) as error:
                reason = str(error) or type(error).__name__
                raise ImageUnavailable(f"could not be fetched ({reason})") from None
            if location is None:
                return body
            address = urljoin(address, location)
        raise ImageUnavailable(f"more than {MAX_REDIRECTS} redirects")

    def _get(self, address: str, give_up_at: float) -> tuple[str | None, bytes]:
        """(where it redirects to, None) or (None, the body)."""
        parts = urlsplit(address)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        connection = self.connect(parts.scheme, parts.hostname, parts.port, self.timeout)
        try:
            connection.request(
                "GET",
                target,
                headers={"Host": parts.netloc, "Accept": "image/*", "User-Agent": "borderblog"},
            )
            response = connection.getresponse()
            if response.status in REDIRECTS and response.getheader("Location"):
                return response.getheader("Location"), b""
            if response.status != 200:
                raise ImageUnavailable(f"HTTP {response.status} {response.reason}".strip())
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise ImageUnavailable(f"over {self.max_bytes} bytes")
            return None, self._read(response, give_up_at)
        finally:
            connection.close()

    def _read(self, response, give_up_at: float) -> bytes:
        chunks, size = [], 0
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise ImageUnavailable(f"over {self.max_bytes} bytes")
            if time.monotonic() > give_up_at:
                raise ImageUnavailable(f"still arriving after {self.deadline} seconds")
            chunks.append(chunk)
        return b"".join(chunks)
