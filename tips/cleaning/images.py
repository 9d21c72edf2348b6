"""Images: decoded, turned upright, and re-encoded from bare pixels.

Copying pixels into a brand-new image is what guarantees that nothing else travels: the
new image has no EXIF (GPS, camera serial, time), XMP, IPTC, comment, PNG text chunk or
ICC profile (whose description can name a device) for any encoder to write back. Colours
described by an ICC profile are converted to sRGB first, so that they survive its loss.
Animated images keep their first frame; HEIC (iPhone) photos are stored as JPEG.
"""

import io
import warnings

import pillow_heif
from django.conf import settings
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .refusals import Reason, Refused

pillow_heif.register_heif_opener()

# The only decoder Pillow may use for each sniffed type: a PNG named as a JPEG, or a
# JPEG holding something else, fails instead of finding another decoder.
DECODERS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heic": "HEIF"}
ENCODERS = {
    "jpg": ("JPEG", {"quality": 90}),
    "png": ("PNG", {"optimize": True}),
    "webp": ("WEBP", {"quality": 90}),
}
THUMBNAIL_SIZE = (320, 320)
# Pillow's errors for files that are not what their first bytes promised.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


def clean_image(source, destination, file_type):
    """Write a metadata-free copy of the image at ``source``; returns its thumbnail's path."""
    clean = _decode(source, file_type)
    encoder, options = ENCODERS[destination.suffix.lstrip(".")]
    _for_encoder(clean, encoder).save(destination, encoder, **options)
    thumbnail_path = destination.with_name(destination.stem + "-thumbnail.jpg")
    thumbnail = _for_encoder(clean, "JPEG")
    thumbnail.thumbnail(THUMBNAIL_SIZE)
    thumbnail.save(thumbnail_path, "JPEG", quality=80)
    return thumbnail_path


def _decode(source, file_type):
    """The image's pixels, upright, in a fresh image that carries nothing else."""
    with warnings.catch_warnings():
        # Pillow only warns about images a little over its pixel limit: refuse them too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(source, formats=[DECODERS[file_type]]) as image:
                if image.width * image.height > settings.TIPS_MAX_IMAGE_PIXELS:
                    raise Refused(Reason.TOO_MANY_PIXELS)
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = _in_srgb(upright, image.info.get("icc_profile"))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise Refused(Reason.TOO_MANY_PIXELS) from None
        except DECODE_ERRORS:
            raise Refused(Reason.UNREADABLE) from None
    pixels = _plain_mode(pixels)
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    return fresh


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
