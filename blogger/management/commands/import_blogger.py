"""manage.py import_blogger PATH [--dry-run] [--media-dir DIR]

docs/import.md says how to export a blog from Blogger, run this, and check the result.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from blogger.entries import ExportError
from blogger.images import ImageImporter
from blogger.importer import Progress, import_blogger

STAGES = {
    "reading": "Reading the export",
    "images": "Fetching images",
    "import": "Importing",
}
UNITS = {"reading": " entries", "images": " images", "import": " entries"}


class Command(BaseCommand):
    help = (
        "Import a Blogger blog: the classic backup (blog-MM-DD-YYYY.xml) or Takeout's "
        "feed.atom. Posts, drafts, pages, comments and images come in; the old addresses "
        "keep working. Running it again adds only what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The export file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read the whole export and report what would be imported; write nothing.",
        )
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A folder of images that came with the export (Takeout); used before "
            "fetching from Blogger.",
        )

    def handle(self, *args, path, dry_run, media_dir, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"{media_dir}: no such folder.")
        images = ImageImporter(media_dir=media_dir, dry_run=dry_run)
        progress = _TerminalProgress(self.stderr) if self.stderr.isatty() else _Counts(self)
        try:
            summary = import_blogger(path, dry_run=dry_run, images=images, progress=progress)
        except ExportError as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from None
        finally:
            progress.finish()
        self._report(summary, dry_run=dry_run)

    def _report(self, summary, *, dry_run):
        heading = "Would import (dry run, nothing written):" if dry_run else "Imported:"
        self.stdout.write(heading)
        rows = list(summary.rows())
        width = max(len(what) for what, _ in rows)
        for what, count in rows:
            self.stdout.write(f"  {what:<{width}}  {count:>7}")
        for address in summary.images_missing:
            self.stdout.write(self.style.WARNING(f"  missing image, left out: {address}"))
        for address in sorted(summary.images_elsewhere):
            self.stdout.write(
                self.style.WARNING(f"  image on another site, not loaded by the pages: {address}")
            )


class _TerminalProgress(Progress):
    def __init__(self, stream):
        # tqdm redraws its line with \r on the terminal itself, not through Django's
        # OutputWrapper (which would end every redraw with a newline).
        self.stream, self.bar = getattr(stream, "_out", stream), None

    def start(self, stage, total):
        self.finish()
        self.bar = tqdm(total=total, desc=STAGES[stage], unit=UNITS[stage], file=self.stream)

    def advance(self, count=1):
        self.bar.update(count)

    def finish(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _Counts(Progress):
    """Off a terminal (a log, a pipe): a line at the end of each stage, with its count."""

    def __init__(self, command):
        self.command, self.stage, self.count = command, None, 0

    def start(self, stage, total):
        self.finish()
        self.stage, self.count = stage, 0

    def advance(self, count=1):
        self.count += count

    def finish(self):
        if self.stage is not None:
            self.command.stderr.write(f"{STAGES[self.stage]}: {self.count} done")
            self.stage = None
