"""Editors check an import in the admin: what each entry became, found by its old address
or its Blogger id; nobody edits what an import wrote."""

import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from blogger.models import ImportedImage
from comments.models import Comment
from tests.builders import make_comment, make_page, make_post, make_user

from .imported_entries import imported_comment, imported_page, imported_post

pytestmark = pytest.mark.django_db

ENTRIES = reverse("admin:blogger_importedentry_changelist")
IMAGES = reverse("admin:blogger_importedimage_changelist")
OLD_PATH = "/2010/12/wikileaks-cables-us-mexico-drugs-war.html"


def listed(client, query=""):
    response = client.get(ENTRIES + query)
    assert response.status_code == 200
    return [entry.blogger_id for entry in response.context["cl"].result_list]


def test_an_editor_sees_what_each_entry_became(editor_client, post):
    entry = imported_post(post, OLD_PATH)
    html = editor_client.get(ENTRIES).content.decode()
    assert entry.blogger_id in html
    assert OLD_PATH in html
    change_post = reverse("admin:posts_post_change", args=[post.pk])
    assert f'<a href="{change_post}">{post.title}</a>' in html


def test_a_comments_entry_links_to_the_comment_not_its_post(editor_client, post):
    comment = make_comment(post, status=Comment.Status.APPROVED, body="Qué noticia.")
    imported_comment(comment, 1291412400000)
    html = editor_client.get(ENTRIES).content.decode()
    change_comment = reverse("admin:comments_comment_change", args=[comment.pk])
    assert f'<a href="{change_comment}">Qué noticia.</a>' in html


def test_an_entrys_page_links_to_where_readers_find_it(editor_client, post):
    entry = imported_post(post, OLD_PATH)
    response = editor_client.get(reverse("admin:blogger_importedentry_change", args=[entry.pk]))
    assert response.status_code == 200
    assert f'href="{post.get_absolute_url()}"' in response.content.decode()


def test_an_entry_for_a_draft_has_no_public_link(editor_client):
    draft = make_post(published=False)
    entry = imported_post(draft, "")
    response = editor_client.get(reverse("admin:blogger_importedentry_change", args=[entry.pk]))
    assert f'href="{draft.get_absolute_url()}"' not in response.content.decode()


def test_entries_are_filtered_by_kind(editor_client, post):
    imported_post(post, OLD_PATH)
    page = imported_page(make_page(), "/p/about.html")
    assert listed(editor_client, "?kind=page") == [page.blogger_id]


@pytest.mark.parametrize(
    "search",
    [OLD_PATH, "wikileaks-cables", f"https://fronteranorte.blogspot.com{OLD_PATH}?m=1"],
    ids=["old-address", "part-of-it", "as-the-browser-shows-it"],
)
def test_entries_are_found_by_old_address(editor_client, post, search):
    wanted = imported_post(post, OLD_PATH)
    imported_post(make_post(), "/2011/01/another-story.html")
    assert listed(editor_client, f"?q={search}") == [wanted.blogger_id]


def test_entries_are_found_by_blogger_id(editor_client, post):
    wanted = imported_post(post, OLD_PATH, entry_id="5432109876543210987")
    imported_post(make_post(), "/2011/01/another-story.html")
    assert listed(editor_client, "?q=5432109876543210987") == [wanted.blogger_id]


def test_the_list_costs_the_same_queries_for_one_entry_or_thirty(editor_client, post):
    imported_post(post, OLD_PATH)
    editor_client.get(ENTRIES)
    with CaptureQueriesContext(connection) as one:
        editor_client.get(ENTRIES)
    for n in range(10):
        other = make_post()
        imported_post(other, f"/2011/01/story-{n}.html")
        imported_comment(make_comment(other, status=Comment.Status.APPROVED), n)
        imported_page(make_page(), f"/p/page-{n}.html")
    with CaptureQueriesContext(connection) as thirty:
        editor_client.get(ENTRIES)
    assert len(thirty) == len(one)


def test_nobody_adds_changes_or_deletes_an_entry_here_not_even_a_superuser(client, post):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    entry = imported_post(post, OLD_PATH)
    change = reverse("admin:blogger_importedentry_change", args=[entry.pk])
    assert client.get(reverse("admin:blogger_importedentry_add")).status_code == 403
    assert client.post(change, {"old_path": "/2010/12/elsewhere.html"}).status_code == 403
    delete = reverse("admin:blogger_importedentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.old_path == OLD_PATH


def test_an_author_does_not_see_imported_entries(author_client):
    assert author_client.get(ENTRIES).status_code == 403


def png():
    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "PNG")
    return ContentFile(out.getvalue(), name="bridge.png")


def test_an_editor_lists_the_images_brought_over(editor_client):
    image = ImportedImage.objects.create(
        source_url="https://blogger.googleusercontent.com/img/b/R29vZ2xl/s1600/bridge.jpg",
        source_key="a" * 64,
        image=png(),
    )
    response = editor_client.get(IMAGES)
    assert response.status_code == 200
    html = response.content.decode()
    assert "s1600/bridge.jpg" in html
    assert f'href="{image.image.url}"' in html


def test_nobody_adds_an_image_here(editor_client):
    assert editor_client.get(reverse("admin:blogger_importedimage_add")).status_code == 403
