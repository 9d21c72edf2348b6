import pytest

from comments.models import Phrase


@pytest.mark.django_db
def test_a_new_site_starts_with_threat_phrases_in_english_and_spanish():
    threats = set(Phrase.objects.filter(kind=Phrase.Kind.THREAT).values_list("text", flat=True))
    assert {"we know where you live", "sabemos dónde vives", "plata o plomo"} <= threats
