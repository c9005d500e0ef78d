"""Issue 10: a note that asks how the user or the user's team does something ("vorrei capire come i
vostri team rispondono agli ordini di congelamento", "I'd like to understand how your team tunes
thresholds") says why it came: it is about the user's work, in the plural "your" of many languages
too. A note that only wants to grow a network does not. My own sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen, user

SENDER = dict(headline="Risk Consultant at Ardent Partners", company="Ardent Partners", has_photo=True, connections=300,
              mutual_connections=2)


def flags(note: str) -> set[str]:
    return {flag.id for flag in screen(request(note, **SENDER), user()).flags}


ASKS_HOW = [
    "Buongiorno Sarah, seguo i casi di frode nei pagamenti. Vorrei capire come i vostri team gestiscono i rimborsi contestati.",
    "Hola Sarah, trabajo en prevención de fraude. Me gustaría entender cómo su equipo prioriza las alertas de pagos.",
    "Bonjour Sarah, je travaille dans la lutte anti-fraude. J'aimerais comprendre comment votre équipe traite les rétrofacturations.",
    "Hallo Sarah, ich arbeite im Betrugsmonitoring und würde gern verstehen, wie Ihr Team Schwellenwerte festlegt.",
    "Olá Sarah, trabalho com prevenção a fraudes e gostaria de entender como vocês tratam os estornos.",
    "Здравствуйте, Сара! Занимаюсь антифродом в платежах, хотел бы понять, как ваша команда настраивает пороги.",
    "Hi Sarah, I work on payment fraud and I'd like to understand how your team decides which alerts to escalate.",
    "Buongiorno Sarah, lavoro con gli spedizionieri: mi piacerebbe capire se cercate partner nel settore logistico.",
]


@pytest.mark.parametrize("note", ASKS_HOW)
def test_a_note_that_asks_how_the_user_works_says_why(note):
    found = flags(note)
    assert "generic_note" not in found, found


NETWORK_ONLY = [
    "Buongiorno Sarah, vorrei ampliare la mia rete professionale.",
    "Hola Sarah, me gustaría ampliar mi red de contactos.",
    "Hi Sarah, I'd like to grow my network with professionals like you.",
]


@pytest.mark.parametrize("note", NETWORK_ONLY)
def test_a_note_that_only_grows_a_network_stays_generic(note):
    assert "generic_note" in flags(note)
