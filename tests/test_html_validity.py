"""Every public page of the demo site is valid HTML, by the Nu HTML Checker (vnu).

The pages come from the test client (tests/public_pages.py lists them) and are checked
in one run of vnu.jar: Java takes seconds to start, so one JVM checks every page, and
the site's own stylesheets with them. Errors fail the test; warnings are reported as
pytest warnings, since some are advice (vnu's language detection on bilingual text).
"""

import json
import shutil
import subprocess
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from django.conf import settings

from tests.public_pages import NODE_MODULES, demo_public_pages, fetch, require_tool

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))
# A cold JVM on a busy machine; a normal run takes a few seconds.
VNU_TIMEOUT_S = 180


def run_vnu(files: list[Path]) -> list[dict]:
    """vnu's messages about ``files``, from one JVM; each message names its file."""
    completed = subprocess.run(
        [
            shutil.which("java"),
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            "--also-check-css",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_S,
        check=True,
    )
    return json.loads(completed.stdout)["messages"]


def describe(message: dict) -> str:
    where = Path(message.get("url", "?")).name
    line = message.get("lastLine", "?")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}: {message['message']}" + (f"\n    …{extract}…" if extract else "")


@pytest.fixture
def public_pages(db):
    return demo_public_pages()


def report_warnings(advice: list[dict]) -> None:
    """One pytest warning per kind of advice, naming the pages that got it."""
    pages_by_text = defaultdict(Counter)
    for message in advice:
        pages_by_text[message["message"]][Path(message.get("url", "?")).name] += 1
    for text, pages in pages_by_text.items():
        where = ", ".join(f"{name} ({count}×)" for name, count in sorted(pages.items()))
        warnings.warn(f"vnu warning: {text} On: {where}", UserWarning, stacklevel=2)


def test_every_public_page_and_stylesheet_is_valid(client, public_pages, tmp_path):
    require_tool("the Nu HTML Checker", path=VNU)
    require_tool("the Nu HTML Checker", program="java")
    files = []
    for page in public_pages.values():
        response = fetch(client, page)
        html = response.content.decode()
        assert response.status_code == page.status, f"{page.name}: {response.status_code}"
        assert page.shows in html, f"{page.name} does not show {page.shows!r}"
        assert f'<html lang="{page.language or "en"}"' in html, f"{page.name}: wrong language"
        files.append(tmp_path / f"{page.name}.html")
        files[-1].write_text(html, encoding="utf-8")

    messages = run_vnu(files + STYLESHEETS)

    errors = [m for m in messages if m["type"] != "info"]
    advice = [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    report_warnings(advice)
    if errors:
        pytest.fail(
            f"vnu found {len(errors)} error(s):\n" + "\n".join(map(describe, errors)), pytrace=False
        )
