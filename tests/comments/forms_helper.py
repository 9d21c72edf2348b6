"""Posting comments as a browser does: from the form the post page rendered.

The comment form carries a signed timestamp (and a honeypot a browser leaves empty), so
a test that posts only the visible fields would be refused like a forged form. These
helpers read the hidden fields from the real page, then post them with the reader's
input.
"""

import re
from html import unescape

HIDDEN_INPUT = re.compile(r"<input\b[^>]*>")
TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.DOTALL)
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')


def _form_html(page_html: str, form_id: str) -> str:
    start = page_html.index(f'id="{form_id}"')
    return page_html[start : page_html.index("</form>", start)]


def rendered_form_fields(page_html: str, form_id: str = "comment-form") -> dict[str, str]:
    """The hidden fields of the form ``form_id`` in ``page_html``, as a browser sends them."""
    fields = {}
    for tag in HIDDEN_INPUT.findall(_form_html(page_html, form_id)):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = attributes.get("value", "")
    return fields


def filled_form_fields(page_html: str, form_id: str = "comment-form") -> dict[str, str]:
    """Every field of the form ``form_id`` as ``page_html`` fills it in (hidden and text
    inputs, textareas): what a browser sends when the reader just presses Send again."""
    form = _form_html(page_html, form_id)
    fields = {}
    for tag in HIDDEN_INPUT.findall(form):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("type") in ("hidden", "text") and "name" in attributes:
            fields[attributes["name"]] = unescape(attributes.get("value", ""))
    for attributes, text in TEXTAREA.findall(form):
        name = dict(ATTRIBUTE.findall(attributes)).get("name")
        if name:
            # A browser drops the line break that follows the opening tag.
            fields[name] = unescape(re.sub(r"^\r?\n", "", text))
    return fields


def comment_form_data(client, post, /, headers=None, **data) -> dict[str, str]:
    """Load the post page; what its comment form sends when the reader types ``data``."""
    page = client.get(post.get_absolute_url(), **(headers or {})).content.decode()
    return {"author_name": "", "body": "", **rendered_form_fields(page), **data}


def send_comment(client, post, /, headers=None, **data):
    """Load the post page, fill in its comment form with ``data`` and send it."""
    form = comment_form_data(client, post, headers, **data)
    return client.post(post.get_absolute_url(), form, **(headers or {}))
