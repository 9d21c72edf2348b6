"""Blogger's post HTML → the HTML an imported post keeps as its body (format "html").

Blogger's editors wrote layout as much as content: a ``<div>`` per line with
``<div><br /></div>`` for a blank one, bare text broken by ``<br />``, bold as a styled
``<span>``, images in "separator" divs or in a table that holds their caption. The
article allowlist (posts.markup) has no div, span or table layout, so left as it is a
post would run into one block once those are dropped. This rebuilds the structure as
readers saw it, in what the allowlist keeps: paragraphs, line breaks, headings, lists,
quotes, tables and figures. It is not a sanitiser: render_article is, and nothing here
is trusted to remove anything hostile.
"""

from lxml import etree

from .html_tree import move_content, parse, remove, set_content, take_content, without_controls

# The page's title is its one <h1>; the allowlist's headings are h2 to h4.
RENAMED = {
    "h1": "h2", "h5": "h4", "h6": "h4", "strike": "s", "del": "s", "ins": "u", "tt": "code",
}  # fmt: skip
# Kept as blocks, each with its own content handled in _inside().
BLOCKS = {
    "blockquote", "figcaption", "figure", "h2", "h3", "h4", "hr", "ol", "pre", "table", "ul",
}  # fmt: skip
_ENDS_A_LINE = BLOCKS | {"br"}
# Blocks with no meaning of their own: where one begins or ends, a line does.
# (The allowlist has no definition lists either: each term and definition is a line.)
WRAPPERS = {
    "address", "article", "aside", "center", "dd", "div", "dl", "dt", "footer", "header",
    "main", "nav", "section",
}  # fmt: skip
# Inline tags that carry nothing once sanitised: they never stop a paragraph forming.
PLAIN_INLINE = {"font", "span"}
# Not content: dropped here so that they leave no empty paragraph behind. (render_article
# removes script and style in any case.)
NOT_CONTENT = {"head", "link", "meta", "noscript", "script", "style", "template", "title"}
# A styled span as the tag that says the same thing.
STYLES = [
    ("font-weight", {"bold", "bolder", "600", "700", "800", "900"}, "strong"),
    ("font-style", {"italic", "oblique"}, "em"),
    ("text-decoration", {"line-through"}, "s"),
    ("text-decoration", {"underline"}, "u"),
]
# Where a <div> ends, a line does; where a <p> (or an image's separator) ends, a paragraph.
_LINE, _PARAGRAPH = object(), object()


def article_source(blogger_html: str) -> str:
    """Blogger's HTML for a post → the body we store for it, to go through render_article.

    Raises html_tree.UnreadableHTML (a ValueError) for HTML the parser cannot read whole.
    """
    if not blogger_html or blogger_html.isspace():
        return ""
    body = parse(blogger_html)
    for element in list(body.iter()):
        _rewrite_element(element)
    return "\n".join(_serialise(block) for block in _reflow(take_content(body)))


def _rewrite_element(element) -> None:
    tag = element.tag
    if not isinstance(tag, str) or tag in NOT_CONTENT:  # comments, processing instructions
        remove(element)
    elif tag in RENAMED:
        element.tag = RENAMED[tag]
    elif tag == "span" and element.get("style"):
        _span_as_tags(element)
    elif tag == "table" and "tr-caption-container" in _classes(element):
        _caption_table_as_figure(element)
    elif tag == "iframe":
        _embed_as_link(element)


def _span_as_tags(span) -> None:
    """<span style="font-weight: bold"> → <strong>, and so on for italic, struck, underlined."""
    declarations = {}
    for declaration in span.get("style", "").split(";"):
        name, _, value = declaration.partition(":")
        declarations.setdefault(name.strip().lower(), set()).update(value.lower().split())
    tags = [tag for name, values, tag in STYLES if declarations.get(name, set()) & values]
    if not tags:
        return
    span.tag = tags[0]
    for tag in tags[1:]:
        inner = etree.Element(tag)
        move_content(span, inner)
        span.append(inner)


def _caption_table_as_figure(table) -> None:
    """Blogger's caption table (the image in one cell, td.tr-caption in another) → a figure."""
    figure = etree.Element("figure")
    for cell in _own_cells(table):
        if "tr-caption" in _classes(cell):
            caption = etree.SubElement(figure, "figcaption")
            move_content(cell, caption)
        else:
            move_content(cell, figure)
    figure.tail = without_controls(table.tail)
    table.getparent().replace(table, figure)


def _embed_as_link(iframe) -> None:
    """An embedded video or map cannot stay (no iframes): a link to it takes its place."""
    address = without_controls(iframe.get("src") or "").strip()
    if address.startswith("//"):
        address = "https:" + address
    if not address.startswith(("https://", "http://")):
        remove(iframe)
        return
    # In a separator, as Blogger's editor placed images: a paragraph of its own.
    holder = etree.Element("div", {"class": "separator"})
    link = etree.SubElement(holder, "a", {"href": address})
    link.text = address
    holder.tail = without_controls(iframe.tail)
    iframe.getparent().replace(iframe, holder)


# Paragraphs ---------------------------------------------------------------------------


def _reflow(items) -> list:
    """Flow content → blocks: runs of inline content become paragraphs, a double line
    break or a paragraph's end closes one, and wrappers only break lines."""
    blocks, run = [], []

    def end_paragraph():
        paragraph = _paragraph(run)
        run.clear()
        if paragraph is not None:
            blocks.append(paragraph)

    for token in _tokens(items):
        if token is _PARAGRAPH:
            end_paragraph()
        elif token is _LINE:
            if _line_has_content(run):
                run.append(etree.Element("br"))
        elif isinstance(token, str) or token.tag not in _ENDS_A_LINE:
            run.append(token)
        elif token.tag == "br":
            if _last_is_break(run):  # <br><br>: the blank line between two paragraphs
                end_paragraph()
            else:
                run.append(token)
        else:
            end_paragraph()
            _inside(token)
            blocks.append(token)
    end_paragraph()
    return blocks


def _tokens(items):
    """The items with wrappers opened: their content, between line or paragraph marks."""
    for item in items:
        if isinstance(item, str) or not _is_opened(item):
            yield item
        elif item.tag in WRAPPERS or item.tag == "p":
            separate = item.tag == "p" or "separator" in _classes(item)
            mark = _PARAGRAPH if separate else _LINE
            yield mark
            yield from _tokens(take_content(item))
            yield mark
        else:  # an inline element opened: its content, still inline
            yield from _tokens(take_content(item))


def _is_opened(element) -> bool:
    tag = element.tag
    if tag in WRAPPERS or tag == "p":
        return True
    if tag in BLOCKS or tag == "br":
        return False
    # An inline element around blocks (<span><div>…</div></span>) cannot hold them in a
    # paragraph; a plain span around line breaks would keep the paragraphs from forming.
    inside = BLOCKS | WRAPPERS | {"p"} | ({"br"} if tag in PLAIN_INLINE else set())
    return any(True for _ in element.iter(*inside))


def _inside(block) -> None:
    tag = block.tag
    if tag == "blockquote":
        set_content(block, _reflow(take_content(block)))
    elif tag in {"ol", "ul"}:
        for item in block.findall("li"):
            _inline(item)
    elif tag == "table":
        for cell in _own_cells(block):
            _inline(cell)
    elif tag in {"figure", "figcaption", "h2", "h3", "h4"}:
        _inline(block)
    # pre keeps its whitespace as it is; hr has nothing inside.


def _inline(element) -> None:
    """Content that stays on lines of its own (a list item, a cell, a caption): wrappers
    and paragraphs inside it become line breaks."""
    items = []
    for token in _tokens(take_content(element)):
        if token is _LINE or token is _PARAGRAPH:
            if _line_has_content(items):
                items.append(etree.Element("br"))
        else:
            if not isinstance(token, str) and token.tag in BLOCKS:
                _inside(token)
            items.append(token)
    set_content(element, _trimmed(items))


def _paragraph(run):
    items = _trimmed(run)
    if not any(_is_visible(item) for item in items):
        return None
    paragraph = etree.Element("p")
    set_content(paragraph, items)
    return paragraph


def _trimmed(items) -> list:
    """Without the line breaks and white space at either end."""
    start, end = 0, len(items)
    while start < end and _is_blank(items[start]):
        start += 1
    while end > start and _is_blank(items[end - 1]):
        end -= 1
    items = items[start:end]
    if items and isinstance(items[0], str):
        items[0] = items[0].lstrip()
    if items and isinstance(items[-1], str):
        items[-1] = items[-1].rstrip()
    return items


def _is_blank(item) -> bool:
    if isinstance(item, str):
        return not item or item.isspace()
    return item.tag == "br"


def _last_is_break(items) -> bool:
    for item in reversed(items):
        if not isinstance(item, str):
            return item.tag == "br"
        if item and not item.isspace():
            return False
    return False


def _line_has_content(items) -> bool:
    """True if the line being written holds something: a wrapper's end breaks it."""
    for item in reversed(items):
        if not isinstance(item, str):
            return item.tag not in _ENDS_A_LINE
        if item and not item.isspace():
            return True
    return False


def _is_visible(item) -> bool:
    if isinstance(item, str):
        return bool(item) and not item.isspace()
    if item.tag in {"img", "hr"} or next(item.iter("img"), None) is not None:
        return True
    return any(text and not text.isspace() for text in item.itertext())


def _own_cells(table) -> list:
    """The table's cells, not those of a table inside one: each table handles its own."""
    rows = [part for part in table if part.tag == "tr"]
    for section in table:
        if section.tag in {"tbody", "tfoot", "thead"}:
            rows.extend(row for row in section if row.tag == "tr")
    return [cell for row in rows for cell in row if cell.tag in {"td", "th"}]


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


def _serialise(block) -> str:
    return etree.tostring(block, encoding="unicode", method="html", with_tail=False)
