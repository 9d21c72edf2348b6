"""Every object of an open PDF, scrubbed of metadata; PDFs that cannot be are refused.

Imported only when a PDF is rewritten (``documents.rewrite_pdf``): importing pikepdf
logs a line, which every management command and worker start would otherwise print.
"""

import pikepdf

from . import jpeg_segments
from .refusals import Reason, Refused

# XMP streams, and application private data (Illustrator, Photoshop...).
PRIVATE_KEYS = ("/Metadata", "/PieceInfo")
# An annotation's times, and its name, which programs often make of a user and a time.
ANNOTATION_KEYS = ("/M", "/CreationDate", "/NM")
# A comment's author: the user name of the computer it was written on. On a form field's
# widget /T is the field's name instead, which the form needs.
AUTHOR_KEY = "/T"
# Keys that carry files inside the PDF: a file specification's embedded file, the
# catalog's tree of attachments, associated files (PDF/A-3, ZUGFeRD invoices).
FILE_KEYS = ("/EF", "/EmbeddedFiles", "/AF")
CONTAINERS = pikepdf.Array | pikepdf.Dictionary | pikepdf.Stream


def scrub(pdf):
    """Remove metadata from every object the rewritten ``pdf`` will keep; raises ``Refused``.

    ``pdf.objects`` would list only indirect objects, and XMP can hang from a dictionary
    written inside another one (an annotation, a marked-content property list). So the
    object graph is walked from the trailer, which is all that saving keeps, through
    every array, dictionary and stream; each indirect object is visited once (pages
    point back at their parents).
    """
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    visited = set()
    pending = [pdf.trailer]
    while pending:
        obj = pending.pop()
        if obj.is_indirect:
            if obj.objgen in visited:
                continue
            visited.add(obj.objgen)
        scrub_one = _scrub_array if isinstance(obj, pikepdf.Array) else _scrub_dictionary
        pending.extend(scrub_one(obj))


def _scrub_dictionary(obj):
    """Scrub a dictionary, or a stream and its dictionary; returns what it holds."""
    if any(key in obj for key in FILE_KEYS) or obj.get("/Type") == "/EmbeddedFile":
        raise Refused(Reason.ATTACHED_FILES)
    held = []
    for key in list(obj.keys()):
        value = obj[key]
        if key in PRIVATE_KEYS or _is_xmp(value):
            del obj[key]
        elif isinstance(value, CONTAINERS):
            held.append(value)
    if obj.get("/Type") == "/Annot":
        _scrub_annotation(obj)
    for key in ("/Annots", "/Popup"):
        # /Type is optional on annotations: what a page lists as its annotations is one.
        for annotation in _as_list(obj.get(key)):
            if isinstance(annotation, pikepdf.Dictionary):
                _scrub_annotation(annotation)
    if isinstance(obj, pikepdf.Stream):
        _scrub_stream_data(obj)
    return held


def _scrub_array(array):
    """Take XMP streams out of an array; returns what else it holds."""
    held = []
    for index, item in enumerate(array):
        if _is_xmp(item):
            array[index] = None
        elif isinstance(item, CONTAINERS):
            held.append(item)
    return held


def _scrub_annotation(annotation):
    if annotation.get("/Subtype") == "/FileAttachment":
        raise Refused(Reason.ATTACHED_FILES)
    for key in ANNOTATION_KEYS:
        if key in annotation:
            del annotation[key]
    if AUTHOR_KEY in annotation and annotation.get("/Subtype") != "/Widget":
        del annotation[AUTHOR_KEY]


def _scrub_stream_data(stream):
    filters = [str(name) for name in _as_list(stream.get("/Filter"))]
    if "/JPXDecode" in filters:
        # JPEG 2000 files can carry XML and UUID boxes (XMP, GeoJP2 locations) that
        # no tool here can take out without decoding the picture.
        raise Refused(Reason.JPEG_2000)
    if filters and filters[-1] == "/DCTDecode":
        _strip_jpeg(stream, filters)


def _strip_jpeg(stream, filters):
    """Drop the metadata segments of a JPEG picture, leaving it encoded as it was."""
    parameters = _as_list(stream.get("/DecodeParms")) or [None] * len(filters)
    if len(parameters) != len(filters):
        raise ValueError("a stream's filters and their parameters do not match")
    if len(filters) == 1:
        jpeg = stream.read_raw_bytes()
    else:
        # Compression over the JPEG (Flate, ASCII85...) is undone; the JPEG is not.
        stream.Filter = pikepdf.Array([pikepdf.Name(name) for name in filters[:-1]])
        stream.DecodeParms = pikepdf.Array(parameters[:-1])
        jpeg = stream.read_bytes(pikepdf.StreamDecodeLevel.generalized)
    stream.write(
        jpeg_segments.without_metadata(jpeg),
        filter=pikepdf.Name.DCTDecode,
        decode_parms=parameters[-1],  # /ColorTransform, when the file sets it
    )


def _is_xmp(value):
    return isinstance(value, pikepdf.Stream) and value.get("/Type") == "/Metadata"


def _as_list(value):
    """A PDF value that may be one item or an array of them, as a list (None: empty)."""
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [value]
