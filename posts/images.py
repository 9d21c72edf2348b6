"""A post's lead image, published as bare pixels and under a name of our own.

Staff upload photos straight from reporters' phones, whose EXIF can hold the place the
picture was taken, the phone and its owner; on this beat a reporter's location can cost
a life. So every lead image is re-encoded from bare pixels by borderblog.images, the
cleaner tip attachments go through, and stored under a random name. The form field
cleans an upload while the form validates, so that a refusal is a form error; the model
field cleans anything else saved through it (the demo loader, an import), so no path
stores an image as it arrived. ``manage.py clean_post_images`` does the same for images
stored before this existed.
"""

import io
import re
from pathlib import PurePosixPath
from secrets import token_hex

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import ImageField, ImageFieldFile
from django.utils.translation import gettext_lazy as _

from borderblog import images

# Larger images are refused as possible decompression bombs; 64 megapixels still takes
# the 48 and 50 megapixel photos of current phones (the tip line's default too).
MAX_PIXELS = 64_000_000
FOLDER = "posts"
EXTENSIONS = {image.extension for image in images.IMAGE_TYPES.values()}
# The names lead_image_path() gives, and so only files that were cleaned have.
CLEAN_NAME = re.compile(rf"{FOLDER}/[0-9a-f]{{32}}\.(?:{'|'.join(sorted(EXTENSIONS))})")

NOT_AN_IMAGE = _("This is not an image we can publish. Upload a JPEG, PNG, WebP or HEIC photo.")
UNREADABLE = _("This image could not be opened: it may be damaged, or not what its name says.")
TOO_MANY_PIXELS = _(
    "This image is too large (over %(megapixels)s megapixels). Make it smaller and upload it again."
)


class CleanedLeadImage(ContentFile):
    """Bytes that clean_lead_image() wrote: stored as they are, never re-encoded twice."""


def clean_lead_image(file):
    """A metadata-free copy of the image in ``file``, named ``<random>.<jpg|png|webp>``.

    Raises ValidationError for anything that is not a JPEG, PNG, WebP or HEIC image by
    its bytes, is damaged, or has more than MAX_PIXELS pixels.
    """
    file.seek(0)
    file_type = images.image_type(file.read(images.HEAD_SIZE))
    if file_type is None:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    file.seek(0)
    try:
        pixels = images.decode(file, file_type, max_pixels=MAX_PIXELS)
    except images.TooManyPixels:
        raise ValidationError(
            TOO_MANY_PIXELS,
            code="too_many_pixels",
            params={"megapixels": MAX_PIXELS // 1_000_000},
        ) from None
    except images.UnreadableImage:
        raise ValidationError(UNREADABLE, code="unreadable") from None
    extension = images.IMAGE_TYPES[file_type].extension
    out = io.BytesIO()
    images.save(pixels, out, extension)
    return CleanedLeadImage(out.getvalue(), name=f"{token_hex(16)}.{extension}")


def lead_image_path(instance, filename):
    """Where a lead image is stored: a random name, whatever name it came with."""
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    return f"{FOLDER}/{token_hex(16)}.{extension if extension in EXTENSIONS else 'jpg'}"


class LeadImageFormField(forms.FileField):
    """An upload is cleaned while the form validates: what cannot be is a form error."""

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else clean_lead_image(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = "image/jpeg,image/png,image/webp,image/heic,.heic"
        return attrs


class LeadImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every file stored through the field passes here: the form's is already clean.
        if not isinstance(content, CleanedLeadImage):
            content = clean_lead_image(content)
        super().save(content.name, content, save)


class LeadImageField(ImageField):
    """An ImageField that stores only cleaned images, whichever code path saves them."""

    attr_class = LeadImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LeadImageFormField, **kwargs})
