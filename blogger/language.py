"""Which of the site's languages an imported post is written in.

Blogger keeps one language for the whole blog, while this newsroom writes in English
and Spanish; the words that are commonest in each tell them apart well enough for a
post of a few sentences. An editor corrects a wrong guess in the admin.
"""

import re

import nh3

_WORD = re.compile(r"[^\W\d_]+")
COMMON = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "was", "for", "with", "on", "are"},
    "es": {"el", "la", "de", "que", "y", "los", "las", "en", "del", "por", "para", "una"},
}


def guess(html: str, default: str = "en") -> str:
    words = [word.casefold() for word in _WORD.findall(nh3.clean(html, tags=set()))]
    scores = {code: sum(word in common for word in words) for code, common in COMMON.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > scores.get(default, 0) else default
