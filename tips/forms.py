"""The source's forms: a new tip, the receipt code, and a follow-up on the same tip.

Attachments are validated and cleaned here, all of them, before anything is stored:
a tip with one refused file is refused whole, with a message for each file, so that
nothing is ever half-stored. Cleaned copies wait in the view's working folder.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import receipts, wording
from .cleaning import Refused, clean_upload

# A hint for the file picker only: what a file is, is decided by its content.
ACCEPT_HINT = (
    "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,"
    "video/mp4,video/quicktime,video/webm,.mov,application/pdf,text/plain,.txt"
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files from one input, returned as a list.

    Emptiness is left to the form: a file that UploadLimits cut short arrives empty, and
    the source should hear which limit it passed, not that it was empty.
    """

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        uploads = [item for item in items if item]
        if any(not hasattr(item, "size") or not item.name for item in uploads):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return uploads


class AttachmentsForm(forms.Form):
    """Files of a tip or follow-up, within the limits, each cleaned or refused.

    ``workdir`` is where cleaned copies are written; ``upload_refusals`` are the files
    UploadLimits stopped reading because they passed a limit.
    """

    attachments = MultipleFileField(
        label=_("Files"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT_HINT}),
    )

    def __init__(self, *args, workdir, upload_refusals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workdir = workdir
        self.upload_refusals = upload_refusals

    @property
    def limits(self):
        """The limits in the units the page states them in."""
        return {
            "files": settings.TIPS_MAX_FILES,
            "file_mb": settings.TIPS_MAX_FILE_SIZE // 2**20,
            "tip_mb": settings.TIPS_MAX_TIP_SIZE // 2**20,
        }

    def clean_attachments(self):
        uploads = self.cleaned_data["attachments"]
        errors = [
            wording.over_upload_limit(refusal.limit, refusal.file_name)
            for refusal in self.upload_refusals
        ] or self._limit_errors(uploads)
        if errors:
            raise ValidationError(errors)
        cleaned = []
        for upload in uploads:
            try:
                cleaned.append(clean_upload(upload, self.workdir))
            except Refused as refused:
                errors.append(wording.file_refused(refused.reason, upload.name))
        if errors:
            raise ValidationError(errors)
        return cleaned

    def _limit_errors(self, uploads):
        """The limits UploadLimits enforces (for forms bound without it), and empty files."""
        errors, total = [], 0
        for number, upload in enumerate(uploads, start=1):
            total += upload.size
            if number > settings.TIPS_MAX_FILES:
                errors.append(wording.over_upload_limit("file_count", upload.name))
            elif upload.size > settings.TIPS_MAX_FILE_SIZE:
                errors.append(wording.over_upload_limit("file_size", upload.name))
            elif total > settings.TIPS_MAX_TIP_SIZE:
                errors.append(wording.over_upload_limit("tip_size", upload.name))
            elif not upload.size:
                errors.append(wording.both(*wording.EMPTY_FILE, name=upload.name))
        return errors


def message_field(*, required):
    limit = settings.TIPS_MESSAGE_MAX_LENGTH
    return forms.CharField(
        label=_("Message"),
        required=required,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": wording.both(*wording.MESSAGE_REQUIRED),
            "max_length": wording.both(*wording.MESSAGE_TOO_LONG, limit=limit),
        },
    )


class TipForm(AttachmentsForm):
    field_order = ["message", "contact", "attachments", "code_language"]

    message = message_field(required=True)
    contact = forms.CharField(
        label=_("How to reach you (optional)"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": wording.both(*wording.CONTACT_TOO_LONG, limit=300)},
    )
    # The source picks it. The page's language is chosen to begin with, but Tor Browser
    # tells every site its reader wants English, so a Spanish speaker there must be able
    # to choose otherwise. Unset or unknown, the page's language decides: a tip is never
    # refused over the words of its receipt.
    code_language = forms.CharField(
        label=_("Language of your receipt code"),
        required=False,
        widget=forms.RadioSelect(choices=receipts.LANGUAGES),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code_language"].initial = receipts.language_for(get_language())

    def clean_code_language(self):
        chosen = self.cleaned_data["code_language"]
        return (
            chosen if chosen in dict(receipts.LANGUAGES) else receipts.language_for(get_language())
        )


class FollowUpForm(AttachmentsForm):
    field_order = ["message", "attachments"]

    message = message_field(required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("message") and not cleaned.get("attachments"):
            raise ValidationError(wording.both(*wording.NOTHING_TO_SEND))
        return cleaned


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=300,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": wording.both(*wording.CODE_REQUIRED)},
    )
