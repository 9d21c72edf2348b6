"""How long `manage.py import_blogger` takes, and how much memory, on a large blog.

Writes a classic Blogger backup of --posts posts (2,000 by default) and --comments
comments (100,000), threaded as a lively blog's are (three in ten answer an earlier
comment, one in fifty removed, a third anonymous), into a throwaway folder; then imports
it into a fresh database three times, each in its own process: a dry run, the import,
and the same import again (which must add nothing). For each it gives the wall time and
the process's peak resident memory (ru_maxrss from wait4).

The export names no image on Blogger's hosts: this machine has no way to reach them, and
fetching is the network's time, not the import's.

    .venv/bin/python benchmarks/blogger_import.py
    .venv/bin/python benchmarks/blogger_import.py --posts 200 --comments 10000
    # on PostgreSQL: creates and drops bench_import on that server
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python benchmarks/blogger_import.py

A measurement, never a test.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.blogger.exports import FIRST_PUBLISHED, ClassicExport  # noqa: E402

PYTHON = sys.executable
WORDS = (
    "The army cannot hold the plaza without the police, and the police answer to the "
    "plaza. Los soldados llegaron al ejido a las tres de la tarde y nadie dijo nada. "
)
# Not Blogger's: the import leaves photos on other hosts as they are.
PHOTOS = "https://photos.example.org"
LABELS = [f"Label {n}" for n in range(40)] + ["Ciudad Juárez", "Tamaulipas", "Reynosa"]


def post_html(rng, n):
    paragraphs = [
        f"<div>{(WORDS * 4)[: 300 + rng.randrange(300)]}</div><div><br /></div>"
        for _ in range(4 + rng.randrange(6))
    ]
    figure = (
        '<table class="tr-caption-container" align="center"><tbody><tr><td>'
        f'<a href="{PHOTOS}/{n}.jpg"><img src="{PHOTOS}/{n}.jpg" width="400" height="300" />'
        '</a></td></tr><tr><td class="tr-caption">'
        "The bridge at noon.</td></tr></tbody></table>"
    )
    return f"<h2>Report {n}</h2>" + figure + "".join(paragraphs)


def comment_html(rng):
    body = (WORDS * 3)[: 120 + rng.randrange(400)]
    if rng.random() < 0.2:
        body += "<br /><br />See https://www.example.org/report and <b>read it</b>."
    return body


def write_export(path, posts, comments, seed=7):
    rng = random.Random(seed)
    per_post = max(1, comments // posts)
    with ClassicExport.streaming(path) as export:
        export.settings("BLOG_NAME")
        export.template()
        for n in range(posts):
            published = FIRST_PUBLISHED + timedelta(hours=12 * n)
            post = export.post(
                f"Border report number {n}",
                content_html=post_html(rng, n),
                labels=rng.sample(LABELS, 3),
                published=published,
                draft=rng.random() < 0.02,
            )
            made = []
            for i in range(per_post):
                parent = rng.choice(made) if made and rng.random() < 0.3 else None
                made.append(
                    export.comment(
                        post,
                        reply_to=parent,
                        content_html=comment_html(rng),
                        author="Anonymous"
                        if rng.random() < 0.33
                        else f"Reader {rng.randrange(900)}",
                        published=published + timedelta(minutes=5 * (i + 1)),
                        removed=rng.random() < 0.02,
                    )
                )


def timed(cmd, env):
    """Runs ``cmd``; its wall time in seconds and peak resident memory in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{output.decode()}")
    return elapsed, usage.ru_maxrss / 1024, output.decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--comments", type=int, default=100_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    env = {**os.environ, "ENV_FILE": str(workdir / "bench.env"), "DEBUG": "1"}
    env.setdefault("SECRET_KEY", "bench-import-not-a-secret-" + "x" * 40)
    env["MEDIA_ROOT"] = str(workdir / "media")
    server = None
    if "DATABASE_URL" in env:
        server = env["DATABASE_URL"].rsplit("/", 1)[0]
        env["DATABASE_URL"] = server + "/bench_import"
        subprocess.run(
            ["psql", server + "/postgres", "-q", "-c", "DROP DATABASE IF EXISTS bench_import",
             "-c", "CREATE DATABASE bench_import"], check=True,
        )  # fmt: skip
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    try:
        export = workdir / "blog-12-04-2026.xml"
        started = time.perf_counter()
        write_export(export, args.posts, args.comments)
        size, took = export.stat().st_size / 1e6, time.perf_counter() - started
        print(f"export: {args.posts} posts, {args.comments} comments, {size:.0f} MB ({took:.1f} s)")
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True
        )
        command = [PYTHON, "manage.py", "import_blogger", str(export)]
        print(f"{'run':<22}{'time':>10}{'peak RSS':>12}")
        for label, cmd in (
            ("dry run", [*command, "--dry-run"]),
            ("import", command),
            ("the same, again", command),
        ):
            elapsed, peak, output = timed(cmd, env)
            print(f"{label:<22}{elapsed:>9.1f}s{peak:>9.0f} MB")
        print(output)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if server:
            subprocess.run(
                ["psql", server + "/postgres", "-q", "-c", "DROP DATABASE IF EXISTS bench_import"],
                check=False,
            )


if __name__ == "__main__":
    main()
