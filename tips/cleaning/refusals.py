"""Why a file was refused: reasons the form turns into messages the source can act on."""

import enum


class Reason(enum.Enum):
    NOT_ACCEPTED = "not_accepted"
    UNREADABLE = "unreadable"
    TOO_MANY_PIXELS = "too_many_pixels"
    PASSWORD = "password"  # noqa: S105 (the file has one, not a secret of ours)
    NOT_CLEANED = "not_cleaned"
    # A PDF with files inside: they would be stored whole, their own metadata and all.
    ATTACHED_FILES = "attached_files"
    # A PDF with JPEG 2000 pictures, whose metadata boxes cannot be taken out losslessly.
    JPEG_2000 = "jpeg_2000"


class Refused(Exception):
    """The file cannot be accepted; ``reason`` says why, without naming the file."""

    def __init__(self, reason):
        super().__init__(reason.value)
        self.reason = reason
