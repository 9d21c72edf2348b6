"""One row of the queue: what the editor reads and the buttons that decide it.

The buttons sit inside the changelist's own form (forms cannot nest), so each one
carries its target in ``formaction`` and the form carries the CSRF token; every row
adds the status it was drawn in (``seen_<id>``) and its own rule select (``rule_<id>``),
and the moderate view reads only the ones named after its comment.

Cells are built with format_html rather than a template per row: fifty partial
templates cost more than the rest of the page together.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import PolicyRule
from .decisions import VERBS


@dataclass(frozen=True)
class RowContext:
    """What every row of one queue page shares, computed once for the page."""

    rule_options: str  # the <option>s of every row's rule select
    back: str  # ?next=: this page, filters included, where a row's decision returns to


class QueueChangeList(ChangeList):
    def get_results(self, request):
        this_page = request.get_full_path()
        try:
            super().get_results(request)
        except IncorrectLookupParameters:
            # Deciding the last comments of the last page empties it, and Django answers
            # a page past the end by sending the editor to ?e=1 without their filters.
            # Show the page that is now the last (or the first, for p=0) instead.
            pages = self.model_admin.get_paginator(request, self.queryset, self.list_per_page)
            page_num = min(max(self.page_num, 1), pages.num_pages)
            if page_num == self.page_num:
                raise
            self.page_num = page_num
            super().get_results(request)
            this_page = request.path + self.get_query_string({PAGE_VAR: page_num})
        # One query for every row's rule select, however many rows the page has.
        rules = PolicyRule.objects.all()
        shared = RowContext(
            rule_options=format_html(
                '<option value="">{}</option>{}',
                _("Rule…"),
                format_html_join(
                    "",
                    '<option value="{}">{}. {}</option>',
                    ((rule.pk, rule.number, Truncator(rule.title).chars(32)) for rule in rules),
                ),
            ),
            back=urlencode({"next": this_page}),
        )
        for comment in self.result_list:
            comment.queue_row = shared
            comment.post_filter_url = self.get_query_string({"post": comment.post_id})


def decide_cell(comment):
    row = getattr(comment, "queue_row", None)
    if row is None:
        return ""
    pk = comment.pk
    action = f"{reverse('admin:comments_comment_moderate', args=[pk])}?{row.back}"
    controls = []
    for name, verb in VERBS.items():
        if not verb.applies_to(comment):
            continue
        if name == "reject":
            controls.append(
                format_html(
                    '<label for="rule_{0}" class="visually-hidden">{1}</label>'
                    '<select name="rule_{0}" id="rule_{0}">{2}</select>',
                    pk,
                    _("Rule comment %(id)s breaks") % {"id": pk},
                    row.rule_options,
                )
            )
        controls.append(
            format_html(
                '<button type="submit" class="button{}" formaction="{}" name="verb" value="{}">'
                '{}<span class="visually-hidden"> {}</span></button>',
                " default" if name == "approve" else "",
                action,
                name,
                verb.label,
                _("comment %(id)s") % {"id": pk},
            )
        )
    return format_html(
        '<input type="hidden" name="seen_{}" value="{}"><span class="queue-decide">{}</span>',
        pk,
        comment.status,
        format_html_join("", "{}", ((control,) for control in controls)),
    )


def post_cell(comment, title):
    url = getattr(comment, "post_filter_url", None)
    if url is None:
        return title
    return format_html('<a href="{}" title="{}">{}</a>', url, _("Show this post's comments"), title)


def attention_cell(comment):
    """Flags the site raised, readers' reports, and why the site chose spam, if it did."""
    lines = [("⚑", str(flag)) for flag in comment.flags.all()]
    if comment.report_count:
        count = comment.report_count
        lines.append(("⚐", ngettext("%(n)d report", "%(n)d reports", count) % {"n": count}))
    if comment.status_reason:
        lines.append(("⊘", comment.get_status_reason_display()))
    return format_html_join(
        "", '<span class="queue-attention"><span aria-hidden="true">{}</span> {}</span>', lines
    )
