"""Authors write and preview posts in the admin; editors only read them."""

from django.urls import reverse

from posts.models import Post
from tests.builders import make_label, make_post

ADD = reverse("admin:posts_post_add")


def preview_url(post):
    return reverse("admin:posts_post_preview", args=[post.pk])


def new_post_form(author, **fields):
    return {
        "title": "Army takes over Nuevo Laredo police",
        "slug": "army-takes-over-nuevo-laredo-police",
        "body": "Soldiers arrived at dawn.\n\n## What residents saw\n\nConvoys.",
        "image_caption": "",
        "image_alt": "",
        "status": Post.Status.DRAFT,
        "publish_at_0": "2010-12-03",
        "publish_at_1": "14:00:00",
        "language": Post.Language.ENGLISH,
        "labels": [make_label("Mexican Army").pk],
        "comments_enabled": "on",
        "byline": "",
        "author": author.pk,
        **fields,
    }


def test_editor_cannot_add_a_post(editor_client, editor):
    assert editor_client.get(ADD).status_code == 403
    assert editor_client.post(ADD, new_post_form(editor)).status_code == 403
    assert not Post.objects.exists()


def test_author_can_add_a_post(author_client, author):
    response = author_client.post(ADD, new_post_form(author))

    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.slug, post.author, post.status) == (
        "army-takes-over-nuevo-laredo-police",
        author,
        Post.Status.DRAFT,
    )
    assert [label.name for label in post.labels.all()] == ["Mexican Army"]


def test_add_form_proposes_the_logged_in_author(author_client, author):
    response = author_client.get(ADD)

    assert response.context["adminform"].form.initial["author"] == author.pk


def test_author_can_preview_a_draft(author_client, author):
    draft = make_post("Draft: cartel checkpoint on the highway", author=author, published=False)

    response = author_client.get(preview_url(draft))

    assert response.status_code == 200
    assert response.templates[0].name == "posts/post_detail.html"
    assert response.context["preview"] is True
    assert "Draft: cartel checkpoint on the highway" in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in_instead_of_a_preview(client, db):
    draft = make_post(published=False)

    response = client.get(preview_url(draft))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_preview_of_a_missing_post_is_not_found(author_client):
    assert author_client.get("/admin/posts/post/999999/preview/").status_code == 404


def test_post_page_in_admin_links_to_its_preview(author_client, author):
    draft = make_post(author=author, published=False)

    response = author_client.get(reverse("admin:posts_post_change", args=[draft.pk]))

    assert preview_url(draft) in response.content.decode()


def test_draft_offers_no_view_on_site_link(author_client, author):
    draft = make_post(author=author, published=False)

    response = author_client.get(reverse("admin:posts_post_change", args=[draft.pk]))

    assert response.context["has_absolute_url"] is False
