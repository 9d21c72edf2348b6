import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.users import DEMO_USERS, ensure_demo_user

ROLES = {
    "editor": "moderation queue, tips",
    "author": "writes and publishes posts",
}


class Command(BaseCommand):
    help = (
        "Make sure the demo staff accounts 'editor' (group Editors) and 'author' (group "
        "Authors) exist, give each a new random password, and print them with the admin "
        "address (port from $PORT, default 8000). Passwords are shown once and stored "
        "nowhere but as hashes; run again for new ones. Refuses to run unless DEBUG is on, "
        "so it can never reset passwords on a production site."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_logins resets the passwords of the 'editor' and 'author' accounts, "
                "so it only runs with DEBUG on (a development machine). Nothing was changed."
            )
        passwords = {}
        with transaction.atomic():
            for username in DEMO_USERS:
                user, _ = ensure_demo_user(username)
                passwords[username] = secrets.token_urlsafe(12)
                user.set_password(passwords[username])
                user.save(update_fields=["password"])

        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            f"Log in at http://127.0.0.1:{port}/admin/ with (new passwords, shown only now):"
        )
        for username, password in passwords.items():
            role = f"{DEMO_USERS[username]}: {ROLES[username]}"
            self.stdout.write(f"  username: {username:<7} password: {password}   ({role})")
