"""blogger.reading: both export formats read as a stream of entries, hostile files refused."""

import tracemalloc
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

import pytest

from blogger.entries import Author, CommentEntry, ExportError, PageEntry, PostEntry, SkippedEntry
from blogger.reading import read_export
from blogger.times import epoch_milliseconds
from tests.blogger.exports import ClassicExport, TakeoutExport

BORDER_TIME = timezone(timedelta(hours=-7))


@pytest.fixture(params=[ClassicExport, TakeoutExport], ids=["classic", "takeout"])
def export(request):
    return request.param()


@pytest.fixture
def read(tmp_path):
    """Writes an export and reads all of it."""

    def read(export):
        return list(read_export(export.write(tmp_path)))

    return read


def the(entries, blogger_id):
    (entry,) = [e for e in entries if getattr(e, "blogger_id", None) == blogger_id]
    return entry


def refusal(tmp_path, text) -> ExportError:
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as refused:
        list(read_export(path))
    return refused.value


def line_containing(export, tmp_path, text) -> int:
    written = export.write(tmp_path).read_text(encoding="utf-8")
    return written[: written.index(text)].count("\n") + 1


# Posts and pages


def test_a_post_comes_out_with_its_title_body_times_and_author(export, read):
    published = datetime(2019, 5, 4, 10, 15, 0, 1000, tzinfo=BORDER_TIME)
    updated = datetime(2019, 5, 5, 8, 0, tzinfo=BORDER_TIME)
    post_id = export.post(
        "Crossing at dawn",
        content_html="<p>Lines since four.</p>",
        published=published,
        updated=updated,
        author="Ana Reyes",
        email="ana@borderblog.example",
    )
    post = the(read(export), post_id)
    assert isinstance(post, PostEntry)
    assert (post.title, post.content_html) == ("Crossing at dawn", "<p>Lines since four.</p>")
    assert (post.published, post.updated) == (published, updated)
    assert post.author == Author(name="Ana Reyes", email="ana@borderblog.example")
    assert not post.is_draft


def test_a_post_body_is_kept_exactly_as_blogger_wrote_it(export, read):
    body = (
        '<div class="separator" style="clear: both;"><a href="https://bp.blogspot.com/a.jpg">'
        '<img border="0" src="https://bp.blogspot.com/s320/a.jpg" /></a></div>\n'
        "First line<br />second&nbsp;line &amp; “quotes”, <b>bold</b> &lt;not a tag&gt;\n"
        "<table><tr><td>Caption: the bridge</td></tr></table>"
    )
    post_id = export.post(content_html=body)
    assert the(read(export), post_id).content_html == body


def test_content_given_as_text_comes_out_as_html_showing_that_text(tmp_path):
    export = ClassicExport()
    export.raw(
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id>"
        "<published>2019-05-04T10:15:00.000-07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/>"
        "<content type='text'>5 &lt; 6 &amp; &lt;b&gt; is no tag</content></entry>"
    )
    (post,) = read_export(export.write(tmp_path))
    assert post.content_html == "5 &lt; 6 &amp; &lt;b&gt; is no tag"


def test_labels_come_in_the_order_they_were_written(export, read):
    post_id = export.post(labels=["Ciudad Juárez", "Border", "Ciudad Juárez"])
    assert the(read(export), post_id).labels == ["Ciudad Juárez", "Border"]


def test_the_kind_category_is_not_a_label(read):
    export = ClassicExport()
    post_id = export.post(labels=[])
    assert the(read(export), post_id).labels == []


def test_a_draft_is_a_draft(export, read):
    post_id = export.post(draft=True)
    assert the(read(export), post_id).is_draft


def test_a_draft_may_say_so_in_the_newer_app_namespace(tmp_path):
    export = ClassicExport()
    export.raw(
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id>"
        "<published>2019-05-04T10:15:00.000-07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/>"
        "<app:control xmlns:app='http://www.w3.org/2007/app'><app:draft>yes</app:draft>"
        "</app:control></entry>"
    )
    (post,) = read_export(export.write(tmp_path))
    assert post.is_draft


def test_a_draft_has_no_old_address_even_when_the_file_gives_one(export, read):
    post_id = export.post(draft=True, path="/2019/05/not-yet.html")
    assert the(read(export), post_id).old_path == ""


def test_a_scheduled_takeout_post_is_not_a_draft(read):
    export = TakeoutExport()
    later = datetime(2099, 1, 1, 9, 0, tzinfo=UTC)
    post_id = export.post(status="SCHEDULED", published=later)
    post = the(read(export), post_id)
    assert not post.is_draft
    assert post.published == later


def test_a_post_keeps_the_path_of_its_old_address_only(export, read):
    post_id = export.post(path="/2019/05/the-wall-at-night.html?m=1#more")
    assert the(read(export), post_id).old_path == "/2019/05/the-wall-at-night.html"


def test_an_old_address_is_decoded_as_django_decodes_a_request_path(read):
    export = ClassicExport()
    post_id = export.post(path="/2019/05/caf%C3%A9-de-la-frontera.html")
    assert the(read(export), post_id).old_path == "/2019/05/café-de-la-frontera.html"


def test_a_page_comes_out_as_a_page_at_its_old_address(export, read):
    page_id = export.page("About us", content_html="<p>Who we are.</p>", path="/p/about-us.html")
    page = the(read(export), page_id)
    assert isinstance(page, PageEntry)
    assert (page.title, page.content_html) == ("About us", "<p>Who we are.</p>")
    assert page.old_path == "/p/about-us.html"


def test_an_untitled_post_has_an_empty_title(export, read):
    post_id = export.post("")
    assert the(read(export), post_id).title == ""


# Comments


def test_a_comment_names_its_post_and_answers_nobody(export, read):
    post_id = export.post()
    comment_id = export.comment(post_id, content_html="Thank you.", author="Luz")
    comment = the(read(export), comment_id)
    assert isinstance(comment, CommentEntry)
    assert (comment.post_id, comment.parent_id) == (post_id, None)
    assert (comment.content_html, comment.author.name) == ("Thank you.", "Luz")
    assert not comment.removed


def test_a_reply_names_the_comment_it_answers(export, read):
    post_id = export.post()
    question = export.comment(post_id, content_html="Which bridge?")
    answer = export.comment(post_id, reply_to=question, content_html="Santa Fe.")
    assert the(read(export), answer).parent_id == question


def test_a_related_link_with_a_query_still_names_the_parent(tmp_path):
    export = ClassicExport(blog_id="1234")
    export.raw(
        "<entry><id>tag:blogger.com,1999:blog-1234.post-9</id>"
        "<published>2019-05-04T10:15:00.000-07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#comment'/>"
        "<link rel='related' type='application/atom+xml'"
        " href='https://www.blogger.com/feeds/1234/5/comments/default/8?v=2'/>"
        "<thr:in-reply-to ref='tag:blogger.com,1999:blog-1234.post-5'/></entry>"
    )
    (comment,) = read_export(export.write(tmp_path))
    assert (comment.post_id, comment.parent_id) == ("1234.5", "1234.8")


def test_a_takeout_reply_may_name_its_parent_by_its_full_id(tmp_path):
    export = TakeoutExport()
    post_id = export.post()
    question = export.comment(post_id)
    blog, number = question.split(".")
    full_id = f"tag:blogger.com,1999:blog-{blog}.post-{number}"
    export.raw(
        f"<entry><id>tag:blogger.com,1999:blog-{blog}.post-99</id>"
        "<blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>"
        f"<blogger:parent>tag:blogger.com,1999:blog-{blog}.post-{post_id.split('.')[1]}"
        f"</blogger:parent><blogger:inReplyTo>{full_id}</blogger:inReplyTo>"
        "<content type='html'>Yes.</content>"
        "<published>2019-05-04T12:00:00.000-07:00</published></entry>"
    )
    entries = list(read_export(export.write(tmp_path)))
    assert the(entries, f"{blog}.99").parent_id == question


def test_a_removed_comment_comes_without_its_words(export, read):
    post_id = export.post()
    comment_id = export.comment(post_id, content_html="Words to be removed.", removed=True)
    comment = the(read(export), comment_id)
    assert comment.removed
    assert comment.content_html == ""


@pytest.mark.parametrize("name", ["Anonymous", "Unknown"])
def test_an_anonymous_author_has_no_name(export, read, name):
    post_id = export.post(author=name)
    comment_id = export.comment(post_id, author=name)
    entries = read(export)
    assert the(entries, post_id).author.name == ""
    assert the(entries, comment_id).author.name == ""


def test_bloggers_placeholder_address_is_no_address(read):
    export = ClassicExport()
    post_id = export.post(author="Ana Reyes", email="noreply@blogger.com")
    assert the(read(export), post_id).author == Author(name="Ana Reyes", email="")


# Times


@pytest.mark.parametrize(
    "offset", [timedelta(hours=-7), timedelta(hours=5, minutes=30), timedelta(0)]
)
def test_a_time_keeps_its_offset_and_milliseconds(export, read, offset):
    written = datetime(2019, 5, 4, 10, 15, 0, 1000, tzinfo=timezone(offset))
    post_id = export.post()
    comment_id = export.comment(post_id, published=written)
    published = the(read(export), comment_id).published
    assert published.utcoffset() == offset
    assert epoch_milliseconds(published) == epoch_milliseconds(written)
    assert published.microsecond == 1000


def test_a_time_in_utc_may_be_written_with_z(export, read):
    post_id = export.post(published="2019-05-04T17:15:00.001Z")
    published = the(read(export), post_id).published
    assert published == datetime(2019, 5, 4, 17, 15, 0, 1000, tzinfo=UTC)
    assert published.utcoffset() == timedelta(0)


def test_the_milliseconds_of_a_time_are_those_of_blogger_comment_links():
    published = datetime(2019, 5, 4, 10, 15, 0, 1000, tzinfo=BORDER_TIME)
    assert epoch_milliseconds(published) == 1556990100001


# What is left out, and why


def test_settings_and_templates_are_skipped_by_kind(read):
    export = ClassicExport()
    export.settings("BLOG_NAME")
    export.settings("BLOG_DESCRIPTION")
    export.template()
    export.post()
    skipped = [e.reason for e in read(export) if isinstance(e, SkippedEntry)]
    assert Counter(skipped) == {"settings": 2, "template": 1}


def test_takeout_entries_readers_never_saw_are_skipped_saying_why(read):
    export = TakeoutExport()
    post_id = export.post()
    export.post(status="SOFT_TRASHED")
    export.comment(post_id, status="SPAM_COMMENT")
    export.comment(post_id, status="PENDING")
    export.comment(post_id, status="PENDING")
    export.comment(post_id, status="SOFT_TRASHED")
    skipped = [e.reason for e in read(export) if isinstance(e, SkippedEntry)]
    assert Counter(skipped) == {
        "spam on Blogger": 1,
        "awaiting moderation on Blogger": 2,
        "trashed on Blogger": 2,
    }


def test_a_skipped_entry_needs_none_of_what_an_imported_one_does(tmp_path):
    export = ClassicExport()
    export.raw(
        "<entry><category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#settings'/>"
        "<published>not a date</published></entry>"
    )
    (entry,) = read_export(export.write(tmp_path))
    assert entry == SkippedEntry("settings", entry.line)


@pytest.mark.parametrize(("Export", "kind"), [(ClassicExport, "photo"), (TakeoutExport, "PHOTO")])
def test_an_entry_of_an_unknown_kind_is_skipped_naming_the_kind(read, Export, kind):
    export = Export()
    export.post(kind=kind)
    (entry,) = read(export)
    assert isinstance(entry, SkippedEntry)
    assert entry.reason == f"unknown kind {kind!r}"


def test_a_takeout_post_of_an_unknown_status_is_skipped_naming_the_status(read):
    export = TakeoutExport()
    export.post(status="ARCHIVED")
    (entry,) = read(export)
    assert entry.reason == "unknown status 'ARCHIVED' on Blogger"


# Ids and lines


def test_every_spelling_of_an_id_comes_out_as_blog_and_entry(read):
    export = ClassicExport(blog_id="1234")
    post_id = export.post()
    page_id = export.page()
    question = export.comment(post_id)
    answer = export.comment(post_id, reply_to=question)
    entries = read(export)
    number = post_id.split(".")[1]
    assert [e.blogger_id for e in entries] == [post_id, page_id, question, answer]
    assert post_id == f"1234.{number}"
    assert the(entries, answer).post_id == post_id
    assert the(entries, answer).parent_id == question


def test_each_entry_carries_the_line_its_entry_starts_on(export, read):
    post_id = export.post()
    comment_id = export.comment(post_id)
    page_id = export.page()
    entries = read(export)
    assert [e.line for e in entries] == [export.line_of(i) for i in (post_id, comment_id, page_id)]


def test_a_skipped_entry_carries_its_line_too(read):
    export = ClassicExport()
    export.post()
    settings_id = export.settings()
    (_, skipped) = read(export)
    assert skipped.line == export.line_of(settings_id)


# Files the import cannot trust


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("<rss version='2.0'><channel/></rss>", "<rss>"),
        ("<feed><entry/></feed>", "<feed>"),
        ("<entry xmlns='http://www.w3.org/2005/Atom'/>", "<entry> in http://www.w3.org/2005/Atom"),
    ],
)
def test_a_file_whose_root_is_not_an_atom_feed_is_refused(tmp_path, text, named):
    refused = refusal(tmp_path, f"<?xml version='1.0'?>\n{text}\n")
    assert refused.line == 2
    assert "not a Blogger export" in refused.message
    assert named in refused.message


def test_malformed_xml_is_refused_naming_its_line(export, tmp_path):
    export.post()
    line = export.raw("<entry><id>broken</ID></entry>")
    export.post()
    with pytest.raises(ExportError) as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == line
    assert "not well-formed" in refused.value.message
    assert "mismatched tag" in refused.value.message


def test_an_empty_file_is_refused(tmp_path):
    assert "no element found" in refusal(tmp_path, "").message


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ExportError, match="cannot open"):
        list(read_export(tmp_path / "blog-01-01-2019.xml"))


def test_a_bad_date_is_refused_naming_the_line_and_the_value(export, tmp_path):
    export.post()
    export.post(published="the fourth of May")
    with pytest.raises(ExportError) as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == line_containing(export, tmp_path, "<published>the fourth")
    assert "'the fourth of May'" in refused.value.message


@pytest.mark.parametrize("written", ["2019-05-04T10:15:00", "2019-05-04", "2019-13-04T10:15:00Z"])
def test_a_date_without_its_offset_or_that_cannot_be_is_refused(export, tmp_path, written):
    export.post(published=written)
    with pytest.raises(ExportError, match=f"date '{written}' is not"):
        list(read_export(export.write(tmp_path)))


def test_an_entry_without_its_published_date_is_refused(tmp_path):
    export = ClassicExport()
    line = export.raw(
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/></entry>"
    )
    with pytest.raises(ExportError, match="without its <published> date") as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == line


def test_a_comment_without_its_post_is_refused_naming_its_line(export, tmp_path):
    comment_id = export.comment(None)
    with pytest.raises(ExportError, match="a comment without the post it is on") as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == export.line_of(comment_id)


@pytest.mark.parametrize("id_element", ["", "<id></id>"])
def test_an_entry_without_an_id_is_refused(tmp_path, id_element):
    export = ClassicExport()
    line = export.raw(
        f"<entry>{id_element}<published>2019-05-04T10:15:00.000-07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/></entry>"
    )
    with pytest.raises(ExportError, match="without an <id>") as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == line


def test_an_id_blogger_would_not_write_is_refused(tmp_path):
    export = ClassicExport()
    export.raw(
        "<entry><id>urn:uuid:1225c695</id>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/></entry>"
    )
    with pytest.raises(ExportError, match="'urn:uuid:1225c695', is not an id Blogger writes"):
        list(read_export(export.write(tmp_path)))


def test_content_holding_xml_instead_of_escaped_html_is_refused(tmp_path):
    export = ClassicExport()
    line = export.raw(
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id>"
        "<published>2019-05-04T10:15:00.000-07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/>\n"
        "<content type='html'><p>Not escaped</p></content></entry>"
    )
    with pytest.raises(ExportError, match="holds XML") as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == line + 1


BILLION_LAUGHS = """<!DOCTYPE feed [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
"""


def test_entity_expansion_is_refused(export, tmp_path):
    export = type(export)(prolog=BILLION_LAUGHS)
    export.raw("<entry><title>&lol3;</title></entry>")
    with pytest.raises(ExportError) as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == 3  # the first <!ENTITY>
    assert "entity expansion is refused" in refused.value.message
    assert "billion laughs" in refused.value.message


@pytest.mark.parametrize("address", ["file:///etc/passwd", "http://attacker.example/secret"])
def test_an_external_entity_is_refused(export, tmp_path, address):
    export = type(export)(prolog=f'<!DOCTYPE feed [\n<!ENTITY xxe SYSTEM "{address}">\n]>\n')
    export.raw("<entry><title>&xxe;</title></entry>")
    with pytest.raises(ExportError) as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == 3
    assert f"external entity ({address})" in refused.value.message


def test_an_external_dtd_is_refused(tmp_path):
    export = ClassicExport(prolog='<!DOCTYPE feed SYSTEM "http://attacker.example/feed.dtd">\n')
    export.post()
    with pytest.raises(ExportError) as refused:
        list(read_export(export.write(tmp_path)))
    assert refused.value.line == 2
    assert "external DTD (http://attacker.example/feed.dtd)" in refused.value.message


def test_a_doctype_that_names_nothing_outside_is_read(read):
    export = ClassicExport(prolog="<!DOCTYPE feed>\n")
    post_id = export.post()
    assert [e.blogger_id for e in read(export)] == [post_id]


# Memory


def test_reading_20000_entries_holds_one_entry_at_a_time(tmp_path):
    path = tmp_path / "feed.atom"
    words = "<p>" + "Words from the border. " * 12 + "</p>"
    with TakeoutExport.streaming(path) as export:
        post_id = export.post()
        for _ in range(19_999):
            export.comment(post_id, content_html=words)
    tracemalloc.start()
    try:
        read = sum(1 for _ in read_export(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == 20_000
    # Holding the entries would take about what the file does; one at a time, a sliver.
    assert peak < path.stat().st_size / 50
