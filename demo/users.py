"""The two demo staff accounts, one per role the admin knows (SPEC §1)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

# username → the group (created by migrations) that gives the account its role
DEMO_USERS = {"editor": "Editors", "author": "Authors"}


def ensure_demo_user(username):
    """The demo account ``username``, created if missing, staff and in its group.

    A new account gets an unusable password: nobody can log in as it until
    ``manage.py demo_logins`` gives it one. An existing account keeps its password.
    Returns (user, created).
    """
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"is_staff": True, "password": make_password(None)},
    )
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=DEMO_USERS[username]))
    return user, created
