"""Receipt codes: how a source comes back to their tip without being anyone.

A code is seven words drawn with ``secrets`` from a word list in the source's language:
the EFF's long list in English (7,776 words, log2(7776) ≈ 12.92 bits a word, ≈ 90.5 bits
a code; SecureDrop's codenames are also seven words), the Spanish list Tails and the Tor
Project use in Spanish (8,192 words, 13 bits a word, 91 bits a code). A source keeps
seven words of their own language more easily, on paper or in memory. The code is
shown once, on the confirmation page, and never stored. The tip keeps two things
derived from it:

- ``receipt_lookup``: an HMAC of the code under TIPS_RECEIPT_SECRET, to find the tip in
  one indexed query. Without the secret, a copy of the database gives nothing to guess
  against.
- ``receipt_hash``: a slow password hash of the code (Django's hasher, PBKDF2 by
  default), checked after the lookup: a copy of the database together with the secret
  still costs a full hash per guess.

A code that finds no tip is checked against a dummy hash all the same, so that a wrong
code takes as long to refuse as a right one takes to accept.
"""

import functools
import hashlib
import hmac
import math
import secrets
import unicodedata
from importlib import resources

from django.conf import settings
from django.contrib.auth.hashers import check_password, get_hasher, make_password
from django.utils.translation import get_language
from xkcdpass.xkcd_password import generate_wordlist, locate_wordfile

from .models import Tip

WORDS_IN_CODE = 7
# Each language's own name, as a source looks for it.
LANGUAGES = [("es", "español"), ("en", "English")]


def language_for(language_code):
    """The code language for a page language: Spanish for any Spanish, else English."""
    return "es" if (language_code or "").split("-")[0] == "es" else "en"


@functools.cache
def word_list(language="en"):
    """Words chosen to be easy to type and tell apart, in ``language`` if there is a list
    for it, else in English: the EFF long list (xkcdpass ships it), or the Spanish list
    of Tails and the Tor Project (diceware ships it; lower-case, no accents)."""
    if language_for(language) == "es":
        words = resources.files("diceware") / "wordlists" / "wordlist_es.txt"
        text = words.read_text(encoding="utf-8")
        return tuple(text.split())
    return tuple(generate_wordlist(locate_wordfile("eff-long"), min_length=1, max_length=64))


def entropy_bits(language="en"):
    return WORDS_IN_CODE * math.log2(len(word_list(language)))


def new_code(language=None):
    """A new code in ``language``, or the page's. Any code is looked up the same way,
    whatever its language."""
    words = word_list(language_for(language or get_language()))
    return " ".join(secrets.choice(words) for _ in range(WORDS_IN_CODE))


def normalize(code):
    """The code as typed back, forgiving case, spacing and accents (not spelling): the
    Spanish list has "despues" and "nino", which a phone keyboard may write "después"
    and "niño". Codes of plain letters normalise as they always did."""
    decomposed = unicodedata.normalize("NFKD", code)
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(letters.lower().split())


def lookup_digest(code):
    key = f"{settings.TIPS_RECEIPT_SECRET}:tips:receipt".encode()
    return hmac.new(key, normalize(code).encode(), hashlib.sha256).hexdigest()


def protect(code):
    """What a tip stores for ``code``: its lookup digest and its slow hash."""
    return {"receipt_lookup": lookup_digest(code), "receipt_hash": make_password(normalize(code))}


def find_tip(code):
    """The tip whose receipt code is ``code``, or None, in the same time either way."""
    tip = Tip.objects.filter(receipt_lookup=lookup_digest(code)).first()
    stored = tip.receipt_hash if tip else _dummy_hash(get_hasher().algorithm)
    verified = check_password(normalize(code), stored)
    return tip if tip and verified else None


@functools.cache
def _dummy_hash(algorithm):
    # One per hasher, so that the dummy check costs what a real one would.
    return make_password(secrets.token_hex(16))
