"""A comment's HTML from Blogger becomes the body a reader would have typed here.

Each test follows the round trip a reader's eyes see: Blogger's HTML → comment_source()
→ render_comment() (as Comment.save does) → the HTML on our page.
"""

import pytest

from blogger.comment_html import comment_source
from blogger.html_tree import UnreadableHTML
from comments.sanitize import plain_text, render_comment


def shown(blogger_html):
    return render_comment(comment_source(blogger_html))


def test_a_br_is_a_newline_and_two_are_a_blank_line():
    assert comment_source("Thanks.<br />Keep going.<br /><br />— Ana") == (
        "Thanks.\nKeep going.\n\n— Ana"
    )


def test_line_breaks_and_paragraphs_reach_the_page_as_they_were():
    assert shown("Thanks.<br />Keep going.<br /><br />— Ana") == (
        "<p>Thanks.<br>Keep going.</p><p>— Ana</p>"
    )


def test_paragraphs_become_blank_lines_between_them():
    assert comment_source("<p>One.</p><p>Two.<br>Three.</p>") == "One.\n\nTwo.\nThree."


def test_a_newline_in_blogger_html_is_a_space_as_it_was_there():
    assert comment_source("Thanks\nfor this.") == "Thanks for this."
    assert comment_source("<b>Thanks</b>\nfor this.") == "<b>Thanks</b> for this."


def test_an_escaped_tag_stays_text_readers_see():
    source = comment_source("Never type &lt;script&gt;alert(1)&lt;/script&gt; here.")

    html = render_comment(source)

    assert "<script>" not in html
    assert html == "<p>Never type &lt;script&gt;alert(1)&lt;/script&gt; here.</p>"
    assert plain_text(html) == "Never type <script>alert(1)</script> here."


def test_ampersands_and_angle_brackets_in_text_survive_the_round_trip():
    html = shown("Tom &amp; Jerry: 3 &lt; 5 &gt; 2")

    assert plain_text(html) == "Tom & Jerry: 3 < 5 > 2"


def test_a_real_script_tag_and_its_words_are_dropped():
    assert shown("Hi<script>alert(1)</script><style>p{}</style> there") == "<p>Hi there</p>"


def test_the_few_tags_comments_keep_are_kept():
    source = comment_source("<b>b</b> <i>i</i> <em>em</em> <strong>strong</strong>")

    assert source == "<b>b</b> <i>i</i> <em>em</em> <strong>strong</strong>"


def test_a_link_keeps_its_address_and_gets_our_rel():
    html = shown('See <a href="https://example.com/a?x=1&amp;y=2" rel="nofollow">this</a>.')

    assert html == (
        '<p>See <a href="https://example.com/a?x=1&amp;y=2" rel="nofollow ugc noopener">'
        "this</a>.</p>"
    )


@pytest.mark.parametrize(
    "anchor",
    [
        '<a href="javascript:alert(1)">this</a>',
        '<a href="java&#x09;script:alert(1)">this</a>',
        '<a onclick="alert(1)">this</a>',
    ],
)
def test_a_link_comments_may_not_make_becomes_its_text(anchor):
    assert shown(f"See {anchor}.") == "<p>See this.</p>"


def test_a_quote_stays_a_quote():
    assert shown("<blockquote>You said so.</blockquote>I did.") == (
        "<blockquote><p>You said so.</p></blockquote><p>I did.</p>"
    )


def test_other_tags_leave_their_words():
    assert comment_source('<span style="color:red">red</span> <u>under</u>') == "red under"


def test_plain_text_is_left_as_it_is():
    assert comment_source("  Just words, thanks.  ") == "Just words, thanks."


def test_control_characters_are_dropped_not_an_error():
    assert comment_source("a&#1;b\x02c<b>d</b>") == "abc<b>d</b>"


def test_html_nested_deeper_than_the_parser_reads_is_a_clear_error_not_a_cut_comment():
    with pytest.raises(UnreadableHTML, match="nested more than 256 elements deep"):
        comment_source("<b>" * 300 + "words" + "</b>" * 300 + "the end")
