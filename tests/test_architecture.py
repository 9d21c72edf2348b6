"""Imports flow one way: comments may use posts; posts and the tip line never use comments.

Shared pieces that more than one app needs (the keyed submitter hash, rate limits in
the cache, the image cleaner) live in the project package, borderblog/.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def python_files(app):
    return sorted((ROOT / app).rglob("*.py"))


def imports_of(app, path):
    return [m for m in imported_modules(path) if m == app or m.startswith(f"{app}.")]


def imports_of_comments(path):
    return imports_of("comments", path)


@pytest.mark.parametrize("path", python_files("posts"), ids=lambda p: p.name)
def test_posts_never_imports_comments(path):
    assert imports_of_comments(path) == [], f"{path.relative_to(ROOT)}"


@pytest.mark.parametrize("path", python_files("tips"), ids=lambda p: p.name)
def test_the_tip_line_never_imports_comments(path):
    assert imports_of_comments(path) == [], f"{path.relative_to(ROOT)}"


@pytest.mark.parametrize("path", python_files("tips"), ids=lambda p: p.name)
def test_tips_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= 300


@pytest.mark.parametrize("path", python_files("posts"), ids=lambda p: p.name)
def test_posts_never_imports_the_tip_line(path):
    # Lead images are cleaned as tip attachments are, through borderblog.images.
    assert imports_of("tips", path) == [], f"{path.relative_to(ROOT)}"


@pytest.mark.parametrize("app", ["posts", "comments", "tips"])
def test_the_shared_image_cleaner_imports_no_app(app):
    assert imports_of(app, ROOT / "borderblog" / "images.py") == []
