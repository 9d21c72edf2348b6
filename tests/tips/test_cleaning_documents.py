"""PDFs lose the metadata inside them and still open; plain text is kept as written."""

import io

import pikepdf
import pytest
from PIL import Image

from tests.tips import files
from tips import wording
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


def test_photo_inside_pdf_loses_exif_xmp_and_comment_and_decodes_to_the_same_pixels(tmp_path):
    photo = files.jpeg_with_gps_and_xmp()

    cleaned = clean(tmp_path, "foto.pdf", files.pdf_with_photo(photo))

    stripped = files.photo_in(cleaned.path)
    with Image.open(io.BytesIO(stripped)) as image:
        assert not image.getexif()
        assert {"exif", "xmp", "comment"}.isdisjoint(image.info)
        assert image.size == (60, 40)
        assert image.tobytes() == Image.open(io.BytesIO(photo)).tobytes()
    for marker in (files.CAMERA, files.AUTHOR, "Exif", "xmpmeta"):
        assert marker.encode() not in cleaned.path.read_bytes()


def test_photo_compressed_again_inside_pdf_loses_its_exif_too(tmp_path):
    pdf = files.pdf_with_photo(files.jpeg_with_gps_and_xmp(), deflated=True)

    cleaned = clean(tmp_path, "foto.pdf", pdf)

    with Image.open(io.BytesIO(files.photo_in(cleaned.path))) as image:
        assert not image.getexif()
        assert image.size == (60, 40)


def test_whatever_follows_the_photo_inside_pdf_is_dropped(tmp_path):
    # A phone's "motion photo" appends a video, with its own metadata, after the picture.
    photo = files.jpeg_with_gps_and_xmp()
    motion_photo = photo + b"\x00\x00\x00\x18ftypmp42 recorded by " + files.CAMERA.encode()

    cleaned = clean(tmp_path, "foto.pdf", files.pdf_with_photo(motion_photo))

    assert files.CAMERA.encode() not in files.photo_in(cleaned.path)


def test_cmyk_photo_inside_pdf_loses_exif_but_keeps_the_adobe_segment_its_colours_need(
    tmp_path,
):
    photo = files.cmyk_jpeg_with_exif()

    cleaned = clean(tmp_path, "folleto.pdf", files.pdf_with_photo(photo, colours="CMYK"))

    with Image.open(io.BytesIO(files.photo_in(cleaned.path))) as image:
        assert not image.getexif()
        assert "adobe_transform" in image.info
        assert image.tobytes() == Image.open(io.BytesIO(photo)).tobytes()


def test_pdf_with_a_broken_photo_is_refused_rather_than_kept_as_is(tmp_path):
    # Cut inside the EXIF segment: its length now runs past the end of the data.
    broken_photo = files.jpeg_with_gps_and_xmp()[:60]

    with pytest.raises(Refused) as refused:
        clean(tmp_path, "foto.pdf", files.pdf_with_photo(broken_photo))

    assert refused.value.reason == Reason.UNREADABLE


def test_annotation_loses_its_author_and_dates(tmp_path):
    note = files.annotation(
        Subtype=pikepdf.Name.Text,
        Contents=pikepdf.String("Ver el párrafo 3"),
        T=pikepdf.String(files.AUTHOR),
        M=pikepdf.String("D:20240305091400-08'00'"),
        CreationDate=pikepdf.String("D:20240305091000-08'00'"),
        NM=pikepdf.String(f"{files.AUTHOR}-20240305"),
    )

    cleaned = clean(tmp_path, "notas.pdf", files.pdf_with_annotations(note))

    with pikepdf.open(cleaned.path) as pdf:
        (kept,) = pdf.pages[0].Annots
        assert {"/T", "/M", "/CreationDate", "/NM"}.isdisjoint(kept.keys())
        assert kept.Contents == "Ver el párrafo 3"


def test_form_field_keeps_its_name_but_loses_its_date(tmp_path):
    # On a form field's widget /T is the field's name, which the form needs, not an author.
    form = files.pdf_with_form_field(
        T=pikepdf.String("placas"), M=pikepdf.String("D:20240305091400-08'00'")
    )

    cleaned = clean(tmp_path, "formulario.pdf", form)

    with pikepdf.open(cleaned.path) as pdf:
        (kept,) = pdf.pages[0].Annots
        assert kept.T == "placas"
        assert "/M" not in kept


def test_xmp_on_a_dictionary_inside_another_object_is_removed(tmp_path):
    cleaned = clean(tmp_path, "anotado.pdf", files.pdf_with_xmp_on_a_direct_dictionary())

    with pikepdf.open(cleaned.path) as pdf:
        (annotation,) = pdf.pages[0].Annots
        assert "/Metadata" not in annotation
        assert not [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Type") == "/Metadata"
        ]


@pytest.mark.parametrize("carrier", ["attachments", "associated", "annotation"])
def test_pdf_carrying_attached_files_is_refused(tmp_path, carrier):
    with pytest.raises(Refused) as refused:
        clean(tmp_path, "con-adjuntos.pdf", files.pdf_with_attached_photo(carrier))

    assert refused.value.reason == Reason.ATTACHED_FILES


def test_source_is_asked_to_send_attached_files_separately():
    message = wording.file_refused(Reason.ATTACHED_FILES, "informe.pdf")

    assert "por separado" in message
    assert "separately" in message


def test_pdf_with_a_jpeg_2000_image_is_refused(tmp_path):
    with pytest.raises(Refused) as refused:
        clean(tmp_path, "escaneo.pdf", files.pdf_with_jpeg_2000_image())

    assert refused.value.reason == Reason.JPEG_2000


def test_source_is_told_a_jpeg_2000_image_stopped_the_pdf():
    message = wording.file_refused(Reason.JPEG_2000, "escaneo.pdf")

    assert "JPEG 2000" in message
    assert "escaneo.pdf" in message


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
