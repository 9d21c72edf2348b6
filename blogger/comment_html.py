"""Blogger's comment HTML → the text a comment stores as its body.

A comment's body is what a reader would have typed into our form: plain text whose
newlines are its line breaks, with a few tags (b, i, em, strong, blockquote, a href) and
HTML's own escapes, which comments.sanitize.render_comment reads as HTML. Blogger
stored the HTML it rendered instead: <br /> for each newline, <p> for paragraphs, and
what readers typed as text escaped (&lt;script&gt;). So tags become newlines or stay
among the few, and text stays escaped: what a reader saw as "<script>" is still text
after render_comment, never a tag. render_comment remains the one sanitiser.
"""

import html

from .html_tree import CONTROLS, parse

KEPT = {"b", "blockquote", "em", "i", "strong"}  # and <a href>, written on its own
# Blocks whose ends are line ends; a paragraph's ends are blank lines.
LINES = {
    "dd", "div", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "pre", "table", "tr",
    "ul",
}  # fmt: skip
PARAGRAPHS = {"p"}
NOT_CONTENT = {"head", "noscript", "script", "style", "template", "title"}
# No reader typed a control character; and in HTML a newline is a space: Blogger wrote
# its line breaks as <br />.
_TEXT = {**CONTROLS, **str.maketrans("\n\r\t", "   ")}


def comment_source(blogger_html: str) -> str:
    """Blogger's HTML for a comment → the body render_comment will render.

    Raises html_tree.UnreadableHTML (a ValueError) for HTML the parser cannot read whole.
    """
    if "<" not in blogger_html and "&" not in blogger_html:
        # Most comments are a line or two of plain text: no parse needed.
        return blogger_html.translate(_TEXT).strip()
    out: list[str] = []
    _write(parse(blogger_html), out, with_tag=False)
    source = "".join(out).strip()
    while "\n\n\n" in source:  # a blank line is a paragraph break; more say no more
        source = source.replace("\n\n\n", "\n\n")
    return source


def _write(element, out: list[str], with_tag: bool = True) -> None:
    tag = element.tag
    if not isinstance(tag, str) or tag in NOT_CONTENT:  # comments, processing instructions
        _write_text(element.tail, out)
        return
    opening, closing = _tags_for(element) if with_tag else ("", "")
    out.append(opening)
    _write_text(element.text, out)
    for child in element:
        _write(child, out)
    out.append(closing)
    _write_text(element.tail, out)


def _tags_for(element) -> tuple[str, str]:
    tag = element.tag
    if tag == "br":
        return "\n", ""
    if tag in PARAGRAPHS:
        return "\n\n", "\n\n"
    if tag in LINES:
        return "\n", "\n"
    if tag in KEPT:
        return f"<{tag}>", f"</{tag}>"
    href = element.get("href") if tag == "a" else None
    if href:
        return f'<a href="{html.escape(href.translate(CONTROLS).strip())}">', "</a>"
    return "", ""  # any other tag: its text only, as render_comment would keep it


def _write_text(text: str | None, out: list[str]) -> None:
    if text:
        out.append(html.escape(text.translate(_TEXT), quote=False))
