"""What a reader waits while Redis hangs: gunicorn with a Redis of its own under SIGSTOP.

gunicorn (3 sync workers, production settings, the demo content on a throwaway SQLite
file) is started twice, with the cache's circuit as it ships (REDIS_RETRY_AFTER_SECONDS=5)
and turned off (0: every cache call waits its REDIS_TIMEOUT_SECONDS, as before the
circuit existed). For each, pages are fetched one after another, --requests times each,
with Redis answering and then paused; the table gives the median and the slowest time,
and how many lines the server logged per request while Redis was paused.

    .venv/bin/python benchmarks/redis_hung.py

A measurement, never a test. Only 127.0.0.1 is ever contacted.
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from loadtools import PYTHON, ROOT, run, wait_until_up

PAGES = {
    "post": "/2010/12/wikileaks-cables-us-mexico-drugs-war-fears-revealed/",
    "home": "/",
    "tip line": "/tips/",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed_gets(port, path, count):
    times = []
    for _ in range(count):
        started = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as reply:
            reply.read()
            assert reply.status == 200, reply.status
        times.append(time.perf_counter() - started)
    return times


def measure(env, redis, count):
    """{(page, redis state): (median ms, slowest ms)} and log lines per paused request."""
    port = free_port()
    log = Path(env["LOG_PATH"])
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "borderblog.wsgi", "--workers", "3",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_until_up(server, port, healthz_body=b"ok")
        figures = {}
        for page, path in PAGES.items():
            timed_gets(port, path, 3)  # warm the cache
            figures[page, "up"] = timed_gets(port, path, count)
        lines_before = len(log.read_text().splitlines())
        redis.send_signal(signal.SIGSTOP)
        try:
            for page, path in PAGES.items():
                figures[page, "paused"] = timed_gets(port, path, count)
        finally:
            redis.send_signal(signal.SIGCONT)
        logged = len(log.read_text().splitlines()) - lines_before
        return figures, logged / (count * len(PAGES))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-redis-hung-"))
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    env = {
        **os.environ,
        "ENV_FILE": "",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "TIPS_ROOT": str(folder / "tips"),
    }
    try:
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"],
                        ["load_demo"]):  # fmt: skip
            run([PYTHON, "manage.py", *command], env, stdout=subprocess.DEVNULL)
        print(f"{args.requests} requests a page, one after another; times in ms (median / max)")
        print(f"{'circuit':<24}{'page':<10}{'Redis up':>16}{'Redis paused':>18}")
        for label, retry_after in (("off (every call waits)", "0"), ("on (as shipped, 5 s)", "5")):
            run_env = {**env, "REDIS_RETRY_AFTER_SECONDS": retry_after,
                       "LOG_PATH": str(folder / f"gunicorn-{retry_after}.log")}  # fmt: skip
            figures, lines_per_request = measure(run_env, redis, args.requests)
            for page in PAGES:
                cells = []
                for state in ("up", "paused"):
                    times = figures[page, state]
                    median, worst = statistics.median(times) * 1000, max(times) * 1000
                    cells.append(f"{median:.1f} / {worst:.0f}")
                print(f"{label:<24}{page:<10}{cells[0]:>16}{cells[1]:>18}")
            print(f"{'':<24}log lines per request while paused: {lines_per_request:.2f}")
    finally:
        redis.send_signal(signal.SIGCONT)
        redis.kill()


if __name__ == "__main__":
    main()
