"""Receipt codes: enough entropy, only hashes stored, and wrong codes cost a full check."""

from unittest import mock

import pytest
from django.utils import translation

from tips import receipts, services
from tips.models import Tip

pytestmark = pytest.mark.django_db


def new_tip():
    return services.submit_tip(message="A tip.", contact="", cleaned_files=[])


def test_word_list_is_the_eff_long_list():
    words = receipts.word_list()

    assert len(words) == len(set(words)) == 7776


def test_spanish_word_list_is_the_one_tails_uses_with_no_accents_to_type():
    words = receipts.word_list("es")

    assert len(words) == len(set(words)) == 8192
    assert all(word.isascii() and word.isalpha() and word.islower() for word in words)
    assert {"abanico", "abajo"} <= set(words)


def test_code_has_seven_words_and_over_ninety_bits_of_entropy():
    assert len(receipts.new_code().split()) == 7
    assert receipts.entropy_bits() > 90


def test_a_spanish_code_has_seven_spanish_words_and_over_ninety_bits():
    code = receipts.new_code("es")

    assert len(code.split()) == 7
    assert set(code.split()) <= set(receipts.word_list("es"))
    assert receipts.entropy_bits("es") > 90


def test_a_new_code_is_in_the_pages_language_unless_told():
    with translation.override("es"):
        code = receipts.new_code()

    assert set(code.split()) <= set(receipts.word_list("es"))


def test_a_spanish_code_finds_its_tip_too():
    tip, code = services.submit_tip(
        message="Un aviso.", contact="", cleaned_files=[], code_language="es"
    )

    assert receipts.find_tip(code.upper()) == tip


def test_two_codes_differ():
    assert receipts.new_code() != receipts.new_code()


def test_code_finds_its_tip_forgiving_case_and_spacing():
    tip, code = new_tip()

    assert receipts.find_tip(f"  {code.upper().replace(' ', '   ')}\n") == tip


def test_wrong_code_finds_nothing():
    _tip, code = new_tip()
    words = code.split()

    assert receipts.find_tip(" ".join([*words[:-1], "zzzz"])) is None


def test_stored_lookup_depends_on_the_server_secret(settings):
    _tip, code = new_tip()

    settings.TIPS_RECEIPT_SECRET = "another-secret"

    assert receipts.find_tip(code) is None


def test_stored_hash_is_a_password_hash_of_the_code():
    tip, code = new_tip()

    assert tip.receipt_hash.count("$") >= 2  # algorithm$...$hash
    assert code not in tip.receipt_hash
    assert code not in tip.receipt_lookup


@pytest.mark.parametrize("right", [True, False], ids=["right-code", "wrong-code"])
def test_right_and_wrong_codes_both_run_exactly_one_slow_check(right):
    tip, code = new_tip()
    typed = code if right else "abacus " * 7

    with mock.patch("tips.receipts.check_password", wraps=receipts.check_password) as check:
        found = receipts.find_tip(typed)

    assert (found == tip) is right
    assert check.call_count == 1


def test_a_hash_that_does_not_verify_finds_nothing_even_when_the_lookup_matches():
    tip, code = new_tip()
    Tip.objects.filter(pk=tip.pk).update(receipt_hash=receipts.make_password("other words"))

    assert receipts.find_tip(code) is None
