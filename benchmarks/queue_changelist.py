"""How fast the moderation queue answers with 100,000 comments stored.

Builds a throwaway database with Django's test-database machinery (a temporary SQLite
file, or test_<name> on the server DATABASE_URL points at), fills it with comments in
every status on a few hundred posts, then requests the comment changelist as an editor
through the test client (in-process: URL routing, middleware, admin, templates, no
network) and reports the median time and the SQL the page issues. The database is
dropped at the end.

    .venv/bin/python benchmarks/queue_changelist.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python benchmarks/queue_changelist.py

Options: --comments N (100000), --posts N (300), --runs N (30), --sql (print the timed
SQL of every view, not only the default one). The figures and the commands that gave
them are in benchmarks/README.md. This is a measurement, never a test: nothing fails
on a slow machine.
"""

import argparse
import os
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
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from comments.models import Comment, CommentFlag, PolicyRule  # noqa: E402
from comments.sanitize import count_links, render_comment  # noqa: E402
from posts.markup import excerpt_of, render_article  # noqa: E402
from posts.models import Post  # noqa: E402

Status = Comment.Status
QUEUE = "/admin/comments/comment/"
# Roughly a busy newsroom's table: most comments long decided, a queue of pending ones.
STATUS_WEIGHTS = {
    Status.APPROVED: 80,
    Status.PENDING: 8,
    Status.REJECTED: 7,
    Status.SPAM: 5,
}
BODIES = [
    "Plata o plomo, así es en Nuevo Laredo.",
    "The army should have been sent years ago.\n\nNobody listens to us here.",
    "Read the cable: https://example.com/cables/09MEXICO3195",
    "Ernest1 is right, @ 3:40 the convoy went down Guerrero.",
    "Buy cheap watches https://spam.example/ and https://spam.example/2 and more",
    "<b>Calderón</b> knew. Everyone knew.",
    "Que Dios los cuide a todos los que viven en la frontera.",
    "Anonymous again: the checkpoint on the highway was gone this morning.",
]
BATCH = 5000


def build(comment_count, post_count, seed=2010):
    rng = random.Random(seed)
    now = timezone.now()
    editors = Group.objects.get(name="Editors")
    editor = User.objects.create_user("bench-editor", password="x", is_staff=True)  # noqa: S106
    editor.groups.add(editors)
    PolicyRule.objects.bulk_create(
        PolicyRule(number=n, title=f"Rule {n}", text=f"What rule {n} asks.") for n in range(1, 9)
    )
    post_body = "Reporting from the border.\n\n## More\n\nDetails of the day."
    Post.objects.bulk_create(
        Post(
            title=f"Border story {i}",
            slug=f"border-story-{i}",
            author=editor,
            body=post_body,
            body_html=render_article(post_body),
            excerpt=excerpt_of(render_article(post_body)),
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(days=post_count - i),
        )
        for i in range(post_count)
    )
    post_ids = list(Post.objects.values_list("pk", flat=True))
    rendered = [(body, render_comment(body)) for body in BODIES]
    rendered = [(body, html, count_links(html)) for body, html in rendered]
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    submitters = [f"{rng.getrandbits(256):064x}" for _ in range(5000)]

    # The benchmark spreads comments over months; auto_now_add would stamp them all now.
    Comment._meta.get_field("created_at").auto_now_add = False
    made = 0
    while made < comment_count:
        batch = []
        for _ in range(min(BATCH, comment_count - made)):
            body, html, links = rng.choice(rendered)
            status = rng.choices(statuses, weights)[0]
            # Pending comments are recent; decided ones spread over the last 90 days.
            age = timedelta(
                minutes=rng.uniform(1, 3 * 24 * 60 if status == Status.PENDING else 90 * 24 * 60)
            )
            created = now - age
            decided = (
                None
                if status == Status.PENDING
                else created + timedelta(minutes=rng.uniform(5, 600))
            )
            batch.append(
                Comment(
                    post_id=rng.choice(post_ids),
                    author_name=rng.choice(["", "", "", "Ernest1", "Buela", "Brito"]),
                    body=body,
                    body_html=html,
                    link_count=links,
                    status=status,
                    created_at=created,
                    decided_at=decided,
                    first_approved_at=decided if status == Status.APPROVED else None,
                    submitter_hash=rng.choice(submitters),
                    report_count=1 if status == Status.APPROVED and rng.random() < 0.01 else 0,
                )
            )
        Comment.objects.bulk_create(batch)
        made += len(batch)
    Comment._meta.get_field("created_at").auto_now_add = True

    # One comment in twenty carries a flag, as the site's detectors would leave it.
    kinds = [kind for kind, _ in CommentFlag.Kind.choices]
    flagged = Comment.objects.order_by("pk").values_list("pk", flat=True)
    flags = [
        CommentFlag(comment_id=pk, kind=rng.choice(kinds), detail="55 1234 ****")
        for pk in flagged.iterator()
        if rng.random() < 0.05
    ]
    CommentFlag.objects.bulk_create(flags, batch_size=BATCH)
    if connection.vendor == "postgresql":
        # Autovacuum would analyse tables this size soon after such a load; SQLite is left
        # as production leaves it, without statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return editor


class QueryLog:
    """Every SQL statement one request issues, timed to the microsecond."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append({"sql": sql, "ms": (time.perf_counter() - started) * 1000})


def measure(client, url, runs):
    """Timings of ``runs`` requests, each with the pending count uncached, and their SQL."""
    for _ in range(3):  # warm the template cache and the connection
        client.get(url)
    timings = []
    for _ in range(runs):
        cache.clear()  # worst case: the header's cached pending count has just expired
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    cache.clear()
    log = QueryLog()
    with connection.execute_wrapper(log):
        client.get(url)
    return timings, log.queries


def whole_table_counts(queries):
    return [
        q["sql"]
        for q in queries
        if "COUNT(" in q["sql"].upper()
        and "comments_comment" in q["sql"]
        and " WHERE " not in q["sql"].upper()
    ]


def report(label, timings, queries, show_sql):
    median = statistics.median(timings)
    p90 = sorted(timings)[int(0.9 * (len(timings) - 1))]
    print(f"{label}: median {median:.1f} ms, p90 {p90:.1f} ms, {len(queries)} queries")
    if show_sql:
        for q in queries:
            print(f"    {q['ms']:7.2f} ms  {q['sql'][:150]}")
    bad = whole_table_counts(queries)
    print(f"    COUNT over the whole comments table: {'YES: ' + bad[0] if bad else 'none'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="print every view's SQL, timed")
    args = parser.parse_args()

    # Not setup_test_environment(): its template instrumentation would be timed too.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        editor = build(args.comments, args.posts)
        counts = {s: Comment.objects.filter(status=s).count() for s in Status.values}
        print(
            f"{connection.vendor} {connection.Database.__name__}: {args.comments} comments "
            f"({', '.join(f'{n} {s}' for s, n in counts.items())}), {args.posts} posts, "
            f"{CommentFlag.objects.count()} flags; built in {time.perf_counter() - started:.0f} s"
        )
        client = Client()
        client.force_login(editor)
        views = [
            ("default filter (pending, oldest first)", QUEUE, True),
            ("status=all", f"{QUEUE}?status=all", False),
            ("reported", f"{QUEUE}?reported=yes", False),
            ("flagged (any)", f"{QUEUE}?flag=any", False),
            ("dashboard", f"{QUEUE}dashboard/", False),
        ]
        for label, url, show_sql in views:
            timings, queries = measure(client, url, args.runs)
            report(label, timings, queries, show_sql or args.sql)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
