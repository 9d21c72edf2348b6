"""Real servers for the smoke tests, each started on a free port and stopped by its PID.

- ``demo_server``: `make run` itself (runserver, DEBUG, SQLite, the demo content), with
  its .env, database and files in a temporary folder so the checkout is left alone.
- ``production_server``: gunicorn with production settings (DEBUG off, SECRET_KEY and
  ALLOWED_HOSTS set, collected static files served by whitenoise), on the pass's
  database: a fresh SQLite file, or a database of its own on the PostgreSQL server.
- ``RedisServer``: a redis-server of the test's own, on another port than the machine's
  shared one, which the fault tests may kill or pause.

What each server prints goes to a file, read by the tests: no traceback may appear.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

from tests.faults import free_port

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
LOGIN = re.compile(r"username: (\w+)\s+password: (\S+)")
PRODUCTION_SECRET = "smoke-test-production-secret-" + "k" * 40
ONION = "borderblogtipsexampleexampleexampleexampleexample.onion"


def base_environment(**settings):
    """The environment a server starts with: the machine's, without the suite's settings
    (tests/settings.py sets some for itself) or any service URL it did not ask for."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "ENV_FILE",
            "SECRET_KEY",
            "DEBUG",
            "DATABASE_URL",
            "REDIS_URL",
            "SECURE_SSL_REDIRECT",
            "PYTEST_XDIST_WORKER",
            "PYTEST_CURRENT_TEST",
        }
    }
    env.update({key: str(value) for key, value in settings.items()})
    return env


@dataclass
class Server:
    """A running server: its address, its process group, what it printed."""

    name: str
    process: subprocess.Popen
    url: str
    output: Path
    env: dict = field(repr=False)
    logins: dict = field(default_factory=dict)

    def printed(self):
        return self.output.read_text(errors="replace")

    def assert_printed_no_traceback(self):
        printed = self.printed()
        assert "Traceback" not in printed, printed[-5000:]

    def stop(self):
        """Stop the server and every process it started (runserver's reloader child)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def manage(self, *args):
        """Run a manage.py command with the server's own settings."""
        return manage(self.env, *args)


def manage(env, *args):
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def start(name, command, env, output, *, ready_within=180):
    """Start ``command`` in its own process group; return once /healthz answers 200."""
    port = env["PORT"]
    log = output.open("w")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = Server(name, process, f"http://127.0.0.1:{port}", output, env)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{server.printed()}")
        try:
            if requests.get(f"{server.url}/healthz", timeout=5, allow_redirects=False).ok:
                return server
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"{name} did not answer within {ready_within} s:\n{server.printed()}")


def demo_server(folder: Path) -> Server:
    """`make run`, exactly as a newcomer types it, with its files in ``folder``."""
    env = base_environment(
        PORT=free_port(),
        ENV_FILE=folder / ".env",
        DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite3'}",
        MEDIA_ROOT=folder / "media",
        TIPS_ROOT=folder / "tips",
    )
    server = start("make run", ["make", "--no-print-directory", "run"], env, folder / "run.log")
    server.logins = dict(LOGIN.findall(server.printed()))
    return server


def production_server(folder: Path, database_url: str, **settings) -> Server:
    """gunicorn with production settings, its database migrated and the demo loaded."""
    env = base_environment(
        PORT=free_port(),
        ENV_FILE="",
        DEBUG=0,
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS=f"127.0.0.1,{ONION}",
        TIPS_ONION_ADDRESS=f"http://{ONION}",
        # Behind one TLS-terminating proxy, as docs/operations.md asks.
        TRUSTED_PROXY_COUNT=1,
        DATABASE_URL=database_url,
        MEDIA_ROOT=folder / "media",
        TIPS_ROOT=folder / "tips",
        STATIC_ROOT=folder / "static",
        # The smoke tests send more comments a minute than one reader may.
        COMMENT_RATE_PER_MINUTE=1000,
        COMMENT_RATE_PER_HOUR=1000,
        **settings,
    )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "load_demo")
    manage(env, "shell", "-c", EDITOR_ACCOUNT)
    command = [
        str(VENV_BIN / "gunicorn"),
        "borderblog.wsgi",
        "--bind",
        f"127.0.0.1:{env['PORT']}",
        "--workers",
        "2",
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
    ]
    server = start("gunicorn", command, env, folder / "gunicorn.log")
    server.logins = {"smoke-editor": SMOKE_EDITOR_PASSWORD}
    return server


SMOKE_EDITOR_PASSWORD = "smoke-editor-password-" + uuid.uuid4().hex
# An editor with an address, so that comments past the alert threshold mail someone.
EDITOR_ACCOUNT = f"""
from django.contrib.auth.models import Group, User
user, _ = User.objects.get_or_create(username="smoke-editor", defaults={{"is_staff": True}})
user.email = "desk@borderblog.example"
user.set_password("{SMOKE_EDITOR_PASSWORD}")
user.save()
user.groups.add(Group.objects.get(name="Editors"))
"""


def database_of_its_own(database_url: str):
    """For PostgreSQL, a fresh database on the same server (created now) and a function
    that drops it; for SQLite, None (each server gets a file in its folder)."""
    if not database_url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    name = f"borderblog_smoke_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(database_url)
    own_url = urlunsplit(parts._replace(path=f"/{name}"))
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return own_url, name, admin_url, drop


class RedisServer:
    """A redis-server of the test's own: nothing on disk, on a free port."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        self.process.kill()
        self.process.wait()

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()
