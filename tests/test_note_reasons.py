"""Issue 11, round 2: a note that says why it came is thanked for it and asked only what is missing
(acknowledge), in every reply language: the user's work seen or read (an interview, a piece, a
talk), news congratulated, what the user writes about, a line of work the sender shares. Boilerplate,
a one-liner and "I saw your profile" are still asked why (clarify). The notes are invented here."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.models import Flag
from assist.note_reasons import gives_reason
from assist.signals import Signal, Signals
from assist.situation import Situation, choose_situation

GUIDANCE = load_guidance()

REASONS = [
    # the user's work, seen, read or heard
    "Loved the interview you gave to TechCrunch about hiring.",
    "Em xem buổi phỏng vấn của chị trên VTV về lạm phát.",
    "Vi tu entrevista en El País sobre startups.",
    "J'ai vu votre interview sur BFM Business.",
    "Ich habe Ihr Interview im Handelsblatt gesehen.",
    "Vi sua entrevista na Exame sobre fintechs.",
    "Saya melihat wawancara Anda di Kompas kemarin.",
    "看了你在36氪的采访，很受启发。",
    # news congratulated
    "Congrats on the Series B news!",
    "Chúc mừng anh về tin công ty gọi vốn thành công!",
    "¡Enhorabuena por la noticia de la ronda!",
    "Félicitations pour la levée de fonds !",
    "Glückwunsch zur Finanzierungsrunde!",
    "Parabéns pela notícia da rodada!",
    "Selamat atas pendanaan seri A!",
    "恭喜贵公司完成B轮融资！",
    # what the user writes about
    "You write a lot about observability, would be great to connect.",
    "Chị viết nhiều về thị trường trái phiếu, em muốn kết nối ạ.",
    "Escribes mucho sobre logística, me gustaría conectar.",
    "Vous écrivez souvent sur la cybersécurité.",
    "Sie schreiben viel über Datenschutz.",
    "Você escreve muito sobre pagamentos.",
    "Anda sering menulis tentang data.",
    "你经常写关于支付的文章。",
    # a line of work the sender shares, said as the reason
    "I also work in payments risk, happy to connect.",
    "Em cũng làm quản lý rủi ro, mong được kết nối với anh.",
    "Em cung lam quan ly rui ro, mong duoc ket noi voi anh.",
    "También trabajo en logística en Madrid.",
    "Je travaille aussi dans la cybersécurité à Lyon.",
    "Ich arbeite auch im Bereich Datenschutz.",
    "Também trabalho com pagamentos em São Paulo.",
    "Saya juga bekerja di bidang data.",
    "我也在做支付风控。",
]

NO_REASON = [
    "I'd like to join your network.",
    "Hi, happy to connect!",
    "I saw your profile and would like to connect.",
    "Xin chào, rất vui được kết nối.",
    "Em thấy profile của anh nên muốn kết nối.",
    "Hola, me gustaría agregarte a mi red.",
    "Bonjour, ravie de rejoindre votre réseau.",
    "Hallo, ich würde mich gerne mit Ihnen vernetzen.",
    "Olá, vi seu perfil e gostaria de me conectar.",
    "Halo, salam kenal.",
    "你好，想和你建立联系。",
    "",
    None,
]


@pytest.mark.parametrize("note", REASONS)
def test_a_note_that_says_why_is_read_as_a_reason(note):
    assert gives_reason(note)


@pytest.mark.parametrize("note", NO_REASON)
def test_boilerplate_and_a_profile_seen_are_no_reason(note):
    assert not gives_reason(note)


def signals_with(*flag_ids: str) -> Signals:
    signals = Signals()
    for flag_id in flag_ids:
        signals.signals.append(Signal(Flag(id=flag_id, polarity=GUIDANCE.criterion(flag_id).polarity, evidence="e"), 1.0))
    return signals


@pytest.mark.parametrize("verdict", ["ask", "ignore"])
def test_a_reason_in_the_note_is_acknowledged_whatever_the_note_flags(verdict):
    situation = choose_situation(verdict, signals_with("generic_note"), GUIDANCE, note=REASONS[0])
    assert situation == Situation("acknowledge", missing="purpose")


def test_boilerplate_is_still_asked_why():
    assert choose_situation("ask", signals_with("generic_note"), GUIDANCE, note=NO_REASON[0]) == Situation("clarify")


def test_a_reason_never_outranks_a_report_a_favour_or_an_accept():
    note = REASONS[0]
    assert choose_situation("ignore", signals_with("generic_note"), GUIDANCE, report=True, note=note) is None
    assert choose_situation("ignore", signals_with("scam_or_phishing"), GUIDANCE, note=note) is None
    favour = signals_with("sales_pitch")
    favour.pitch = "favour"
    assert choose_situation("ask", favour, GUIDANCE, note=note) == Situation("decline", reason="favour")
    assert choose_situation("accept", signals_with("personalized_note"), GUIDANCE, note=note) == Situation("welcome")


def test_a_sentence_aimed_at_the_screening_is_no_reason():
    # unclear_intent: the note may be aimed at the tool; the guidance's answer to doubt is a question
    assert choose_situation("ask", signals_with("unclear_intent"), GUIDANCE, note=REASONS[0]) == Situation("clarify")
