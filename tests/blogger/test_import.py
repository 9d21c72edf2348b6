"""blogger.importer: what each entry of an export becomes, in both export formats."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.contrib.auth.models import User

from blogger.entries import ExportError
from blogger.importer import import_blogger
from blogger.models import ImportedEntry
from blogger.times import epoch_milliseconds
from comments.models import Comment, ModerationDecision
from comments.thread.build import build_thread_page
from posts.models import BodyFormat, Page, Post
from tests.blogger.exports import ClassicExport, TakeoutExport
from tests.builders import make_user

pytestmark = pytest.mark.django_db

BORDER_TIME = timezone(timedelta(hours=-7))


@pytest.fixture(params=[ClassicExport, TakeoutExport], ids=["classic", "takeout"])
def export(request):
    return request.param()


@pytest.fixture
def run(tmp_path):
    """Writes an export and imports it, as many times as a test asks."""

    def run(export, **options):
        return import_blogger(export.write(tmp_path), **options)

    return run


def imported(blogger_id):
    return ImportedEntry.objects.get(blogger_id=blogger_id)


def test_a_published_post_keeps_its_title_body_and_time(export, run):
    published = datetime(2019, 5, 4, 10, 15, 0, 1000, tzinfo=BORDER_TIME)
    post_id = export.post(
        "Crossing at dawn",
        content_html="<h2>The bridge</h2><p>Lines since <b>four</b>.</p>",
        published=published,
    )
    run(export)
    post = imported(post_id).post
    assert post.title == "Crossing at dawn"
    assert post.status == Post.Status.PUBLISHED
    assert post.is_published
    assert post.body_format == BodyFormat.HTML
    assert "<h2>The bridge</h2>" in post.body_html
    assert "<b>four</b>" in post.body_html
    assert post.publish_at == published


def test_a_post_keeps_the_time_it_was_last_updated_on_blogger(export, run):
    updated = datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    post_id = export.post(updated=updated)
    run(export)
    assert imported(post_id).post.updated_at == updated


def test_labels_become_labels(export, run):
    post_id = export.post(labels=["Border", "Ciudad Juárez"])
    run(export)
    names = set(imported(post_id).post.labels.values_list("name", flat=True))
    assert names == {"Border", "Ciudad Juárez"}


def test_a_label_used_by_two_posts_is_one_label(export, run):
    first, second = export.post(labels=["Border"]), export.post(labels=["Border"])
    run(export)
    assert imported(first).post.labels.get() == imported(second).post.labels.get()


def test_a_post_keeps_its_blogger_name_as_its_slug(export, run):
    post_id = export.post("Wall", path="/2019/05/the-wall-at-night.html")
    run(export)
    entry = imported(post_id)
    assert entry.post.slug == "the-wall-at-night"
    assert entry.old_path == "/2019/05/the-wall-at-night.html"


def test_two_posts_of_the_same_name_in_different_months_get_different_slugs(export, run):
    first = export.post(path="/2019/05/news.html")
    second = export.post(path="/2019/06/news.html")
    run(export)
    assert imported(first).post.slug == "news"
    assert imported(second).post.slug == "news-2"


def test_an_imported_script_never_reaches_the_page(export, run):
    post_id = export.post(content_html="<p>Hi</p><script>alert(1)</script><p onclick='x()'>x</p>")
    run(export)
    html = imported(post_id).post.body_html
    assert "<script" not in html
    assert "alert(1)" not in html
    assert "onclick" not in html


def test_a_draft_stays_a_draft(export, run):
    post_id = export.post(draft=True)
    run(export)
    post = imported(post_id).post
    assert post.status == Post.Status.DRAFT
    assert imported(post_id).old_path == ""


def test_a_scheduled_post_is_published_at_its_time_and_not_before(run):
    export = TakeoutExport()
    later = datetime.now(UTC) + timedelta(days=3)
    post_id = export.post(status="SCHEDULED", published=later)
    summary = run(export)
    post = imported(post_id).post
    assert post.status == Post.Status.PUBLISHED
    assert not post.is_published
    assert not Post.objects.published().filter(pk=post.pk).exists()
    assert summary.added["scheduled posts"] == 1


def test_a_staff_author_is_matched_by_email(run):
    export = TakeoutExport()
    ana = make_user("ana", is_staff=True, email="ana@borderblog.example")
    post_id = export.post(author="A. Reyes", email="Ana@BorderBlog.example")
    run(export)
    post = imported(post_id).post
    assert post.author == ana
    assert post.byline == ""


def test_a_staff_author_is_matched_by_full_name(export, run):
    ana = make_user("ana", is_staff=True, first_name="Ana", last_name="Reyes")
    post_id = export.post(author="Ana Reyes")
    run(export)
    assert imported(post_id).post.author == ana


def test_an_author_without_an_account_is_shown_by_name_and_gets_no_login(export, run):
    make_user("ana", is_staff=False, first_name="Ana", last_name="Reyes")
    users = User.objects.count()
    post_id = export.post(author="Ana Reyes")
    run(export)
    post = imported(post_id).post
    assert post.author is None
    assert post.author_display_name == "Ana Reyes"
    assert User.objects.count() == users


def test_a_page_becomes_a_page_that_keeps_its_old_address(export, run):
    page_id = export.page("About us", content_html="<p>Who we are.</p>", path="/p/about-us.html")
    run(export)
    entry = imported(page_id)
    assert entry.kind == ImportedEntry.Kind.PAGE
    assert entry.page.slug == "about-us"
    assert entry.page.is_published
    assert "Who we are." in entry.page.body_html
    assert entry.old_path == "/p/about-us.html"
    assert not Post.objects.exists()


def test_comments_are_published_with_their_time_and_a_decision_of_import(export, run):
    post_id = export.post()
    written = datetime(2019, 5, 4, 18, 0, 0, 123000, tzinfo=BORDER_TIME)
    comment_id = export.comment(post_id, content_html="Thank you.", published=written)
    run(export)
    entry = imported(comment_id)
    comment = entry.comment
    assert comment.status == Comment.Status.APPROVED
    assert comment.created_at == written
    assert entry.shown_at_ms == epoch_milliseconds(written)
    decision = ModerationDecision.objects.get(comment=comment)
    assert decision.imported
    assert decision.editor is None


def test_comments_are_counted_on_their_post(export, run):
    post_id = export.post()
    for _ in range(3):
        export.comment(post_id)
    export.comment(post_id, removed=True)
    run(export)
    assert imported(post_id).post.comment_count == 3


def test_comments_are_numbered_in_the_order_they_were_written(export, run):
    post_id = export.post()
    start = datetime(2019, 5, 5, tzinfo=UTC)
    # Listed out of order, as exports do: newest first.
    third = export.comment(post_id, published=start + timedelta(hours=3))
    first = export.comment(post_id, published=start + timedelta(hours=1))
    second = export.comment(post_id, published=start + timedelta(hours=2))
    run(export)
    thread = build_thread_page(imported(post_id).post)
    numbers = {entry.id: entry.number for entry in thread.skeleton}
    assert [numbers[imported(c).comment_id] for c in (first, second, third)] == [1, 2, 3]


def test_replies_keep_their_thread(export, run):
    post_id = export.post()
    question = export.comment(post_id, content_html="Which bridge?")
    answer = export.comment(post_id, reply_to=question, content_html="The one at Santa Fe.")
    run(export)
    assert imported(answer).comment.parent == imported(question).comment


def test_anonymous_stays_anonymous_and_names_are_kept(export, run):
    post_id = export.post()
    anonymous = export.comment(post_id, author="Anonymous")
    named = export.comment(post_id, author="Luz")
    run(export)
    assert imported(anonymous).comment.author_name == ""
    assert imported(named).comment.author_name == "Luz"


def test_a_removed_comment_is_a_placeholder_without_its_words(export, run):
    post_id = export.post()
    removed = export.comment(post_id, removed=True)
    run(export)
    comment = imported(removed).comment
    assert comment.is_taken_down
    assert comment.body == ""
    assert comment.body_html == ""


def test_a_comment_script_is_neutralised(export, run):
    post_id = export.post()
    comment_id = export.comment(
        post_id, content_html="Hi &lt;script&gt;x()&lt;/script&gt;<script>y()</script>"
    )
    run(export)
    html = imported(comment_id).comment.body_html
    assert "<script" not in html
    assert "y()" not in html


def test_a_comment_on_a_post_not_in_the_export_is_skipped_and_counted(run):
    export = ClassicExport()
    export.post()
    export.comment(f"{export.blog_id}.123", content_html="Lost.")
    summary = run(export)
    assert not Comment.objects.exists()
    assert summary.skipped["comment on a post not in the export"] == 1


def test_settings_and_template_entries_are_skipped_and_counted(run):
    export = ClassicExport()
    export.settings("BLOG_NAME")
    export.settings("BLOG_DESCRIPTION")
    export.template()
    export.post()
    summary = run(export)
    assert summary.skipped == {"settings": 2, "template": 1}
    assert Post.objects.count() == 1


def test_importing_again_adds_nothing(export, run):
    post_id = export.post(labels=["Border"])
    export.comment(post_id)
    export.page()
    run(export)
    counts = (Post.objects.count(), Comment.objects.count(), Page.objects.count())
    summary = run(export)
    assert (Post.objects.count(), Comment.objects.count(), Page.objects.count()) == counts
    assert sum(summary.added.values()) == 0
    assert summary.already_there == {"posts": 1, "comments": 1, "pages": 1}


def test_importing_again_adds_only_what_is_new_and_threads_it(export, run):
    post_id = export.post()
    question = export.comment(post_id)
    run(export)
    answer = export.comment(post_id, reply_to=question)
    summary = run(export)
    assert summary.added["comments"] == 1
    assert imported(answer).comment.parent == imported(question).comment
    assert imported(post_id).post.comment_count == 2


def test_a_dry_run_writes_nothing_and_reports_what_a_run_would_add(export, run):
    post_id = export.post(labels=["Border"])
    export.comment(post_id)
    export.comment(post_id, removed=True)
    export.post(draft=True)
    export.page()
    dry = run(export, dry_run=True)
    assert not Post.objects.exists()
    assert not ImportedEntry.objects.exists()
    real = run(export)
    assert dry.added == real.added
    assert dict(+dry.added) == {
        "posts": 1,
        "drafts": 1,
        "pages": 1,
        "comments": 1,
        "removed comments": 1,
        "labels": 1,
        "redirects": 4,
    }


def test_a_malformed_file_imports_nothing(tmp_path):
    export = ClassicExport()
    export.post()
    export.raw("<entry><id>broken")
    with pytest.raises(ExportError):
        import_blogger(export.write(tmp_path))
    assert not Post.objects.exists()


def test_a_bad_date_late_in_the_file_imports_nothing(export, run):
    export.post()
    export.post(published="the fourth of May")
    with pytest.raises(ExportError, match="line"):
        run(export)
    assert not Post.objects.exists()
    assert not ImportedEntry.objects.exists()


BLOGGER_PHOTO = "https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/bridge.jpg"


def jpeg_bytes():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "olive").save(buffer, "JPEG")
    return buffer.getvalue()


def images_from(answers):
    """An ImageImporter whose fetch answers from ``answers`` (address → bytes), and
    records what it was asked for; anything else is unreachable."""
    from blogger.image_fetch import ImageUnavailable
    from blogger.images import ImageImporter

    asked = []

    def fetch(address):
        asked.append(address)
        if address not in answers:
            raise ImageUnavailable("unreachable")
        return answers[address]

    importer = ImageImporter(fetch=fetch)
    importer.asked = asked
    return importer


def test_a_blogger_image_in_a_post_is_fetched_once_and_named_locally(export, run):
    largest = BLOGGER_PHOTO.replace("/s320/", "/s1600/")
    images = images_from({largest: jpeg_bytes()})
    html = f'<a href="{BLOGGER_PHOTO}"><img src="{BLOGGER_PHOTO}"></a>'
    first, second = export.post(content_html=html), export.post(content_html=html)
    summary = run(export, images=images)
    assert images.asked == [largest]
    assert summary.added["images stored"] == 1
    for post_id in (first, second):
        body = imported(post_id).post.body_html
        assert "googleusercontent" not in body
        assert "/media/imported/" in body


def test_an_image_that_cannot_be_had_is_reported_and_left_out(export, run):
    images = images_from({})
    post_id = export.post(content_html=f'<p>Before</p><img src="{BLOGGER_PHOTO}"><p>After</p>')
    summary = run(export, images=images)
    assert summary.images_missing == [BLOGGER_PHOTO]
    body = imported(post_id).post.body_html
    assert "googleusercontent" not in body
    assert "<img" not in body
    assert "After" in body


def test_a_blogger_image_address_typed_in_a_comment_is_not_kept(export, run):
    images = images_from({})
    post_id = export.post()
    comment_id = export.comment(post_id, content_html=f"My photo: {BLOGGER_PHOTO} (the bridge)")
    run(export, images=images)
    html = imported(comment_id).comment.body_html
    assert "googleusercontent" not in html
    assert "the bridge" in html


def test_html_too_deep_to_read_stops_the_import_at_its_entry(export, run):
    export.post()
    deep = export.post(content_html="<div>" * 400 + "words" + "</div>" * 400)
    with pytest.raises(ExportError, match=rf"line {export.line_of(deep)}\b"):
        run(export)
    assert not Post.objects.exists()


def test_after_an_import_the_old_addresses_lead_to_what_each_became(export, run, client):
    post_id = export.post(path="/2019/05/crossing-at-dawn.html")
    written = datetime(2019, 5, 4, 18, 0, 0, 123000, tzinfo=UTC)
    comment_id = export.comment(post_id, published=written)
    page_id = export.page(path="/p/about-us.html")
    run(export)
    post, comment = imported(post_id).post, imported(comment_id).comment
    answers = {
        "/2019/05/crossing-at-dawn.html": post.get_absolute_url(),
        f"/2019/05/crossing-at-dawn.html?showComment={epoch_milliseconds(written)}": (
            comment.get_absolute_url()
        ),
        "/p/about-us.html": imported(page_id).page.get_absolute_url(),
    }
    for old, new in answers.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old


def test_a_label_an_editor_already_made_is_used_not_made_again(export, run):
    from posts.models import Label

    border = Label.objects.create(name="Border", slug="border-news")
    post_id = export.post(labels=["Border"])
    summary = run(export)
    assert imported(post_id).post.labels.get() == border
    assert summary.added["labels"] == 0


def test_a_label_in_another_script_gets_an_address_readers_can_open(export, run, client):
    post_id = export.post(labels=["国境"])
    run(export)
    label = imported(post_id).post.labels.get()
    assert label.slug.isascii()
    assert client.get(label.get_absolute_url()).status_code == 200


def test_an_entry_listed_twice_is_imported_once(tmp_path):
    export = ClassicExport()
    post_id = export.post()
    export.comment(post_id, content_html="Said once.")
    path = export.write(tmp_path)
    text = path.read_text()
    comment = text[text.rindex("<entry>") : text.rindex("</entry>") + len("</entry>")]
    path.write_text(text.replace(comment, comment + "\n" + comment))
    dry = import_blogger(path, dry_run=True)
    summary = import_blogger(path)
    assert Comment.objects.count() == 1
    assert dry.added == summary.added
    assert summary.skipped["listed twice in the export"] == 1


def test_a_post_written_late_on_the_last_of_a_month_keeps_its_instant(export, run, client):
    # 23:30 at the border on 31 May is 06:30 on 1 June in UTC.
    late = datetime(2019, 5, 31, 23, 30, tzinfo=BORDER_TIME)
    post_id = export.post(published=late, path="/2019/05/late-edition.html")
    run(export)
    post = imported(post_id).post
    assert post.publish_at == late
    assert post.publish_at.astimezone(UTC).day == 1
    response = client.get("/2019/05/late-edition.html")
    assert response["Location"] == post.get_absolute_url()


def test_a_picture_on_another_site_is_reported(export, run):
    export.post(content_html='<p><img src="https://photos.example.org/bridge.jpg"></p>')
    summary = run(export)
    assert summary.images_elsewhere == {"https://photos.example.org/bridge.jpg"}
