"""Per-post handles for anonymous commenters: "Anonymous·7F3".

A page full of "Anonymous" cannot be followed or answered. Each anonymous commenter
gets a short code derived from their keyed submitter hash and the post, so readers can
tell them apart on that post and write "@ Anonymous·7F3". The code is an HMAC under a
server secret of (post, submitter hash): the same reader gets the same code throughout
a post (within one rotation period of the submitter hash), a different, unrelated code
on every other post, and nobody without the secret can go from the code back to the hash.

Three hex digits are 4,096 codes: on a post with 10 anonymous readers two of them share
a code about once in a hundred posts, with 50 about one post in four. Shared codes only
make those two readers look alike, as "Anonymous" made everyone look alike before; a
mention of a shared code links to the most recent comment carrying it (comments.thread.mentions).
"""

import functools
import hashlib
import hmac
import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext

SEPARATOR = "·"
CODE_LENGTH = 3
# Names that say "nobody in particular": a reader who types one is anonymous too, and
# gets a handle rather than a name shared by everybody.
ANONYMOUS_NAMES = frozenset({"anonymous", "anonymus", "anónimo", "anonimo", "anónima", "anonima"})
# How readers type a handle after "@": either language's word, then "·", ".", "-", "_"
# or a space (a phone keyboard has no "·"), or nothing, then the code in either case.
HANDLE_MENTION = re.compile(
    rf"(?:anonymous|an[oó]nim[oa])[·.\-_ ]?([0-9a-f]{{{CODE_LENGTH}}})(?![\w])",
    re.IGNORECASE,
)


# What a name is compared as, to tell whether it looks like a handle: each of these is
# drawn like a letter, digit or separator of a handle, and counts as it. The various
# middle dots; hyphens and minus signs; Greek, Cyrillic and Armenian letters, and Latin
# small capitals, that look like Latin letters. (Full-width and other compatibility
# forms, and the Greek ano teleia, are folded to theirs by Unicode normalisation first.)
LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys(
            "\u0387\u1427\u16eb\u2022\u2027\u2219\u22c5\u2e31\u30fb\ua78f\uff65\U00010101", "·"
        ),
        **dict.fromkeys("\u2010\u2012\u2013\u2212", "-"),
        **dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΥΧΖαγηικνορυχϲ", "ABEHIKMNOPTYXZaynikvopuxc", strict=True)),
        **dict(zip("АВСЕНІЈКМОРЅТУХҮӀ", "ABCEHIJKMOPSTYXYI", strict=True)),
        **dict(zip("аԁеһіјмопрѕсухүӏ", "adehijmonpscyxyl", strict=True)),
        **dict(zip("ՍՕհոսօ", "UOhnuo", strict=True)),
        **dict(zip("ıɑɡᴀʙᴄᴅᴇꜰɪᴍɴᴏꜱᴜʏ", "iagabcdefimnosuy", strict=True)),
    }
)
# Drawn as nothing, or as nothing but an accent: control and format characters (the
# zero-width ones among them), combining marks, and the blank "letters".
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Mn", "Me"})
BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# A handle, compared as above: either language's word, a separator or none, then three
# characters drawn like the code's hex digits ("o" like 0, "i" and "l" like 1).
HANDLE_LOOKALIKE = re.compile(rf"(?:anonymo?us|anonim[oa])[·.\-_]?[0-9a-filo]{{{CODE_LENGTH}}}")


@functools.lru_cache(maxsize=4096)
def appearance(name: str) -> str:
    """``name`` as it looks, to compare it with the handles: compatibility forms folded
    (NFKD, which also parts accents from their letters), look-alikes replaced, case
    folded, and what draws nothing (spaces, zero-width characters, accents) left out.
    "Anonym\u043eus \u200b·7F3" (a Cyrillic o, a zero-width space) appears as
    "anonymous·7f3"."""
    folded = unicodedata.normalize("NFKD", name).translate(LOOKALIKES).casefold()
    return "".join(
        c
        for c in folded
        if not (c.isspace() or c in BLANKS or unicodedata.category(c) in INVISIBLE_CATEGORIES)
    )


ANONYMOUS_APPEARANCES = frozenset(appearance(name) for name in ANONYMOUS_NAMES)


def is_anonymous(author_name: str) -> bool:
    """Whether a comment shows as anonymous: no name, a word that means nobody, or a
    name made to look like a handle. Typing "Anonymous·7F3", or something drawn like it
    (look-alike letters and dots, invisible characters), must not pass for the reader
    who holds that handle: such a name shows as the typist's own handle."""
    appears = appearance(author_name)
    return (
        not appears
        or appears in ANONYMOUS_APPEARANCES
        or HANDLE_LOOKALIKE.fullmatch(appears) is not None
    )


def handle_code(post_id: int, submitter_hash: str, comment_id: int) -> str:
    """The commenter's code on this post, e.g. "7F3".

    A comment stored without a submitter hash (imported, or written by staff in the
    admin) is nobody's but its own: it gets a code of its own rather than one shared by
    every such comment.
    """
    return HandleCodes(post_id)(submitter_hash, comment_id)


class HandleCodes:
    """handle_code for many comments of one post: the key is prepared once, and each
    submitter's code is computed once."""

    def __init__(self, post_id: int):
        key = f"{settings.SUBMITTER_HASH_SECRET}:handle".encode()
        self.keyed = hmac.new(key, digestmod=hashlib.sha256)
        self.prefix = f"{post_id}:"
        self.codes = {}

    def __call__(self, submitter_hash: str, comment_id: int) -> str:
        who = submitter_hash or f"comment:{comment_id}"
        code = self.codes.get(who)
        if code is None:
            digest = self.keyed.copy()
            digest.update(f"{self.prefix}{who}".encode())
            code = self.codes[who] = digest.hexdigest()[:CODE_LENGTH].upper()
        return code


def anonymous_word() -> str:
    """ "Anonymous" in the reader's language ("Anónimo" in Spanish)."""
    return gettext("Anonymous")


def display_name(author_name: str, code: str, word: str | None = None) -> str:
    """What readers see as the author: the name typed, or the handle.

    ``word`` saves a translation lookup per comment when a whole thread is rendered.
    """
    if is_anonymous(author_name):
        return f"{word or anonymous_word()}{SEPARATOR}{code}"
    return author_name.strip()


def comment_display_name(comment) -> str:
    """The display name of one Comment instance (its post, hash and id are needed)."""
    return display_name(
        comment.author_name, handle_code(comment.post_id, comment.submitter_hash, comment.pk)
    )
