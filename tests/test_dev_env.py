"""A development checkout's .env: every manage.py command works there as `make run` does,
and production still refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

from borderblog import dev_env

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, env_file, **environment):
    """Run manage.py as a developer's shell would: no DEBUG or SECRET_KEY exported."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(ENV_FILE=str(env_file), DJANGO_SETTINGS_MODULE="borderblog.settings")
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_dev_env_turns_debug_on_with_a_key_of_its_own(tmp_path):
    first, second = tmp_path / "one.env", tmp_path / "two.env"
    dev_env.write(first)
    dev_env.write(second)
    lines = first.read_text().splitlines()
    assert "DEBUG=1" in lines
    keys = {path.read_text().split("SECRET_KEY=")[1].split()[0] for path in (first, second)}
    assert len(keys) == 2
    assert all(len(key) >= 50 for key in keys)


def test_dev_env_is_written_once_and_readable_only_by_its_owner(tmp_path):
    path = tmp_path / ".env"
    assert dev_env.write(path)
    written = path.read_text()
    assert not dev_env.write(path)
    assert path.read_text() == written
    assert path.stat().st_mode & 0o777 == 0o600


def test_manage_py_commands_work_in_a_checkout_after_make_run(tmp_path):
    env_file = tmp_path / ".env"
    dev_env.write(env_file)
    result = manage("check", env_file=env_file)
    assert result.returncode == 0, result.stderr
    printed = manage("diffsettings", "--all", env_file=env_file)
    assert "DEBUG = True" in printed.stdout


def test_the_environment_wins_over_the_dev_env_file(tmp_path):
    env_file = tmp_path / ".env"
    dev_env.write(env_file)
    printed = manage("diffsettings", env_file=env_file, DEBUG="0", TIME_ZONE="UTC")
    assert "DEBUG" not in printed.stdout  # diffsettings lists what differs: False doesn't
    assert "TIME_ZONE = 'UTC'" in printed.stdout


def test_without_a_dev_env_file_or_a_secret_key_nothing_starts(tmp_path):
    result = manage("check", env_file=tmp_path / "missing.env")
    assert result.returncode != 0
    assert "make run" in result.stderr


def test_the_app_server_never_reads_the_checkouts_dev_env():
    checkout_env = ROOT / ".env"
    written = dev_env.write(checkout_env)  # a stray .env, as `make run` leaves one
    try:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DEBUG", "ENV_FILE", "DJANGO_SETTINGS_MODULE"}
        }
        env["SECRET_KEY"] = "production-secret-" + "s" * 40
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import borderblog.wsgi; from django.conf import settings; print(settings.DEBUG)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        if written:
            checkout_env.unlink()
    assert result.stdout.strip() == "False", result.stderr
