"""Images: cleaned by the project's one image cleaner, with a thumbnail for editors.

borderblog/images.py decodes them and re-encodes them from bare pixels (its docstring says
what that takes away); here its refusals become the tip line's, and the thumbnail an
editor sees first is made from the cleaned pixels, never from what the source sent.
"""

from django.conf import settings

from borderblog import images

from .refusals import Reason, Refused

THUMBNAIL_SIZE = (320, 320)


def clean_image(source, destination, file_type):
    """Write a metadata-free copy of the image at ``source``; returns its thumbnail's path."""
    try:
        clean = images.decode(source, file_type, max_pixels=settings.TIPS_MAX_IMAGE_PIXELS)
    except images.TooManyPixels:
        raise Refused(Reason.TOO_MANY_PIXELS) from None
    except images.UnreadableImage:
        raise Refused(Reason.UNREADABLE) from None
    images.save(clean, destination, destination.suffix.lstrip("."))
    thumbnail_path = destination.with_name(destination.stem + "-thumbnail.jpg")
    thumbnail = clean.copy()
    thumbnail.thumbnail(THUMBNAIL_SIZE)
    images.save(thumbnail, thumbnail_path, "jpg", quality=80)
    return thumbnail_path
