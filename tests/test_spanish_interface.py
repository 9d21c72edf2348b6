"""The interface in Spanish: the catalogue is complete and the public pages use it.

A reader picks Spanish with the language switch (POST /i18n/setlang/, which sets the
django_language cookie) or gets it from the browser's Accept-Language header. Whatever
the language, the English interface keeps the words SPEC §3 fixes ("awaiting
moderation").
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils.translation.reloader import translation_file_changed

from borderblog.translations import compile_all
from comments.models import Comment
from tests.builders import claim_as_own, local_time, make_comment, make_post
from tests.comments.forms_helper import send_comment

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")
AWAITING_ES = "Tu comentario está en espera de moderación"

Status = Comment.Status


@pytest.fixture(scope="module", autouse=True)
def _compiled_catalogue():
    """`make test` compiles the .mo; a bare pytest run may find it stale or missing."""
    if compile_all():
        translation_file_changed(None, CATALOGUE.with_suffix(".mo"))


@pytest.fixture
def spanish(client):
    """A reader who chose Spanish with the language switch (its cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


@pytest.fixture
def seed_like_post(db):
    """The seed post in small: published Friday, December 3, 2010, two approved comments,
    one by a named reader and one anonymous."""
    post = make_post(
        "Wikileaks cables: US Mexico drugs War Fears Revealed",
        publish_at=local_time(2010, 12, 3, 9, 0),
        labels=["Wikileaks"],
    )
    named = make_comment(post, status=Status.APPROVED, author_name="Brito", body="Qué noticia.")
    anonymous = make_comment(
        post, status=Status.APPROVED, body="The army is not the police.", submitter_hash="a" * 64
    )
    Comment.objects.filter(pk=named.pk).update(created_at=local_time(2010, 12, 3, 15, 10))
    Comment.objects.filter(pk=anonymous.pk).update(created_at=local_time(2010, 12, 3, 15, 40))
    return post


def page(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


# The catalogue ---------------------------------------------------------------------------


def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_every_entry_of_the_catalogue_is_translated_and_none_is_fuzzy():
    po = catalogue()
    assert len(po) > 400
    assert [e.msgid for e in po if not e.translated()] == []
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []
    assert po.obsolete_entries() == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == "es"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert "charset=UTF-8" in po.metadata["Content-Type"]


def test_every_plural_entry_has_both_forms():
    plurals = [e for e in catalogue() if e.msgid_plural]
    assert len(plurals) >= 20
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
        assert all(entry.msgstr_plural.values()), entry.msgid


def test_translations_keep_every_placeholder_and_html_tag():
    for entry in catalogue():
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translated in pairs:
            # English singulars may leave the count out ("once"); the translation may too.
            expected = set(PLACEHOLDER.findall(source))
            if entry.msgid_plural and source == entry.msgid:
                assert set(PLACEHOLDER.findall(translated)) <= set(
                    PLACEHOLDER.findall(entry.msgid_plural)
                ), source
            else:
                assert set(PLACEHOLDER.findall(translated)) == expected, source
            assert TAG.findall(translated) == TAG.findall(source), source


# Pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_home_page_in_spanish_shows_the_archive_and_the_search_label(client):
    make_post("Border crossing reopens")
    html = page(client, "/", accept_language="es")
    assert '<html lang="es">' in html
    assert "Archivo del blog" in html
    assert '<label for="search-q">Buscar en este blog</label>' in html
    assert ">Buscar</button>" in html
    assert "Blog Archive" not in html


@pytest.mark.django_db
def test_a_label_page_in_spanish_names_its_feed_in_spanish(spanish):
    make_post("Border crossing reopens", labels=["Wikileaks"])
    html = page(spanish, "/label/wikileaks/")
    assert (
        f'title="{settings.BLOG_TITLE}: publicaciones con la etiqueta “Wikileaks”" '
        'href="/feeds/label/wikileaks/"'
    ) in html


@pytest.mark.django_db
def test_the_home_page_stays_english_by_default(client):
    make_post("Border crossing reopens")
    html = page(client, "/")
    assert '<html lang="en">' in html
    assert "Blog Archive" in html
    assert "Search this blog" in html


def test_the_post_page_in_spanish_dates_the_post_in_spanish(spanish, seed_like_post):
    html = page(spanish, seed_like_post.get_absolute_url())
    assert re.search(r'<p class="date-header"><time [^>]*>viernes, 3 de diciembre de 2010<', html)
    assert "Friday" not in html


def test_the_post_page_in_spanish_shows_the_form_and_the_moderation_line(spanish, seed_like_post):
    html = page(spanish, seed_like_post.get_absolute_url())
    assert '<h2 id="comment-form-heading">Publicar un comentario</h2>' in html
    assert (
        'Los comentarios se moderan; consulta la <a href="/policy/">política de comentarios</a>'
        " para más información." in html
    )
    assert ">Enviar comentario</button>" in html
    assert "2 comentarios" in html


def test_the_post_page_in_spanish_names_anonymous_commenters_anonimo(spanish, seed_like_post):
    html = page(spanish, seed_like_post.get_absolute_url())
    authors = re.findall(r'<span class="comment-author">([^<]*)</span>', html)
    assert authors[0] == "Brito"
    assert re.fullmatch(r"Anónimo·[0-9A-F]{3}", authors[1]), authors
    assert "Anonymous·" not in html


def test_the_post_page_in_spanish_times_comments_in_spanish(spanish, seed_like_post):
    html = page(spanish, seed_like_post.get_absolute_url())
    times = re.findall(r'<a class="comment-permalink" href="#c\d+"><time [^>]*>([^<]*)<', html)
    assert times == ["3 de diciembre de 2010, 3:10 p.m.", "3 de diciembre de 2010, 3:40 p.m."]
    assert ">Responder<" in html
    assert ">Reportar<" in html


def test_the_accept_language_header_also_gives_the_spanish_post_page(client, seed_like_post):
    html = page(client, seed_like_post.get_absolute_url(), accept_language="es-MX,es;q=0.9")
    assert "viernes, 3 de diciembre de 2010" in html
    assert "Publicar un comentario" in html


@pytest.mark.django_db
def test_the_language_switch_sets_spanish_for_the_next_page(client):
    make_post("Border crossing reopens")
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    html = page(client, response["Location"])
    assert '<html lang="es">' in html
    assert "Archivo del blog" in html
    assert 'aria-pressed="true">Español</button>' in html


@pytest.mark.django_db
def test_the_language_switch_brings_english_back(spanish):
    make_post("Border crossing reopens")
    assert "Archivo del blog" in page(spanish, "/")
    spanish.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Blog Archive" in page(spanish, "/")


# The submitter's own notice ----------------------------------------------------------


def test_the_english_submitter_is_told_awaiting_moderation(client, seed_like_post):
    mine = make_comment(seed_like_post, body="Waiting for the editors.")
    claim_as_own(client, mine)
    html = page(client, seed_like_post.get_absolute_url())
    assert "Your comment is awaiting moderation" in html
    assert AWAITING_ES not in html


def test_the_spanish_submitter_is_told_en_espera_de_moderacion(spanish, seed_like_post):
    mine = make_comment(seed_like_post, body="Esperando a los editores.")
    claim_as_own(spanish, mine)
    html = page(spanish, seed_like_post.get_absolute_url())
    assert AWAITING_ES in html
    assert "Solo tú puedes verlo hasta que un editor lo apruebe." in html
    assert "Esperando a los editores." in html
    assert "awaiting moderation" not in html


def test_a_spanish_comment_sent_through_the_form_is_confirmed_in_spanish(spanish, seed_like_post):
    response = send_comment(spanish, seed_like_post, body="Mi primer comentario.")
    assert response.status_code == 302
    html = page(spanish, seed_like_post.get_absolute_url())
    assert "Gracias. Tu comentario está en espera de moderación" in html
    assert AWAITING_ES in html


def test_other_spanish_readers_never_see_en_espera_de_moderacion(spanish, seed_like_post):
    make_comment(seed_like_post, body="Solo para los editores.")
    other = Client()
    other.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    html = page(other, seed_like_post.get_absolute_url())
    assert "Solo para los editores." not in html
    assert "en espera de moderación" not in html
    assert "en la cola de moderación" in html
