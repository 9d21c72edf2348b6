"""What readers, sources and editors do on a running server, each walk on one connection.

Every walk takes a Browser (tests/smoke/client.py), which fails on any 5xx and on a
dropped keep-alive connection, and checks what the person would see.
"""

import re
import uuid
from html import unescape

from demo.content import SEED_SLUG

SEED_POST = f"/2010/12/{SEED_SLUG}/"
RECEIPT_CODE = re.compile(r'id="receipt-code"[^>]*>([^<]+)<')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+\.css)"')


def words(about):
    """Comment words no other comment has (duplicates are refused)."""
    return f"{about} ({uuid.uuid4().hex[:8]})"


def read_the_site(browser):
    home = browser.get("/", expect=200).text
    assert re.search(r'<article class="post\b', home)
    post = browser.get(SEED_POST, expect=200).text
    assert "Mexican soldiers are in the front line of the fight against drugs." in post
    assert post.count('class="comment') >= 15
    missing = browser.get("/2010/12/no-such-post/", expect=404).text
    assert "Page not found" in missing
    browser.get("/label/wikileaks/", expect=200)
    browser.get("/feeds/posts/", expect=200)
    browser.get("/search/?q=cables", expect=200)
    assert browser.get("/healthz", expect=200).text == "ok"


def send_a_comment_with_an_error_twice(browser):
    for _ in range(2):
        page = browser.send_form(SEED_POST, "comment-form", expect=400, body="").text
        assert 'id="comment-form"' in page


def send_a_comment(browser, body=None):
    """A comment accepted: back to the post page, which shows it awaiting moderation."""
    body = body or words("The cables say what everyone here already knew")
    response = browser.send_form(SEED_POST, "comment-form", expect=302, body=body)
    location = response.headers["Location"]
    page = browser.get(location.split("#")[0], expect=200).text
    assert "awaiting moderation" in page
    assert body in page
    return body


def fail_the_csrf_check(browser):
    fields = browser.form_fields(SEED_POST, "comment-form")
    fields.pop("csrfmiddlewaretoken")
    body = words("Sent without the form's token")
    page = browser.post(SEED_POST, {**fields, "body": body}, expect=403).text
    assert body in unescape(page)  # handed back, so nothing the reader wrote is lost


def send_tips(browser):
    refused = browser.send_form("/tips/", "tip-form", expect=400, message="").text
    assert 'id="tip-form"' in refused
    photo = ("convoy.txt", b"Three trucks, no plates, 3 a.m.", "text/plain")
    received = browser.send_form(
        "/tips/",
        "tip-form",
        expect=200,
        files={"attachments": photo},
        message="A convoy crossed at the old bridge at 3 a.m.",
    ).text
    code = RECEIPT_CODE.search(received).group(1).strip()
    status = browser.send_form("/tips/status/", "status-form", expect=200, code=code).text
    assert "A convoy crossed at the old bridge" in status
    assert browser.request("HEAD", "/tips/", expect=200).content == b""


def work_the_queue(browser, username, password, waiting_words=None):
    browser.log_in(username, password)
    assert "Moderation and publishing" in browser.get("/admin/", expect=200).text
    queue = browser.get("/admin/comments/comment/", expect=200).text
    assert "Moderation queue" in queue
    if waiting_words:
        assert waiting_words[:40] in queue
    browser.get("/admin/comments/comment/dashboard/", expect=200)
    return queue


def approve_from_the_queue(browser, body):
    """Press the Approve button of the queue row that shows ``body``."""
    queue = browser.get("/admin/comments/comment/", expect=200).text
    row = next(row for row in queue.split("<tr") if body[:40] in row)
    comment_id = re.search(r'name="seen_(\d+)" value="pending"', row).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', queue).group(1)
    response = browser.post(
        f"/admin/comments/comment/{comment_id}/moderate/?next=/admin/comments/comment/",
        {"csrfmiddlewaretoken": token, "verb": "approve", f"seen_{comment_id}": "pending"},
        expect=302,
    )
    assert response.headers["Location"] == "/admin/comments/comment/"
    return comment_id


def fetch_a_stylesheet(browser):
    page = browser.get("/", expect=200).text
    response = browser.get(STYLESHEET.search(page).group(1), expect=200)
    assert response.headers["Content-Type"].startswith("text/css")
    return response


def option_values(html, name):
    """The values a ``<select name=...>`` or radio group ``name`` offers, in order."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.DOTALL)
    if select:
        return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]
    radios = [tag for tag in re.findall(r"<input\b[^>]*>", html) if 'type="radio"' in tag]
    return [
        re.search(r'value="([^"]+)"', tag).group(1) for tag in radios if f'name="{name}"' in tag
    ]


def report(browser, comment_id):
    """A reader reports a published comment, citing the first rule the form offers."""
    path = f"/comments/{comment_id}/report/"
    rule = option_values(browser.get(path, expect=200).text, "rule")[0]
    browser.send_form(path, "report-form", expect=302, rule=rule, note="Threatens a reader.")


def take_down_reported(browser, comment_ids):
    """From the queue's Reported view, as drawn: select the comments, "Reject selected
    comments", cite the first rule on the confirmation page. The messages shown after."""
    queue = "/admin/comments/comment/?reported=yes"
    fields = browser.form_fields(queue, "changelist-form")
    fields.update(action="reject_comments", _selected_action=list(comment_ids))
    confirmation = browser.post(queue, fields, expect=200).text
    assert "These 2 comments will be rejected" in confirmation, confirmation[:3000]
    start = confirmation.index('<form method="post"')
    form = confirmation[start : confirmation.index("</form>", start)]
    confirmed = {}
    for tag in HIDDEN.findall(form):
        name, value = re.search(r'name="([^"]+)" value="([^"]*)"', tag).groups()
        confirmed.setdefault(name, []).append(value)
    confirmed["rule"] = option_values(form, "rule")[0]
    response = browser.post(queue, confirmed, expect=302)
    return browser.get(response.headers["Location"], expect=200).text


HIDDEN = re.compile(r'<input type="hidden"[^>]*>')
