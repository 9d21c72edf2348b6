"""Compile the project's .po translation catalogues into .mo files, in pure Python.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine may not have
and cannot install without root; polib reads and writes the same formats. `make run`
and `make test` call this; only catalogues newer than their .mo are compiled.

    python -m borderblog.translations
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIRS = [ROOT / "locale", *sorted(ROOT.glob("*/locale"))]


def catalogues():
    for directory in CATALOGUE_DIRS:
        yield from sorted(directory.glob("*/LC_MESSAGES/*.po"))


def compile_all(force=False):
    """Write each stale .mo next to its .po; returns the .po files compiled."""
    compiled = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled.append(po_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all(force="--force" in sys.argv):
        print(f"compiled {path.relative_to(ROOT)}")
