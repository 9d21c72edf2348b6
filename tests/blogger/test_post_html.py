"""A post's HTML from Blogger reads as it did there once render_article has sanitised it.

Each test gives the HTML Blogger's editors wrote and checks what a reader is shown:
article_source() followed by render_article(..., "html"), as Post.save does it.
"""

import pytest

from blogger.html_tree import UnreadableHTML
from blogger.post_html import article_source
from posts.markup import render_article

IMAGE = "https://blogger.googleusercontent.com/img/b/R29v/s320/crossing.jpg"
FULL_SIZE = "https://blogger.googleusercontent.com/img/b/R29v/s1600/crossing.jpg"


def shown(blogger_html):
    """What readers get from the body a post imported from Blogger stores."""
    return render_article(article_source(blogger_html), "html")


def lines(html):
    return html.split("\n")


def caption_table(caption):
    return (
        '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" '
        'style="margin-left: auto; margin-right: auto;"><tbody>'
        f'<tr><td style="text-align: center;"><a href="{FULL_SIZE}" style="margin-left: auto;">'
        f'<img border="0" height="240" src="{IMAGE}" width="320" /></a></td></tr>'
        f'<tr><td class="tr-caption" style="text-align: center;">{caption}</td></tr>'
        "</tbody></table>"
    )


def test_a_caption_table_becomes_a_figure_with_its_caption():
    html = shown(caption_table("The crossing at <b>dawn</b>") + "The line was long.")

    assert lines(html) == [
        f'<figure><a href="{FULL_SIZE}" rel="noopener">'
        f'<img height="240" src="{IMAGE}" width="320"></a>'
        "<figcaption>The crossing at <b>dawn</b></figcaption></figure>",
        "<p>The line was long.</p>",
    ]


def test_a_caption_with_lines_of_its_own_keeps_them():
    html = shown(caption_table("<div>Tijuana, 2019.</div><div>Photo: staff</div>"))

    assert "<figcaption>Tijuana, 2019.<br>Photo: staff</figcaption>" in html


def test_a_separator_div_only_wraps_its_image_which_stands_as_its_own_paragraph():
    html = shown(
        '<div class="separator" style="clear: both; text-align: center;">'
        f'<a href="{FULL_SIZE}" style="margin-left: 1em;"><img border="0" src="{IMAGE}" /></a>'
        "</div>The line was long."
    )

    assert lines(html) == [
        f'<p><a href="{FULL_SIZE}" rel="noopener"><img src="{IMAGE}"></a></p>',
        "<p>The line was long.</p>",
    ]


def test_a_div_per_line_gives_lines_and_an_empty_div_gives_a_new_paragraph():
    html = shown(
        "<div>Agents stopped the bus.</div><div>Nobody was hurt.</div>"
        "<div><br /></div><div>The road reopened at noon.</div>"
    )

    assert lines(html) == [
        "<p>Agents stopped the bus.<br>Nobody was hurt.</p>",
        "<p>The road reopened at noon.</p>",
    ]


def test_bare_text_breaks_lines_at_a_br_and_paragraphs_at_two():
    html = shown("Agents stopped the bus.<br />Nobody was hurt.<br /><br />It reopened at noon.")

    assert lines(html) == [
        "<p>Agents stopped the bus.<br>Nobody was hurt.</p>",
        "<p>It reopened at noon.</p>",
    ]


def test_a_span_around_the_whole_post_does_not_run_its_paragraphs_together():
    # The old editor wrapped a post in the font the author picked.
    html = shown('<span style="font-family: Georgia;">One.<br /><br />Two.<br />Three.</span>')

    assert lines(html) == ["<p>One.</p>", "<p>Two.<br>Three.</p>"]


def test_word_paragraphs_are_kept_and_blank_ones_dropped():
    html = shown(
        '<p class="MsoNormal"><span lang="ES">Primero.<o:p></o:p></span></p>'
        '<p class="MsoNormal">&nbsp;<o:p></o:p></p><p class="MsoNormal">Segundo.</p>'
    )

    assert lines(html) == ["<p>Primero.</p>", "<p>Segundo.</p>"]


@pytest.mark.parametrize(
    ("heading", "becomes"),
    [("h1", "h2"), ("h2", "h2"), ("h3", "h3"), ("h4", "h4"), ("h5", "h4"), ("h6", "h4")],
)
def test_headings_stay_headings_below_the_pages_one_h1(heading, becomes):
    html = shown(f"<{heading}>At the wall</{heading}>Text.")

    assert lines(html) == [f"<{becomes}>At the wall</{becomes}>", "<p>Text.</p>"]


def test_styled_spans_are_shown_bold_italic_struck_and_underlined():
    html = shown(
        '<span style="font-weight: bold;">bold</span> '
        '<span style="FONT-STYLE: italic">italic</span> '
        '<span style="text-decoration: line-through;">struck</span> '
        '<span style="text-decoration: underline;">underlined</span> '
        '<span style="font-weight: 700; font-style: italic">both</span> '
        '<strike>old</strike> <span style="color: red;">red</span>'
    )

    assert html == (
        "<p><strong>bold</strong> <em>italic</em> <s>struck</s> <u>underlined</u> "
        "<strong><em>both</em></strong> <s>old</s> red</p>"
    )


def test_links_lists_quotes_and_tables_are_kept():
    html = shown(
        'See <a href="https://example.com/report">the report</a>:'
        "<ul><li><div>first</div><div>line two</div></li><li>second<ol><li>inner</li></ol></li>"
        "</ul><blockquote>They said.<br /><br />Then left.</blockquote>"
        "<table><tbody><tr><th>Port</th><td>Open<br />since 6</td></tr></tbody></table>"
    )

    assert lines(html) == [
        '<p>See <a href="https://example.com/report" rel="noopener">the report</a>:</p>',
        "<ul><li>first<br>line two</li><li>second<ol><li>inner</li></ol></li></ul>",
        "<blockquote><p>They said.</p><p>Then left.</p></blockquote>",
        "<table><tbody><tr><th>Port</th><td>Open<br>since 6</td></tr></tbody></table>",
    ]


def test_preformatted_text_keeps_its_spaces_and_newlines():
    html = shown("<pre>a  b\n  c</pre>")

    assert html == "<pre>a  b\n  c</pre>"


def test_text_that_readers_saw_as_a_tag_stays_text():
    html = shown("Type &lt;script&gt; &amp; see.")

    assert html == "<p>Type &lt;script&gt; &amp; see.</p>"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(document.cookie)</script>",
        "<style>body { display: none }</style>",
        '<img src="x.jpg" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<div onclick="alert(1)">click</div>',
        "<noscript><script>alert(1)</script></noscript>",
        '<object data="x.swf"><embed src="x.swf"></object>',
        '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    ],
)
def test_an_imported_script_is_neutralised(hostile):
    html = shown(f"Before.{hostile}After.")

    for word in ("script", "alert", "onerror", "onclick", "javascript", "iframe", "style", "embed"):
        assert word not in html.lower()


def test_an_embedded_video_becomes_a_link_to_it_in_a_paragraph_of_its_own():
    html = shown(
        'Watch:<iframe allowfullscreen="" class="BLOG_video_class" height="266" '
        'src="https://www.youtube.com/embed/abc123" width="320"></iframe>Then read on.'
    )

    assert lines(html) == [
        "<p>Watch:</p>",
        '<p><a href="https://www.youtube.com/embed/abc123" rel="noopener">'
        "https://www.youtube.com/embed/abc123</a></p>",
        "<p>Then read on.</p>",
    ]


def test_the_jump_break_and_html_comments_leave_nothing_behind():
    html = shown("Teaser.<!--more--><a name='more'></a><br />Rest.")

    assert html == "<p>Teaser.<br>Rest.</p>"


@pytest.mark.parametrize("empty", ["", "   ", "<div><br /></div>", "<p>&nbsp;</p>"])
def test_an_empty_body_stays_empty(empty):
    assert article_source(empty) == ""


def test_control_characters_in_character_references_are_dropped_not_an_error():
    assert shown("a&#1;b&#0;c\x02d") == "<p>ab\ufffdcd</p>"


def test_a_table_inside_a_table_cell_is_kept_inside_it():
    nested = "x"
    for _ in range(40):
        nested = f"<table><tbody><tr><td><div>{nested}</div></td></tr></tbody></table>"

    html = shown(nested)

    assert html == "<table><tbody><tr><td>" * 40 + "x" + "</td></tr></tbody></table>" * 40


def test_html_nested_deeper_than_the_parser_reads_is_a_clear_error_not_a_cut_post():
    with pytest.raises(UnreadableHTML, match="nested more than 256 elements deep"):
        article_source("<div>" * 300 + "words" + "</div>" * 300 + "the end")


def test_a_font_span_with_line_breaks_inside_a_sentence_breaks_no_line_of_its_own():
    html = shown('Met <span style="font-family: Arial;">Ana<br />and Luis</span> there.')

    assert html == "<p>Met Ana<br>and Luis there.</p>"


def test_definition_lists_become_lines():
    assert shown("<dl><dt>Garita</dt><dd>A border crossing.</dd></dl>") == (
        "<p>Garita<br>A border crossing.</p>"
    )
