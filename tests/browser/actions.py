"""What a person does in the browser, step by step, shared by the browser tests."""

import re

from playwright.sync_api import expect

PASSWORD = "correct horse battery staple"  # what builders give every user


def send_comment(page, *, name, body):
    """Fill the post page's comment form and send it; returns the server's answer."""
    form = page.locator("#comment-form")
    form.locator('[name="author_name"]').fill(name)
    form.locator('textarea[name="body"]').fill(body)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.locator('[type="submit"]').click()
    return answer.value


def log_in_to_admin(page, user, next_url):
    page.goto(f"/admin/login/?next={next_url}")
    page.locator('[name="username"]').fill(user.username)
    page.locator('[name="password"]').fill(PASSWORD)
    page.locator('#login-form [type="submit"]').click()
    # The queue may add its default filter to the address.
    expect(page).to_have_url(re.compile(re.escape(next_url) + r"(\?.*)?$"))
