"""What an editor should see before approving a comment: personal data and listed phrases.

Pure functions of text (no database, no settings), so each rule can be tested with a
sentence. They flag, they never decide: a finding only puts a note beside a comment in
the queue, so the patterns lean towards precision. A missed phone number is still read
by an editor; a flag on every year or price would teach editors to ignore flags.

Personal data covers what doxxing on this beat looks like: Mexican and US phone
numbers, e-mail addresses, street addresses in English and Spanish, licence plates.
Excerpts are masked, because flags are shown in lists and mails that should not repeat
the data they warn about.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

PHONE = "phone number"
EMAIL = "e-mail address"
STREET_ADDRESS = "street address"
LICENCE_PLATE = "licence plate"

EXCERPT_MAX = 60


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: what kind, and a masked excerpt for the editor."""

    kind: str
    excerpt: str
    start: int = 0
    end: int = 0

    def __str__(self):
        return f"{self.kind}: {self.excerpt}"


def normalise(text: str) -> str:
    """Text folded for matching: compatibility forms, no accents, no case (Á → a)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str):
    words = re.findall(r"\w+", normalise(phrase))
    if not words:
        return None
    # Any run of spaces or punctuation between the words: "te-voy a  matar" still counts.
    return re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)")


def find_phrases(text: str, phrases) -> list[str]:
    """The ``phrases`` found in ``text`` as whole words, ignoring case and accents."""
    haystack = normalise(text)
    found = []
    for phrase in phrases:
        pattern = _phrase_pattern(phrase)
        if pattern is not None and pattern.search(haystack) and phrase not in found:
            found.append(phrase)
    return found


# Phone numbers ---------------------------------------------------------------------

_SEP = r"[ .\-]?"
_AREA2 = r"(?:\(\d{2}\)|\d{2})"
_AREA3 = r"(?:\(\d{3}\)|\d{3})"
_PHONE = re.compile(
    rf"""
    (?<![\w+])
    (?:                                   # what is dialled before the ten digits
        (?:\+|00)?52{_SEP}(?:1{_SEP})?    # Mexico, old mobile 1 optional
      | 0?4[45]{_SEP}                     # 044 / 045 mobile prefixes
      | 01{_SEP}                          # old long-distance prefix
      | (?:\+|00)?1{_SEP}                 # USA
    )?
    (?:                                   # the ten digits, in the groupings people write
        {_AREA2}{_SEP}\d{{4}}{_SEP}\d{{4}}
      | {_AREA3}{_SEP}\d{{3}}{_SEP}\d{{4}}
      | {_AREA3}{_SEP}\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{2}}
      | {_AREA2}{_SEP}\d{{4}}{_SEP}\d{{2}}{_SEP}\d{{2}}
      | \d{{2}}(?:[ .\-]\d{{2}}){{4}}
    )
    (?!\w)(?![.\-]\d)
    """,
    re.VERBOSE,
)


def find_phone_numbers(text: str) -> list[Finding]:
    """Ten-digit Mexican and US numbers, with the prefixes and separators people use."""
    return [
        Finding(PHONE, _excerpt(_mask_last_digits(m.group(), 4)), m.start(), m.end())
        for m in _PHONE.finditer(_fold_width(text))
    ]


# E-mail addresses ------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>[\w.+-]+)"
    r"(?P<at>@|\s*(?:\[at\]|\(at\)|\barroba\b)\s*)"
    r"(?P<domain>[\w-]+(?:(?:\.|\s*(?:\[dot\]|\(dot\)|\bpunto\b)\s*)[\w-]+)*"
    r"(?:\.|\s*(?:\[dot\]|\(dot\)|\bpunto\b)\s*)[A-Za-z]{2,})(?![\w-])",
    re.IGNORECASE,
)


def find_emails(text: str) -> list[Finding]:
    """E-mail addresses, also written out as "[at]", "(at)" or "arroba ... punto"."""
    found = []
    for m in _EMAIL.finditer(text):
        masked = m.group("local")[0] + "***" + m.group("at") + m.group("domain")
        found.append(Finding(EMAIL, _excerpt(masked), m.start(), m.end()))
    return found


# Street addresses ------------------------------------------------------------------

_EN_SUFFIX = (
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Ct|Court|"
    r"Pl|Place|Hwy|Highway|Pkwy|Parkway|Cir|Circle|Ter|Terrace)"
)
_EN_ADDRESS = re.compile(
    # House number, then capitalised or numbered street words: "1200 E Elizabeth St",
    # "4 N 10th Street". Lower-case writing is only taken with a short suffix
    # ("123 main st"), where prose would rarely put one.
    rf"(?<![\w,.$])\d{{1,6}}(?:\s+[NSEW]\.?)?"
    rf"(?:(?:\s+(?:[A-Z][\w'.-]*|\d{{1,3}}(?:st|nd|rd|th))){{1,3}}\s+(?i:{_EN_SUFFIX})"
    rf"|(?:\s+[a-z][\w'-]*){{1,2}}\s+(?:st|ave|blvd|rd|dr|ln))\b\.?"
)
_ES_STREET = (
    r"(?:calle|c/|av\.?|avda\.?|avenida|blvd\.?|boulevard|bulevar|privada|priv\.|"
    r"callej[oó]n|calzada|calz\.|carretera|andador|cerrada|circuito|prolongaci[oó]n)"
)
_ES_NUMBER = r"(?:n[uú]mero|n[uú]m\.?|no\.?|n[º°]\.?|#)"
_COLONIA = r"(?:,?\s*(?i:col\.|colonia)\s+[\w'-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'-]*){0,2})"
_ES_ADDRESS = re.compile(
    # "Calle Hidalgo No. 123", "Av. Juárez #45, Col. Centro": the street word and the
    # number marker together; "la avenida Juárez" alone is news, not an address.
    rf"(?<!\w)(?i:{_ES_STREET})\s+(?:[\w'.-]+\s+){{0,4}}?[\w'.-]+,?\s*"
    rf"(?i:{_ES_NUMBER})\s*\d{{1,5}}(?:\s*(?:int|interior|depto)\.?\s*\w{{1,4}})?{_COLONIA}?"
    # "Hidalgo 123, Col. Centro": a number followed by the abbreviated colonia.
    rf"|(?<!\w)(?:[A-ZÁÉÍÓÚÑ][\w'.-]*\s+){{1,3}}(?:{_ES_NUMBER}\s*)?\d{{1,5}},?\s*Col\.\s+"
    r"[A-ZÁÉÍÓÚÑ][\w'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'-]*){0,2}"
)


def find_street_addresses(text: str) -> list[Finding]:
    """House addresses in English and in Mexican Spanish; the numbers are masked."""
    text = _fold_width(text)
    found = [
        Finding(STREET_ADDRESS, _excerpt(re.sub(r"\d", "*", m.group())), m.start(), m.end())
        for pattern in (_EN_ADDRESS, _ES_ADDRESS)
        for m in pattern.finditer(text)
    ]
    return _without_overlaps(found)


# Licence plates --------------------------------------------------------------------

# Shapes no other common token has: Mexican "ABC-123-D", "ABC-12-34", "AB-1234-C",
# Californian "7ABC123". Capitals and dashes as printed, so they count on their own.
_PLATE_STRONG = re.compile(
    r"(?<![\w-])(?:[A-Z]{3}-\d{3}-[A-Z]|[A-Z]{3}-\d{2}-\d{2}|[A-Z]{2}-\d{4}-[A-Z]"
    r"|\d[A-Z]{3}\d{3})(?![\w-])"
)
# Shapes shared with model numbers and codes ("ABC 1234", "ISO-9001"): only near a word
# that says a plate is meant. Lower case only when written as one token ("abc-1234"):
# "en 2010" near "placas" is a year, not a plate.
_PLATE_WEAK = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,3}[ -]?\d{3,4}(?:[ -]?[A-Z])?|[A-Z]{3}[ -]?\d{2}[ -]?\d{2}"
    r"|\d{3}[ -]?[A-Z]{3}|\d[A-Z]{3}\d{3}"
    r"|(?i:[a-z]{2,3}-?\d{3,4}(?:-[a-z])?|[a-z]{3}-\d{2}-\d{2}))(?![\w-])"
)
_PLATE_CONTEXT = re.compile(
    r"\b(?:placas?|plates?|tags?|matr[ií]culas?|licen[cs]e|tablillas?)\b", re.IGNORECASE
)
_PLATE_CONTEXT_REACH = 40  # characters either side of the plate


def find_licence_plates(text: str) -> list[Finding]:
    """Mexican and US plates: canonical shapes anywhere, looser ones near "placas"/"plate"."""
    text = _fold_width(text)
    found = [_plate(m) for m in _PLATE_STRONG.finditer(text)]
    for m in _PLATE_WEAK.finditer(text):
        around = text[max(0, m.start() - _PLATE_CONTEXT_REACH) : m.end() + _PLATE_CONTEXT_REACH]
        if _PLATE_CONTEXT.search(around):
            found.append(_plate(m))
    return _without_overlaps(found)


def _plate(match) -> Finding:
    plate = match.group()
    keep = len(re.sub(r"\W", "", plate)) // 2
    return Finding(LICENCE_PLATE, _mask_after(plate, keep), match.start(), match.end())


# All together ----------------------------------------------------------------------

DETECTORS = (find_phone_numbers, find_emails, find_street_addresses, find_licence_plates)


def find_personal_data(text: str) -> list[Finding]:
    """Every kind of personal data in ``text``, in reading order, one finding per place."""
    return _without_overlaps([finding for detect in DETECTORS for finding in detect(text)])


# Helpers ---------------------------------------------------------------------------


def _fold_width(text: str) -> str:
    # Full-width digits and letters (１２３) become ASCII without changing any offsets.
    return "".join(
        unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1 else c
        for c in text
    )


def _mask_last_digits(text: str, count: int) -> str:
    chars = list(text)
    for i in range(len(chars) - 1, -1, -1):
        if count and chars[i].isdigit():
            chars[i] = "*"
            count -= 1
    return "".join(chars)


def _mask_after(text: str, keep: int) -> str:
    """Keep the first ``keep`` letters and digits, mask the rest, keep the punctuation."""
    out = []
    for c in text:
        if c.isalnum():
            out.append(c if keep > 0 else "*")
            keep -= 1
        else:
            out.append(c)
    return "".join(out)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_MAX else text[: EXCERPT_MAX - 1] + "…"


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Findings sorted by position; of two that overlap, the earlier (or longer) stays."""
    kept = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
