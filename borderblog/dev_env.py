"""Writes a development checkout's .env: DEBUG on, and a secret key of its own.

`make run` calls it once; from then on every manage.py command in the checkout reads the
same settings as the demo server (borderblog.settings reads the file). Production never
has this file: its environment is set by the service manager, and without SECRET_KEY the
settings refuse to start.
"""

import os
import secrets
import sys
from pathlib import Path

TEMPLATE = """\
# Written by `make run` for this development checkout; git ignores it. Never deploy it.
# The environment wins over what is written here (see docs/operations.md).
DEBUG=1
SECRET_KEY={secret_key}
"""


def write(path: Path) -> bool:
    """Write ``path`` unless it exists; whether it was written."""
    try:
        # Created readable by its owner only, before the key is in it.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    # URL-safe characters only: nothing in the key can read as a comment, a quote or a
    # reference to another variable ($NAME) when the file is parsed.
    with os.fdopen(descriptor, "w") as file:
        file.write(TEMPLATE.format(secret_key=secrets.token_urlsafe(48)))
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env")
    if write(target):
        print(f"Wrote {target}: DEBUG=1 and a development SECRET_KEY for this checkout.")
