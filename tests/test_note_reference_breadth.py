"""A note that names the user's own work (a post, an article, a talk) says why it was sent
(personalized_note), in the ways people write it beyond the textbook: a Chinese title in book-title
marks after "read what you wrote", Vietnamese that mixes in the English "post" and "follow". The
sentences are my own; none comes from an eval file. A note about the sender's own post does not
count: it names no work of the reader's."""

from __future__ import annotations

import pytest

from helpers import request, screen, user


def note_flags(note: str) -> set[str]:
    return {flag.id for flag in screen(request(note, headline="Data analyst at MoMo", company="MoMo"),
                                       user("balanced")).flags}


@pytest.mark.parametrize("note", [
    "你好，我读了你写的《跨境支付的风险模型》，很受启发，希望以后多交流。",
    "您好，看了您在知乎发的《数据团队怎么招人》，想请教几个问题。",
    "Em follow chị lâu rồi, mấy post về thanh toán QR của chị rất hay ạ.",
    "Em đọc post của anh về định giá cổ phiếu ngân hàng, muốn hỏi thêm về số liệu.",
    "Mình có xem bài post của bạn về dbt và data contract, thấy rất thực tế.",
])
def test_a_note_naming_the_users_work_says_why(note):
    assert "personalized_note" in note_flags(note), note


@pytest.mark.parametrize("note", [
    "Em mới viết một post về thanh toán QR, anh xem giúp em được không ạ?",
    "我最近写了《支付入门》这本书，想送你一本。",
])
def test_a_note_about_the_senders_own_post_names_no_work_of_the_readers(note):
    from assist.guidance import load_guidance
    from assist.text import Text
    lexicon = load_guidance().lexicons["content_reference"]
    assert not lexicon.phrases.find_all(Text.of(note)), note
