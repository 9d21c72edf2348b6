"""The tip line is its own app: from comments it uses only the address hash and rate limits."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_FROM_COMMENTS = {"comments.identity", "comments.ratelimit"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", sorted((ROOT / "tips").rglob("*.py")), ids=lambda p: p.name)
def test_tips_imports_from_comments_only_identity_and_rate_limits(path):
    from_comments = {m for m in imported_modules(path) if m.split(".")[0] == "comments"}

    assert from_comments <= ALLOWED_FROM_COMMENTS, f"{path.relative_to(ROOT)}: {from_comments}"


@pytest.mark.parametrize("path", sorted((ROOT / "tips").rglob("*.py")), ids=lambda p: p.name)
def test_tips_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= 300
