"""Every write on the tip line: new tips, follow-ups, replies, status, deletion.

Files reach the private tips storage only here, already cleaned, and together with
their rows: the rows are written in one transaction, and if anything fails (a storage
error, the database) the files already written are deleted again, so that a tip is
stored whole or not at all.
"""

from contextlib import contextmanager
from secrets import token_hex

from django.db import transaction
from django.utils import timezone

from . import receipts
from .models import Attachment, Tip, TipMessage
from .storage import tips_storage


def submit_tip(*, message, contact, cleaned_files, code_language=None):
    """Store a new tip from a source; returns (tip, receipt code).

    The code, in ``code_language`` (else the page's), is returned to be shown once;
    only its digest and hash are stored.
    """
    code = receipts.new_code(code_language)
    now = timezone.now()
    with _storing_files() as store:
        tip = Tip.objects.create(
            contact=contact, created_at=now, source_wrote_at=now, **receipts.protect(code)
        )
        _add_source_message(tip, message, cleaned_files, store, now)
    return tip, code


def add_to_tip(tip, *, message, cleaned_files):
    """The source came back with the code and wrote more: the tip is new to editors again."""
    now = timezone.now()
    with _storing_files() as store:
        source_message = _add_source_message(tip, message, cleaned_files, store, now)
        Tip.objects.filter(pk=tip.pk).update(status=Tip.Status.NEW, source_wrote_at=now)
    return source_message


def reply_to_source(tip, *, editor, body):
    """A message from the newsroom that the source reads with their receipt code."""
    return TipMessage.objects.create(
        tip=tip, sender=TipMessage.Sender.NEWSROOM, editor=editor, body=body
    )


def mark_read(tip):
    """An editor opened the tip: new becomes read (a handled tip stays handled)."""
    updated = Tip.objects.filter(pk=tip.pk, status=Tip.Status.NEW).update(status=Tip.Status.READ)
    if updated:
        tip.status = Tip.Status.READ


def set_status(tips, status):
    """Put ``tips`` (a queryset) in ``status``; the number changed."""
    return tips.exclude(status=status).update(status=status)


def delete_tips(tips):
    """Delete ``tips`` (a queryset) with their messages, and their files once committed."""
    names = [
        name
        for stored, thumbnail in Attachment.objects.filter(message__tip__in=tips).values_list(
            "stored_name", "thumbnail_name"
        )
        for name in (stored, thumbnail)
        if name
    ]
    with transaction.atomic():
        tips.delete()
        transaction.on_commit(lambda: _delete_files(names))


def _add_source_message(tip, body, cleaned_files, store, now):
    source_message = TipMessage.objects.create(
        tip=tip, sender=TipMessage.Sender.SOURCE, body=body, created_at=now
    )
    for cleaned in cleaned_files:
        Attachment.objects.create(
            message=source_message,
            kind=cleaned.kind,
            content_type=cleaned.content_type,
            size=cleaned.size,
            stored_name=store(cleaned.path, f"attachments/{token_hex(16)}.{cleaned.extension}"),
            thumbnail_name=(
                store(cleaned.thumbnail_path, f"thumbnails/{token_hex(16)}.jpg")
                if cleaned.thumbnail_path
                else ""
            ),
            created_at=now,
        )
    return source_message


@contextmanager
def _storing_files():
    """A transaction, and a ``store(path, name)`` whose files are deleted if it fails."""
    storage = tips_storage()
    written = []

    def store(path, name):
        with open(path, "rb") as content:
            stored_name = storage.save(name, content)
        written.append(stored_name)
        return stored_name

    try:
        with transaction.atomic():
            yield store
    except BaseException:
        _delete_files(written)
        raise


def _delete_files(names):
    storage = tips_storage()
    for name in names:
        storage.delete(name)
