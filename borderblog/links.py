"""Links in sanitised HTML: which addresses read the same to us and to a browser, and
how an anchor whose address was refused becomes plain text.

Posts and comments each decide which addresses they allow (readers only absolute web
addresses; authors also mailto: and the site's own pages), but both refuse an address
that a browser may read differently from urllib: browsers strip or ignore some
characters (tabs, newlines, leading controls and spaces, and in places invisible
format characters such as U+200B), so ``java\\u200bscript:`` parses as a relative path
here and may not there. The class of bug bleach 6.4.0 fixed (GHSA-8rfp-98v4-mmr6).

nh3 drops a refused href but keeps the ``<a>``, which is invalid HTML and no link;
``unwrap_anchors_without_href`` then keeps only its content. It reads nh3's own output,
which is well-formed and predictable: attribute values are always double-quoted with
``"``, ``<`` and ``>`` escaped, so a tag ends at the first ``>``.
"""

import html
import re
import unicodedata
from urllib.parse import urlsplit

WEB_SCHEMES = {"http", "https"}

_ANCHOR_TAG = re.compile(r'<(/?)a((?:\s+[^\s"=<>/]+="[^"]*")*)\s*>')
_ATTRIBUTE = re.compile(r'([^\s"=<>/]+)="([^"]*)"')


def _reads_the_same(char: str) -> bool:
    if char.isascii():
        # Backslash is a slash to browsers in http(s) addresses, not to urllib.
        return "!" <= char <= "~" and char != "\\"
    # Letters, marks, numbers, punctuation and symbols, as in IRIs; never separators,
    # controls or format characters, which a browser may drop or read differently.
    return unicodedata.category(char)[0] in "LMNPS"


def reads_the_same_everywhere(address: str) -> bool:
    """True if every character of ``address`` is one a browser keeps as it is."""
    return all(_reads_the_same(char) for char in address)


def is_web_url(address: str) -> bool:
    """An absolute http(s) address with a host, and nothing a browser reads otherwise."""
    if not reads_the_same_everywhere(address):
        return False
    try:
        parts = urlsplit(address)
    except ValueError:  # e.g. an unclosed [IPv6 host
        return False
    return parts.scheme in WEB_SCHEMES and bool(parts.hostname)


def _href_of(attributes: str) -> str | None:
    href = dict(_ATTRIBUTE.findall(attributes)).get("href")
    return None if href is None else html.unescape(href)


def anchor_hrefs(sanitised_html: str) -> list[str | None]:
    """The address of each anchor in nh3's output, in order; None where it has none."""
    return [_href_of(tag[2]) for tag in _ANCHOR_TAG.finditer(sanitised_html) if not tag[1]]


def unwrap_anchors_without_href(sanitised_html: str) -> str:
    """nh3's output with every ``<a>`` that lost its href replaced by its content."""
    kept = []  # for each open anchor, whether its tags stay

    def keep_or_drop(tag):
        if tag[1]:
            return tag[0] if (kept.pop() if kept else True) else ""
        kept.append(_href_of(tag[2]) is not None)
        return tag[0] if kept[-1] else ""

    return _ANCHOR_TAG.sub(keep_or_drop, sanitised_html)
