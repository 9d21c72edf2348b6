"""Requests per second under gunicorn (3 sync workers) with wrk on loopback.

Pages measured, each with wrk -t2 -c32 for --seconds after a warm-up:

- fixed: /bench/fixed/, a constant 30 KB response with no database and no template,
  the ceiling of this server stack on this machine;
- post: a post page with --comments threaded approved comments (200 by default), in
  four configurations: the page around the thread rendered on every request
  (POST_PAGE_CACHE_SECONDS=0, as for an editor) or served from its cached shell
  (comments.post_page.shell), each with the rendered-thread cache off
  (COMMENT_THREAD_CACHE_SECONDS=0: every request reads and renders the whole thread)
  and on.

Each page's figure is also given as a share of the fixed page's. The cache is Redis
when REDIS_URL is set (as in production; that Redis database is emptied before each
configuration, so give it one of its own), otherwise each worker's local memory. The
database is a throwaway SQLite file, or DATABASE_URL's server (a database named
bench_load there is created and dropped).

    sudo apt-get install wrk      # Debian's package
    .venv/bin/python benchmarks/serve_load.py
    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python benchmarks/serve_load.py

A measurement, never a test. Only 127.0.0.1 is ever contacted.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from loadtools import FIXED, PYTHON, print_table, run, serve, wait_until_up, wrk

POPULATE = """
import random
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from comments.models import Comment
from comments.sanitize import count_links, render_comment
from posts.models import Post

random.seed(7)
author = User.objects.create_user("bench-author")
post = Post.objects.create(title="Load benchmark post", slug="load-benchmark", author=author,
    status="published", publish_at=timezone.now() - timedelta(days=1),
    body="Reporting from the border.\\n\\n## Losing control\\n\\n" + "Text. " * 300)
words = ("The army cannot hold the plaza without the police, and the police answer to "
         "the plaza. Los soldados llegaron al ejido a las tres de la tarde. ")
start = timezone.now() - timedelta(hours=20)
made = []
for i in range(COUNT):
    body = (words * 3)[: 350 + random.randrange(100)]
    parent = random.choice(made) if made and random.random() < 0.3 else None
    html = render_comment(body)
    made.append(Comment.objects.create(post=post, parent=parent, body=body,
        author_name=random.choice(["", "", "", "Buela", "Ernest1", "Brito"]),
        status="approved", submitter_hash=f"{i:064x}", decided_at=start,
        first_approved_at=start))
Comment.objects.filter(post=post).update(created_at=start)
Post.objects.filter(pk=post.pk).update(comment_count=COUNT)
print(post.get_absolute_url())
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings"}
    if "DATABASE_URL" in env:
        env["DATABASE_URL"] = env["DATABASE_URL"].rsplit("/", 1)[0] + "/bench_load"
        # Two -c options, not one: psql runs a multi-statement -c as one transaction,
        # and DROP DATABASE refuses to run inside one.
        run(["psql", env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", "-q",
             "-c", "DROP DATABASE IF EXISTS bench_load", "-c", "CREATE DATABASE bench_load"],
            env)  # fmt: skip
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env["MEDIA_ROOT"] = str(workdir / "media")
    env["BENCH_STATIC_ROOT"] = str(workdir / "static")
    try:
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
        run([PYTHON, "manage.py", "migrate", "--verbosity", "0"], env)
        script = POPULATE.replace("COUNT", str(args.comments))
        post_path = run(
            [PYTHON, "manage.py", "shell", "--verbosity", "0", "-c", script],
            env, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        base = f"http://127.0.0.1:{args.port}"
        results = {}
        configurations = [
            # (label, rendered-thread cache seconds, post page cache seconds)
            ("post in full, thread uncached", "0", "0"),
            ("post in full, thread cached", "300", "0"),
            ("post cached, thread uncached", "0", "300"),
            ("post cached, thread cached", "300", "300"),
        ]
        for label, thread_cache, page_cache in configurations:
            if env.get("REDIS_URL"):
                # Redis outlives the workers: without this, a configuration with a
                # cache off would read what the previous one stored.
                import redis

                redis.Redis.from_url(env["REDIS_URL"]).flushdb()
            server = serve(
                "benchmarks.load_wsgi",
                {
                    **env,
                    "COMMENT_THREAD_CACHE_SECONDS": thread_cache,
                    "POST_PAGE_CACHE_SECONDS": page_cache,
                },
                args.port,
                args.workers,
            )
            try:
                wait_until_up(server, args.port, healthz_body=b"ok")
                for _ in range(30):
                    urllib.request.urlopen(base + post_path).read()
                if FIXED not in results:
                    results[FIXED] = wrk(base + "/bench/fixed/", args.seconds)
                results[label] = wrk(base + post_path, args.seconds)
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()
        cache_name = "Redis" if env.get("REDIS_URL") else "local memory"
        database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
        print_table(
            f"{args.comments} comments, {args.workers} sync workers, {database}, {cache_name}",
            results,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if "bench_load" in env["DATABASE_URL"]:
            server_db = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
            drop = "DROP DATABASE IF EXISTS bench_load;"
            subprocess.run(["psql", server_db, "-qc", drop], env=env, check=False)


if __name__ == "__main__":
    main()
