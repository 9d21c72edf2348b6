"""What a file is, judged by its bytes alone: never by its name or the type the browser declared.

Each accepted type is recognised by its signature or by parsing the start of its
container. Anything not recognised is refused by the caller; so is text that is really
markup (an HTML page named .jpg, an SVG), which a browser could be talked into running,
and RTF, a word processor's document whose info group names its author, the company and
when it was written: stored byte for byte as plain text, all of that would be kept.
"""

import re

from borderblog.images import HEIF_BRANDS, image_type

HEAD_SIZE = 4096

# ISO base media files (MP4, MOV, HEIC) open with an "ftyp" box naming their brands;
# HEIC images are recognised with the other images, by borderblog.images.
AUDIO_ONLY_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
QUICKTIME_BRAND = b"qt  "
# Old QuickTime files may start straight with one of these atoms and no "ftyp".
QUICKTIME_FIRST_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip"}

# Control characters that have no business in a plain-text note (tab, newlines and form
# feed are fine); their presence means a binary file, whatever else it decodes as.
BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MARKUP = re.compile(
    rb"<\s*(?:script|html|svg|iframe|body|head|object|embed|meta|!doctype|\?xml)\b",
    re.IGNORECASE,
)
# What may come before a text's first character: a UTF-8 byte order mark, blank space.
LEADING_BLANKS = b"\xef\xbb\xbf \t\r\n"
RTF = b"{\\rtf"


def identify(path):
    """The accepted type of the file at ``path`` ("jpeg", "mov", "text"...), or None."""
    with open(path, "rb") as file:
        head = file.read(HEAD_SIZE)
    for recognise in (image_type, _iso_media, _webm, _pdf):
        file_type = recognise(head)
        if file_type:
            return file_type
    return "text" if _is_plain_text(path) else None


def _iso_media(head):
    if len(head) < 12:
        return None
    box = head[4:8]
    if box != b"ftyp":
        return "mov" if box in QUICKTIME_FIRST_ATOMS else None
    major = head[8:12]
    if major in HEIF_BRANDS or major in AUDIO_ONLY_BRANDS:
        return None  # HEIF images other than HEIC (AVIF...), audio-only files: not accepted
    if major == QUICKTIME_BRAND:
        return "mov"
    # Any other ISO media brand (isom, mp42, avc1, 3gp...): ffmpeg decides, reading it
    # strictly as MP4 and requiring a video stream.
    return "mp4"


def _webm(head):
    # Matroska's EBML header names its document type; only WebM is accepted.
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"\x42\x82\x84webm" in head[:64]:
        return "webm"
    return None


def _pdf(head):
    return "pdf" if head.startswith(b"%PDF-") else None


def _is_plain_text(path):
    with open(path, "rb") as file:
        data = file.read()
    start = data.lstrip(LEADING_BLANKS)[: len(RTF)]
    if not data or MARKUP.search(data) or start.startswith(b"<") or start.lower() == RTF:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not BINARY_CONTROLS.search(text)
