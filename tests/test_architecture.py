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


# The comments app's rooms -------------------------------------------------------------

APPLICATION_CODE = ["borderblog", "comments", "posts", "tips", "demo", "benchmarks"]


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolved_imports(path):
    """Every module ``path`` imports, relative imports resolved to absolute names (for
    ``from . import x``, both the package and ``package.x``)."""
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def application_files():
    return sorted(path for app in APPLICATION_CODE for path in (ROOT / app).rglob("*.py"))


@pytest.mark.parametrize(
    "path",
    [p for p in application_files() if not p.is_relative_to(ROOT / "comments" / "post_page")],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_nothing_outside_the_post_page_package_reaches_into_it(path):
    # Its one entry point is comments.post_page.PostPageView.
    inside = [
        name
        for name in resolved_imports(path)
        if name.startswith("comments.post_page.") and name != "comments.post_page.PostPageView"
    ]
    assert inside == []


def test_the_import_resolver_sees_relative_imports_into_the_post_page():
    # The rule above must not pass because relative imports went unseen.
    names = set(resolved_imports(ROOT / "comments" / "post_page" / "views.py"))
    assert {"comments.post_page.shell", "comments.thread.build.ThreadView"} <= names


@pytest.mark.parametrize("path", application_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_signal_receivers_are_connected_in_app_configs_only(path):
    # A receiver connected when its module happens to be imported is connected late,
    # or twice; AppConfig.ready() is where Django says they go.
    tree = ast.parse(path.read_text(), filename=str(path))
    connects = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"post_save", "post_delete", "m2m_changed", "pre_save"}
    ]
    assert path.name == "apps.py" or connects == []


@pytest.mark.parametrize(
    "path",
    [*python_files("posts"), *python_files("comments"), *python_files("tips")],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_app_imports_the_blogger_import(path):
    # The import writes through posts' and comments' models and services; they never
    # know it exists, so the site runs the same with the blogger app removed.
    assert imports_of("blogger", path) == [], f"{path.relative_to(ROOT)}"
