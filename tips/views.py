"""The source's pages: send a tip, and come back with the receipt code.

Views stay thin: rate limit, validate the form (which cleans the files), call one
service, render. Nothing here reads the request's address except through the keyed
hash the rate limits use, and nothing here logs. The receipt code only ever travels
in POST bodies: never in a URL, a cookie or a session.
"""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import limits, receipts, services, wording
from .forms import FollowUpForm, ReceiptForm, TipForm
from .privacy import tip_page
from .uploads import limit_uploads, upload_refusals, working_folder


@tip_page
@limit_uploads
@require_http_methods(["GET", "HEAD", "POST"])
def submit_tip(request):
    if request.method in ("GET", "HEAD"):
        return _render_tip_form(request, TipForm(workdir=None))
    with working_folder() as workdir:
        form = TipForm(
            request.POST,
            request.FILES,
            workdir=workdir,
            upload_refusals=upload_refusals(request),
        )
        try:
            limits.count_submission(request)
        except limits.TooManyAttempts as limited:
            # The text comes back to the source; the files are not even looked at.
            return _render_tip_form(request, TipForm(request.POST, workdir=None), limited=limited)
        if not form.is_valid():
            return _render_tip_form(request, form, status=400)
        tip, code = services.submit_tip(
            message=form.cleaned_data["message"],
            contact=form.cleaned_data["contact"],
            cleaned_files=form.cleaned_data["attachments"],
            code_language=form.cleaned_data["code_language"],
        )
    context = {"code": code, "code_language": form.cleaned_data["code_language"], "tip": tip}
    return render(request, "tips/tip_received.html", context)


@tip_page
@limit_uploads
@require_http_methods(["GET", "HEAD", "POST"])
def tip_status(request):
    """The code form; with a right code, the conversation and a form to add to it."""
    if request.method in ("GET", "HEAD"):
        return render(request, "tips/status_form.html", {"form": ReceiptForm()})
    receipt_form = ReceiptForm(request.POST)
    try:
        limits.count_receipt_check(request)
    except limits.TooManyAttempts as limited:
        return _render_status_form(request, receipt_form, limited=limited)
    if not receipt_form.is_valid():
        return _render_status_form(request, receipt_form, status=400)
    tip = receipts.find_tip(receipt_form.cleaned_data["code"])
    if tip is None:
        receipt_form.add_error("code", wording.both(*wording.WRONG_CODE))
        return _render_status_form(request, receipt_form, status=400)

    follow_up, sent, status, limited = FollowUpForm(workdir=None), False, 200, None
    if "follow_up" in request.POST:
        follow_up, sent, status, limited = _take_follow_up(request, tip)
    conversation = list(tip.messages.conversation())
    context = {
        "tip": tip,
        "conversation": conversation,
        "replied": any(not message.from_source for message in conversation),
        "code": receipt_form.cleaned_data["code"],
        "form": follow_up,
        "sent": sent,
    }
    return _render(request, "tips/tip_status.html", context, status, limited)


def _take_follow_up(request, tip):
    """The source's follow-up, stored if it is valid: (form to show, sent, status,
    rate limit hit or None)."""
    try:
        limits.count_follow_up(tip)
    except limits.TooManyAttempts as limited:
        # The text comes back to the source; the files are not even looked at.
        return FollowUpForm(request.POST, workdir=None), False, 429, limited
    with working_folder() as workdir:
        form = FollowUpForm(
            request.POST,
            request.FILES,
            workdir=workdir,
            upload_refusals=upload_refusals(request),
        )
        if not form.is_valid():
            return form, False, 400, None
        services.add_to_tip(
            tip,
            message=form.cleaned_data["message"],
            cleaned_files=form.cleaned_data["attachments"],
        )
    return FollowUpForm(workdir=None), True, 200, None


def _render_tip_form(request, form, *, status=200, limited=None):
    return _render_form(request, "tips/tip_form.html", form, status, limited)


def _render_status_form(request, form, *, status=200, limited=None):
    return _render_form(request, "tips/status_form.html", form, status, limited)


def _render_form(request, template_name, form, status, limited):
    return _render(request, template_name, {"form": form}, status, limited)


def _render(request, template_name, context, status, limited):
    """A page; when rate limited, a 429 with the wait time and everything typed kept."""
    if limited is None:
        return render(request, template_name, context, status=status)
    minutes = max(1, limited.retry_after // 60)
    context = {**context, "limited": wording.both(*wording.TOO_MANY_ATTEMPTS, minutes=minutes)}
    response = render(request, template_name, context, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response
