import re

import pytest

from posts.markup import render_article

# A compromised author account must not be able to link readers to script, nor out of
# the site through an address that only looks relative.
HOSTILE_HREFS = [
    "javascript:alert(1)",
    "java\u200bscript:alert(1)",
    "\u200bjavascript:alert(1)",
    "java\u00adscript:alert(1)",
    "java\u2060script:alert(1)",
    "\ufeffjavascript:alert(1)",
    "java&#8203;script:alert(1)",
    "java&#x09;script:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,x",
    "//evil.example/x",
    "///evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "https:///x",
]


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_a_link_an_author_may_not_make_becomes_its_text(href):
    html = render_article(f'Read <a href="{href}">the <em>file</em></a>.')
    assert html == "<p>Read the <em>file</em>.</p>"


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_no_markdown_link_leaves_an_anchor_without_its_href(href):
    html = render_article(f"[the file](<{href}>) and [ours](https://example.com/)")
    assert "javascript" not in html.lower()
    assert re.findall(r"<a\b[^>]*>", html) == ['<a href="https://example.com/" rel="noopener">']


@pytest.mark.parametrize(
    "href",
    [
        "https://example.com/a?b=1",
        "http://example.com/",
        "mailto:tips@example.com",
        "/label/wikileaks/",
        "/2010/12/wikileaks/",
        "../2010/",
        "#section",
        "?page=2",
    ],
)
def test_links_authors_use_are_kept(href):
    html = render_article(f"[there]({href})")
    assert html == f'<p><a href="{href}" rel="noopener">there</a></p>'


def test_footnote_links_still_work():
    html = render_article("Claim.[^1]\n\n[^1]: Source.")
    assert '<a href="#fn:1" rel="noopener">1</a>' in html
    assert '<a href="#fnref:1" title="Jump back to footnote 1 in the text" rel="noopener">' in html


# Bodies imported as HTML (from Blogger) -------------------------------------------------


def test_an_html_body_is_sanitised_as_it_is_and_never_read_as_markdown():
    html = render_article("<p>*Not* emphasis, [not](a link)</p>", "html")

    assert html == "<p>*Not* emphasis, [not](a link)</p>"


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_a_link_an_imported_body_may_not_make_becomes_its_text(href):
    html = render_article(f'<p>Read <a href="{href}">the <em>file</em></a>.</p>', "html")
    assert html == "<p>Read the <em>file</em>.</p>"


def test_an_imported_script_and_its_words_are_gone():
    html = render_article("<p>Hi<script>alert(document.cookie)</script></p>", "html")

    assert html == "<p>Hi</p>"


def test_an_html_body_keeps_figures_and_struck_and_underlined_words():
    source = (
        '<figure><img src="/media/imported/a.jpg" alt="" width="320">'
        "<figcaption>At the gate</figcaption></figure>"
        "<p>The <s>minister</s> <u>deputy</u> said so.</p>"
    )

    assert render_article(source, "html") == source
