"""Images on Blogger's hosts are fetched once, cleaned, stored, and named by their copy.

A local HTTP server stands in for Blogger's hosts: the fetch under test is the real one
(HTTPFetch), over real HTTP, with only its connection pointed at the stand-in.
"""

import http.client
import io
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from PIL import Image

from blogger.image_addresses import is_image_host, largest, normalised
from blogger.images import HTTPFetch, ImageImporter, ImageUnavailable, blogger_image_addresses
from blogger.models import ImportedImage
from blogger.post_html import article_source
from posts.markup import render_article
from tests.tips import files

pytestmark = pytest.mark.django_db

PHOTO_PATH = "/-Ab1/XyZ/AAAAAAAAAbc/Qq9/{size}/crossing.jpg"
PHOTO = "https://1.bp.blogspot.com" + PHOTO_PATH.format(size="s320")
PHOTO_FULL = "https://1.bp.blogspot.com" + PHOTO_PATH.format(size="s1600")
PHOTO_SERVED = PHOTO_PATH.format(size="s1600")  # what a fetch asks the host for
HOSTS = ("bp.blogspot.com", "googleusercontent.com", "blogger.com")


class BloggerStandIn(ThreadingHTTPServer):
    """Answers for every Blogger host: ``files`` by path, 404 for anything else."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files: dict[str, bytes] = {}
        self.redirects: dict[str, str] = {}
        self.requests: list[tuple[str, str]] = []  # (Host header, path)
        self.unreachable: set[str] = set()  # hosts whose connections are refused

    def connect(self, scheme, host, port, timeout):
        """HTTPFetch's connect: every host reaches this server, except the unreachable."""
        if host in self.unreachable:
            return http.client.HTTPConnection("127.0.0.1", _closed_port(), timeout=timeout)
        return http.client.HTTPConnection("127.0.0.1", self.server_address[1], timeout=timeout)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.headers["Host"], self.path))
        if self.path in self.server.redirects:
            self.send_response(302)
            self.send_header("Location", self.server.redirects[self.path])
            self.end_headers()
            return
        body = self.server.files.get(self.path)
        self.send_response(200 if body is not None else 404)
        body = body if body is not None else b"not found"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def blogger():
    server = BloggerStandIn()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def importer(blogger):
    return ImageImporter(fetch=HTTPFetch(connect=blogger.connect))


def post_with_image(src=PHOTO, href=PHOTO_FULL):
    return f'<p><a href="{href}"><img src="{src}" width="320"></a>Caption.</p>'


def stored_bytes(row):
    with row.image.open("rb") as file:
        return file.read()


def gif():
    out = io.BytesIO()
    files.photo().save(out, "GIF", comment=files.AUTHOR.encode())
    return out.getvalue()


def names_a_blogger_host(html):
    return any(host in html.lower() for host in HOSTS)


# Fetching and storing -----------------------------------------------------------------


def test_an_image_is_fetched_at_its_largest_size_from_the_host_named(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()

    importer.local_url(PHOTO)

    assert blogger.requests == [("1.bp.blogspot.com", PHOTO_SERVED)]


def test_a_fetched_image_is_stored_without_its_exif_gps_or_name(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()

    url = importer.local_url(PHOTO)

    row = ImportedImage.objects.get()
    data = stored_bytes(row)
    for marker in files.MARKERS:
        assert marker.encode() not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert not {"exif", "xmp", "comment"} & set(image.info)
    assert "crossing" not in row.image.name
    assert url == row.image.url
    assert (row.width, row.height) == (60, 40)
    assert importer.stored == 1


def test_rewrite_names_the_local_copy_in_the_image_and_its_link(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()

    html = importer.rewrite(post_with_image())

    url = ImportedImage.objects.get().image.url
    assert html == f'<p><a href="{url}"><img src="{url}" width="320"></a>Caption.</p>'


def test_an_image_two_posts_name_is_fetched_once(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    other_name = PHOTO.replace("1.bp", "3.bp").replace("https:", "http:")

    first = importer.rewrite(post_with_image())
    second = importer.rewrite(post_with_image(src=other_name, href=other_name))

    assert len(blogger.requests) == 1
    assert ImportedImage.objects.count() == 1
    assert importer.stored == 1
    assert first == second


def test_a_second_run_finds_the_image_stored_by_the_first_without_fetching(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    first_url = importer.local_url(PHOTO)
    blogger.requests.clear()

    second_run = ImageImporter(fetch=HTTPFetch(connect=blogger.connect))
    second_url = second_run.local_url(PHOTO)

    assert second_url == first_url
    assert blogger.requests == []
    assert (second_run.reused, second_run.stored) == (1, 0)


def test_an_unreachable_host_is_reported_missing_by_name_and_its_image_left_out(blogger, importer):
    blogger.unreachable.add("1.bp.blogspot.com")

    html = importer.rewrite(f'<p>Before <img src="{PHOTO}"> after.</p>')

    assert html == "<p>Before  after.</p>"
    assert importer.missing == {PHOTO}
    assert "could not be fetched" in importer.why_missing[PHOTO]
    assert ImportedImage.objects.count() == 0


def test_an_image_the_host_no_longer_has_is_missing(blogger, importer):
    assert importer.local_url(PHOTO) is None

    assert importer.missing == {PHOTO}
    assert importer.why_missing[PHOTO] == "HTTP 404 Not Found"


def test_a_missing_image_is_asked_for_once_in_a_run(blogger, importer):
    importer.local_url(PHOTO)
    importer.local_url(PHOTO_FULL)

    assert len(blogger.requests) == 1
    assert importer.missing == {PHOTO}


def test_bytes_that_are_not_an_image_are_refused(blogger, importer):
    blogger.files[PHOTO_SERVED] = b"<html>Sign in to see this photo</html>"

    assert importer.local_url(PHOTO) is None

    assert importer.why_missing[PHOTO].startswith("not an image")
    assert ImportedImage.objects.count() == 0


def test_a_damaged_image_is_refused(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()[:200]

    assert importer.local_url(PHOTO) is None
    assert importer.why_missing[PHOTO] == "a damaged image"


def test_an_image_over_the_size_cap_is_refused(blogger):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    importer = ImageImporter(fetch=HTTPFetch(connect=blogger.connect, max_bytes=1000))

    assert importer.local_url(PHOTO) is None
    assert importer.why_missing[PHOTO] == "over 1000 bytes"


def test_a_gif_is_stored_as_a_png_of_its_pixels(blogger, importer):
    blogger.files[PHOTO_SERVED] = gif()

    importer.local_url(PHOTO)

    row = ImportedImage.objects.get()
    assert row.image.name.endswith(".png")
    assert files.AUTHOR.encode() not in stored_bytes(row)


def test_a_redirect_to_another_of_bloggers_hosts_is_followed(blogger, importer):
    blogger.redirects[PHOTO_SERVED] = "https://lh3.googleusercontent.com/moved=s1600"
    blogger.files["/moved=s1600"] = files.jpeg_with_gps_and_xmp()

    assert importer.local_url(PHOTO) is not None
    assert blogger.requests[-1] == ("lh3.googleusercontent.com", "/moved=s1600")


@pytest.mark.parametrize(
    "elsewhere",
    ["http://127.0.0.1:8000/admin/", "http://169.254.169.254/latest/meta-data/", "file:///etc"],
)
def test_a_redirect_off_bloggers_hosts_is_refused(blogger, importer, elsewhere):
    blogger.redirects[PHOTO_SERVED] = elsewhere

    assert importer.local_url(PHOTO) is None
    assert importer.why_missing[PHOTO] == f"{elsewhere} is not on Blogger's image hosts"
    assert len(blogger.requests) == 1


def test_the_fetch_goes_nowhere_but_bloggers_hosts():
    with pytest.raises(ImageUnavailable, match="not on Blogger's image hosts"):
        HTTPFetch()("http://127.0.0.1:9/x.jpg")


def test_local_url_refuses_an_address_off_bloggers_hosts(importer):
    with pytest.raises(ValueError, match="Not an address on Blogger's image hosts"):
        importer.local_url("https://example.com/photo.jpg")


# Rewriting ----------------------------------------------------------------------------


def test_a_link_that_only_pointed_at_a_missing_image_keeps_its_other_content(importer):
    html = importer.rewrite(
        f'<p><a href="{PHOTO_FULL}"><img src="{PHOTO}"> the crossing</a>, '
        f'<a href="{PHOTO_FULL}">{PHOTO_FULL}</a>.</p>'
    )

    assert html == "<p> the crossing, .</p>"


def test_a_link_that_showed_the_images_address_shows_the_local_one(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()

    html = importer.rewrite(f'<a href="{PHOTO_FULL}">{PHOTO_FULL}</a>')

    url = ImportedImage.objects.get().image.url
    assert html == f'<a href="{url}">{url}</a>'


def test_no_attribute_names_a_blogger_image_host_after_rewrite(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    gone = "https://blogger.googleusercontent.com/img/b/Gone/s320/gone.jpg"
    html = importer.rewrite(
        f'<img src="{PHOTO}" data-original-src="{PHOTO_FULL}" srcset="{PHOTO} 2x">'
        f'<img src="//2.BP.BLOGSPOT.COM{PHOTO_PATH.format(size="w400-h300")}">'
        f'<img src="{gone}"><a href="{gone}" title="x">gone</a>'
        f'<div style="background: url({PHOTO})">x</div>'
        f'<a href="https://lh5.googleusercontent.com/-q/r/s/t/s400/x.jpg">lh5</a>'
        f'<img src="http://1.bp.blogspot&#46;com{PHOTO_PATH.format(size="s72-c")}">'
    )

    assert not names_a_blogger_host(html)
    assert "x</div>" in html
    assert "gone</a>" not in html  # the link to the image that could not be had went
    assert "gone<div>x</div>lh5" in html


def test_an_imported_post_names_no_blogger_host_once_rendered(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    blogger_html = (
        '<table class="tr-caption-container"><tbody><tr><td>'
        f'<a href="{PHOTO_FULL}"><img src="{PHOTO}" /></a></td></tr>'
        '<tr><td class="tr-caption">At the gate</td></tr></tbody></table>'
        f'<div class="separator"><a href="{PHOTO_FULL}"><img src="{PHOTO}" /></a></div>'
    )

    html = render_article(importer.rewrite(article_source(blogger_html)), "html")

    url = ImportedImage.objects.get().image.url
    assert html.split("\n") == [
        f'<figure><a href="{url}" rel="noopener"><img src="{url}"></a>'
        "<figcaption>At the gate</figcaption></figure>",
        f'<p><a href="{url}" rel="noopener"><img src="{url}"></a></p>',
    ]


def test_html_that_names_no_blogger_host_is_left_as_it_is(importer):
    comment = "Thanks for <b>this</b> &amp; that.\nSee https://example.com/a.jpg"

    assert importer.rewrite(comment) is comment


def test_comment_text_keeps_its_escapes_when_rewritten(blogger, importer):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()

    text = importer.rewrite(f'Look &lt;here&gt;:\n\n<a href="{PHOTO_FULL}">photo</a>')

    url = ImportedImage.objects.get().image.url
    assert text == f'Look &lt;here&gt;:\n\n<a href="{url}">photo</a>'


def test_blogger_image_addresses_are_the_img_and_link_addresses_as_written():
    html = (
        f'<a href="{PHOTO_FULL}"><img src="{PHOTO}"></a>'
        '<img src="https://example.com/elsewhere.jpg">'
        '<a href="https://www.blogger.com/profile/123">me</a>'
        '<img src="https://lh4.googleusercontent.com/abc=w400-h300-no">'
    )

    assert blogger_image_addresses(html) == {
        PHOTO,
        PHOTO_FULL,
        "https://lh4.googleusercontent.com/abc=w400-h300-no",
    }


def test_html_naming_no_blogger_host_has_no_addresses():
    assert blogger_image_addresses("<img src='https://example.com/a.jpg'>") == set()


# Files beside the export, and dry runs ------------------------------------------------


def test_a_file_beside_the_export_is_used_instead_of_fetching(blogger, tmp_path):
    address = "https://blogger.googleusercontent.com/img/b/R29v/s320/Puerta%20norte%202019.jpg"
    (tmp_path / "Album").mkdir()
    (tmp_path / "Album" / quote("Puerta norte 2019.jpg")).write_bytes(files.jpeg_with_gps_and_xmp())
    importer = ImageImporter(media_dir=tmp_path, fetch=HTTPFetch(connect=blogger.connect))

    url = importer.local_url(address)

    assert url == ImportedImage.objects.get().image.url
    assert blogger.requests == []
    assert files.AUTHOR.encode() not in stored_bytes(ImportedImage.objects.get())


def test_a_file_named_with_a_plus_for_a_space_is_found(blogger, tmp_path):
    (tmp_path / "Red Cart.jpg").write_bytes(files.jpeg_with_gps_and_xmp())
    importer = ImageImporter(media_dir=tmp_path, fetch=HTTPFetch(connect=blogger.connect))

    assert importer.local_url("http://4.bp.blogspot.com/_0u/Ss/AAA/rA/s1600/Red+Cart.jpg")
    assert blogger.requests == []


def test_a_media_dir_that_is_not_a_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="is not a folder"):
        ImageImporter(media_dir=tmp_path / "nowhere")


def test_a_file_name_two_files_share_is_fetched_instead(blogger, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "crossing.jpg").write_bytes(b"not this one")
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    importer = ImageImporter(media_dir=tmp_path, fetch=HTTPFetch(connect=blogger.connect))

    assert importer.local_url(PHOTO) is not None
    assert len(blogger.requests) == 1


def test_a_dry_run_fetches_and_writes_nothing_and_counts_what_it_would(blogger, settings):
    blogger.files[PHOTO_SERVED] = files.jpeg_with_gps_and_xmp()
    importer = ImageImporter(dry_run=True, fetch=HTTPFetch(connect=blogger.connect))

    importer.rewrite(post_with_image())
    importer.rewrite(post_with_image(src="https://4.bp.blogspot.com/x/y/z/w/s320/other.jpg"))

    assert blogger.requests == []
    assert ImportedImage.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "imported").exists()
    assert (importer.would_fetch, importer.stored, importer.missing) == (2, 0, set())


# Addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("named", "fetched"),
    [
        (PHOTO, PHOTO_FULL),
        (PHOTO.replace("s320", "w400-h300"), PHOTO_FULL),
        (PHOTO.replace("s320", "s1600-h"), PHOTO_FULL),  # "-h" was a page around the image
        (PHOTO.replace("s320", "s72-c"), PHOTO_FULL),
        (PHOTO.replace("https:", "http:") + "?imgmax=800", PHOTO_FULL),
        ("//1.bp.blogspot.com/a/b/c/d/s320/x.jpg", "https://1.bp.blogspot.com/a/b/c/d/s1600/x.jpg"),
        (
            "https://blogger.googleusercontent.com/img/a/AVvXsEh=w400-h300",
            "https://blogger.googleusercontent.com/img/a/AVvXsEh=s1600",
        ),
        (
            "https://lh3.googleusercontent.com/abc=s320-p-k-no-nu",
            "https://lh3.googleusercontent.com/abc=s1600",
        ),
        (
            "https://lh6.googleusercontent.com/plain.jpg",
            "https://lh6.googleusercontent.com/plain.jpg",
        ),
    ],
)
def test_the_size_blogger_named_is_rewritten_to_the_largest(named, fetched):
    assert largest(named) == fetched


def test_one_image_has_one_normalised_address_whatever_host_or_size_named_it():
    names = [PHOTO, PHOTO_FULL, PHOTO.replace("1.bp", "2.bp"), "http:" + PHOTO[6:]]

    assert {normalised(name) for name in names} == {
        "https://bp.blogspot.com" + PHOTO_PATH.format(size="s1600")
    }


@pytest.mark.parametrize(
    ("host", "is_bloggers"),
    [
        ("bp.blogspot.com", True),
        ("1.bp.blogspot.com", True),
        ("4.bp.blogspot.com", True),
        ("blogger.googleusercontent.com", True),
        ("lh3.googleusercontent.com", True),
        ("lh6.googleusercontent.com", True),
        ("bp1.blogger.com", True),
        ("photos1.blogger.com", True),
        ("myblog.blogspot.com", False),
        ("evil.bp.blogspot.com", False),
        ("bp.blogspot.com.evil.example", False),
        ("docs.googleusercontent.com", False),
        ("www.blogger.com", False),
    ],
)
def test_bloggers_image_hosts_are_recognised_and_no_others(host, is_bloggers):
    assert is_image_host(host) is is_bloggers
