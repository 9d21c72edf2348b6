import pytest

from comments.sanitize import render_comment


def test_line_breaks_become_paragraphs_and_breaks():
    assert render_comment("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>"


def test_bare_urls_become_links_with_ugc_rel():
    html = render_comment("see https://example.com/report?a=1&b=2 now")
    assert '<a href="https://example.com/report?a=1&amp;b=2" rel="nofollow ugc noopener">' in html


def test_typed_links_get_the_same_rel():
    html = render_comment('<a href="https://example.com">ok</a>')
    assert html == '<p><a href="https://example.com" rel="nofollow ugc noopener">ok</a></p>'


@pytest.mark.parametrize("tag", ["b", "i", "em", "strong"])
def test_allowlisted_inline_tags_survive(tag):
    assert render_comment(f"<{tag}>word</{tag}>") == f"<p><{tag}>word</{tag}></p>"


def test_blockquote_keeps_its_paragraphs():
    html = render_comment("<blockquote>quoted\n\nmore</blockquote>reply")
    assert html == "<blockquote><p>quoted</p><p>more</p></blockquote><p>reply</p>"


FORBIDDEN = [
    "<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<img", "<svg",
    "<style", "style=", "data:", "<h1", "</div", "</section",
]  # fmt: skip


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<a href="https://ok.example" onclick="alert(1)">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
        '<svg onload="alert(1)">',
        "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
        '<b style="background:url(https://tracker.example/x.png)">x</b>',
        "</p></div></section><h1>broken</h1>",
    ],
)
def test_nothing_a_reader_writes_can_run_script_load_a_resource_or_break_the_page(attack):
    html = render_comment(attack).lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in html


def test_text_that_looks_like_markup_is_escaped_not_dropped():
    assert render_comment("a < b > c & d") == "<p>a &lt; b &gt; c &amp; d</p>"


@pytest.mark.parametrize(
    "source",
    ["plain", "x\r\ny", "https://a.example <b>b</b>", "<blockquote>q</blockquote>", "@ 3:40\n\nok"],
)
def test_the_same_text_rendered_twice_gives_the_same_html(source):
    assert render_comment(source) == render_comment(source)
