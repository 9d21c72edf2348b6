"""Cleans the lead images stored before uploads were cleaned: run once after upgrading.

An image whose name is not one that lead_image_path() gives (``posts/<32 hex>.jpg``),
which only cleaned files have, is re-encoded by clean_lead_image() under a new random
name; the posts that show it are pointed at the new file and the old one is deleted once
that is committed, so running the command again finds nothing to do. Posts are named by
their slugs, never by their files' names, which may be a reporter's.
"""

from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from posts.images import CLEAN_NAME, FOLDER, clean_lead_image
from posts.models import Post


class Command(BaseCommand):
    help = (
        "Re-encode the lead images stored before uploads were cleaned, without their "
        "metadata and under random names, and delete the originals. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be cleaned; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        storage = Post._meta.get_field("image").storage
        names = set(Post.objects.exclude(image="").values_list("image", flat=True))
        stale = sorted(name for name in names if not CLEAN_NAME.fullmatch(name))
        cleaned, missing, refused = 0, 0, 0
        for name in stale:
            slugs = ", ".join(
                Post.objects.filter(image=name).order_by("pk").values_list("slug", flat=True)
            )
            if not storage.exists(name):
                missing += 1
                self.stdout.write(f"File missing, left as it is: {slugs}")
                continue
            try:
                with storage.open(name, "rb") as file:
                    image = clean_lead_image(file)
            except ValidationError as error:
                refused += 1
                self.stderr.write(f"Could not clean the image of {slugs}: {error.messages[0]}")
                continue
            if not dry_run:
                _replace(name, image)
            cleaned += 1
            self.stdout.write(f"{'Would clean' if dry_run else 'Cleaned'}: {slugs}")
        self.stdout.write(
            f"{'Would clean' if dry_run else 'Cleaned'} {cleaned} images; "
            f"{len(names) - len(stale)} already clean, {missing} missing, "
            f"{refused} could not be cleaned."
        )
        unused = sorted(set(_stored_names(storage, FOLDER)) - names)
        if unused:
            self.stdout.write(
                f"{len(unused)} files in {FOLDER}/ are no post's lead image (replaced, or "
                "their post deleted) and were left alone; docs/operations.md says what to do."
            )
        if refused:
            raise CommandError(
                f"{refused} images could not be cleaned: replace or remove them in the admin."
            )


def _replace(name, image):
    """Store the cleaned ``image`` for every post showing ``name``; then delete ``name``."""
    field = Post._meta.get_field("image")
    width, height = get_image_dimensions(image)
    with transaction.atomic():
        new_name = field.storage.save(field.generate_filename(None, image.name), image)
        # updated_at too: the posts' cached pages and ETags must change with the image.
        Post.objects.filter(image=name).update(
            image=new_name, image_width=width, image_height=height, updated_at=timezone.now()
        )
        transaction.on_commit(lambda: field.storage.delete(name))


def _stored_names(storage, folder):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        yield f"{folder}/{file}"
    for subfolder in folders:
        yield from _stored_names(storage, f"{folder}/{subfolder}")
