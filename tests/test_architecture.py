"""Imports flow one way: comments may use posts; posts never mentions comments."""

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


@pytest.mark.parametrize("path", sorted((ROOT / "posts").rglob("*.py")), ids=lambda p: p.name)
def test_posts_never_imports_comments(path):
    offending = [m for m in imported_modules(path) if m == "comments" or m.startswith("comments.")]
    assert offending == [], f"{path.relative_to(ROOT)} imports {offending}"
