"""demo_logins hands out the demo staff logins, and only on a development machine."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def run_demo_logins():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return out.getvalue()


def printed_password(output, username):
    match = re.search(rf"username: {username}\s+password: (\S+)", output)
    assert match, output
    return match.group(1)


@pytest.mark.parametrize(("username", "group"), [("editor", "Editors"), ("author", "Authors")])
def test_demo_logins_makes_each_account_staff_in_its_group(db, debug, username, group):
    run_demo_logins()
    user = get_user_model().objects.get(username=username)
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [group]


@pytest.mark.parametrize("username", ["editor", "author"])
def test_demo_logins_prints_a_working_password_for_each_account(db, debug, username):
    output = run_demo_logins()
    user = get_user_model().objects.get(username=username)
    assert user.check_password(printed_password(output, username))


def test_demo_logins_gives_new_passwords_on_every_run(db, debug):
    first, second = run_demo_logins(), run_demo_logins()
    assert printed_password(first, "editor") != printed_password(second, "editor")
    user = get_user_model().objects.get(username="editor")
    assert not user.check_password(printed_password(first, "editor"))


def test_demo_logins_prints_the_admin_address_on_the_port_from_the_environment(
    db, debug, monkeypatch
):
    monkeypatch.setenv("PORT", "8123")
    assert "http://127.0.0.1:8123/admin/" in run_demo_logins()


def test_demo_logins_uses_port_8000_by_default(db, debug, monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    assert "http://127.0.0.1:8000/admin/" in run_demo_logins()


def test_demo_logins_refuses_without_debug_and_changes_nothing(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        run_demo_logins()
    assert not get_user_model().objects.filter(username__in=["editor", "author"]).exists()


def test_demo_logins_keeps_an_existing_account_and_its_demo_decisions(db, debug, demo):
    editor = get_user_model().objects.get(username="editor")
    run_demo_logins()
    assert get_user_model().objects.get(username="editor").pk == editor.pk
    assert editor.moderation_decisions.exists()
