"""Which addresses name an image on Blogger's hosts, and each image's one address.

Blogger named one image many ways: any of the numbered hosts (1.bp … 4.bp.blogspot.com
serve the same files, as lh3 … lh6.googleusercontent.com do), http or https, and a size
in the path (/s320/, /w400-h300/, /s1600-h/) or after "=" (=s320, =w400-h300-no). An
image is fetched at one size and stored once, keyed by one normalised address.
"""

import html
import re
from urllib.parse import quote, unquote, urlsplit

# The size every address is rewritten to: 1600 pixels on the longer side, the
# "original size" Blogger's own editor linked each picture to for most of its life
# (the <a href> around a post's image names s1600). WordPress's blogger-importer asks
# for s1024; s0 (the upload itself, often a 12-megapixel phone photo of several MB)
# would store far more than any reader was shown. Smaller originals come as they are.
LARGEST = "s1600"

# Substrings that every address on those hosts contains: a cheap test before parsing.
_HOST_HINTS = ("bp.blogspot.com", "googleusercontent.com", "blogger.com")
# A size segment: options joined by "-" ("s1600-h", "w640-h480-no"), one a size.
_OPTIONS = re.compile(r"[a-z]+\d*(?:-[a-z]+\d*)*")
_SIZE_OPTION = re.compile(r"[swh]\d+")
# What a browser removes from an address before reading it (WHATWG URL).
_IGNORED = dict.fromkeys(map(ord, "\t\n\r"))
_CONTROLS_AND_SPACE = "".join(map(chr, range(33)))
_SAFE_IN_PATH = "/=-_.~!$&'()*+,;:@"


def probably_names_one(text: str) -> bool:
    """False only if ``text`` (HTML, or an attribute's value) names no Blogger image
    host, however escaped."""
    probe = text.lower()
    if "&" in probe:
        probe = html.unescape(probe)
    if "%" in probe:
        probe = unquote(probe)
    return any(hint in probe for hint in _HOST_HINTS)


def is_image_host(host: str) -> bool:
    """Blogger's image hosts: bp.blogspot.com and its numbered hosts,
    blogger.googleusercontent.com, lh<N>.googleusercontent.com, and the older
    bp<N>.blogger.com and photos<N>.blogger.com that posts before 2008 name."""
    name, _, domain = host.partition(".")
    if host == "bp.blogspot.com" or (domain == "bp.blogspot.com" and name.isdigit()):
        return True
    if domain == "googleusercontent.com":
        return name == "blogger" or _numbered(name, "lh")
    if domain == "blogger.com":
        return _numbered(name, "bp") or _numbered(name, "photos")
    return False


def is_blogger_image_address(value: str) -> bool:
    """True if ``value`` is an http(s) address on one of Blogger's image hosts, read as
    a browser would read it."""
    parts = _split(value)
    return parts is not None and is_image_host(parts[1])


def largest(address: str) -> str:
    """The address to fetch: the image at LARGEST, on the host named, with no query.

    Google serves the current hosts over HTTPS, so http is read as https there; an
    "-h" size (s1600-h) named a page around the image, and asks for the image now.
    """
    scheme, host, path = _parts(address)
    if not host.endswith(".blogger.com"):
        scheme = "https"
    return f"{scheme}://{host}{_at_largest(path)}"


def normalised(address: str) -> str:
    """The one address of the image, whichever of Blogger's names for it was used."""
    _, host, path = _parts(address)
    name, _, domain = host.partition(".")
    if domain == "bp.blogspot.com":
        host = "bp.blogspot.com"
    elif _numbered(name, "lh") and domain == "googleusercontent.com":
        host = "lh3.googleusercontent.com"
    return f"https://{host}{_at_largest(path)}"


def _parts(address: str) -> tuple[str, str, str]:
    parts = _split(address)
    if parts is None or not is_image_host(parts[1]):
        raise ValueError(f"Not an address on Blogger's image hosts: {address!r}")
    return parts


def _split(value: str) -> tuple[str, str, str] | None:
    """(scheme, host, path with its escapes made uniform), or None if not http(s)."""
    value = value.translate(_IGNORED).strip(_CONTROLS_AND_SPACE)
    value = value.replace("\\", "/")  # as browsers read http(s) addresses
    if value.startswith("//"):
        value = "https:" + value
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return None
    host = unquote(host).rstrip(".").lower()
    path = quote(unquote(parts.path), safe=_SAFE_IN_PATH) or "/"
    return parts.scheme.lower(), host, path


def _at_largest(path: str) -> str:
    segments = path.split("/")
    base, equals, options = segments[-1].rpartition("=")
    if equals and _is_size(options):
        segments[-1] = f"{base}={LARGEST}"
    elif len(segments) >= 3 and _is_size(segments[-2]):
        segments[-2] = LARGEST
    elif len(segments) >= 3 and _is_size(segments[-1]):
        segments[-1] = LARGEST
    return "/".join(segments)


def _is_size(segment: str) -> bool:
    return bool(_OPTIONS.fullmatch(segment)) and any(
        _SIZE_OPTION.fullmatch(option) for option in segment.split("-")
    )


def _numbered(name: str, prefix: str) -> bool:
    return name.startswith(prefix) and name[len(prefix) :].isdigit()
