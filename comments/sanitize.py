"""The one place a reader's comment text becomes HTML.

Readers write plain text with line breaks; bare URLs become links and a small allowlist
of tags is kept, as on Blogger. This runs once, when a comment is stored, and the result
is stored beside the source: pages never sanitise.

bleach only finds the URLs (its Linker is good at that). It is unmaintained since June
2026, so it is never the security boundary: nh3 (ammonia) is the final gate and decides
what survives, whatever bleach produced.
"""

import html
import re

import bleach
import nh3

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


def render_comment(source: str) -> str:
    """Plain text (with a few tags) → the HTML stored in Comment.body_html.

    Deterministic: the same source always gives the same HTML.
    """
    # First pass: reduce whatever was typed to the allowlist, so the linker and the
    # paragraph markup only ever see harmless HTML.
    cleaned = nh3.clean(
        source,
        tags=ALLOWED_TAGS - {"p", "br"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
    linked = _LINKER.linkify(_paragraphs(cleaned))
    return nh3.clean(
        linked,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    )


def count_links(stored_html: str) -> int:
    """How many links stored comment HTML carries (anchors are the only tag with href)."""
    return stored_html.count("<a ")


def plain_text(source_html: str) -> str:
    """The text of stored comment HTML, for excerpts and feeds."""
    return html.unescape(nh3.clean(source_html, tags=set())).strip()
