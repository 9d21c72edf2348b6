import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_healthz_answers_ok_after_checking_the_database(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_healthz_answers_the_proxys_plain_http_check_while_pages_redirect(client, settings):
    settings.HTTPS_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_healthz_reports_an_unreachable_database(client, monkeypatch):
    from borderblog import views

    def broken_cursor():
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.connection, "cursor", broken_cursor)
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_server_error_page_matches_the_site_without_touching_the_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'class="site-header"' in html
    assert "Something went wrong" in html


@pytest.mark.django_db
def test_policy_page_gives_each_rule_an_anchor(client):
    from tests.builders import make_rule

    make_rule(3, "No personal information", "Do not post addresses.")
    page = client.get("/policy/").content.decode()
    assert 'id="rule-3"' in page
    assert "No personal information" in page


@pytest.mark.django_db
def test_a_form_refused_by_the_csrf_check_hands_back_the_name_with_the_words(post):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        post.get_absolute_url(), {"author_name": "Buela", "body": "Mis palabras."}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Mis palabras.</textarea>" in page
    assert 'value="Buela"' in page
