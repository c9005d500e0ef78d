"""Notes that say why, beyond English and Vietnamese: the reader's article, post or talk named; an
event where the two were; a reason of the sender's own; a shared past. In Spanish, French, German,
Portuguese, Italian, Indonesian, Russian, Chinese, Japanese, Korean and Thai, each written for this
file by concept. And what must not count: the sender's own article, a short Chinese, Japanese or
Korean fragment inside an unrelated word, a courtesy that could go to anyone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import UserConfig, parse_config
from helpers import request, screen

PERSONAS = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "personas"


def persona(name: str) -> UserConfig:
    return parse_config(PERSONAS / f"{name}.toml")


STRANGER = dict(headline="Backend Engineer at Lazada", company="Lazada", industry="Software", has_photo=True,
                connections=500, mutual_connections=3,
                experience=[{"title": "Backend Engineer", "company": "Lazada", "years": 3}])


# A former colleague of the user's at Grab: a claimed shared past that the work history shows (one
# it contradicts is asked about: test_claimed_past_contradicted.py).
FORMER_COLLEAGUE = {**STRANGER, "experience": [*STRANGER["experience"],
                                               {"title": "Software Engineer", "company": "Grab", "years": 2}]}


def flags(note: str, profile: dict = STRANGER) -> dict[str, str]:
    result = screen(request(note, **profile), persona("eng-lead-en"))
    return {flag.id: flag.evidence for flag in result.flags}


# The reader's own work, read.
CONTENT = {
    "es": "Hola Sarah, leí tu artículo sobre colas de mensajes y me ayudó mucho con un problema de latencia.",
    "fr": "Bonjour Sarah, j'ai lu votre article sur les files de messages, il m'a aidé à résoudre un souci de latence.",
    "de": "Hallo Sarah, ich habe Ihren Beitrag über Nachrichtenwarteschlangen gelesen und viel daraus gelernt.",
    "pt": "Olá Sarah, li seu artigo sobre filas de mensagens e ele me ajudou muito com um problema de latência.",
    "it": "Ciao Sarah, ho letto il tuo articolo sulle code di messaggi e mi è stato molto utile per il mio lavoro.",
    "id": "Halo Sarah, saya membaca tulisan Anda tentang antrean pesan dan sangat membantu pekerjaan saya.",
    "ru": "Здравствуйте, Сара! Прочитал вашу статью об очередях сообщений, она очень помогла мне в работе.",
    "zh": "Sarah您好，拜读了您关于分布式系统的文章，收获很大。",
    "zh_read": "你好，读了你写的那篇消息队列的文章，很受启发。",
    "ja": "はじめまして。分散システムについての記事を拝見しました。大変勉強になりました。",
    "ko": "안녕하세요, 분산 시스템 발표 잘 들었습니다. 많이 배웠습니다.",
    "ko_article": "안녕하세요, 메시지 큐에 관한 글 잘 읽었습니다. 정말 유익했어요.",
    "th": "สวัสดีครับ ผมได้อ่านบทความของคุณเรื่องระบบกระจายแล้วได้ความรู้มากครับ",
}


@pytest.mark.parametrize("note", CONTENT.values(), ids=CONTENT.keys())
def test_a_note_about_the_readers_work_says_why(note):
    found = flags(note)
    assert "personalized_note" in found, found
    assert "generic_note" not in found


# An event where they were, or a reason of the sender's own.
EVENTS_AND_REASONS = {
    "es_event": "Hola Sarah, coincidimos en la conferencia de PyCon en Madrid; me gustó mucho tu charla sobre Kafka.",
    "fr_event": "Bonjour Sarah, j'ai assisté à votre intervention au meetup Python de Singapour, c'était passionnant.",
    "de_reason": "Hallo Sarah, ich arbeite gerade an einem Zahlungssystem und würde mich über Ihren Rat zu Warteschlangen freuen.",
    "pt_reason": "Olá Sarah, estou pesquisando arquiteturas orientadas a eventos e gostaria de ouvir sua opinião sobre isso.",
    "it_event": "Ciao Sarah, ci siamo visti alla conferenza Go di Milano, ho apprezzato molto il tuo intervento.",
    "id_event": "Halo Sarah, saya hadir di seminar Anda tentang sistem terdistribusi kemarin dan ingin belajar lebih banyak.",
    "ru_event": "Здравствуйте, Сара! Слушал ваш доклад на конференции HighLoad, очень интересная тема.",
    "zh_event": "您好，上周在技术大会上听了您的演讲，关于消息队列的部分讲得非常清楚。",
    "ja_event": "先日のPyCon JPでのご講演を拝聴しました。キューの設計のお話がとても参考になりました。",
    "ko_event": "안녕하세요, 지난주 컨퍼런스에서 발표하신 내용이 인상 깊어서 연락드립니다.",
    "th_event": "สวัสดีค่ะ ได้ฟังการบรรยายของคุณที่งานสัมมนาเมื่อวาน ชอบมากเลยค่ะ",
}


@pytest.mark.parametrize("note", EVENTS_AND_REASONS.values(), ids=EVENTS_AND_REASONS.keys())
def test_an_event_or_a_reason_says_why(note):
    found = flags(note)
    assert "personalized_note" in found, found


# A shared past, in the languages the lexicon lacked.
KNOWN = {
    "ru": "Сара, привет! Мы работали вместе в Grab, рад снова найти тебя здесь.",
    "zh": "Sarah你好，我们以前在Grab一起共事过，很高兴在这里又遇到你。",
    "ja": "Sarahさん、以前Grabで一緒に働いていた田中です。お久しぶりです。",
    "ko": "Sarah님, 예전에 Grab에서 같이 일했던 김민수입니다. 오랜만이에요.",
    "th": "สวัสดีครับ Sarah เราเคยทำงานด้วยกันที่ Grab ครับ",
}


@pytest.mark.parametrize("note", KNOWN.values(), ids=KNOWN.keys())
def test_a_shared_past_is_read(note):
    found = flags(note, FORMER_COLLEAGUE)
    assert "known_relationship" in found, found


# The sender's own article or talk, a fragment inside another word, a courtesy: no reason about the reader.
NOT_ABOUT_THE_READER = {
    "zh_own_article": "你好，我最近写了一篇关于职业发展的文章，欢迎关注我的公众号。",
    "zh_fragment": "你好，我是做外贸的，主要做服装生意，希望认识更多朋友。",
    "ja_own_talk": "はじめまして。私の講演資料をお送りしますので、ぜひご覧ください。",
    "ko_own_talk": "안녕하세요, 제 발표 자료를 보내 드리고 싶습니다. 연결해요.",
    "ja_courtesy": "はじめまして。よろしくお願いします。",
}


@pytest.mark.parametrize("note", NOT_ABOUT_THE_READER.values(), ids=NOT_ABOUT_THE_READER.keys())
def test_what_is_not_about_the_reader_does_not_count(note):
    assert "personalized_note" not in flags(note)
