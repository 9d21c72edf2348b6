"""Driving the moderation admin through the test client, as an editor's browser would."""

from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentFlag
from comments.services import report_comment

Status = Comment.Status
QUEUE = reverse("admin:comments_comment_changelist")
DASHBOARD = reverse("admin:comments_comment_dashboard")


def change_url(comment):
    return reverse("admin:comments_comment_change", args=[comment.pk])


def moderate_url(comment, next_url=None):
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])
    return url if next_url is None else f"{url}?{urlencode({'next': next_url})}"


def run_action(client, action, *comments, url=QUEUE, **extra):
    data = {"action": action, "_selected_action": [c.pk for c in comments], **extra}
    return client.post(url, data, follow=True)


def act_from_queue(client, url, action, *comments, **confirmation):
    """Tick ``comments`` on the queue page ``url`` as drawn and run ``action`` with Go,
    sending every hidden input of the page as the browser does (each row's seen status);
    an action that asks first (reject) is confirmed with ``confirmation`` (its rule).
    Returns every message the editor was shown on the way."""
    data = {
        **hidden_inputs(client.get(url), having="select_across"),
        "action": action,
        "index": "0",
        "_selected_action": [c.pk for c in comments],
    }
    response = client.post(url, data, follow=True)
    told = messages_of(response)
    if confirmation and hidden_inputs(response, having="confirm"):
        data = {**hidden_inputs(response, having="confirm"), **confirmation}
        response = client.post(url, data, follow=True)
        told += messages_of(response)
    return told


def press_row_button(client, comment, verb, *, seen=None, rule=None, next_url=QUEUE, **extra):
    """What a queue row's button sends: the verb, the row's seen status and rule select."""
    data = {"verb": verb, f"seen_{comment.pk}": seen or comment.status, **extra}
    if rule is not None:
        data[f"rule_{comment.pk}"] = rule.pk
    return client.post(moderate_url(comment, next_url), data)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def status_of(comment):
    return Comment.objects.get(pk=comment.pk).status


def submitted_ago(comment, **delta):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**delta))


def flag(comment, kind=CommentFlag.Kind.PERSONAL_DATA, detail="55 1234 ****"):
    return CommentFlag.objects.create(comment=comment, kind=kind, detail=detail)


def report(comment, rule, note="", reader="1"):
    return report_comment(comment, rule=rule, note=note, submitter_hash=reader * 64)


def hidden_inputs(response, *, having):
    """What the hidden inputs of the page's form with a hidden ``having`` send, as data
    for the test client (a name that repeats gives a list); {} if no form has one."""
    for form in FormControls(response.content.decode()).forms:
        if having in (name for name, _ in form):
            sent = {}
            for name, value in form:
                sent.setdefault(name, []).append(value)
            return {
                name: values[0] if len(values) == 1 else values for name, values in sent.items()
            }
    return {}


def listed(response):
    return list(response.context["cl"].result_list)


class FormControls(HTMLParser):
    """The submit buttons and named inputs of a page, with their attributes."""

    def __init__(self, html):
        super().__init__()
        self.buttons, self.inputs, self.selects = [], {}, {}
        self.forms = []  # each form's hidden inputs, as (name, value) pairs in page order
        self._form = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag == "input" and "name" in attrs:
            self.inputs.setdefault(attrs["name"], attrs.get("value", ""))
            if attrs.get("type") == "hidden" and self._form is not None:
                self._form.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self.selects[attrs.get("name")] = attrs

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None

    def button(self, **wanted):
        return next(b for b in self.buttons if all(b.get(k) == v for k, v in wanted.items()))
