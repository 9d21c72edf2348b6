"""PDFs rewritten without the metadata inside them; plain text kept as written.

pikepdf (qpdf) rewrites the whole file, which also drops earlier revisions that an
incremental save leaves behind (often with the old metadata and deleted text in them).
Before it does, every object the new file will hold is scrubbed (``pdf_objects``):

- the document information dictionary (author, title, producer, dates) goes;
- every XMP stream goes (``/Metadata``, or any stream of ``/Type /Metadata``), whether
  attached to the document, a page, an image, a font or a dictionary written inside
  another object, and so does application private data (``/PieceInfo``);
- annotations (comments, highlights, form widgets) lose their author (``/T``, usually
  the user name of the computer; a form field keeps its name), their dates (``/M``,
  ``/CreationDate``) and their name (``/NM``);
- JPEG pictures (``/DCTDecode``), such as a photo turned into a PDF, lose their EXIF
  (GPS, make, model, times, thumbnail), XMP, ICC, IPTC and comment segments without
  being re-encoded (``jpeg_segments``).

The file identifier is recomputed from the content, so that it no longer matches the
copy on the source's computer. Refused are PDFs with a password, PDFs that pikepdf
cannot read or that hold a JPEG it cannot take apart, PDFs carrying attached files
(which travel whole, with their names and their own metadata: the source is asked to
send them as files of their own, which are then cleaned), and PDFs with JPEG 2000
pictures, whose metadata boxes cannot be removed without re-encoding them.
"""

import shutil

from .refusals import Reason, Refused


def rewrite_pdf(source, destination, file_type):
    # Imported on first use: importing pikepdf logs a line at INFO level, which every
    # management command and worker start would otherwise print.
    import pikepdf

    from . import pdf_objects

    try:
        with pikepdf.open(source) as pdf:
            pdf_objects.scrub(pdf)
            pdf.save(
                destination,
                encryption=False,
                deterministic_id=True,
                fix_metadata_version=False,
            )
    except pikepdf.PasswordError:
        raise Refused(Reason.PASSWORD) from None
    except (pikepdf.PdfError, pikepdf.ForeignObjectError, ValueError, RuntimeError):
        # ValueError includes a JPEG that jpeg_segments could not take apart.
        destination.unlink(missing_ok=True)
        raise Refused(Reason.UNREADABLE) from None
    return None


def copy_text(source, destination, file_type):
    """Plain text has no metadata to remove: its bytes are the whole of it."""
    shutil.copyfile(source, destination)
    return None
