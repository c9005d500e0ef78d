"""A romance opener says the writer was drawn to the reader (by the profile, the photo, at first
sight), then moves the talk to a messaging app: the romance sign beside off_platform, a scam, in
the thirteen languages. Honest notes that admire someone's work are not romance. My own
sentences, by concept (issue 10)."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(headline="Surgeon", company=None, industry=None, has_photo=True, connections=20,
               mutual_connections=0, experience=[])


def read(note: str):
    guidance = load_guidance()
    signs = read_signs(request(note, **PROFILE), user(), guidance)
    return signs, judge(signs, guidance)


DRAWN = [
    "I saw your profile and felt drawn to you right away. Let's talk on WhatsApp, I'm rarely here.",
    "Vi tu perfil y me sentí atraído por ti desde el primer momento. Escríbeme por WhatsApp.",
    "J'ai vu votre profil et j'ai eu un coup de foudre. Parlons sur WhatsApp, je suis rarement ici.",
    "Ich habe Ihr Profil gesehen und mich sofort zu Ihnen hingezogen gefühlt. Schreiben Sie mir auf WhatsApp.",
    "Vi seu perfil e me senti atraído por você na hora. Me chama no WhatsApp.",
    "Ho visto il tuo profilo e sono rimasto subito attratto da te. Scrivimi su WhatsApp.",
    pytest.param("Ho visto il tuo profilo e ne sono rimasto subito attratto. Scrivimi su WhatsApp.",
                 marks=pytest.mark.xfail(strict=True, reason="Italian 'ne' (of it) is read as French 'ne', a negation")),
    "Увидел ваш профиль и сразу почувствовал влечение к вам. Напишите мне в WhatsApp.",
    "Saya melihat profil Anda dan langsung jatuh hati. Mari ngobrol di WhatsApp.",
    "Em xem hồ sơ của chị và thấy rung động ngay từ cái nhìn đầu tiên. Mình nói chuyện qua Zalo nhé.",
    "看到你的资料我就被你吸引了，我们加微信聊吧。",
    "プロフィールを拝見して一目惚れしました。LINEでお話ししませんか。",
    "프로필을 보고 첫눈에 반했습니다. 카카오톡으로 이야기해요.",
    "เห็นโปรไฟล์ของคุณแล้วรู้สึกถูกใจตั้งแต่แรกเห็น คุยกันทาง LINE นะครับ",
]


@pytest.mark.parametrize("note", DRAWN)
def test_drawn_to_the_reader_and_off_linkedin_is_a_scam(note):
    signs, judgement = read(note)
    assert "romance" in signs, (note, signs)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


HONEST = [
    "I was drawn to your talk on payments fraud at Money20/20 and would love to compare notes.",
    "Your post on Kafka drew me in; happy to chat on Slack if you're in the community.",
    "Me atrajo mucho tu artículo sobre riesgos de pago, me encantaría conectar.",
]


@pytest.mark.parametrize("note", HONEST)
def test_drawn_to_someone_s_work_is_not_romance(note):
    signs, judgement = read(note)
    assert "romance" not in signs, (note, signs)
