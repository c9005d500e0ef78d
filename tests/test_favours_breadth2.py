"""Favours asked of a stranger, second pass (issue 11's decline, issue 10's reading): money raised
for the sender themselves (a fundraiser, a crowdfunding page, "any support"), an introduction asked
in the subjunctive or conditional, and a work visa to be sponsored, in the thirteen languages.

Every sentence was written for this file, by concept, not taken from the labelled sets.
"""

from __future__ import annotations

import pytest

from test_favours_breadth import assert_not_read_as_a_favour, assert_read_as_a_favour, sender

ASKS = {
    # Money for the sender's own cause.
    "en_fundraiser": "Hi Sarah, I'm raising funds for my bootcamp fees. Any support would mean a lot, I can send you my fundraising page.",
    "en_crowdfunding": "Hello Sarah! I'm crowdfunding my MSc tuition, could you chip in even a little? Link in my profile.",
    "vi_fundraiser": "Chào chị, em đang gây quỹ cho học phí khóa học của em, chị ủng hộ em một ít được không ạ?",
    "es_fundraiser": "Hola Sarah, estoy recaudando fondos para mi certificación. Cualquier aporte me ayudaría mucho.",
    "fr_fundraiser": "Bonjour Sarah, je lance une cagnotte pour financer ma formation, un petit soutien m'aiderait beaucoup.",
    "de_fundraiser": "Hallo Sarah, ich sammle Spenden für meine Weiterbildung, jede kleine Unterstützung hilft mir sehr.",
    "pt_fundraiser": "Olá Sarah, estou arrecadando fundos para o meu curso, qualquer contribuição me ajudaria muito.",
    "it_fundraiser": "Ciao Sarah, sto raccogliendo fondi per il mio master, qualsiasi contributo mi aiuterebbe tanto.",
    "ru_fundraiser": "Здравствуйте, Сара! Я собираю деньги на своё обучение, буду благодарен за любую поддержку.",
    "id_fundraiser": "Halo Kak Sarah, saya sedang menggalang dana untuk biaya kursus saya, bantuan sekecil apa pun sangat berarti.",
    "zh_fundraiser": "Sarah您好，我正在为自己的学费筹款，哪怕一点点支持也对我帮助很大。",
    "ja_fundraiser": "Sarahさん、はじめまして。留学費用のためにクラウドファンディングをしています。ご支援いただけると嬉しいです。",
    "ko_fundraiser": "Sarah님 안녕하세요, 제 학비 마련을 위해 모금 중입니다. 작은 후원이라도 큰 도움이 됩니다.",
    "th_fundraiser": "สวัสดีครับคุณ Sarah ผมกำลังระดมทุนเป็นค่าเรียนของผม ช่วยสนับสนุนสักเล็กน้อยได้ไหมครับ",
    # An introduction asked in the subjunctive or the conditional.
    "es_subjunctive_intro": "Hola Sarah, me encantaría que me presentaras a tu socio de Northwind, buscamos financiación.",
    "es_formal_intro": "Estimada Sarah, le agradecería que me presentara al director técnico de su empresa.",
    "fr_subjunctive_intro": "Bonjour Sarah, j'aimerais beaucoup que vous me présentiez à votre investisseur principal.",
    "pt_subjunctive_intro": "Olá Sarah, adoraria que você me apresentasse ao investidor que liderou a rodada de vocês.",
    "it_subjunctive_intro": "Ciao Sarah, mi piacerebbe che mi presentassi al CTO della tua azienda.",
    "de_konjunktiv_intro": "Hallo Sarah, es wäre toll, wenn Sie mich Ihrem Investor vorstellen würden.",
    # A work visa to be sponsored.
    "zh_visa": "你好 Sarah，我想申请新加坡的工作签证，你们公司可以为我提供签证担保吗？",
    "zh_visa_2": "Sarah您好，贵公司能否帮我办理工作签证的担保？我是应届毕业生。",
    "zh_visa_apart": "Sarah你好，我正在申请新加坡的工作签证，想问一下贵公司是否可以帮忙提供担保？",
    "zh_tw_visa_apart": "Sarah您好，我在申請新加坡的工作簽證，請問貴公司可以幫忙擔保嗎？",
    "ja_visa": "Sarahさん、シンガポールの就労ビザのスポンサーになっていただけませんか。",
    "ko_visa": "Sarah님, 싱가포르 취업 비자 스폰서를 해 주실 수 있을까요?",
    "th_visa": "คุณ Sarah ครับ บริษัทของคุณช่วยเป็นสปอนเซอร์วีซ่าทำงานให้ผมได้ไหมครับ",
    "ru_visa": "Сара, могла бы ваша компания спонсировать мою рабочую визу в Сингапур?",
    "it_visa": "Ciao Sarah, la tua azienda potrebbe sponsorizzare il mio visto di lavoro per Singapore?",
    "fr_visa": "Bonjour Sarah, votre entreprise pourrait-elle parrainer mon visa de travail ?",
    "de_visa": "Hallo Sarah, könnte Ihre Firma mein Arbeitsvisum sponsern?",
    "vi_visa": "Chào chị, công ty chị có thể bảo lãnh visa lao động cho em sang Singapore không ạ?",
}


@pytest.mark.parametrize("note", list(ASKS.values()), ids=list(ASKS))
def test_a_favour_asked_of_a_stranger_is_read(note):
    assert_read_as_a_favour(note)


HONEST = {
    "en_charity_run": (sender("Engineering Manager at Stripe", "Stripe"),
                       "Hi Sarah, loved your talk on queues. Unrelated: our team ran a charity 10k for a children's hospital last week, great fun."),
    "en_fundraising_product": (sender("Senior Backend Engineer at GoFundMe", "GoFundMe"),
                               "Hi Sarah, I build the payments ledger behind our fundraising pages, and would love to compare notes on idempotency."),
    "vi_fundraiser_news": (sender("Kỹ sư phần mềm tại Tiki", "Tiki"),
                           "Chào chị, em đọc bài chị viết về Kafka. Bên em vừa gây quỹ Series B nên đang mở rộng team backend, mong được học hỏi chị."),
    "es_introduced_at": (sender("Ingeniera de datos en Xendit", "Xendit"),
                         "Hola Sarah, nos presentaron en la PyCon de Singapur, me encantó tu charla sobre colas."),
    "fr_visa_lawyer_article": (sender("Staff Engineer at Ninja Van", "Ninja Van"),
                               "Bonjour Sarah, j'ai lu votre article sur l'embauche d'ingénieurs étrangers et les visas de travail, très utile."),
    "zh_visa_news": (sender("后端工程师 @ Shopee", "Shopee"),
                     "Sarah你好，看到新加坡就业准证新规的讨论，你的分析很到位，希望能交流分布式系统的经验。"),
    "de_presented": (sender("Backend Engineer at Stripe", "Stripe"),
                     "Hallo Sarah, ich habe Ihren Vortrag über Backpressure gesehen, den Sie in Berlin vorgestellt haben."),
}


@pytest.mark.parametrize("profile,note", list(HONEST.values()), ids=list(HONEST))
def test_an_honest_note_near_a_favour_is_not_read_as_one(profile, note):
    assert_not_read_as_a_favour(profile, note)
