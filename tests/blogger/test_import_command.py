"""manage.py import_blogger: what the operator sees."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from posts.models import Post
from tests.blogger.exports import ClassicExport, TakeoutExport

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BILLION_LAUGHS = (
    '<!DOCTYPE feed [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)


def import_blogger(*args):
    out, err = StringIO(), StringIO()
    call_command("import_blogger", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def small_blog():
    export = ClassicExport()
    post = export.post(labels=["Border"])
    export.comment(post)
    export.settings()
    return export


def test_the_report_counts_what_was_imported(tmp_path):
    out, _ = import_blogger(small_blog().write(tmp_path))
    assert out.startswith("Imported:")
    lines = {
        line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in out.splitlines()[1:]
    }
    assert lines["posts"] == "1"
    assert lines["comments"] == "1"
    assert lines["labels"] == "1"
    assert lines["redirects"] == "2"
    assert lines["skipped: settings"] == "1"
    assert lines["images missing"] == "0"


def test_a_dry_run_says_so_and_writes_nothing(tmp_path):
    out, _ = import_blogger(small_blog().write(tmp_path), "--dry-run")
    assert out.startswith("Would import (dry run, nothing written):")
    assert not Post.objects.exists()


def test_off_a_terminal_each_stage_prints_its_count(tmp_path):
    _, err = import_blogger(small_blog().write(tmp_path))
    assert "Reading the export: 3 done" in err
    assert "Importing: 3 done" in err


def test_a_second_run_reports_what_was_already_there(tmp_path):
    path = small_blog().write(tmp_path)
    import_blogger(path)
    out, _ = import_blogger(path)
    assert "already imported: posts" in out
    assert Post.objects.count() == 1


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        import_blogger(tmp_path / "blog-01-01-2020.xml")


def test_a_missing_media_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        import_blogger(TakeoutExport().write(tmp_path), "--media-dir", tmp_path / "nowhere")


def test_a_malformed_file_names_its_line_and_imports_nothing(tmp_path):
    export = ClassicExport()
    export.post()
    line = export.raw("<entry><id>tag:blogger.com,1999:blog-1.post-2</id><title>Broken</entry>")
    with pytest.raises(CommandError, match=rf"line {line}\b.*Nothing was imported"):
        import_blogger(export.write(tmp_path))
    assert not Post.objects.exists()


def test_entity_expansion_is_refused(tmp_path):
    export = ClassicExport(prolog=BILLION_LAUGHS)
    export.post(content_html="&lol3;")
    with pytest.raises(CommandError, match="Nothing was imported"):
        import_blogger(export.write(tmp_path))
    assert not Post.objects.exists()


def test_a_refused_file_exits_non_zero_with_a_message_and_no_traceback(tmp_path):
    # Run as the operator runs it: its own process, its own database.
    export = ClassicExport(prolog=BILLION_LAUGHS)
    export.post(content_html="&lol3;")
    path = export.write(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'operator.sqlite3'}",
        "ENV_FILE": str(tmp_path / "operator.env"),
        "DEBUG": "1",
        "SECRET_KEY": "test-only-" + "k" * 50,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
    result = subprocess.run(
        [*manage, "import_blogger", str(path)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr


class Terminal(StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_each_stage_draws_a_progress_bar(tmp_path):
    terminal = Terminal()
    call_command(
        "import_blogger", str(small_blog().write(tmp_path)), stdout=StringIO(), stderr=terminal
    )
    drawn = terminal.getvalue()
    assert "Importing: 100%" in drawn
    assert "3/3" in drawn
