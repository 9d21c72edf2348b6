"""Turns an author's Markdown into the HTML readers see.

Runs once, on save (see Post.save); templates only ever mark the stored result safe.
Staff are trusted not to attack readers, but a pasted embed or a compromised account
must still not put script on the page, so the output goes through nh3 with an allowlist
of what articles actually use.
"""

import html

import markdown
import nh3

ARTICLE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ARTICLE_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ARTICLE_URL_SCHEMES = {"http", "https", "mailto"}


def render_article(source: str) -> str:
    """Markdown source → sanitised HTML for a post body."""
    html = markdown.markdown(source, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes=ARTICLE_ATTRIBUTES,
        url_schemes=ARTICLE_URL_SCHEMES,
        link_rel="noopener",
    )


def excerpt_of(source: str, words: int = 60) -> str:
    """Plain-text teaser from the first words of the rendered body."""
    text = html.unescape(nh3.clean(render_article(source), tags=set()))
    parts = text.split()
    teaser = " ".join(parts[:words])
    return teaser + ("…" if len(parts) > words else "")
