"""Favours asked of a stranger, third pass (issue 11's decline, issue 10's reading): an introduction
asked with the pronoun before the verb or in the passive ("¿nos podrías presentar…?", "boleh saya
minta dikenalkan ke…"), and a CV to be passed on ("nhận CV giúp em"), in several languages.

Every sentence was written for this file, by concept, not taken from the labelled sets.
"""

from __future__ import annotations

import pytest

from test_favours_breadth import assert_not_read_as_a_favour, assert_read_as_a_favour, sender

ASKS = {
    "es_clitic_intro": "Hola Sarah, montamos una app de reparto. ¿Nos podrías presentar a alguien de Grab? Les vendría bien.",
    "es_clitic_intro_2": "Hola Sarah, ¿me podrías poner en contacto con alguien del equipo de pagos de Stripe?",
    "fr_clitic_intro": "Bonjour Sarah, pourriez-vous nous présenter à quelqu'un chez Shopee ? Notre outil les intéresserait.",
    "pt_clitic_intro": "Olá Sarah, você poderia nos apresentar a alguém da Grab? Temos uma proposta para eles.",
    "it_clitic_intro": "Ciao Sarah, potresti presentarci a qualcuno di Shopee? Abbiamo un prodotto per loro.",
    "de_intro": "Hallo Sarah, könnten Sie uns mit jemandem bei Grab bekannt machen? Unser Produkt passt gut zu ihnen.",
    "en_intro_someone": "Hi Sarah, could you introduce us to someone on the payments team at Grab? We'd be a great fit.",
    "en_intro_short": "Hey Sarah, would you be able to intro me to the head of platform at Shopee? Happy to return the favour.",
    "id_passive_intro": "Halo Kak Sarah, boleh saya minta dikenalkan ke engineering manager di Grab? Saya sedang cari peluang.",
    "id_passive_intro_2": "Halo Kak, saya mau minta tolong dikenalkan dengan tim rekrutmen Shopee, terima kasih banyak.",
    "vi_intro_someone": "Chào chị, chị có thể giới thiệu em với ai đó ở Grab không ạ? Em đang tìm cơ hội mới.",
    "vi_cv": "Chào chị, em đang tìm việc. Chị nhận CV giúp em gửi bộ phận tuyển dụng được không ạ?",
    "vi_cv_no_marks": "Chao chi, em dang tim viec moi, chi nhan CV giup em duoc khong a?",
    "es_cv": "Hola Sarah, estoy buscando trabajo. ¿Podrías pasarle mi currículum a tu equipo de selección?",
    "id_cv": "Halo Kak Sarah, saya sedang cari kerja. Boleh saya titip CV untuk tim HR di kantor Kakak?",
}


@pytest.mark.parametrize("note", list(ASKS.values()), ids=list(ASKS))
def test_an_introduction_or_a_cv_asked_of_a_stranger_is_a_favour(note):
    assert_read_as_a_favour(note)


HONEST = {
    "es_introduced": (sender("Ingeniera de backend en Grab", "Grab"),
                      "Hola Sarah, nos presentó Minh en la PyCon; me gustó mucho tu charla sobre colas y reintentos."),
    "id_introduced": (sender("Backend Engineer di Gojek", "Gojek"),
                      "Halo Kak Sarah, kita sempat dikenalkan oleh Budi di meetup Go Jakarta. Senang bisa terhubung."),
    "vi_introduced": (sender("Kỹ sư backend tại Tiki", "Tiki"),
                      "Chào chị, anh Minh đã giới thiệu em với chị ở buổi meetup Kafka, em rất muốn học hỏi thêm từ chị."),
    "fr_present_talk": (sender("Staff Engineer chez Shopee", "Shopee"),
                        "Bonjour Sarah, pourriez-vous partager les slides que vous avez présentées à la PyCon ? Merci beaucoup."),
    "en_cv_tips": (sender("Senior Backend Engineer at Stripe", "Stripe"),
                   "Hi Sarah, your post on what you look for in a backend engineer's CV was spot on; I shared it with my team."),
}


@pytest.mark.parametrize("profile,note", list(HONEST.values()), ids=list(HONEST))
def test_an_honest_note_about_an_introduction_already_made_is_not_a_favour(profile, note):
    assert_not_read_as_a_favour(profile, note)
