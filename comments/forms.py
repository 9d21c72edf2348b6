from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Comment, PolicyRule


class CommentTextField(forms.CharField):
    """Counts characters as the reader's browser does: a line break is one character.

    Browsers send line breaks as CRLF; without this a comment that fit the textarea's
    maxlength could fail the server's limit.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.Form):
    """A reader's comment on one post. ``post`` limits what ``parent`` may be."""

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
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["parent"].queryset = Comment.objects.approved().for_post(post)

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body


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
