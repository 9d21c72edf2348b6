"""Requests per second of django-contrib-comments' page, under gunicorn and wrk on loopback.

The issue quotes "the best-known Django comments app" at about 15 req/s (80 ms) for a
page equivalent to the Border Blog's post page with 200 comments. This measures it on
this machine, the same way as benchmarks/serve_load.py measures the blog, so the two can
be compared.

The site is a minimal standalone Django project (benchmarks/contrib_comments/; nothing of
the Border Blog is imported): DEBUG off, a throwaway SQLite file, the usual production
middleware (security, sessions, common, CSRF, authentication, messages, clickjacking), a
local-memory cache, django.contrib.sites and django_comments 2.2 set up as its docs say.
One article (a heading and "Text. " * 300, as serve_load.py's post) carries --comments
public, non-removed comments of 350-426 characters. Its page shows the article, then
{% get_comment_count %}, {% render_comment_list %} and {% render_comment_form %} with
django_comments' default templates (the form with its CSRF token and security hash).
django_comments has no cache of the page or its fragments, so every request reads and
renders all the comments; none is added here. Its list is flat: it has no threads.
wrk's requests carry no cookies, like a first visit (as in serve_load.py): every response
sets a new CSRF cookie.

Pages measured, each with wrk -t2 -c32 for --seconds after a 30-request warm-up, served
by gunicorn with --workers sync workers:

- fixed: /bench/fixed/, the same constant 30 KB page as serve_load.py's, through this
  site's middleware: the ceiling of this stack on this machine;
- article: the article page with its comments.

Each figure is also given as a share of the fixed page's. Then the article page through
the Django test client, in-process (routing, middleware, view, templates; no network):
the median of 50 requests after 3 warm-up ones, and the SQL queries of one request.

    .venv/bin/pip install -e '.[bench]'
    sudo apt-get install wrk      # Debian's package
    .venv/bin/python benchmarks/contrib_comments_load.py
    # Options: --comments 200 --seconds 15 --workers 3 --port 8766

A measurement, never a test. Only 127.0.0.1 is ever contacted.
"""

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import urllib.request
from importlib import metadata
from pathlib import Path

from loadtools import FIXED, PYTHON, ROOT, print_table, run, serve, wait_until_up, wrk

SETTINGS = "benchmarks.contrib_comments.settings"
POPULATE = """
import random
from datetime import timedelta
from django.contrib.sites.models import Site
from django.utils import timezone
from django_comments.models import Comment
from benchmarks.contrib_comments.models import Article

random.seed(7)
article = Article.objects.create(title="Load benchmark article", slug="load-benchmark",
    body="Reporting from the border.\\n\\n## Losing control\\n\\n" + "Text. " * 300)
words = ("The army cannot hold the plaza without the police, and the police answer to "
         "the plaza. Los soldados llegaron al ejido a las tres de la tarde. ")
start = timezone.now() - timedelta(hours=20)
site = Site.objects.get_current()
Comment.objects.bulk_create(
    Comment(content_object=article, site=site, comment=(words * 3)[: 350 + random.randrange(100)],
            user_name=random.choice(["Anonymous", "Anonymous", "Buela", "Ernest1", "Brito"]),
            submit_date=start + timedelta(minutes=3 * i), is_public=True, is_removed=False,
            ip_address="127.0.0.1")
    for i in range(COUNT)
)
print(article.get_absolute_url())
"""
# The in-process part runs in its own interpreter, as the populate step does, so this
# script never configures Django itself.
IN_PROCESS = """
import json, statistics, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client(HTTP_HOST="127.0.0.1")
for _ in range(3):
    client.get(PATH)
timings = []
for _ in range(RUNS):
    started = time.perf_counter()
    response = client.get(PATH)
    timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, response.status_code
# Counted apart from the timed requests: capturing turns on the debug cursor.
with CaptureQueriesContext(connection) as queries:
    page = client.get(PATH).content
print(json.dumps({
    "median": statistics.median(timings),
    "p90": sorted(timings)[int(0.9 * (len(timings) - 1))],
    "queries": [q["sql"] for q in queries.captured_queries],
    "kb": len(page) / 1024,
    "shown": page.count(b'<dt id="c'),
}))
"""


def django_admin(env, *args, **kwargs):
    return run([PYTHON, "-m", "django", *args], env, **kwargs)


def shell(env, script):
    """Runs a script in `django-admin shell` and returns the last line it printed."""
    command = ["shell", "--verbosity", "0", "-c", script]
    out = django_admin(env, *command, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=3)
    # Not serve_load.py's 8765, so the two can be run one after the other without waiting
    # for that port to be released.
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    try:
        comments_version = metadata.version("django-contrib-comments")
    except metadata.PackageNotFoundError:
        sys.exit("django_comments is not installed: .venv/bin/pip install -e '.[bench]'")

    workdir = Path(tempfile.mkdtemp(prefix="bench-contrib-comments-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "BENCH_SQLITE_PATH": str(workdir / "bench.sqlite3"),
    }
    server = None
    try:
        # --run-syncdb: the benchmark's article model has no migrations of its own.
        django_admin(env, "migrate", "--run-syncdb", "--verbosity", "0")
        article_path = shell(env, POPULATE.replace("COUNT", str(args.comments)))
        in_process = json.loads(
            shell(env, IN_PROCESS.replace("PATH", repr(article_path)).replace("RUNS", "50"))
        )

        base = f"http://127.0.0.1:{args.port}"
        server = serve("benchmarks.contrib_comments.wsgi", env, args.port, args.workers)
        wait_until_up(server, args.port, healthz_body=b"contrib_comments")
        for _ in range(30):
            urllib.request.urlopen(base + article_path).read()
        results = {
            FIXED: wrk(base + "/bench/fixed/", args.seconds),
            "django_comments article page": wrk(base + article_path, args.seconds),
        }

        print_table(
            f"{args.comments} comments, {args.workers} sync workers, SQLite, "
            f"django-contrib-comments {comments_version}, no page or fragment cache",
            results,
        )
        print(
            f"in-process (test client, 50 requests): median {in_process['median']:.2f} ms, "
            f"p90 {in_process['p90']:.2f} ms; {len(in_process['queries'])} SQL queries a "
            f"request; page {in_process['kb']:.0f} KB, {in_process['shown']} comments shown"
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
