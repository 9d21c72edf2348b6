"""Real files made in the test, carrying the metadata a source's phone or computer adds.

Every marker below is a string that must not survive cleaning: where a test finds one
in a stored file, metadata leaked.
"""

import io
import subprocess
import zipfile
import zlib
from pathlib import Path

import pikepdf
import pillow_heif
from django.core.files.uploadedfile import SimpleUploadedFile
from imageio_ffmpeg import get_ffmpeg_exe
from PIL import ExifTags, Image, PngImagePlugin

pillow_heif.register_heif_opener()

CAMERA = "SecretPhoneMaker"
AUTHOR = "Juan Informante"
LOCATION = "+32.5149-117.0382"
MARKERS = (CAMERA, AUTHOR, LOCATION, "32.5149", "ISO6709", "GPS", "xmpmeta", "Informante")

XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{AUTHOR}</dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
).encode()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def camera_exif(orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.Base.Artist] = AUTHOR
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (32.0, 30.0, 53.64),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (117.0, 2.0, 17.52),
    }
    return exif


def photo(size=(60, 40)):
    """A picture with a red left half, so that turning it shows."""
    image = Image.new("RGB", size, "white")
    image.paste((200, 0, 0), (0, 0, size[0] // 2, size[1]))
    return image


def jpeg_with_gps_and_xmp(orientation=1):
    out = io.BytesIO()
    photo().save(
        out, "JPEG", exif=camera_exif(orientation), xmp=XMP, comment=AUTHOR.encode(), quality=95
    )
    return out.getvalue()


def png_with_text_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR)
    info.add_itxt("Location", LOCATION)
    info.add_text("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    photo().save(out, "PNG", pnginfo=info, exif=camera_exif())
    return out.getvalue()


def webp_with_exif():
    out = io.BytesIO()
    photo().save(out, "WEBP", exif=camera_exif(), xmp=XMP)
    return out.getvalue()


def heic_with_exif():
    out = io.BytesIO()
    photo((64, 48)).save(out, "HEIF", exif=camera_exif(), quality=80)
    return out.getvalue()


def decompression_bomb():
    """A PNG of a few dozen kilobytes that would decode to 400 million pixels."""
    width = height = 20_000
    row = b"\x00" + b"\x00" * (width // 8)  # filter byte, then 1-bit pixels
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, data):
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def html_page():
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def svg_image():
    return (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
        b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'
    )


def zip_archive():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return out.getvalue()


def pdf_with_author_and_xmp():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = AUTHOR
    pdf.docinfo["/Creator"] = CAMERA
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [AUTHOR]
        meta["xmp:CreatorTool"] = CAMERA
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_of(page_setup):
    """A one-page PDF (60 x 40 points) that ``page_setup(pdf, page)`` fills in."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(60, 40))
    page_setup(pdf, pdf.pages[0])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_with_photo(jpeg, colours="RGB", *, deflated=False):
    """The JPEG of a photo() kept whole inside the PDF, as img2pdf and scanner apps do.

    ``deflated`` compresses it once more, as some programs do to every stream.
    """
    if deflated:
        jpeg = zlib.compress(jpeg)
        filters = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.DCTDecode])
    else:
        filters = pikepdf.Name.DCTDecode
    return pdf_of(
        lambda pdf, page: _show_image(
            pdf,
            page,
            jpeg,
            Width=60,
            Height=40,
            ColorSpace=pikepdf.Name(f"/Device{colours}"),
            BitsPerComponent=8,
            Filter=filters,
        )
    )


def _show_image(pdf, page, encoded, **image_keys):
    picture = pikepdf.Stream(
        pdf, encoded, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, **image_keys
    )
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture))
    page.Contents = pdf.make_stream(b"q 60 0 0 40 0 0 cm /Im0 Do Q")


def photo_in(pdf_path):
    """The JPEG of the first image on the first page, as a viewer reads it."""
    with pikepdf.open(pdf_path) as pdf:
        picture = pdf.pages[0].Resources.XObject.Im0
        assert picture.Filter.wrap_in_array() == [pikepdf.Name.DCTDecode]
        return picture.read_raw_bytes()


def cmyk_jpeg_with_exif():
    """A CMYK JPEG: Pillow writes the Adobe segment that says how to read its colours."""
    out = io.BytesIO()
    photo().convert("CMYK").save(out, "JPEG", exif=camera_exif(), quality=95)
    return out.getvalue()


def annotation(**keys):
    return pikepdf.Dictionary(Type=pikepdf.Name.Annot, Rect=[0, 0, 10, 10], **keys)


def pdf_with_annotations(*annotations):
    def annotate(pdf, page):
        page.Annots = pdf.make_indirect(pikepdf.Array(annotations))

    return pdf_of(annotate)


def pdf_with_form_field(**keys):
    """A text field whose widget sits on the page, as form-filling apps write it."""

    def add_field(pdf, page):
        field = pdf.make_indirect(
            annotation(Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, **keys)
        )
        page.Annots = pikepdf.Array([field])
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))

    return pdf_of(add_field)


def pdf_with_xmp_on_a_direct_dictionary():
    """XMP hung from an annotation written inside the page, not as an object of its own."""

    def annotate(pdf, page):
        xmp = pdf.make_stream(XMP, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
        page.Annots = pikepdf.Array([annotation(Subtype=pikepdf.Name.Square, Metadata=xmp)])

    return pdf_of(annotate)


def pdf_with_attached_photo(carrier):
    """A PDF carrying a phone photo, the way ``carrier`` says; the photo keeps its EXIF."""

    def attach(pdf, page):
        photo_file = pikepdf.AttachedFileSpec(
            pdf, jpeg_with_gps_and_xmp(), filename="IMG_0042.jpg", description=AUTHOR
        )
        if carrier == "attachments":
            pdf.attachments["IMG_0042.jpg"] = photo_file
        elif carrier == "associated":
            pdf.Root.AF = pikepdf.Array([pdf.make_indirect(photo_file.obj)])
        else:
            page.Annots = pikepdf.Array(
                [annotation(Subtype=pikepdf.Name.FileAttachment, FS=photo_file.obj)]
            )

    return pdf_of(attach)


def pdf_with_jpeg_2000_image():
    out = io.BytesIO()
    photo().save(out, "JPEG2000")
    return pdf_of(
        lambda pdf, page: _show_image(
            pdf, page, out.getvalue(), Width=60, Height=40, Filter=pikepdf.Name.JPXDecode
        )
    )


def rtf_document():
    """What a word processor saves as RTF: its info group names the author and company."""
    return (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
        rb"{\info{\title Informe}{\author " + AUTHOR.encode() + rb"}"
        rb"{\operator " + AUTHOR.encode() + rb"}{\creatim\yr2024\mo3\dy5\hr9\min14}"
        rb"{\*\company " + CAMERA.encode() + rb"}}"
        rb"\pard Texto del documento.\par}"
    )


def encrypted_pdf():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return out.getvalue()


def video(tmp_path, container, *, location=True, apple_keys=False, audio_only=False):
    """A one-second 64x64 clip from ffmpeg's test source, with a phone's location tags.

    The location goes into QuickTime's ©xyz atom, or with ``apple_keys`` into Apple's
    metadata keys (com.apple.quicktime.location.ISO6709, as iPhones write it); WebM
    gets it as a tag. MP4 holds only Apple's keys (its muxer writes no ©xyz).
    """
    path = Path(tmp_path) / f"clip-{container}{'-keys' if apple_keys else ''}.{container}"
    if audio_only:
        source, codecs = ["-f", "lavfi", "-i", "sine=duration=1"], ["-c:a", "aac"]
    else:
        source = ["-f", "lavfi", "-i", "testsrc=size=64x64:rate=10:duration=1"]
        codec = "libvpx" if container == "webm" else "libx264"
        codecs = ["-c:v", codec, "-pix_fmt", "yuv420p"]
    tags = []
    if location:
        tags = ["-metadata", f"title={AUTHOR}", "-metadata", f"location={LOCATION}/"]
        if apple_keys:
            tags += [
                "-metadata", f"com.apple.quicktime.location.ISO6709={LOCATION}+010.000/",
                "-metadata", f"com.apple.quicktime.make={CAMERA}",
                "-movflags", "use_metadata_tags",
            ]  # fmt: skip
    subprocess.run(
        [get_ffmpeg_exe(), "-v", "error", "-y", *source, *codecs, *tags, str(path)],
        check=True,
    )
    return path.read_bytes()


def video_metadata(path):
    """What ffmpeg reads back as metadata from a stored video (its ffmetadata dump)."""
    finished = subprocess.run(
        [get_ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"],
        capture_output=True,
        check=True,
    )
    return finished.stdout.decode()


def video_plays(path):
    """True when ffmpeg decodes every frame of the file without an error."""
    finished = subprocess.run(
        [get_ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        check=False,
    )
    return finished.returncode == 0 and not finished.stderr
