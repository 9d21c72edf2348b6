"""Search over published posts, for /search/?q=.

On PostgreSQL: full-text search. Each post is read with its own language's dictionary
(Spanish stemming for Spanish posts, English for English ones), its title weighted above
its body; the reader's words are parsed as web search syntax ("quoted phrase", -word, or)
in both dictionaries, since nothing tells us which language they typed in. Migration
0004 indexes exactly the document built by ``document()`` below; keep the two in step
(tests/posts/test_search.py checks that the index is used).

Elsewhere (SQLite, the embedded set-up): every word must appear in the title or body as
typed, ``-word`` leaves posts out, and posts with more of the words in their title rank
first. No stemming, and case-insensitive only for ASCII letters (SQLite's LIKE).

Both rank title matches before body-only matches, then newer before older, and both
highlight the same way: matches are marked with private-use characters while the text is
still raw, the text is escaped, and only then do the markers become <mark> elements, so
nothing in a post or a query can put markup on the page.
"""

import html
import re

import nh3
from django.contrib.postgres.search import (
    SearchConfig,
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
)
from django.db import connections
from django.db.models import BooleanField, Case, F, Func, Q, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Post

# Long enough for any real question, short enough to keep the search cheap.
MAX_QUERY_LENGTH = 200
# The fallback builds two LIKEs per word; more words than this add cost, not precision.
MAX_WORDS = 10
SNIPPET_LENGTH = 240

# Unicode private-use characters: no language writes them, so they can stand for
# "start/stop of a match" until the text has been escaped.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
# C0 controls and DEL. PostgreSQL refuses NUL in text; the others are never meant.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+")


def clean_query(raw):
    """The reader's query as it will be searched, and whether it had to be shortened.

    Control characters (NUL among them) become spaces, runs of spaces collapse, and the
    result is cut to MAX_QUERY_LENGTH characters.
    """
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def words(query):
    """(words a result must contain, words it must not), read web-search style.

    ``-word`` excludes; quotes and a bare ``or`` are ignored; punctuation and emoji are
    not words. A query without a word to look for finds nothing, on every database.
    """
    wanted, unwanted = [], []
    for token in query.replace('"', " ").split():
        if token.lower() == "or":
            continue
        found = _WORD.findall(token)
        (unwanted if token.startswith("-") else wanted).extend(found)
    return _distinct(wanted)[:MAX_WORDS], _distinct(unwanted)[:MAX_WORDS]


def search(queryset, query):
    """The posts of ``queryset`` that match ``query``, best first."""
    if not words(query)[0]:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_search(queryset, query)
    return _word_search(queryset, query)


def highlight(posts, query):
    """``posts`` (a page of search results) as a list, each with ``search_title`` and
    ``search_snippet``: safe HTML in which only the matches are marked up."""
    posts = list(posts)
    if not posts:
        return posts
    if hasattr(posts[0], "title_headline"):  # PostgreSQL marked the matches already
        for post in posts:
            post.search_title = marked_html(post.title_headline)
            snippet = _plain_text(post.body_headline)
            post.search_snippet = marked_html(_with_ellipses(snippet, post.excerpt))
        return posts
    pattern = _pattern(words(query)[0])
    for post in posts:
        post.search_title = marked_html(_mark(pattern, post.title))
        post.search_snippet = marked_html(
            _snippet(pattern, _plain_text(post.body_html)) or post.excerpt
        )
    return posts


def marked_html(text):
    """Escape ``text``, then turn each START…STOP pair into <mark>…</mark>.

    Markers that do not pair up (a post could contain the characters) are dropped, so
    the result is always well-formed.
    """
    escaped = _MARKED.sub(r"<mark>\1</mark>", str(escape(text)))
    return mark_safe(escaped.replace(START, "").replace(STOP, ""))  # noqa: S308 (escaped above)


# PostgreSQL


def language_config():
    """The text-search dictionary of each post's language."""
    return Case(
        When(language=Post.Language.SPANISH, then=SearchConfig("spanish")),
        default=SearchConfig("english"),
    )


def document():
    """A post as full-text search sees it; migration 0004 indexes this expression."""
    config = language_config()
    return SearchVector("title", config=config, weight="A") + SearchVector(
        "body", config=config, weight="B"
    )


def _full_text_search(queryset, query):
    config = language_config()
    english = SearchQuery(query, config="english", search_type="websearch")
    spanish = SearchQuery(query, config="spanish", search_type="websearch")
    # Each post is matched against the query read with its own dictionary, so that a
    # word is stemmed the same way on both sides and "-word" means the same thing.
    # The first filter is what the index can answer (a post matching its own reading
    # matches one of the two); the second keeps only the true matches among those.
    own = Case(
        When(language=Post.Language.SPANISH, then=spanish),
        default=english,
        output_field=SearchQueryField(),
    )
    return (
        queryset.alias(document=document())
        .filter(document=english | spanish)
        .filter(_Matches(F("document"), own))
        .annotate(
            in_title=_Matches(SearchVector("title", config=config), own),
            rank=SearchRank(F("document"), own),
            title_headline=SearchHeadline(
                "title", own, config=config, start_sel=START, stop_sel=STOP,
                highlight_all=True,
            ),
            # The rendered body: the headline is cut from readers' text, not Markdown;
            # its tags are stripped in Python (see highlight()).
            body_headline=SearchHeadline(
                "body_html", own, config=config, start_sel=START, stop_sel=STOP,
                min_words=15, max_words=35, max_fragments=2, fragment_delimiter=" … ",
            ),
        )
        .order_by("-in_title", "-rank", "-publish_at", "-id")
    )  # fmt: skip


class _Matches(Func):
    """``vector @@ query`` as a boolean expression, for any query expression (Django's
    lookup wraps whatever is not a SearchQuery in a plain query of its own)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        vector, query = self.get_source_expressions()
        vector_sql, vector_params = compiler.compile(vector)
        query_sql, query_params = compiler.compile(query)
        return f"({vector_sql}) @@ ({query_sql})", (*vector_params, *query_params)


# Other databases


def _word_search(queryset, query):
    wanted, unwanted = words(query)
    matches = Q()
    for word in wanted:
        matches &= Q(title__icontains=word) | Q(body__icontains=word)
    for word in unwanted:
        matches &= ~Q(title__icontains=word) & ~Q(body__icontains=word)
    in_title = [Case(When(title__icontains=word, then=1), default=0) for word in wanted]
    return (
        queryset.filter(matches)
        .annotate(title_words=sum(in_title[1:], in_title[0]))
        .order_by("-title_words", "-publish_at", "-id")
    )


def _pattern(wanted):
    longest_first = sorted(wanted, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in longest_first), re.IGNORECASE)


def _mark(pattern, text):
    text = text.replace(START, "").replace(STOP, "")
    return pattern.sub(lambda match: f"{START}{match.group()}{STOP}", text)


def _snippet(pattern, text):
    """About SNIPPET_LENGTH characters of ``text`` around its first match, marked."""
    first = pattern.search(text)
    if first is None:
        return ""
    start = max(0, first.start() - SNIPPET_LENGTH // 3)
    space = text.find(" ", start, first.start())
    if start and space != -1:
        start = space + 1  # begin on a whole word
    end = start + SNIPPET_LENGTH
    space = text.rfind(" ", first.end(), end)
    if end < len(text) and space != -1:
        end = space  # and end on one
    fragment = _mark(pattern, text[start:end])
    return ("… " if start else "") + fragment + (" …" if end < len(text) else "")


def _with_ellipses(snippet, excerpt):
    """Say where ts_headline cut the text, as _snippet() does: "…" unless the snippet
    starts where the post does (its excerpt) or ends on a sentence."""
    bare = snippet.replace(START, "").replace(STOP, "")
    if not bare:
        return snippet
    if not excerpt.startswith(bare[:40]):
        snippet = "… " + snippet
    if not bare.endswith((".", "!", "?", '"', "”", "»", ")")):
        snippet += " …"
    return snippet


def _plain_text(fragment):
    text = html.unescape(nh3.clean(fragment or "", tags=set()))
    return " ".join(text.split())


def _distinct(words):
    return list(dict.fromkeys(word.lower() for word in words))
