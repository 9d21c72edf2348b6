"""Readers' forms: a comment on a post, a report of a published comment.

The comment form is layered as django-contrib-comments layers its own: a signed
timestamp first (is this a form we rendered, for this post, and how long ago), then the
reader's details, then the honeypot. The form only checks what it is given; what becomes
of the comment is decided by comments.intake.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Comment, PolicyRule

TIMESTAMP_SALT = "comments.form-timestamp"
UNREADABLE_FORM = _(
    "We could not check this form, so your comment was not sent. "
    "Please send it again: your text is kept below."
)
STALE_FORM = _(
    "This page has been open for more than a day, so your comment was not sent. "
    "The form is fresh again: please send your comment again; your text is kept below."
)


def sign_timestamp(post, at=None) -> str:
    """The form's hidden timestamp: which post, and when (ms) the form was rendered."""
    at = time.time() if at is None else at
    return signing.dumps([post.pk, int(at * 1000)], salt=TIMESTAMP_SALT)


class CommentTextField(forms.CharField):
    """Counts characters as the reader's browser does: a line break is one character.

    Browsers send line breaks as CRLF; without this a comment that fit the textarea's
    maxlength could fail the server's limit.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class FormTimestampField(forms.CharField):
    """The signed time the form was rendered.

    Rendering uses the field's initial value even when the form is bound: a fresh clock,
    so that a page shown again after refusing an old or unreadable form does not hand
    back the timestamp that failed. A timestamp that passed is made the initial value
    again (CommentSecurityForm.clean_timestamp), so that a page shown again for another
    error keeps the clock that was running, and a quick resend is not flagged as fast.
    """

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        return initial


class CommentSecurityForm(forms.Form):
    """Is this a comment form we rendered, for this post, and how long was it open?"""

    timestamp = FormTimestampField(error_messages={"required": UNREADABLE_FORM})

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["timestamp"].initial = sign_timestamp(post)
        # Seconds between rendering and sending; the policy flags implausibly fast ones.
        self.seconds_on_page = None

    def clean_timestamp(self):
        token = self.cleaned_data["timestamp"]
        try:
            post_id, rendered_ms = signing.loads(token, salt=TIMESTAMP_SALT)
            age = time.time() - rendered_ms / 1000
        except (signing.BadSignature, ValueError, TypeError) as unreadable:
            raise forms.ValidationError(UNREADABLE_FORM, code="unreadable") from unreadable
        if post_id != self.post.pk:
            raise forms.ValidationError(UNREADABLE_FORM, code="other_post")
        if age > settings.COMMENT_FORM_MAX_AGE:
            raise forms.ValidationError(STALE_FORM, code="stale")
        # Servers' clocks can disagree by a little; a form is never sent before it exists.
        self.seconds_on_page = max(0.0, age)
        self.fields["timestamp"].initial = token
        return token


class CommentDetailsForm(CommentSecurityForm):
    """What the reader writes. ``post`` limits what ``parent`` may be."""

    author_name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=settings.COMMENT_AUTHOR_MAX_LENGTH,
        help_text=_("Leave blank to comment as Anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    body = CommentTextField(
        label=_("Comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Please write a comment before sending it."),
            "max_length": _(
                "A comment can be at most %(limit_value)d characters; "
                "this one has %(show_value)d. Please shorten it."
            ),
        },
    )
    parent = forms.ModelChoiceField(
        queryset=Comment.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _(
                "The comment you are replying to is not a published comment on this post. "
                "Your comment was not sent; you can send it as a new comment instead."
            ),
        },
    )

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, post=post, **kwargs)
        self.fields["parent"].queryset = Comment.objects.approved().for_post(post)

    def full_clean(self):
        super().full_clean()
        if self.has_error("parent"):
            # The comment answered was taken down while the reader wrote, and the error
            # offers to send their words as a new comment. The form shown again must be
            # that new-comment form: rendering the refused parent would refuse it again.
            self.data = self.data.copy()
            self.data[self.add_prefix("parent")] = ""

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body


class CommentForm(CommentDetailsForm):
    """The whole comment form, with a field people never see and programs fill in.

    A filled honeypot is not a form error: the comment is stored as spam (policy), and
    the sender is thanked like anyone else, so a program learns nothing from the answer.
    It has no length limit for the same reason: nothing about it may refuse the form.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class ReportForm(forms.Form):
    """A reader's report: which rule a published comment breaks, and why (optional)."""

    rule = forms.ModelChoiceField(
        queryset=PolicyRule.objects.all(),
        label=_("Which rule does it break?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the rule the comment breaks.")},
    )
    note = forms.CharField(
        label=_("Anything the editors should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
