from io import StringIO

import pytest
from django.core.management import call_command

from demo.content import SEED_SLUG
from posts.models import Post


def _run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def run_load_demo(db):
    """Runs load_demo (again) and returns what it printed."""
    return _run_load_demo


@pytest.fixture
def demo(run_load_demo):
    """The demo content, loaded once; returns what load_demo printed."""
    return run_load_demo()


@pytest.fixture
def seed_post(demo):
    return Post.objects.get(slug=SEED_SLUG)
