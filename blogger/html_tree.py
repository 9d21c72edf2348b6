"""Blogger's HTML as an lxml tree, for the modules that rework it.

post_html, comment_html and images all parse a fragment the same way: inside a <body>
(so that leading text is not wrapped in a <p>, as libxml2 does for a bare fragment),
without the C0 control characters lxml refuses, and never silently cut short: libxml2
stops reading at 256 levels of nesting or 10 MB of text in one place and keeps only
what it read, so that is an error here, not a post with its end missing.
"""

from lxml import etree

# lxml refuses strings holding these; a character reference (&#1;) can put them in text.
CONTROLS = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


class UnreadableHTML(ValueError):
    """The HTML cannot be read whole; the message says why, for the import's report."""


def parse(html: str):
    """The <body> element holding the fragment ``html``."""
    parser = etree.HTMLParser()
    root = etree.fromstring(f"<body>{html.translate(CONTROLS)}</body>", parser)
    for error in parser.error_log:
        if error.level == etree.ErrorLevels.FATAL:
            raise UnreadableHTML(_reason(error.message))
    body = root.find("body")
    # A stray </body> in the fragment ends the body early: what follows is still its text.
    for stray in list(body.itersiblings()):
        body.append(stray)
    if body.tail:
        append_text(body, body.tail)
        body.tail = None
    return body


def content_markup(body) -> str:
    """The HTML inside ``body``, as parse() was given it (reworked, perhaps)."""
    markup = etree.tostring(body, encoding="unicode", method="html", with_tail=False)
    return markup.removeprefix("<body>").removesuffix("</body>")


def take_content(element) -> list:
    """The element's text and children, in order, as strings and tail-less elements;
    the element is left empty."""
    items = [element.text] if element.text else []
    for child in list(element):
        tail, child.tail = child.tail, None
        element.remove(child)
        items.append(child)
        if tail:
            items.append(tail)
    element.text = None
    return items


def set_content(element, items) -> None:
    """Append ``items`` (strings and elements, as take_content() gives them)."""
    for item in items:
        if isinstance(item, str):
            append_text(element, item)
        else:
            element.append(item)


def move_content(source, destination) -> None:
    """Move everything ``source`` holds to the end of ``destination``."""
    set_content(destination, take_content(source))


def append_text(element, text: str) -> None:
    """Add ``text`` at the end of the element's content."""
    if len(element):
        last = element[-1]
        last.tail = without_controls((last.tail or "") + text)
    else:
        element.text = without_controls((element.text or "") + text)


def append_after(parent, previous, text: str) -> None:
    """Add ``text`` after ``previous`` (or at the start of ``parent`` if None)."""
    if previous is not None:
        previous.tail = without_controls((previous.tail or "") + text)
    else:
        parent.text = without_controls((parent.text or "") + text)


def remove(element) -> None:
    """Remove the element and what it holds, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail, element.tail = element.tail, None
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        append_after(parent, previous, tail)


def without_controls(text: str | None) -> str | None:
    return None if text is None else text.translate(CONTROLS)


def _reason(message: str) -> str:
    if "depth" in message.lower():
        return "its HTML is nested more than 256 elements deep"
    if "limit" in message.lower():
        return "its HTML holds more text in one place than can be read (10 MB)"
    return f"its HTML cannot be read ({message.strip()})"
