"""Cleaning of tip attachments: identify by content, strip metadata, or refuse.

``clean_upload`` copies an upload into a private working folder under a name of our own,
works out what it is from its bytes (sniffing), and writes a cleaned copy beside it:
images decoded and re-encoded from bare pixels, videos remuxed by ffmpeg without their
metadata, PDFs rewritten by pikepdf without document info or XMP, plain text as given.
Whatever cannot be identified or cleaned raises ``Refused``; nothing is ever kept as it
arrived. Nothing here writes to the tips storage: the service does, once every file of a
tip is clean.
"""

from dataclasses import dataclass
from pathlib import Path
from secrets import token_hex

from borderblog.images import IMAGE_TYPES

from . import documents, images, sniffing, videos
from .refusals import Reason, Refused

__all__ = ["ACCEPTED_TYPES", "CleanedFile", "Reason", "Refused", "clean_upload"]

ACCEPTED_TYPES = "JPEG, PNG, WebP, HEIC; MP4, MOV, WebM; PDF; UTF-8 plain text"


@dataclass(frozen=True)
class FileType:
    kind: str  # one of Attachment.Kind's values
    content_type: str  # of the cleaned file
    extension: str  # of the cleaned file
    clean: object  # clean(source: Path, destination: Path, file_type: str) -> Path | None


FILE_TYPES = {
    # JPEG, PNG, WebP and HEIC, the last stored as JPEG, as the project's cleaner says.
    **{
        name: FileType("image", image.content_type, image.extension, images.clean_image)
        for name, image in IMAGE_TYPES.items()
    },
    "mp4": FileType("video", "video/mp4", "mp4", videos.remux_video),
    "mov": FileType("video", "video/quicktime", "mov", videos.remux_video),
    "webm": FileType("video", "video/webm", "webm", videos.remux_video),
    "pdf": FileType("pdf", "application/pdf", "pdf", documents.rewrite_pdf),
    "text": FileType("text", "text/plain; charset=utf-8", "txt", documents.copy_text),
}


@dataclass(frozen=True)
class CleanedFile:
    """A cleaned attachment waiting in the working folder to be stored."""

    kind: str
    content_type: str
    path: Path
    thumbnail_path: Path | None = None

    @property
    def extension(self):
        return self.path.suffix.lstrip(".")

    @property
    def size(self):
        return self.path.stat().st_size


def clean_upload(upload, workdir):
    """Identify and clean one uploaded file into ``workdir``; raises ``Refused``.

    The upload is first copied under a random name, so that no tool (ffmpeg, pikepdf)
    and no error message ever sees the name the source's file had.
    """
    workdir = Path(workdir)
    source = workdir / f"received-{token_hex(8)}"
    with open(source, "wb") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
    try:
        file_type = sniffing.identify(source)
        if file_type is None:
            raise Refused(Reason.NOT_ACCEPTED)
        spec = FILE_TYPES[file_type]
        destination = workdir / f"clean-{token_hex(8)}.{spec.extension}"
        thumbnail = spec.clean(source, destination, file_type)
        return CleanedFile(spec.kind, spec.content_type, destination, thumbnail)
    finally:
        source.unlink(missing_ok=True)
