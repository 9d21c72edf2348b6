"""Turns an author's Markdown into the HTML readers see.

Runs once, on save (see Post.save); templates only ever mark the stored result safe.
Staff are trusted not to attack readers, but a pasted embed or a compromised account
must still not put script on the page, so the output goes through nh3 with an allowlist
of what articles actually use.

Links may go to web addresses, mail addresses and the site's own pages (footnotes too);
an anchor whose address is refused becomes its text (borderblog.links says why).
"""

import html
from urllib.parse import urlsplit

import markdown
import nh3

from borderblog import links

# s and u: struck-through and underlined words in posts imported from Blogger, whose
# editor had buttons for both (a struck line is how a newsroom shows a correction).
ARTICLE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ARTICLE_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ARTICLE_URL_SCHEMES = {"http", "https", "mailto"}


def _is_article_link(address: str) -> bool:
    if links.is_web_url(address):
        return True
    if not links.reads_the_same_everywhere(address):
        return False
    try:
        scheme = urlsplit(address).scheme
    except ValueError:
        return False
    if scheme:
        return scheme == "mailto"
    # Relative to this site; "//host" is another site.
    return not address.startswith("//")


def _article_links_only(tag, attribute, value):
    """nh3's attribute_filter: refuse an href that is none of the links articles use."""
    if tag == "a" and attribute == "href" and not _is_article_link(value):
        return None
    return value


def render_article(source: str, body_format: str = "markdown") -> str:
    """An author's Markdown (or a body imported as HTML) → sanitised HTML for a post."""
    if body_format == "html":
        html = source
    else:
        html = markdown.markdown(source, extensions=["extra", "sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes=ARTICLE_ATTRIBUTES,
        url_schemes=ARTICLE_URL_SCHEMES,
        attribute_filter=_article_links_only,
        link_rel="noopener",
    )
    return links.unwrap_anchors_without_href(cleaned)


def excerpt_of(body_html: str, words: int = 60) -> str:
    """Plain-text teaser from the first words of the rendered body."""
    text = html.unescape(nh3.clean(body_html, tags=set()))
    parts = text.split()
    teaser = " ".join(parts[:words])
    return teaser + ("…" if len(parts) > words else "")
