"""JPEG data without its metadata segments: the compressed picture is copied untouched.

Photos inside a PDF (a picture turned into a PDF by img2pdf or a scanning app) are kept
whole, as the camera wrote them, EXIF and all. They cannot be re-encoded from pixels the
way uploaded photos are without losing quality, so the segments around the picture are
filtered instead. A JPEG is a run of segments, each opened by a marker; dropped are:

- APP1 to APP13 and APP15: EXIF (GPS, make, model, serial, times, a thumbnail of the
  uncropped picture), XMP, ICC profiles, Photoshop's IPTC, the phones' own segments;
- COM: comments, where some programs write a user or a program name;
- APP0 other than JFIF, and JFIF's own thumbnail;
- whatever follows the end of the picture (a phone's "motion photo" video, the second
  picture of an MPO, a maker's trailer), which viewers never show.

Kept are JFIF (APP0: pixel density), Adobe's APP14 (its colour-transform flag says how
to read CMYK and YCCK pictures) and every segment that describes or holds the picture
itself, byte for byte.
"""

import re

START_OF_IMAGE = 0xD8
END_OF_IMAGE = 0xD9
START_OF_SCAN = 0xDA
APP0 = 0xE0
APP14 = 0xEE
DROPPED = {*range(0xE1, 0xEE), 0xEF, 0xFE}  # APP1-APP13, APP15, COM
# Markers that are two bytes and nothing else: TEM and the restart markers.
STANDALONE = {0x01, *range(0xD0, 0xD8)}
# In compressed picture data a 0xFF byte is followed by 0x00 (a stuffed byte), a restart
# marker or more 0xFF (fill): anything else is the marker that ends the scan.
END_OF_SCAN = re.compile(rb"\xff+(?=[^\x00\xd0-\xd7\xff])")
JFIF = b"JFIF\x00"
# "JFIF\0", version, density unit, horizontal and vertical density; then the thumbnail.
JFIF_WITHOUT_THUMBNAIL = 12
ADOBE = b"Adobe"


class NotAJpeg(ValueError):
    """The data is not a JPEG we can read segment by segment."""


def without_metadata(data):
    """``data``, a whole JPEG, less the segments that describe anything but the picture."""
    if data[:2] != b"\xff\xd8":
        raise NotAJpeg("no start-of-image marker")
    kept = [data[:2]]
    position, scans = 2, 0
    while position < len(data):
        marker_start, marker = _marker_at(data, position)
        if marker == END_OF_IMAGE:
            kept.append(b"\xff\xd9")
            break
        if marker in STANDALONE:
            kept.append(data[marker_start : marker_start + 2])
            position = marker_start + 2
            continue
        segment, position = _segment_at(data, marker_start)
        kept.append(_filtered(marker, segment))
        if marker == START_OF_SCAN:
            scans += 1
            # The compressed picture runs until the next marker that is not a restart.
            end = END_OF_SCAN.search(data, position)
            scan_end = end.start() if end else len(data)
            kept.append(data[position:scan_end])
            position = scan_end
    if not scans:
        raise NotAJpeg("no picture data")
    return b"".join(kept)


def _marker_at(data, position):
    if data[position] != 0xFF:
        raise NotAJpeg("a segment does not start with a marker")
    while position + 1 < len(data) and data[position + 1] == 0xFF:
        position += 1  # fill bytes may precede a marker
    if position + 1 >= len(data):
        raise NotAJpeg("the data ends inside a marker")
    marker = data[position + 1]
    if marker in (0x00, START_OF_IMAGE):
        raise NotAJpeg("a marker that cannot start a segment here")
    return position, marker


def _segment_at(data, marker_start):
    """The segment at ``marker_start`` (marker, length and content) and where it ends."""
    length = int.from_bytes(data[marker_start + 2 : marker_start + 4], "big")
    end = marker_start + 2 + length
    if marker_start + 4 > len(data) or length < 2 or end > len(data):
        raise NotAJpeg("a segment runs past the end of the data")
    return data[marker_start:end], end


def _filtered(marker, segment):
    """The segment as it is kept: whole, shortened, or not at all (empty)."""
    content = segment[4:]
    if marker in DROPPED:
        return b""
    if marker == APP0:
        if not content.startswith(JFIF) or len(content) < JFIF_WITHOUT_THUMBNAIL + 2:
            return b""
        # Thumbnail width and height zero, and no thumbnail: a thumbnail may show the
        # picture as it was before it was cropped.
        content = content[:JFIF_WITHOUT_THUMBNAIL] + b"\x00\x00"
        return segment[:2] + (len(content) + 2).to_bytes(2, "big") + content
    if marker == APP14 and not content.startswith(ADOBE):
        return b""
    return segment
