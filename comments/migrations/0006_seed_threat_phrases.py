"""Seed the editor-managed threat phrases with a starting list, English and Spanish.

Editors own the list from then on (Phrases in the admin); this only gives a new site a
sensible start. Matched as whole phrases, ignoring case and accents.
"""

from django.db import migrations

DEFAULT_THREAT_PHRASES = (
    # English
    "i will kill you",
    "i'll kill you",
    "going to kill you",
    "gonna kill you",
    "we will kill you",
    "kill your family",
    "you are dead",
    "you're dead",
    "you're a dead man",
    "dead man walking",
    "we know where you live",
    "i know where you live",
    "watch your back",
    "you will pay for this",
    "put a bullet in",
    "shoot you",
    "cut your head off",
    "we will find you",
    "your days are numbered",
    # Spanish (Mexico and the border)
    "te voy a matar",
    "te vamos a matar",
    "los vamos a matar",
    "vas a morir",
    "estás muerto",
    "eres hombre muerto",
    "sabemos dónde vives",
    "sé dónde vives",
    "sabemos dónde trabajas",
    "cuídate la espalda",
    "te vamos a encontrar",
    "te vamos a levantar",
    "te vamos a desaparecer",
    "te vamos a quebrar",
    "te va a cargar la chingada",
    "te va a cargar el payaso",
    "te vamos a cortar la cabeza",
    "tus días están contados",
    "plata o plomo",
    "ya te tenemos ubicado",
)


def seed(apps, schema_editor):
    Phrase = apps.get_model("comments", "Phrase")
    for text in DEFAULT_THREAT_PHRASES:
        Phrase.objects.get_or_create(kind="threat", text=text)


def unseed(apps, schema_editor):
    Phrase = apps.get_model("comments", "Phrase")
    Phrase.objects.filter(kind="threat", text__in=DEFAULT_THREAT_PHRASES).delete()


class Migration(migrations.Migration):
    dependencies = [("comments", "0005_editors_manage_defences")]

    operations = [migrations.RunPython(seed, unseed)]
