"""Every public page of the demo site passes axe-core at WCAG 2.1 AA, in light and dark mode;
the forms work, and say what went wrong, with JavaScript off.

axe-core comes from the npm registry (package.json): its axe.min.js is evaluated in each
page, which needs JavaScript, so the axe checks run with it on. The site ships no script
of its own, so readers without JavaScript get the same pages; the tests at the end of
this module send the forms with JavaScript off to show they still work.
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from comments.models import Comment, Report
from tests import builders
from tests.browser.axe import AXE, axe_violations
from tests.public_pages import (
    SERVER_ERROR_PATH,
    demo_public_pages,
    require_tool,
    server_error_html,
)

FOCUS_RING = "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]"


@pytest.fixture(scope="module")
def axe_source():
    require_tool("axe-core", path=AXE)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def public_pages():
    return demo_public_pages()


@pytest.fixture
def reader_without_javascript(chromium, live_server):
    """A reader's browser with JavaScript turned off; any 5xx answer fails the test."""
    server_errors = []
    context = chromium.new_context(
        base_url=live_server.url, locale="en-US", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    context.on(
        "response",
        lambda response: response.status >= 500 and server_errors.append(response.url),
    )
    yield context.new_page()
    context.close()
    assert not server_errors, f"the live server answered with errors: {server_errors}"


def open_public_page(page, public_page, server_url) -> int:
    """Go to the page as a reader would, sending its form if it has one; the HTTP status."""
    if public_page.language:
        # Chromium's Accept-Language follows the context's locale, which new_page fixes;
        # the cookie the language switch leaves takes precedence over it.
        cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": public_page.language}
        page.context.add_cookies([{**cookie, "url": server_url}])
    if public_page.path == SERVER_ERROR_PATH:
        # Django renders 500.html only when a view fails; the browser is handed the same
        # page. With status 200, so that the page fixture's guard against 5xx stays quiet.
        page.route(
            f"**{SERVER_ERROR_PATH}",
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=server_error_html()
            ),
        )
        page.goto(public_page.path)
        return public_page.status
    if not public_page.form:
        return page.goto(public_page.path).status
    page.goto(public_page.path)
    form = page.locator(f"#{public_page.form}")
    for name, value in public_page.fields.items():
        field = form.locator(f'[name="{name}"]')
        if field.first.get_attribute("type") == "radio":
            form.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)
    if public_page.without_cookies:
        page.context.clear_cookies()
    with page.expect_navigation() as sent:
        form.locator('[type="submit"]').click()
    return sent.value.status


def test_every_public_page_has_no_wcag_21_aa_violations_in_light_or_dark_mode(
    axe_source, public_pages, new_page, live_server
):
    """One test for all pages, so the demo content is loaded once.

    One browser page visits them all, its cookies cleared before each, so each is seen
    by a new reader: a context per page would start a renderer per page and double the
    time this takes.
    """
    report = []
    page = new_page()
    for public_page in public_pages.values():
        page.context.clear_cookies()
        status = open_public_page(page, public_page, live_server.url)
        assert status == public_page.status, f"{public_page.name} answered {status}"
        expect(page.locator("body")).to_contain_text(public_page.shows)
        expect(page.locator("html")).to_have_attribute("lang", public_page.language or "en")
        violations = axe_violations(page, axe_source)
        if violations:
            report += [f"{public_page.name} ({page.url}):", *violations]
    if report:
        pytest.fail("axe-core found violations:\n" + "\n".join(report), pytrace=False)


def test_keyboard_reader_skips_to_the_content_and_always_sees_where_the_focus_is(page):
    post = builders.make_post()
    page.goto(post.get_absolute_url())

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main")).to_be_focused()

    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for control in ("#comment-form textarea", "#comment-form button", ".site-title a"):
            page.locator(control).focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")  # focus by keyboard, as :focus-visible requires
            outline = page.locator(control).evaluate(FOCUS_RING)
            assert outline[0] != "none", f"{control} shows no focus in {scheme} mode"
            assert outline[1] >= 2, f"{control}'s focus ring is thin in {scheme} mode: {outline}"


def described_by(control) -> str:
    """The text that assistive technology reads after the control's label and state."""
    ids = (control.get_attribute("aria-describedby") or "").split()
    return " ".join(control.page.locator(f"[id='{id_}']").inner_text() for id_ in ids)


def test_reader_without_javascript_is_told_what_is_wrong_and_can_then_comment(
    reader_without_javascript,
):
    page = reader_without_javascript
    post = builders.make_post()
    page.goto(post.get_absolute_url())
    form = page.locator("#comment-form")

    form.locator('[name="author_name"]').fill("Buela")
    with page.expect_navigation() as refused:
        form.locator('[type="submit"]').click()

    # The page comes back at the form, the error tied to the field that caused it.
    assert refused.value.status == 400
    expect(page).to_have_url(re.compile("#comment-form$"))
    body = form.locator('textarea[name="body"]')
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Please write a comment")).to_be_visible()
    assert "Please write a comment" in described_by(body)
    expect(form.locator('[name="author_name"]')).to_have_value("Buela")

    body.fill("The army cannot hold the plaza without the police.")
    with page.expect_navigation() as sent:
        form.locator('[type="submit"]').click()

    assert sent.value.status == 200
    expect(page.locator("body")).to_contain_text("awaiting moderation")
    assert Comment.objects.pending().filter(post=post, author_name="Buela").exists()


def test_reader_without_javascript_can_reply_to_a_comment(reader_without_javascript):
    page = reader_without_javascript
    post = builders.make_post()
    answered = builders.make_comment(post, status=Comment.Status.APPROVED, author_name="Brito")
    page.goto(post.get_absolute_url())

    with page.expect_navigation():
        page.locator(f"#c{answered.pk}").get_by_role("link", name=re.compile("^Reply")).click()
    expect(page.locator("#comment-form-heading")).to_contain_text("Brito")
    page.locator('#comment-form textarea[name="body"]').fill("@ Brito Which plaza?")
    with page.expect_navigation():
        page.locator('#comment-form [type="submit"]').click()

    expect(page.locator("body")).to_contain_text("awaiting moderation")
    assert Comment.objects.pending().get(post=post).parent == answered


def test_reader_without_javascript_can_report_a_comment(reader_without_javascript):
    page = reader_without_javascript
    post = builders.make_post()
    builders.make_rule()
    comment = builders.make_comment(post, status=Comment.Status.APPROVED)
    page.goto(post.get_absolute_url())

    with page.expect_navigation():
        page.locator(f"#c{comment.pk}").get_by_role("link", name=re.compile("^Report")).click()
    expect(page.locator("h1")).to_have_text("Report a comment")
    with page.expect_navigation() as refused:
        page.locator('#report-form [type="submit"]').click()

    assert refused.value.status == 400
    rules = page.locator("#report-form").get_by_role("group")
    assert "Choose the rule" in described_by(rules)
    expect(rules.get_by_role("radio").first).to_have_attribute("aria-invalid", "true")
    rules.get_by_role("radio").first.check()
    with page.expect_navigation():
        page.locator('#report-form [type="submit"]').click()

    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url())))
    assert Report.objects.filter(comment=comment).exists()


def test_reader_without_javascript_can_switch_the_site_to_spanish(reader_without_javascript):
    page = reader_without_javascript
    post = builders.make_post()
    page.goto(post.get_absolute_url())

    with page.expect_navigation():
        page.get_by_role("button", name="Español").click()

    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", name="Archivo del blog")).to_be_visible()
    expect(page.get_by_role("heading", name="Publicar un comentario")).to_be_visible()
    expect(page.get_by_role("button", name="Enviar comentario")).to_be_visible()
