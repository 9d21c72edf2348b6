"""A reader's browser, roughly, over real HTTP: one keep-alive connection, cookies, forms.

The client notices what a browser would only suffer: a 5xx, and a connection the server
dropped after answering on it without saying ``Connection: close`` (the next request on
it fails, or is silently sent on a new one: both count as a drop here).
"""

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection
from urllib3.connectionpool import HTTPConnectionPool

HIDDEN_INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


class ServerFault(AssertionError):
    """The server answered 5xx, or dropped a connection it had kept open."""


class Browser:
    """Requests to one server through one ``requests.Session``.

    ``behind_tls_proxy``: the app runs with production settings behind a proxy that
    terminates TLS, so requests say ``X-Forwarded-Proto: https`` and the cookies the app
    marks Secure are still sent back over the plain connection to it.
    """

    def __init__(self, base_url, *, behind_tls_proxy=False, forwarded_for=None):
        self.base_url = base_url.rstrip("/")
        self.behind_tls_proxy = behind_tls_proxy
        self.session = requests.Session()
        self.connections_opened = 0
        self.session.mount("http://", _CountingAdapter(self))
        self.session.headers["User-Agent"] = "BorderBlogSmokeTest/1.0"
        if behind_tls_proxy:
            self.session.headers["X-Forwarded-Proto"] = "https"
        if forwarded_for:
            self.session.headers["X-Forwarded-For"] = forwarded_for
        self.drops = []
        self._open_after = None  # whether the last answer left its connection open

    @property
    def origin(self):
        scheme = "https" if self.behind_tls_proxy else "http"
        return f"{scheme}://{urlsplit(self.base_url).netloc}"

    def request(self, method, path, *, expect=None, **kwargs):
        url = urljoin(self.base_url + "/", path.lstrip("/"))
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        headers = kwargs.setdefault("headers", {})
        if method == "POST":
            headers.setdefault("Origin", self.origin)
            headers.setdefault("Referer", self.origin + path)
        connections_before = self.connections_opened
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.ConnectionError as error:
            raise ServerFault(f"{method} {path}: the connection failed ({error})") from error
        opened = self.connections_opened - connections_before
        if opened and self._open_after:
            self.drops.append(f"{method} {path}")
            raise ServerFault(f"{method} {path}: the server dropped a kept-alive connection")
        self._open_after = response.headers.get("Connection", "").lower() != "close"
        if self.behind_tls_proxy:
            for cookie in self.session.cookies:
                cookie.secure = False
        if response.status_code >= 500:
            raise ServerFault(f"{method} {path} answered {response.status_code}")
        if expect is not None and response.status_code != expect:
            raise AssertionError(
                f"{method} {path} answered {response.status_code}, expected {expect}:\n"
                + response.text[:2000]
            )
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data=None, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def form_fields(self, path, form_id):
        """The hidden fields of the form ``form_id`` on the page at ``path``."""
        page = self.get(path, expect=200).text
        start = page.index(f'id="{form_id}"')
        form = page[start : page.index("</form>", start)]
        fields = {}
        for tag in HIDDEN_INPUT.findall(form):
            attributes = dict(ATTRIBUTE.findall(tag))
            if attributes.get("type") == "hidden" and "name" in attributes:
                fields[attributes["name"]] = unescape(attributes.get("value", ""))
        return fields

    def send_form(self, path, form_id, expect=None, files=None, **data):
        """Open ``path``, fill in its form ``form_id`` with ``data`` and send it there."""
        fields = {**self.form_fields(path, form_id), **data}
        return self.post(path, fields, files=files, expect=expect)

    def log_in(self, username, password):
        fields = self.form_fields("/admin/login/", "login-form")
        fields.update(username=username, password=password, next="/admin/")
        response = self.post("/admin/login/", fields, expect=302)
        assert response.headers["Location"].endswith("/admin/"), response.headers["Location"]


class _CountingAdapter(HTTPAdapter):
    """Counts every TCP connection made, reconnections of a pooled connection included
    (urllib3 silently reconnects one it finds closed before reusing it)."""

    def __init__(self, browser):
        self.browser = browser
        super().__init__(pool_connections=1, pool_maxsize=1)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        browser = self.browser

        class CountingConnection(HTTPConnection):
            def connect(self):
                browser.connections_opened += 1
                super().connect()

        class CountingPool(HTTPConnectionPool):
            ConnectionCls = CountingConnection

        self.poolmanager.pool_classes_by_scheme = {"http": CountingPool}
