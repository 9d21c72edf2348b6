"""PDFs lose their document info and XMP and still open; plain text is kept as written."""

import pikepdf
import pytest

from tests.tips import files
from tips.cleaning import Reason, Refused, clean_upload


def clean(tmp_path, name, data):
    return clean_upload(files.upload(name, data), tmp_path)


def test_pdf_loses_author_and_xmp_and_still_opens(tmp_path):
    original = files.pdf_with_author_and_xmp()
    assert files.AUTHOR.encode() in original
    assert b"xmpmeta" in original

    cleaned = clean(tmp_path, "informe.pdf", original)

    data = cleaned.path.read_bytes()
    assert files.AUTHOR.encode() not in data
    assert files.CAMERA.encode() not in data
    assert b"xmpmeta" not in data
    assert b"/Metadata" not in data
    with pikepdf.open(cleaned.path) as pdf:
        assert len(pdf.pages) == 1
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root


def test_pdf_rewrite_drops_whatever_was_appended_after_the_document(tmp_path):
    # Incremental saves append to a PDF; whatever is not part of the current document
    # (old revisions, notes) must not be carried over.
    appended = files.pdf_with_author_and_xmp() + b"\n% old revision by " + b"Pedro Anexo\n"

    cleaned = clean(tmp_path, "revised.pdf", appended)

    assert b"Pedro Anexo" not in cleaned.path.read_bytes()


def test_password_protected_pdf_is_refused(tmp_path):
    with pytest.raises(Refused) as refused:
        clean(tmp_path, "locked.pdf", files.encrypted_pdf())

    assert refused.value.reason == Reason.PASSWORD


def test_broken_pdf_is_refused_rather_than_kept_as_is(tmp_path):
    with pytest.raises(Refused) as refused:
        clean(tmp_path, "broken.pdf", b"%PDF-1.7\n this is not a PDF at all")

    assert refused.value.reason == Reason.UNREADABLE


def test_plain_text_is_kept_byte_for_byte(tmp_path):
    note = "Placas del convoy: ABC-123.\nHora: 03:10\tPuente viejo — ñandú\n".encode()

    cleaned = clean(tmp_path, "notas.txt", note)

    assert cleaned.content_type == "text/plain; charset=utf-8"
    assert cleaned.path.read_bytes() == note
