"""Receipt codes: enough entropy, only hashes stored, and wrong codes cost a full check."""

from unittest import mock

import pytest

from tips import receipts, services
from tips.models import Tip

pytestmark = pytest.mark.django_db


def new_tip():
    return services.submit_tip(message="A tip.", contact="", cleaned_files=[])


def test_word_list_is_the_eff_long_list():
    words = receipts.word_list()

    assert len(words) == len(set(words)) == 7776


def test_code_has_seven_words_and_over_ninety_bits_of_entropy():
    assert len(receipts.new_code().split()) == 7
    assert receipts.entropy_bits() > 90


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
