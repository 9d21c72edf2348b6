"""Images re-encoded from bare pixels: the one way any picture we keep or publish is cleaned.

Copying pixels into a brand-new image is what guarantees that nothing else travels: the
new image has no EXIF (GPS, camera serial, time), XMP, IPTC, comment, PNG text chunk or
ICC profile (whose description can name a device) for any encoder to write back. Colours
described by an ICC profile are converted to sRGB first, so that they survive its loss.
Animated images keep their first frame; HEIC (iPhone) photos are stored as JPEG.

The tip line (a source's attachments) and posts (a reporter's lead image) both clean
their images here, so that there is one implementation to test and to trust. What is
refused is said with exceptions of our own; each app words them for its readers.
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()


@dataclass(frozen=True)
class ImageType:
    decoder: str  # the only Pillow plugin allowed to read it
    extension: str  # of the cleaned file
    content_type: str  # of the cleaned file


# The image types we accept, as image_type() names them. Each has one decoder: a PNG
# named as a JPEG, or a JPEG holding something else, fails instead of finding another.
IMAGE_TYPES = {
    "jpeg": ImageType("JPEG", "jpg", "image/jpeg"),
    "png": ImageType("PNG", "png", "image/png"),
    "webp": ImageType("WEBP", "webp", "image/webp"),
    # HEIC is decoded and stored as JPEG, which every browser and editor's computer opens.
    "heic": ImageType("HEIF", "jpg", "image/jpeg"),
}
ENCODERS = {
    "jpg": ("JPEG", {"quality": 90}),
    "png": ("PNG", {"optimize": True}),
    "webp": ("WEBP", {"quality": 90}),
}
# HEIF files are ISO base media: an "ftyp" box names their brands. HEIC is accepted;
# other HEIF images (AVIF and the like) are not.
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
GENERIC_HEIF_BRANDS = {b"mif1", b"msf1", b"mif2"}
HEIF_BRANDS = HEIC_BRANDS | GENERIC_HEIF_BRANDS
# Enough of a file's start for image_type(), an ftyp box's list of brands included.
HEAD_SIZE = 4096
# Pillow's errors for files that are not what their first bytes promised.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


class BadImage(Exception):
    """The file cannot be cleaned as an image; the subclass says why."""


class UnreadableImage(BadImage):
    """Damaged, or not the image its first bytes promised."""


class TooManyPixels(BadImage):
    """Over the caller's pixel limit, or Pillow's: possibly a decompression bomb."""


def image_type(head):
    """The accepted image type ("jpeg", "png", "webp", "heic") a file's first bytes announce.

    None for anything else: the name and the declared type of a file are never asked.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        size = int.from_bytes(head[:4], "big")
        major = head[8:12]
        end = min(size, len(head)) if size >= 16 else len(head)
        brands = {major} | {head[i : i + 4] for i in range(16, end - 3, 4)}
        if major in HEIC_BRANDS or (major in GENERIC_HEIF_BRANDS and brands & HEIC_BRANDS):
            return "heic"
    return None


def decode(source, file_type, *, max_pixels):
    """The pixels of ``source`` (a path or binary file), upright, in a fresh image.

    The fresh image carries nothing but pixels. Raises TooManyPixels above ``max_pixels``
    (checked before decoding) and UnreadableImage for anything Pillow cannot read as
    ``file_type``.
    """
    with warnings.catch_warnings():
        # Pillow only warns about images a little over its pixel limit: refuse them too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(source, formats=[IMAGE_TYPES[file_type].decoder]) as image:
                if image.width * image.height > max_pixels:
                    raise TooManyPixels
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = _in_srgb(upright, image.info.get("icc_profile"))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise TooManyPixels from None
        except DECODE_ERRORS:
            raise UnreadableImage from None
    pixels = _plain_mode(pixels)
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    return fresh


def save(image, destination, extension, **options):
    """Encode ``image`` as ``extension`` ("jpg", "png", "webp") to a path or binary file.

    ``options`` override the encoder's defaults (a thumbnail's lower JPEG quality).
    """
    encoder, defaults = ENCODERS[extension]
    _for_encoder(image, encoder).save(destination, encoder, **{**defaults, **options})


def _in_srgb(image, icc_profile):
    if not icc_profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile is dropped with the rest; the colours may shift a little.
        return image


def _plain_mode(image):
    """One of 1, L, RGB or RGBA: modes every encoder here understands."""
    if image.mode in ("1", "L", "RGB", "RGBA"):
        return image
    if image.mode.startswith("I"):
        # 16-bit greyscale: scale to 8 bits rather than clip to white.
        return image.convert("I").point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("LA", "PA", "La") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def _for_encoder(image, encoder):
    if encoder == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        return flat
    if encoder == "JPEG" and image.mode == "1":
        return image.convert("L")
    if encoder == "WEBP" and image.mode in ("1", "L"):
        return image.convert("RGB")
    return image.copy()
