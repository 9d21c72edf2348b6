"""The one place a reader's comment text becomes HTML.

Readers write plain text with line breaks; bare URLs become links and a small allowlist
of tags is kept, as on Blogger. This runs once, when a comment is stored, and the result
is stored beside the source: pages never sanitise.

bleach only finds the URLs (its Linker is good at that). It is unmaintained since June
2026, so it is never the security boundary: nh3 (ammonia) is the final gate and decides
what survives, whatever bleach produced.

A reader's link must go to an absolute web address (borderblog.links says what a browser
could read otherwise); an anchor whose address is refused becomes its text.
"""

import html
import re

import bleach
import nh3

from borderblog import links

ALLOWED_TAGS = {"a", "b", "blockquote", "br", "em", "i", "p", "strong"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https"}
LINK_REL = "nofollow ugc noopener"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINKER = bleach.linkifier.Linker(
    callbacks=[],  # rel is set by nh3 below, for every link, whoever wrote it
    skip_tags={"a"},
    parse_email=False,
)


_QUOTE_TAG = re.compile(r"\s*(</?blockquote>)\s*")


def _paragraphs(text: str) -> str:
    """Blank lines make paragraphs, single newlines make <br>; quotes stay blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _QUOTE_TAG.sub(r"\n\n\1\n\n", text)
    out = []
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        block = block.strip()
        if block in {"<blockquote>", "</blockquote>"}:
            out.append(block)
        elif block:
            out.append("<p>" + block.replace("\n", "<br>") + "</p>")
    return "".join(out)


def _web_addresses_only(tag, attribute, value):
    """nh3's attribute_filter: no relative, protocol-relative or disguised href."""
    if tag == "a" and attribute == "href" and not links.is_web_url(value):
        return None
    return value


def _clean(text: str, tags: set[str], link_rel: str | None) -> str:
    cleaned = nh3.clean(
        text,
        tags=tags,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_web_addresses_only,
        link_rel=link_rel,
    )
    return links.unwrap_anchors_without_href(cleaned)


def render_comment(source: str) -> str:
    """Plain text (with a few tags) → the HTML stored in Comment.body_html.

    Deterministic: the same source always gives the same HTML.
    """
    # First pass: reduce whatever was typed to the allowlist, so the linker and the
    # paragraph markup only ever see harmless HTML; the text of a refused link is then
    # linked like any bare URL it may be.
    cleaned = _clean(source, ALLOWED_TAGS - {"p", "br"}, link_rel=None)
    linked = _LINKER.linkify(_paragraphs(cleaned))
    return _clean(linked, ALLOWED_TAGS, link_rel=LINK_REL)


def keeps_refused_links(stored_html: str) -> bool:
    """True if stored HTML has an anchor render_comment no longer keeps: one without an
    href, or whose href is no absolute web address (stored before that rule)."""
    return any(
        href is None or not links.is_web_url(href) for href in links.anchor_hrefs(stored_html)
    )


def count_links(stored_html: str) -> int:
    """How many links stored comment HTML carries (anchors are the only tag with href)."""
    return stored_html.count("<a ")


def plain_text(source_html: str) -> str:
    """The text of stored comment HTML, for excerpts and feeds."""
    return html.unescape(nh3.clean(source_html, tags=set())).strip()
