"""Favours asked of a stranger, fourth pass (issue 10: "asking for something right away"): a task
or promotion done for the sender (a review of their book or app, a testimonial, a vote, a survey
or questionnaire to fill in), a job "for me" at the reader's company, and an internal referral in
Vietnamese, in several languages. A sentence that only tells of a survey or a review, or thanks
for one, asks for none.

Every sentence was written for this file, by concept, not taken from the labelled sets.
"""

from __future__ import annotations

import pytest

from test_favours_breadth import assert_not_read_as_a_favour, assert_read_as_a_favour, sender

ASKS = {
    "en_review": "Hi Sarah, my book on API design just came out. Would you leave a review on Amazon? I can send you a free copy.",
    "en_rating": "Hi Sarah, we launched our CLI on Product Hunt today; could you give it an upvote and a short comment?",
    "en_testimonial": "Hi Sarah, could you write a quick testimonial for my freelance site? It would help me a lot.",
    "en_vote": "Hi Sarah, I'm a finalist for a developer award. Would you vote for me? The link is on my profile.",
    "en_survey": "Hi Sarah, for my thesis I'm studying incident reviews. Could you fill out a 10-minute survey?",
    "en_questionnaire": "Hello Sarah, would you mind completing a short questionnaire about remote engineering teams?",
    "de_review": "Hallo Sarah, mein Buch über Testautomatisierung ist erschienen. Könnten Sie eine Rezension schreiben?",
    "de_survey": "Hallo Sarah, für meine Masterarbeit: Würden Sie an einer kurzen Umfrage zu Code-Reviews teilnehmen?",
    "de_job_for_me": "Hallo Sarah, ich bin seit Mai arbeitslos. Haben Sie in Ihrem Team vielleicht etwas für mich?",
    "en_job_for_me": "Hi Sarah, I'm between jobs right now. Do you have anything for me on your team?",
    "es_review": "Hola Sarah, acabo de publicar mi libro. ¿Podrías dejar una reseña en Amazon? Te lo agradecería mucho.",
    "es_survey": "Hola Sarah, ¿podrías responder una encuesta de cinco minutos para mi tesis sobre equipos remotos?",
    "fr_review": "Bonjour Sarah, pourriez-vous laisser un avis sur notre application dans l'App Store ? Merci d'avance.",
    "fr_survey": "Bonjour Sarah, pourriez-vous répondre à un court questionnaire pour mon mémoire ?",
    "pt_survey": "Olá Sarah, você poderia responder a um questionário rápido para o meu TCC?",
    "id_survey": "Halo Kak Sarah, boleh minta tolong isi kuesioner singkat untuk skripsi saya?",
    "vi_internal_referral": "Chào chị, em đang ứng tuyển backend ở Grab, chị giới thiệu nội bộ giúp em được không ạ?",
    "vi_survey": "Chào chị, chị có thể giúp em điền bảng khảo sát cho luận văn được không ạ?",
    "vi_job_for_me": "Chào chị, em đang thất nghiệp, chỗ chị có việc gì cho em không ạ?",
}


@pytest.mark.parametrize("note", list(ASKS.values()), ids=list(ASKS))
def test_a_task_or_promotion_asked_of_a_stranger_is_a_favour(note):
    assert_read_as_a_favour(note)


HONEST = {
    "en_ran_survey": (sender("Staff Engineer at Stripe", "Stripe"),
                      "Hi Sarah, we ran a survey of 300 on-call engineers last year; your post on alert fatigue matched what we found."),
    "en_thanks_review": (sender("Engineering Manager at Shopee", "Shopee"),
                         "Hi Sarah, thanks for the review you wrote of our open-source queue library, it helped us fix the retries."),
    "en_code_review": (sender("Senior Backend Engineer at Grab", "Grab"),
                       "Hi Sarah, your talk on code review habits was great; we changed how we review pull requests after it."),
    "de_umfrage_result": (sender("Engineering Lead bei Zalando", "Zalando"),
                          "Hallo Sarah, unsere Umfrage unter Entwicklern zeigt dasselbe wie Ihr Vortrag über Bereitschaftsdienste."),
    "en_offer_for_you": (sender("Technical Recruiter at Stripe", "Stripe"),
                         "Hi Sarah, I have a staff engineering role that might be something for you; happy to share details."),
    "vi_khao_sat_done": (sender("Kỹ sư backend tại Tiki", "Tiki"),
                         "Chào chị, bên em vừa làm khảo sát về quy trình on-call, kết quả khá giống bài chị viết ạ."),
}


@pytest.mark.parametrize("case", list(HONEST.values()), ids=list(HONEST))
def test_a_survey_or_review_told_of_or_thanked_for_is_no_favour(case):
    assert_not_read_as_a_favour(*case)
