"""PDFs rewritten without document info or XMP; plain text kept as written.

pikepdf (qpdf) rewrites the whole file, which also drops earlier revisions that an
incremental save leaves behind (often with the old metadata and deleted text in them).
The document information dictionary (author, title, producer, dates) goes, and so does
every XMP stream, whether attached to the document, a page, an image or a font, and
application private data (``/PieceInfo``). The file identifier is recomputed from the
content, so that it no longer matches the copy on the source's computer.
"""

import shutil

from .refusals import Reason, Refused

PRIVATE_KEYS = ("/Metadata", "/PieceInfo")


def rewrite_pdf(source, destination, file_type):
    # Imported on first use: importing pikepdf logs a line at INFO level, which every
    # management command and worker start would otherwise print.
    import pikepdf

    try:
        with pikepdf.open(source) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    for key in PRIVATE_KEYS:
                        if key in obj:
                            del obj[key]
            pdf.save(
                destination,
                encryption=False,
                deterministic_id=True,
                fix_metadata_version=False,
            )
    except pikepdf.PasswordError:
        raise Refused(Reason.PASSWORD) from None
    except (pikepdf.PdfError, pikepdf.ForeignObjectError, ValueError, RuntimeError):
        destination.unlink(missing_ok=True)
        raise Refused(Reason.UNREADABLE) from None
    return None


def copy_text(source, destination, file_type):
    """Plain text has no metadata to remove: its bytes are the whole of it."""
    shutil.copyfile(source, destination)
    return None
