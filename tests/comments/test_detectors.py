"""comments.detectors: personal data and listed phrases, found in text, masked for editors."""

from importlib import import_module

import pytest

from comments.detectors import (
    find_emails,
    find_licence_plates,
    find_personal_data,
    find_phone_numbers,
    find_phrases,
    find_street_addresses,
    normalise,
)


def excerpts(findings):
    return [finding.excerpt for finding in findings]


# Phone numbers


@pytest.mark.parametrize(
    "text",
    [
        "llámale al 55 1234 5678",
        "(55) 1234-5678",
        "81.1234.5678",
        "656 123 4567",
        "656-123-45-67",
        "55 12 34 56 78",
        "5512345678",
        "+52 55 1234 5678",
        "+52 1 656 123 4567",
        "52 656 123 4567",
        "044 55 1234 5678",
        "045-55-1234-5678",
        "01 800 123 4567",
    ],
)
def test_mexican_phone_numbers_are_found(text):
    assert len(find_phone_numbers(text)) == 1


@pytest.mark.parametrize(
    "text",
    ["(956) 555-0123", "956-555-0123", "956.555.0123", "+1 956 555 0123", "1-956-555-0123"],
)
def test_us_phone_numbers_are_found(text):
    assert len(find_phone_numbers(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "It was December 3, 2010.",
        "a reward of $30,000",
        "30,000 Mexicans have died",
        "@ 3:40 you said",
        "cable 09MEXICO193 says",
        "1.234.567.890 pesos",
        "12/03/2010",
        "2010-12-03",
        "between 1994 and 2010, 2011 2012",
        "reference 55123456789",
        "9 de cada 10",
    ],
)
def test_years_prices_times_and_cable_ids_are_not_phone_numbers(text):
    assert find_phone_numbers(text) == []


def test_a_phone_number_excerpt_hides_its_last_four_digits():
    assert str(find_phone_numbers("su cel es 55 1234 5678")[0]) == "phone number: 55 1234 ****"


def test_a_year_before_a_phone_number_does_not_hide_it():
    assert excerpts(find_phone_numbers("In 2010 55 1234 5678 was his")) == ["55 1234 ****"]


def test_full_width_digits_are_read_as_digits():
    assert len(find_phone_numbers("５５ １２３４ ５６７８")) == 1


# E-mail addresses


@pytest.mark.parametrize(
    "text",
    [
        "write to juan.perez@gmail.com",
        "juan_perez+news@correo.example.mx",
        "juan [at] gmail [dot] com",
        "juan (at) gmail (dot) com",
        "juan arroba gmail punto com",
    ],
)
def test_email_addresses_are_found_also_when_spelled_out(text):
    assert len(find_emails(text)) == 1


@pytest.mark.parametrize(
    "text", ["@ 3:40 Ernest1", "email me at home", "@Buela tienes razón", "arroba de gente"]
)
def test_mentions_and_the_word_at_are_not_email_addresses(text):
    assert find_emails(text) == []


def test_an_email_excerpt_hides_the_mailbox_and_keeps_the_domain():
    assert excerpts(find_emails("mail juan.perez@gmail.com")) == ["j***@gmail.com"]


# Street addresses


@pytest.mark.parametrize(
    "text",
    [
        "he lives at 1200 E Elizabeth St in Brownsville",
        "the house at 45 Palm Boulevard",
        "4 N 10th Street",
        "123 main st",
        "vive en Calle Hidalgo No. 123",
        "Av. Juárez #45, Col. Centro",
        "Avenida Reforma número 222 int. 4",
        "Blvd. Morelos núm. 1502",
        "Privada de los Pinos # 7",
        "Callejón del Beso No 12",
        "Hidalgo 123, Col. Centro",
    ],
)
def test_street_addresses_in_english_and_spanish_are_found(text):
    assert len(find_street_addresses(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "la avenida Juárez estaba cerrada",
        "en la calle hay 3 muertos",
        "30,000 Mexicans died on the road",
        "15 people live on that road",
        "In 2010, Colonia Juárez saw fights",
        "the 2 sides of the street",
        "Calle 13 played in Monterrey",
    ],
)
def test_streets_named_in_the_news_are_not_addresses(text):
    assert find_street_addresses(text) == []


def test_an_address_excerpt_hides_the_house_number():
    found = find_street_addresses("Calle Hidalgo No. 123, Col. Centro")
    assert excerpts(found) == ["Calle Hidalgo No. ***, Col. Centro"]


# Licence plates


@pytest.mark.parametrize("text", ["la troca ABC-123-D", "ABC-12-34", "AB-1234-C", "a 7ABC123"])
def test_plate_shaped_tokens_are_found_without_context(text):
    assert len(find_licence_plates(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "plates ABC 1234",
        "Texas plate ABC-1234",
        "placas de Tamaulipas XYZ 1234",
        "con matrícula 123 ABC",
        "placas abc-1234",
    ],
)
def test_looser_plate_shapes_are_found_near_a_word_for_plate(text):
    assert len(find_licence_plates(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "ABC 1234 in the catalogue",
        "ISO-9001 certified",
        "AK-47 rifles",
        "an F-150 truck",
        "COVID-19",
        "cable 09MEXICO193",
        "on I-35 and US-83",
        "las placas en 2010 eran de Texas",
        "tag 1500",
    ],
)
def test_codes_models_and_cable_ids_are_not_plates(text):
    assert find_licence_plates(text) == []


def test_a_plate_excerpt_hides_its_second_half():
    assert excerpts(find_licence_plates("ABC-123-D")) == ["ABC-***-*"]


# All personal data together


def test_personal_data_is_listed_in_reading_order_with_its_kind():
    text = "Es Juan, Calle Hidalgo No. 123, cel 55 1234 5678, correo juan@example.com"
    assert [str(f) for f in find_personal_data(text)] == [
        "street address: Calle Hidalgo No. ***",
        "phone number: 55 1234 ****",
        "e-mail address: j***@example.com",
    ]


def test_the_seed_posts_comments_carry_no_personal_data():
    text = (
        "@ 3:40 Ernest1 the army has 45,000 soldiers in the streets since December 2006; "
        "the cable 09MEXICO193 says so. En 2010 murieron 15,273 personas."
    )
    assert find_personal_data(text) == []


# Listed phrases


def test_normalise_folds_case_and_accents():
    assert normalise("AMENAZÁ Sé Dónde") == "amenaza se donde"


def test_phrases_match_ignoring_case_and_accents():
    assert find_phrases("SABEMOS DONDE VIVES", ["sabemos dónde vives"]) == ["sabemos dónde vives"]


def test_phrases_match_only_whole_words():
    assert find_phrases("a classic move", ["ass"]) == []
    assert find_phrases("amenazas", ["amenaza"]) == []


def test_phrases_match_across_punctuation_and_spacing():
    assert find_phrases("te-voy  a... matar", ["te voy a matar"]) == ["te voy a matar"]


def test_a_phrase_without_letters_or_digits_matches_nothing():
    assert find_phrases("!!! ???", ["!!!"]) == []


def test_every_default_threat_phrase_finds_itself_in_capitals():
    seeded = import_module("comments.migrations.0006_seed_threat_phrases")
    for phrase in seeded.DEFAULT_THREAT_PHRASES:
        assert find_phrases(phrase.upper() + "!", [phrase]) == [phrase]
