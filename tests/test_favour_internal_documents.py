"""Issue 10/11: a stranger asking for the user's employer's internal documents ("could you share
the AML policy templates and risk matrix you use at Meridian?") asks a favour the user cannot
grant: a gentle no, not an accept. Thanks for documents already shared, or a question about the
user's public talk, ask none. My own sentences."""

from __future__ import annotations

import pytest

from helpers import eval_persona, request, screen

FOUNDER = dict(headline="Co-founder & COO at Remitly Lite", company="Remitly Lite", industry="Financial Services",
               has_photo=True, connections=700, mutual_connections=4)


def result(note: str):
    return screen(request(note, **FOUNDER), eval_persona("compliance-lead-en"))


@pytest.mark.parametrize("note", [
    "Hi Nadia, great session on sanctions screening. We're a new remitter in licensing; could you share the internal AML policies and the risk matrix your team uses?",
    "Chào chị Nadia, bên em mới xin giấy phép, chị có thể chia sẻ tài liệu nội bộ về quy trình AML của công ty chị không ạ?",
    "Hola Nadia, ¿podrías compartir los documentos internos de cumplimiento que usan en Meridian? Estamos empezando.",
    "Bonjour Nadia, pourriez-vous nous transmettre vos procédures internes de conformité ? Nous démarrons notre licence.",
])
def test_asking_for_the_employer_s_internal_documents_is_a_favour(note):
    found = result(note)
    assert found.verdict != "accept", [(flag.id, flag.evidence) for flag in found.flags]


@pytest.mark.parametrize("note", [
    "Hi Nadia, thank you for sharing the internal AML checklist template at the summit workshop; it helped our licensing a lot.",
    "Hi Nadia, your sanctions-screening session was excellent; I'd love to compare how we tune name-matching thresholds.",
])
def test_thanks_or_a_question_about_the_talk_is_no_favour(note):
    found = result(note)
    assert "sales_pitch" not in {flag.id for flag in found.flags}, [(flag.id, flag.evidence) for flag in found.flags]
