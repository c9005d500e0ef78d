"""A note that answers the user's own hiring ("saw you're hiring senior backend engineers", "看到你们在招
高级后端工程师") says why it came, as "we're hiring" does: a personalized note (issue 11: a candidate
for the user's open role is welcomed, not asked what prompted the request). My own sentences."""

from __future__ import annotations

import pytest

from helpers import persona, request, screen

PROFILE = dict(headline="Backend Engineer at Shopee", company="Shopee", industry="Software", has_photo=True,
               connections=300, mutual_connections=2,
               experience=[{"title": "Backend Engineer", "company": "Shopee", "years": 5}])

YOUR_HIRING = [
    "Hi Sarah, 5 years of Go and Java on payments at Shopee. Saw you're hiring senior backend engineers; I'd like to learn more.",
    "Hi Sarah, I noticed your team is hiring backend engineers and I'd love to hear more about the role.",
    "Hola Sarah, vi que estás contratando ingenieros backend senior y me gustaría saber más.",
    "Bonjour Sarah, j'ai vu que vous recrutez des ingénieurs backend, j'aimerais en savoir plus.",
    "Hallo Sarah, ich habe gesehen, dass Sie Backend-Entwickler einstellen, und würde gern mehr erfahren.",
    "Olá Sarah, vi que você está contratando engenheiros backend e gostaria de saber mais.",
    "Ciao Sarah, ho visto che stai assumendo ingegneri backend e mi piacerebbe saperne di più.",
    "Halo Sarah, saya lihat Anda sedang merekrut backend engineer senior, saya ingin tahu lebih lanjut.",
    "Chào chị Sarah, em thấy bên chị đang tuyển kỹ sư backend nên muốn tìm hiểu thêm ạ.",
    "Sarah 你好，我在 Shopee 做支付后端，有5年 Go 和 Java 经验。看到你们在招高级后端工程师，想进一步了解一下。",
    "Sarahさん、バックエンドエンジニアを募集されていると拝見し、詳しくお聞きしたいです。",
    "Sarah님, 백엔드 엔지니어를 채용 중이신 것을 보고 더 알고 싶어 연락드립니다.",
]


@pytest.mark.parametrize("note", YOUR_HIRING)
def test_a_note_that_answers_the_user_s_hiring_is_personal(note):
    result = screen(request(note, **PROFILE), persona("eng-lead-en"))
    flags = {flag.id for flag in result.flags}
    assert "personalized_note" in flags, result.flags
    assert "generic_note" not in flags


def test_a_note_with_no_reason_stays_generic():
    result = screen(request("Hi Sarah, I'm a backend engineer at Shopee. Let's connect.", **PROFILE), persona("eng-lead-en"))
    assert "personalized_note" not in {flag.id for flag in result.flags}
