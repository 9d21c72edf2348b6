"""The demo site's public pages, for the checks every one of them must pass.

The Nu HTML Checker (tests/test_html_validity.py) and axe-core in Chromium
(tests/browser/test_accessibility.py) both go through this list, so a page added here is
checked both ways. A page is an address, or what a reader sees after sending a form on
it: the comment form with its errors, the submitter's own pending comment, a form refused
because the browser lost its cookies. The test client and Chromium each send the form
their own way.

The checkers come from the npm registry (package.json at the top of the repo): outside
CI a missing ``node_modules`` skips the checks, saying so; in CI (``CI=true``) it fails
them.
"""

import os
import shutil
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.http import HttpResponseServerError
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from demo.content import SEED_SLUG
from posts.models import Page, Post
from tests.comments.forms_helper import rendered_form_fields

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
# Not a route: the browser is handed the 500 page at this address (see server_error_html).
SERVER_ERROR_PATH = "/__server-error__/"


@dataclass(frozen=True)
class PublicPage:
    """One page as a reader reaches it.

    With ``form``, the reader opens ``path``, types ``fields`` into the form of that id
    and sends it; the page to check is the answer (after any redirect), with ``status``.
    ``shows`` is a phrase the page must contain, so no check passes on the wrong page.
    """

    name: str
    path: str
    shows: str
    status: int = 200
    form: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    # The browser sends the form without its cookies, so the CSRF check refuses it.
    without_cookies: bool = False
    # The reader reads the site in this language ("" for English, the default).
    language: str = ""


def demo_public_pages() -> dict[str, PublicPage]:
    """Load the demo content (``manage.py load_demo``); the site's public pages, by name."""
    call_command("load_demo", stdout=StringIO())
    seed = Post.objects.get(slug=SEED_SLUG)
    seed_path = seed.get_absolute_url()
    spanish = Post.objects.published().filter(language="es").order_by("publish_at").first()
    comment = Comment.objects.approved().for_post(seed).order_by("created_at").first()
    label = seed.labels.order_by("name").first()
    when = seed.publish_at
    # A page as the Blogger import brings one: HTML, in the other language than the UI's.
    about, _ = Page.objects.get_or_create(
        slug="quienes-somos",
        defaults={
            "title": "Quiénes somos",
            "language": "es",
            "body_format": "html",
            "body": (
                "<h2>La redacción</h2><p>Periodistas de los dos lados de la línea.<br>"
                'Escríbenos: <a href="mailto:desk@borderblog.example">desk@borderblog.example'
                "</a></p>"
            ),
        },
    )
    pages = [
        PublicPage("home", reverse("posts:index"), shows=seed.title),
        PublicPage("home-page-2", reverse("posts:index") + "?page=2", shows="Page 2"),
        PublicPage("year-archive", reverse("posts:year", args=[when.year]), shows=seed.title),
        PublicPage(
            "month-archive",
            reverse("posts:month", args=[when.year, when.month]),
            shows=seed.title,
        ),
        PublicPage("label", label.get_absolute_url(), shows=seed.title),
        PublicPage("seed-post", seed_path, shows="Losing control"),
        PublicPage("seed-post-replying", f"{seed_path}?replyto={comment.pk}", shows="Cancel reply"),
        PublicPage(
            "seed-post-comment-refused",
            seed_path,
            shows="Please write a comment",
            status=400,
            form="comment-form",
            fields={"author_name": "Buela", "body": ""},
        ),
        PublicPage(
            "seed-post-comment-pending",
            seed_path,
            shows="awaiting moderation",
            form="comment-form",
            fields={"author_name": "Ernest1", "body": "@ 3:40 The army is not the police."},
        ),
        PublicPage(
            "seed-post-form-without-cookies",
            seed_path,
            shows="The army is not the police.",
            status=403,
            form="comment-form",
            fields={"author_name": "Ernest1", "body": "The army is not the police."},
            without_cookies=True,
        ),
        PublicPage("seed-post-in-spanish", seed_path, shows=seed.title, language="es"),
        PublicPage("spanish-post", spanish.get_absolute_url(), shows=spanish.title),
        PublicPage("policy", reverse("comments:policy"), shows="Rule 1"),
        PublicPage("page", about.get_absolute_url(), shows="La redacción"),
        PublicPage(
            "report-comment", reverse("comments:report", args=[comment.pk]), shows="Send report"
        ),
        PublicPage("not-found", "/no/such/page/", shows="Page not found", status=404),
        PublicPage("server-error", SERVER_ERROR_PATH, shows="Something went wrong", status=500),
    ]
    search = reverse("posts:search")
    tips = reverse("tips:submit")
    pages += [
        PublicPage("search", f"{search}?q=cables", shows=seed.title),
        PublicPage("search-without-a-query", f"{search}?q=", shows="Type a word or two"),
        PublicPage("search-without-results", f"{search}?q=zzyzx", shows="No posts match"),
        PublicPage("tips", tips, shows="Tor Browser"),
        PublicPage(
            "tips-refused",
            tips,
            shows="Tor Browser",
            status=400,
            form="tip-form",
            fields={"message": "", "contact": ""},
        ),
        PublicPage(
            "tips-received",
            tips,
            shows="Tu código de recibo",
            form="tip-form",
            fields={"message": "A convoy crossed at 3 a.m.", "code_language": "es"},
        ),
        PublicPage("tips-status", reverse("tips:status"), shows="receipt"),
    ]
    return {page.name: page for page in pages}


def server_error_html() -> str:
    """The 500 page as Django sends it: rendered with no request and no context."""
    return render_to_string("500.html")


def fetch(client: Client, page: PublicPage):
    """The page's response through the test client, sending its form as a browser would."""
    if page.path == SERVER_ERROR_PATH:
        return HttpResponseServerError(server_error_html())
    headers = {"Accept-Language": page.language} if page.language else {}
    if not page.form:
        return client.get(page.path, headers=headers)
    shown = client.get(page.path, headers=headers).content.decode()
    data = {**rendered_form_fields(shown, page.form), **page.fields}
    sender = Client(enforce_csrf_checks=True) if page.without_cookies else client
    return sender.post(page.path, data, follow=True, headers=headers)


def require_tool(what: str, path: Path | None = None, program: str | None = None) -> None:
    """Skip the test (fail it in CI) unless the checker's file or program is there."""
    if path is not None and not path.exists():
        missing = f"{path} is missing: run `npm ci` at the top of the repo to install {what}"
    elif program is not None and shutil.which(program) is None:
        missing = f"`{program}` is not on the PATH; {what} needs it (Debian: default-jre)"
    else:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and the page checks must run, but: {missing}", pytrace=False)
    pytest.skip(missing)
