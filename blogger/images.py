"""Images on Blogger's hosts, brought over once and named by their local copy.

When the blog moves, Blogger's image hosts must not stay in the pages: a reader's
browser would keep asking Google for every picture, and the pictures go when the blog
does. So each image a post or comment names there is stored here once, at its largest
size, re-encoded from bare pixels by borderblog.images (the cleaner lead images and tip
attachments use: Blogger kept the EXIF of phone photos, GPS included), and every
address of it is rewritten to the local copy. One that cannot be had is left out and
reported by its address.
"""

import hashlib
import http.client
import io
import re
import warnings
from pathlib import Path
from secrets import token_hex
from urllib.parse import unquote

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image

from borderblog import images

from .html_tree import append_after, content_markup, parse, remove
from .image_addresses import is_blogger_image_address, largest, normalised, probably_names_one
from .image_fetch import MAX_BYTES, HTTPFetch, ImageUnavailable
from .models import ImportedImage

# As for lead images: more pixels than a 64-megapixel phone photo is refused as a
# possible decompression bomb.
MAX_PIXELS = 64_000_000

__all__ = ["HTTPFetch", "ImageImporter", "ImageUnavailable", "blogger_image_addresses"]


# A web address typed as text (a comment's "see https://…"), up to the next space,
# quote or angle bracket; trailing punctuation is the sentence's.
_TYPED_ADDRESS = re.compile(r"""https?://[^\s<>"']+""")


def blogger_image_addresses(html: str) -> set[str]:
    """Every Blogger-hosted image address an ``img src`` or ``a href`` in ``html``
    names, or its text spells out, as ImageImporter.local_url is to be called with them."""
    if not probably_names_one(html):
        return set()
    named = {value for _, _, value in _linked_addresses(parse(html))}
    return named | set(_typed_addresses(html))


def _typed_addresses(text: str):
    for match in _TYPED_ADDRESS.finditer(text):
        address = match.group().rstrip(".,;:!?)")
        if is_blogger_image_address(address):
            yield address


class ImageImporter:
    """Built once per import run. ``fetch(address) -> bytes`` raises on failure (the
    default goes over HTTPS to Blogger's hosts only, with a timeout and a size cap);
    ``media_dir`` holds image files found beside a Takeout export."""

    def __init__(self, media_dir=None, dry_run=False, fetch=None):
        self.dry_run = dry_run
        self.fetch = fetch or HTTPFetch()
        self.missing: set[str] = set()  # addresses that could not be had, as first named
        self.why_missing: dict[str, str] = {}  # address → the reason, for the report
        self.stored = 0  # images stored this run
        self.reused = 0  # images stored by an earlier run
        self.would_fetch = 0  # in a dry run: images a real run would store
        self._known: dict[str, str | None] = {}  # key → local URL, or None if missing
        self._files = _index(Path(media_dir)) if media_dir is not None else {}

    def local_url(self, source_url: str) -> str | None:
        """The local URL of the image at ``source_url`` (stored now if need be), or None
        if it cannot be had, or in a dry run if it is not stored yet."""
        if not is_blogger_image_address(source_url):
            raise ValueError(f"Not an address on Blogger's image hosts: {source_url!r}")
        key = _source_key(source_url)
        if key in self._known:
            return self._known[key]
        url = self._find_or_store(key, source_url)
        self._known[key] = url
        return url

    def rewrite(self, html: str) -> str:
        """``html`` with each Blogger-hosted ``img src`` and ``a href`` naming the local
        copy; an image that cannot be had is left out, and a link to it becomes its
        content. No attribute names a Blogger image host afterwards."""
        if not probably_names_one(html):
            return html
        body = parse(html)
        emptied = []  # links that held an image left out
        for element, attribute, value in list(_linked_addresses(body)):
            url = self.local_url(value)
            if url is not None:
                element.set(attribute, url)
                if element.tag == "a" and _text_is(element, value):
                    element.text = url  # a link that showed its address shows the new one
            elif element.tag == "img":
                parent = element.getparent()
                remove(element)
                if parent.tag == "a":
                    emptied.append(parent)
            else:
                if _text_is(element, value):
                    element.text = None
                _unwrap(element)
        for element in body.iter():
            _forget_other_mentions(element)
        for anchor in emptied:
            if anchor.getparent() is not None and not _has_content(anchor):
                _unwrap(anchor)
        return content_markup(body)

    def rewrite_text(self, text: str) -> str:
        """``text`` (a comment's source) with each Blogger image address typed in it
        replaced by the local copy's, or left out if it cannot be had: the linker that
        renders comments would otherwise make it a link to Blogger."""
        if not probably_names_one(text):
            return text
        for address in sorted(set(_typed_addresses(text)), key=len, reverse=True):
            text = text.replace(address, self.local_url(address) or "")
        return text

    def _find_or_store(self, key: str, source_url: str) -> str | None:
        earlier = ImportedImage.objects.filter(source_key=key).first()
        if earlier is not None:
            self.reused += 1
            return earlier.image.url
        if self.dry_run:
            self.would_fetch += 1
            return None
        try:
            data = self._bytes_of(source_url)
            content, extension = _cleaned(data)
        except ImageUnavailable as refusal:
            self.missing.add(source_url)
            self.why_missing[source_url] = refusal.reason
            return None
        return self._store(key, source_url, content, extension)

    def _bytes_of(self, source_url: str) -> bytes:
        path = next(filter(None, map(self._files.get, _file_names(source_url))), None)
        if path is not None:
            try:
                if path.stat().st_size > MAX_BYTES:
                    raise ImageUnavailable(f"the file {path} is over {MAX_BYTES} bytes")
                return path.read_bytes()
            except OSError as error:
                raise ImageUnavailable(f"the file {path} cannot be read ({error})") from None
        try:
            return self.fetch(largest(source_url))
        except ImageUnavailable:
            raise
        except (OSError, ValueError, http.client.HTTPException) as error:  # from a fetch of
            # the caller's: unreachable, refused, timed out, TLS
            raise ImageUnavailable(f"could not be fetched ({error})") from None

    def _store(self, key: str, source_url: str, content: bytes, extension: str) -> str:
        row = ImportedImage(source_url=normalised(source_url), source_key=key)
        # A random name, as for lead images: never the one it had on Blogger.
        row.image.save(f"{token_hex(16)}.{extension}", ContentFile(content), save=False)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:  # another run stored it meanwhile: keep theirs
            row.image.delete(save=False)
            self.reused += 1
            return ImportedImage.objects.get(source_key=key).image.url
        self.stored += 1
        return row.image.url


def _source_key(address: str) -> str:
    return hashlib.sha256(normalised(address).encode()).hexdigest()


def _cleaned(data: bytes) -> tuple[bytes, str]:
    """The image in ``data`` re-encoded from bare pixels, and the extension to store it as."""
    file_type = images.image_type(data[: images.HEAD_SIZE])
    if file_type is None and data.startswith((b"GIF87a", b"GIF89a")):
        data, file_type = _gif_as_png(data), "png"
    if file_type is None:
        raise ImageUnavailable("not an image (JPEG, PNG, WebP, HEIC or GIF)")
    try:
        pixels = images.decode(io.BytesIO(data), file_type, max_pixels=MAX_PIXELS)
    except images.TooManyPixels:
        raise ImageUnavailable(f"over {MAX_PIXELS // 1_000_000} megapixels") from None
    except images.UnreadableImage:
        raise ImageUnavailable("a damaged image") from None
    extension = images.IMAGE_TYPES[file_type].extension
    out = io.BytesIO()
    images.save(pixels, out, extension)
    return out.getvalue(), extension


def _gif_as_png(data: bytes) -> bytes:
    """A GIF's first frame as a PNG. Blogger served GIFs (charts, scans) and the shared
    cleaner takes none, so its pixels are handed over as the PNG it does take."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=["GIF"]) as gif:
                if gif.width * gif.height > MAX_PIXELS:
                    raise ImageUnavailable(f"over {MAX_PIXELS // 1_000_000} megapixels")
                frame = gif.convert("RGBA" if "transparency" in gif.info else "RGB")
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ImageUnavailable(f"over {MAX_PIXELS // 1_000_000} megapixels") from None
        except images.DECODE_ERRORS:
            raise ImageUnavailable("a damaged image") from None
    out = io.BytesIO()
    frame.save(out, "PNG")
    return out.getvalue()


# Files beside the export ------------------------------------------------------------


def _index(media_dir: Path) -> dict[str, Path]:
    """The image files under ``media_dir`` by name, decoded and case-folded; a name
    that two files share names neither, since the address cannot say which."""
    if not media_dir.is_dir():
        raise ValueError(f"{media_dir} is not a folder.")
    found: dict[str, Path | None] = {}
    for path in media_dir.rglob("*"):
        if path.is_file():
            name = unquote(path.name).casefold()
            found[name] = None if name in found else path
    return {name: path for name, path in found.items() if path is not None}


def _file_names(address: str) -> list[str]:
    """The names, as _index() keys them, a file of the address's image may have. Old
    Blogger addresses wrote a space as "+"."""
    name = unquote(address.split("?")[0].split("#")[0].rstrip("/").rpartition("/")[2])
    name = name.casefold()
    return [name, name.replace("+", " ")] if "+" in name else [name]


# Addresses in HTML ------------------------------------------------------------------


def _linked_addresses(body):
    """(element, attribute, address) for each img src and a href naming a Blogger image."""
    for element in body.iter("img", "a"):
        attribute = "src" if element.tag == "img" else "href"
        value = element.get(attribute)
        if value and is_blogger_image_address(value):
            yield element, attribute, value


def _forget_other_mentions(element) -> None:
    """Drop any other attribute that names a Blogger image host (a data-src, a srcset,
    a style's background): none of them may make a browser ask Blogger for anything."""
    if not isinstance(element.tag, str):
        return
    for name, value in list(element.attrib.items()):
        if is_blogger_image_address(value) or (
            name not in {"href", "src"} and probably_names_one(value)
        ):
            del element.attrib[name]


def _text_is(element, address: str) -> bool:
    return len(element) == 0 and (element.text or "").strip() == address.strip()


def _has_content(element) -> bool:
    return len(element) > 0 or bool((element.text or "").strip())


def _unwrap(element) -> None:
    """Replace the element with its content."""
    parent = element.getparent()
    previous = element.getprevious()
    index = parent.index(element)
    text, tail = element.text, element.tail
    children = list(element)
    parent.remove(element)
    if text:
        append_after(parent, previous, text)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
        previous = child
    if tail:
        append_after(parent, previous, tail)
