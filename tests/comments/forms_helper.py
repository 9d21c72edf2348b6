"""Posting comments as a browser does: from the form the post page rendered.

The comment form carries a signed timestamp (and a honeypot a browser leaves empty), so
a test that posts only the visible fields would be refused like a forged form. These
helpers read the hidden fields from the real page, then post them with the reader's
input.
"""

import re

HIDDEN_INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')


def rendered_form_fields(page_html: str, form_id: str = "comment-form") -> dict[str, str]:
    """The hidden fields of the form ``form_id`` in ``page_html``, as a browser sends them."""
    start = page_html.index(f'id="{form_id}"')
    form = page_html[start : page_html.index("</form>", start)]
    fields = {}
    for tag in HIDDEN_INPUT.findall(form):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = attributes.get("value", "")
    return fields


def comment_form_data(client, post, /, headers=None, **data) -> dict[str, str]:
    """Load the post page; what its comment form sends when the reader types ``data``."""
    page = client.get(post.get_absolute_url(), **(headers or {})).content.decode()
    return {"author_name": "", "body": "", **rendered_form_fields(page), **data}


def send_comment(client, post, /, headers=None, **data):
    """Load the post page, fill in its comment form with ``data`` and send it."""
    form = comment_form_data(client, post, headers, **data)
    return client.post(post.get_absolute_url(), form, **(headers or {}))
