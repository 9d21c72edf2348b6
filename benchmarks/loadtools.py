"""What the load benchmarks share: starting gunicorn, waiting for it, running wrk, and
printing the table. Runs no Django itself; the sites run in their own processes."""

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FIXED = "fixed 30 KB page"


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def serve(wsgi_module, env, port, workers):
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), wsgi_module, "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env, cwd=ROOT, start_new_session=True,
    )  # fmt: skip


def wait_until_up(server, port, *, healthz_body, timeout=30):
    """Until the server's /healthz answers ``healthz_body``. Another server already on the
    port would answer too (gunicorn retries binding for a while before it exits), so the
    body must be this site's."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}): is port {port} taken?")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                if reply.status == 200 and reply.read() == healthz_body:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def wrk(url, seconds):
    """(requests per second, median latency, non-2xx/3xx responses) of wrk -t2 -c32."""
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, int(errors.group(1)) if errors else 0


def print_table(title, results):
    """Each page's wrk figures, and its rate as a share of the fixed page's."""
    fixed = results[FIXED][0]
    print(title)
    print(f"{'page':32} {'req/s':>8} {'p50':>9} {'of fixed':>9} {'errors':>7}")
    for label, (rate, p50, errors) in results.items():
        print(f"{label:32} {rate:8.1f} {p50:>9} {rate / fixed:9.1%} {errors:7d}")
