"""Builders that read like the domain: make_post(), make_comment(post, status=...), make_page()."""

import itertools
from datetime import datetime, timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from comments.models import Comment, PolicyRule
from posts.models import Label, Page, Post

_sequence = itertools.count(1)


def make_user(username=None, *, groups=(), is_staff=False, **fields):
    user = User.objects.create_user(
        username=username or f"user{next(_sequence)}",
        password="correct horse battery staple",
        is_staff=is_staff or bool(groups),
        **fields,
    )
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def make_editor(username=None):
    return make_user(username or f"editor{next(_sequence)}", groups=["Editors"])


def make_author(username=None):
    return make_user(username or f"author{next(_sequence)}", groups=["Authors"])


def make_label(name="Border"):
    label, _ = Label.objects.get_or_create(
        name=name, defaults={"slug": name.lower().replace(" ", "-")}
    )
    return label


def make_post(title=None, *, author=None, labels=(), published=True, **fields):
    n = next(_sequence)
    fields.setdefault("body", f"Reporting from the border, part {n}.\n\n## More\n\nDetails.")
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=n))
    post = Post.objects.create(
        title=title or f"Post number {n}",
        slug=fields.pop("slug", f"post-number-{n}"),
        author=author or make_user(),
        status=Post.Status.PUBLISHED if published else Post.Status.DRAFT,
        **fields,
    )
    if labels:
        post.labels.add(*[make_label(name) for name in labels])
    return post


def make_page(title="About us", *, published=True, **fields):
    n = next(_sequence)
    fields.setdefault("body", "We report from both sides of the border.")
    return Page.objects.create(
        title=title,
        slug=fields.pop("slug", f"page-{n}"),
        is_published=published,
        **fields,
    )


def make_comment(post, *, status=Comment.Status.PENDING, body=None, **fields):
    """A comment stored as it would be after reaching ``status``; counts kept right."""
    if status != Comment.Status.PENDING:
        fields.setdefault("decided_at", timezone.now())
    if status == Comment.Status.APPROVED:
        fields.setdefault("first_approved_at", timezone.now())
    comment = Comment.objects.create(
        post=post,
        body=body or f"Comment {next(_sequence)} on the story.",
        status=status,
        submitter_hash=fields.pop("submitter_hash", "f" * 64),
        **fields,
    )
    if status == Comment.Status.APPROVED:
        Post.objects.filter(pk=post.pk).update(
            comment_count=Comment.objects.approved().filter(post=post).count()
        )
        post.refresh_from_db(fields=["comment_count"])
    return comment


def make_approved_comments(post, count, **fields):
    """Many approved comments at once, for pages that must not slow down with them."""
    start = timezone.now() - timedelta(days=1)
    comments = [
        Comment(
            post=post,
            body=f"Approved comment {i}",
            body_html=f"<p>Approved comment {i}</p>",
            status=Comment.Status.APPROVED,
            decided_at=start,
            first_approved_at=start,
            submitter_hash=f"{i:064x}",
            **fields,
        )
        for i in range(count)
    ]
    Comment.objects.bulk_create(comments)
    Comment.objects.filter(post=post).update(created_at=start)
    Post.objects.filter(pk=post.pk).update(
        comment_count=Comment.objects.approved().filter(post=post).count()
    )
    post.refresh_from_db(fields=["comment_count"])
    return comments


def make_rule(number=1, title="No threats", text="Threats of violence are removed."):
    rule, _ = PolicyRule.objects.get_or_create(
        number=number, defaults={"title": title, "text": text}
    )
    return rule


def local_time(*args):
    """An aware datetime on the newsroom's clock (settings.TIME_ZONE)."""
    return timezone.make_aware(datetime(*args))


def claim_as_own(client, *comments):
    """Make ``client`` the browser that sent ``comments`` (their receipt cookie)."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from comments.thread import own_comments

    response = HttpResponse()
    request = RequestFactory().get("/")
    request.COOKIES = {
        name: morsel.value for name, morsel in client.cookies.items() if morsel.value
    }
    for comment in comments:
        own_comments.remember_comment(request, response, comment)
        request.COOKIES[own_comments.COOKIE_NAME] = response.cookies[own_comments.COOKIE_NAME].value
    client.cookies[own_comments.COOKIE_NAME] = response.cookies[own_comments.COOKIE_NAME].value
