"""How fast the post page renders with 200 and 500 threaded approved comments.

Builds a throwaway database with Django's test-database machinery (a temporary SQLite
file, or test_<name> on the server DATABASE_URL points at), writes one post per size with
realistic comments (bodies of about 400 characters, stored through the real sanitiser;
30 % replies, some chains deep enough to hit the indentation cap; mostly anonymous
readers with a few regulars, some "@ 3:40" and "@ Buela" mentions), then requests each
post page through the Django test client: the whole request in-process (URL routing,
every middleware, the view, templates), no network. Five ways, median of --runs each:

- rendered in full, thread uncached: the page is rendered around the thread on every
  request (POST_PAGE_CACHE_SECONDS=0, as for a logged-in editor) and the thread is
  forgotten before each one (its version is bumped, as a moderation decision does);
  the sidebar and queue figures stay cached, as they are on a live site;
- rendered in full, thread cached: the same page with the thread from its cache;
- page cached, thread uncached: what a reader gets right after a decision: the page
  around the thread from its cached shell (comments.post_page.shell), the thread rendered;
- page cached, thread cached: a reader's usual view;
- all cold: the whole cache emptied before every request: the worst case, after a
  restart.

    .venv/bin/python benchmarks/post_page_render.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python benchmarks/post_page_render.py

Options: --sizes 200,500 (comments per post), --runs N (50), --page-size N (comments per
page; 1000 shows all 500 on one page), --profile uncached|warm|full (cProfile 20
requests per size with the page cached and the thread uncached or cached, or the page
rendered in full; print the top functions; PROFILE_SORT, PROFILE_TOP), --sql (print one
uncached request's SQL, timed). The figures and the commands that gave them are in
benchmarks/README.md. This is a measurement, never a test: nothing fails on a slow
machine.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from comments.models import Comment, PolicyRule  # noqa: E402
from comments.sanitize import count_links, render_comment  # noqa: E402
from posts.markup import excerpt_of, render_article  # noqa: E402
from posts.models import Label, Post  # noqa: E402

try:  # the fragment cache; absent before it was built, for a baseline run
    from comments.thread.cache import invalidate_thread
except ImportError:  # pragma: no cover
    invalidate_thread = None

Status = Comment.Status
REPLY_SHARE = 0.30
# Sentences readers write, in both languages; bodies are 2-5 of them (~400 characters).
SENTENCES = [
    "The army cannot hold the plaza without the police, and the police answer to the plaza.",
    "Los soldados llegaron al ejido a las tres de la tarde y se fueron antes de anochecer.",
    "Read the cable yourself: https://example.com/cables/09MEXICO3195 and judge.",
    "Nobody in Reynosa goes out after ten any more, not even to the Oxxo on the corner.",
    "Que Dios los cuide a todos los que viven en la frontera, de los dos lados.",
    "I have family in Torreon and they say the checkpoints moved south last week.",
    "This is <b>exactly</b> what we said two years ago, and nobody listened then either.",
    "Half the guns down here were bought in stores in Texas and Arizona.",
    "Las cifras oficiales no cuentan a los desaparecidos, solo a los que encuentran.",
    "The judges let them go the same week; the soldiers know it, the people know it.",
    "Ernest1 is right about one thing: it is their war, fought on our streets.",
    "Nada de esto es nuevo para los que vivimos en Juárez desde hace años.",
]
MENTIONS = ["@ 3:40 ", "@Buela ", "@ Ernest1 ", "@ 2:15 PM "]
NAMES = ["Ernest1", "Buela", "Brito", "Juan de Matamoros", "Chuy", "Lupita"]


def comment_body(rng):
    body = " ".join(rng.sample(SENTENCES, rng.randint(3, 5)))
    if rng.random() < 0.5:
        body = body.replace(". ", ".\n\n", 1)
    if rng.random() < 0.1:
        body = rng.choice(MENTIONS) + body
    return body[:480]


def build_post(size, author, labels, rng):
    """A published post with ``size`` approved comments, threaded like a lively page."""
    slug = f"bench-{size}"
    body = "Reporting from the border.\n\n## More\n\n" + " ".join(SENTENCES * 3)
    post = Post.objects.create(
        title=f"A post with {size} comments",
        slug=slug,
        author=author,
        body=body,
        body_html=render_article(body),
        excerpt=excerpt_of(render_article(body)),
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(days=2),
    )
    post.labels.set(labels)
    start = timezone.now() - timedelta(days=1, hours=12)
    rows = []
    for _ in range(size):
        text = comment_body(rng)
        html = render_comment(text)
        anonymous = rng.random() < 0.7
        rows.append(
            Comment(
                post=post,
                author_name="" if anonymous else rng.choice(NAMES),
                body=text,
                body_html=html,
                link_count=count_links(html),
                status=Status.APPROVED,
                decided_at=start,
                first_approved_at=start,
                submitter_hash=f"{rng.getrandbits(256):064x}",
            )
        )
    Comment._meta.get_field("created_at").auto_now_add = False
    for i, row in enumerate(rows):
        row.created_at = start + timedelta(minutes=3 * i + rng.randint(0, 2))
    Comment.objects.bulk_create(rows)
    Comment._meta.get_field("created_at").auto_now_add = True
    ids = list(
        Comment.objects.filter(post=post).order_by("created_at", "id").values_list("pk", flat=True)
    )
    # 30 % replies: most answer a recent comment, a few continue a chain (deep threads).
    replies, last_reply = [], None
    for i in range(1, size):
        if rng.random() >= REPLY_SHARE:
            continue
        if last_reply is not None and rng.random() < 0.35:
            parent = last_reply  # someone answers the answer: chains get deep
        else:
            parent = ids[rng.randint(max(0, i - 15), i - 1)]
        replies.append(Comment(pk=ids[i], parent_id=parent))
        last_reply = ids[i]
    Comment.objects.bulk_update(replies, ["parent"])
    Post.objects.filter(pk=post.pk).update(comment_count=size)
    post.refresh_from_db()
    return post, len(replies)


def depth_histogram(post):
    parents = dict(Comment.objects.filter(post=post).values_list("pk", "parent_id"))
    depths = {}
    for pk in parents:
        depth, at = 0, parents[pk]
        while at is not None:
            depth, at = depth + 1, parents[at]
        depths[depth] = depths.get(depth, 0) + 1
    return dict(sorted(depths.items()))


def time_requests(client, url, runs, before_each):
    for _ in range(3):  # warm templates, translations and the connection
        client.get(url)
    timings = []
    for _ in range(runs):
        before_each()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return timings


def summary(timings):
    p90 = sorted(timings)[int(0.9 * (len(timings) - 1))]
    return f"median {statistics.median(timings):6.2f} ms, p90 {p90:6.2f} ms"


def forget_thread(post):
    def run():
        if invalidate_thread is not None:
            invalidate_thread(post.pk)

    return run


def show_sql(client, url, post):
    queries = []

    def log(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - started) * 1000, sql))

    forget_thread(post)()
    with connection.execute_wrapper(log):
        client.get(url)
    for ms, sql in queries:
        print(f"    {ms:7.2f} ms  {sql[:140]}")
    return len(queries)


def profile(client, url, post, case, top=30):
    sort = os.environ.get("PROFILE_SORT", "tottime")
    top = int(os.environ.get("PROFILE_TOP", top))
    print(f"  profile of 20 requests, {case}:")
    if case == "full":  # the page around the thread rendered, the thread from the cache
        settings.POST_PAGE_CACHE_SECONDS = 0
    profiler = cProfile.Profile()
    for _ in range(20):
        if case == "uncached":
            forget_thread(post)()
        profiler.enable()
        client.get(url)
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats(sort).print_stats(top)


def thread_breakdown(post, runs):
    """The thread alone, outside the request: its two queries and Python, then the HTML."""
    from django.utils import translation

    from comments.thread.build import build_thread_page
    from comments.thread.html import render_thread_page

    building, rendering = [], []
    with translation.override("en"):
        for _ in range(runs):
            started = time.perf_counter()
            thread = build_thread_page(post)
            built = time.perf_counter()
            render_thread_page(thread, accepting=True)
            rendering.append((time.perf_counter() - built) * 1000)
            building.append((built - started) * 1000)
    return statistics.median(building), statistics.median(rendering)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,500")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--profile", choices=["uncached", "warm", "full"])
    parser.add_argument("--sql", action="store_true")
    parser.add_argument(
        "--page-size",
        type=int,
        help="comments per page instead of 200 (e.g. 1000: the 500 comments on one page)",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.page_size:
        from comments.thread import build as thread

        thread.PAGE_SIZE = args.page_size

    # Not setup_test_environment(): its template instrumentation would be timed too.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rng = random.Random(2010)
        author = User.objects.create_user("bench-author", password="x")  # noqa: S106
        labels = [Label.objects.create(name=n, slug=n.lower()) for n in ("Wikileaks", "Juarez")]
        for n in range(1, 9):
            PolicyRule.objects.create(number=n, title=f"Rule {n}", text="What it asks.")
        posts = {size: build_post(size, author, labels, rng) for size in sizes}
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"{connection.vendor}, Django {django.get_version()}, Python {sys.version.split()[0]}"
        )
        client = Client()
        for size, (post, replies) in posts.items():
            url = post.get_absolute_url()
            print(f"\n{size} approved comments ({replies} replies, depths {depth_histogram(post)})")
            page = client.get(url).content
            shown = page.count(b'<li id="c')
            print(f"  page: {len(page) / 1024:.0f} KB, {shown} comments shown")
            page_cache_seconds = settings.POST_PAGE_CACHE_SECONDS
            cases = [
                # (label, page kept in the cache?, what happens before each request)
                ("rendered in full, thread uncached", False, forget_thread(post)),
                ("rendered in full, thread cached", False, lambda: None),
                ("page cached, thread uncached", True, forget_thread(post)),
                ("page cached, thread cached", True, lambda: None),
                ("all cold", True, cache.clear),
            ]
            for label, page_cached, before_each in cases:
                settings.POST_PAGE_CACHE_SECONDS = page_cache_seconds if page_cached else 0
                timings = time_requests(client, url, args.runs, before_each)
                print(f"  {label:34} {summary(timings)}")
            settings.POST_PAGE_CACHE_SECONDS = page_cache_seconds
            build_ms, render_ms = thread_breakdown(post, args.runs)
            print(
                f"  the thread alone: queries and threading {build_ms:.2f} ms, "
                f"HTML {render_ms:.2f} ms"
            )
            if args.sql:
                print(
                    "  SQL of one request with the thread uncached: "
                    f"{show_sql(client, url, post)} queries"
                )
            if args.profile:
                profile(client, url, post, args.profile)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
