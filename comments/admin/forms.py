"""What an editor fills in on the moderation pages: a decision, a redaction, a ban."""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminRadioSelect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import PolicyRule

BAN_DAYS = (1, 7, 30)


class DecisionForm(forms.Form):
    rule = forms.ModelChoiceField(
        PolicyRule.objects.all(),
        label=_("Policy rule cited"),
        widget=AdminRadioSelect(attrs={"class": "radiolist"}),
        required=False,
        help_text=_("A rejection must cite the rule the comment breaks."),
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        help_text=_("Optional; only editors see it, in the decision history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The editor reads the rule's text, not just its title, when choosing what to cite.
        self.fields["rule"].label_from_instance = lambda rule: f"{rule} — {rule.text}"


class RejectionForm(DecisionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].required = True


class RedactionForm(forms.Form):
    body = forms.CharField(
        label=_("Words readers will see"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        max_length=settings.COMMENT_MAX_LENGTH,
        help_text=_(
            "Remove what breaks the policy (a name, an address) and keep the rest. "
            "Readers see that a moderator edited the comment; the words before the edit "
            "are kept under Redactions, for editors only."
        ),
    )
    note = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=300,
        help_text=_("Optional; only editors see it."),
    )


def ban_day_choices():
    """1, 7 or 30 days, none longer than the submitter key lives.

    Bans match the keyed hash of the submitter's address, and the key changes every
    SUBMITTER_HASH_ROTATION_DAYS: a longer ban would promise what it cannot keep.
    """
    limit = settings.SUBMITTER_HASH_ROTATION_DAYS
    days = sorted({min(day, limit) for day in BAN_DAYS})
    return [(day, ngettext("%(n)d day", "%(n)d days", day) % {"n": day}) for day in days]


class BanForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Ban for"), choices=ban_day_choices, coerce=int)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Required; editors see it in the list of bans."),
    )
