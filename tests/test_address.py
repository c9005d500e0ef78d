"""Issue 11, Vietnamese address (xưng hô): the sender's own words decide the pair, then a title or
seniority, then the user's defaults; gender only from "Thị" or "Văn"; a junior user thanks with "ạ"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.address import vietnamese_address
from assist.config import Me, UserConfig
from assist.draft import draft_reply
from helpers import request


def minh(**me) -> UserConfig:
    fields = dict(name="Đặng Khắc Minh", headline="Market analyst at Viet Pro Finance", language="vi",
                  reply_language="vi", signature="Minh")
    fields.update(me)
    return UserConfig(me=Me(**fields))


CASES = [
    # (note, sender name, headline, config, you, me)
    ("Chào chị, em là sinh viên năm cuối ngành tài chính, mong được học hỏi từ chị.", "Lê Thu Trang", None, {}, "em", "chị"),
    ("Chao anh, em la sinh vien nam cuoi, mong duoc ket noi voi anh a.", "Pham Quoc Bao", None, {}, "em", "anh"),
    ("Kính gửi thầy, em là cựu sinh viên lớp K60 của thầy ạ.", "Võ Minh Tâm", None, {}, "em", "thầy"),
    ("Chào bạn, mình là Hà, đang làm data ở MoMo, kết nối nhé!", "Ngô Thu Hà", None, {}, "bạn", "mình"),
    ("Chào em, anh là Hùng, tuyển dụng ở VNPay, muốn trao đổi với em về một vị trí.", "Trần Văn Hùng", None, {}, "anh", "em"),
    ("Chào em, chị là Lan, trưởng phòng phân tích ở SSI.", "Nguyễn Thị Lan", None, {}, "chị", "em"),
    (None, "Nguyễn Văn Hùng", "Trưởng phòng Phân tích tại VNPay", {}, "anh", "tôi"),
    (None, "Trần Thị Bích", "Director of Research at MoMo", {}, "chị", "tôi"),
    (None, "Thanh Linh", "Director of Research at MoMo", {}, "anh/chị", "tôi"),
    (None, "Thanh Linh", "Analyst at MoMo", {}, "anh/chị", "tôi"),
    (None, "Thanh Linh", "Analyst at MoMo", {"vi_address": "bạn", "vi_self": "mình"}, "bạn", "mình"),
    (None, "Thanh Linh", "Head of Data at MoMo", {"vi_address": "bạn", "vi_self": "mình"}, "anh/chị", "mình"),
    ("Hi Minh, I'm a data analyst at MoMo, would love to connect.", "Thanh Linh", "Analyst at MoMo", {}, "anh/chị", "tôi"),
    # a vocative ("chị ơi") calls the reader; the writer's pronoun as an object ("với em") is theirs
    ("chị ơi cho em kết nối với nha", "Đỗ Hải Yến", None, {}, "em", "chị"),
    ("Anh ơi, kết nối với em nhé, em cũng làm phân tích ạ", "Lý Gia Huy", None, {"vi_self": "tôi"}, "em", "anh"),
    ("anh oi ket noi voi em nha", "Ngo Bao Chau", None, {}, "em", "anh"),
    ("Thầy ơi, thầy còn nhớ em không ạ?", "Phan Thu Thảo", None, {}, "em", "thầy"),
    # kinship pronouns: a much younger sender is "cháu" to a "chú"/"bác", a pupil "con" to a "cô"
    ("Cháu chào chú ạ, cháu là sinh viên năm cuối, muốn xin lời khuyên về nghề phân tích.", "Lê Thu Trang", None, {}, "cháu", "chú"),
    ("Chào bác, cháu là cháu của chú Tư, đang học ngành tài chính.", "Đỗ Minh Khôi", None, {}, "cháu", "bác"),
    ("Con chào cô ạ, con là học trò cũ lớp 12A của cô.", "Phạm Ngọc Ánh", None, {}, "con", "cô"),
    # a noun "con" is no pronoun: "những con số" says nothing about the writer
    ("Chào chị, những con số trong bài của chị rất thuyết phục, em muốn hỏi thêm.", "Lê Thu Trang", None, {}, "em", "chị"),
    # the abbreviations of chat ("a" anh, "c" chị, "e" em), in a note typed with diacritics
    ("Chào a, e là sv năm 3 ĐH Kinh tế, mong được a chỉ giáo thêm ạ.", "Lê Thu Trang", None, {}, "em", "anh"),
    ("Chào c, e đang tìm hiểu ngành phân tích, mong được kết nối với c ạ", "Lê Thu Trang", None, {}, "em", "chị"),
    # a sender who calls the user "chị" but themselves "mình": respect, not "bạn"
    ("Chào chị, mình là Hải, rất vui được làm quen.", "Đỗ Hải", None, {}, "anh/chị", "tôi"),
    # "anh chị" together calls the reader without a gender: the user keeps their own elder word,
    # or says "mình"; never the stiff "tôi" (nor "em") to a sender who is "em"
    ("Em chào anh chị ạ, em mới ra trường, mong được học hỏi.", "Phạm Quang", None, {}, "em", "mình"),
    ("Em chao anh chi a, em moi ra truong.", "Pham Quang", None, {}, "em", "mình"),
    ("Em chào anh chị, em là sinh viên năm hai.", "Phạm Quang", None, {"vi_self": "em"}, "em", "mình"),
    ("Em chào anh chị, em là sinh viên năm hai.", "Phạm Quang", None, {"vi_self": "chị"}, "em", "chị"),
    ("Em chào anh chị, em là sinh viên năm hai.", "Phạm Quang", None, {"vi_self": "mình"}, "em", "mình"),
    # no greeting word at all: the sender's "em" still makes the user the elder
    ("Em là sinh viên năm ba, em muốn học hỏi kinh nghiệm phân tích.", "Phạm Quang", None, {}, "em", "mình"),
    ("Cháu là sinh viên, cháu muốn xin lời khuyên ạ.", "Phạm Quang", None, {"vi_self": "anh"}, "cháu", "anh"),
    # a title or a senior role rules out "bạn" even where it is the user's default: a lawyer's "LS."
    # (not kept in the greeting), a role in the name's tail, a senior headline in Vietnamese
    (None, "LS. Phùng Quang Đạt", None, {"vi_address": "bạn"}, "anh/chị", "tôi"),
    (None, "Đinh Quang Huy – Giám đốc Khối Bán lẻ", None, {"vi_address": "bạn"}, "anh/chị", "tôi"),
    (None, "Đinh Quang Huy | Head of Risk", None, {"vi_address": "bạn"}, "anh/chị", "tôi"),
    (None, "Đinh Quang Huy", "Trưởng ban Kiểm soát tại PVN", {"vi_address": "bạn"}, "anh/chị", "tôi"),
    (None, "Đinh Quang Huy", "Trưởng khoa Tài chính, ĐH Kinh tế", {"vi_address": "bạn"}, "anh/chị", "tôi"),
    (None, "Đinh Quang Huy", "Luật sư thành viên tại Baker McKenzie", {"vi_address": "bạn"}, "anh/chị", "tôi"),
    # "ThS." and "KS." do not change the pair
    (None, "ThS. Đinh Quang Huy", None, {"vi_address": "bạn"}, "bạn", "tôi"),
    (None, "KS. Đinh Quang Huy", None, {"vi_address": "bạn"}, "bạn", "tôi"),
    # a gender the name says plainly comes before the user's default "bạn"
    (None, "Đinh Thị Huyền", None, {"vi_address": "bạn"}, "chị", "tôi"),
    (None, "Dinh Van Huy", None, {"vi_address": "bạn"}, "anh", "tôi"),
    # a user who said they are "chị" is not made "anh" by a sender's guess
    ("Chào anh, em là sinh viên năm cuối, mong được kết nối.", "Lê Thu Trang", None, {"vi_self": "chị"}, "em", "chị"),
    # the reader called by pronoun and name, before "ơi" or a comma, with no greeting word; "em bên
    # …" ("em at …") is the writer's own pronoun
    ("Chị Hạnh ơi, em bên phòng kinh doanh MoMo, muốn hỏi chị một chút ạ.", "Vũ Thanh Tâm", None, {}, "em", "chị"),
    ("Anh Minh, em bên nhóm dữ liệu của Tiki, mong được kết nối với anh.", "Vũ Thanh Tâm", None, {"vi_self": "tôi"}, "em", "anh"),
    # a sender who writes the formal "tôi", or who holds a doctorate or a professorship, is not
    # answered with the user's casual "mình": "tôi" keeps the register they set
    ("Chào anh Minh, tôi là Cường, giảng viên tài chính, có nghe anh trình bày ở hội thảo tuần trước.",
     "PGS.TS. Hoàng Văn Cường", "Phó Trưởng khoa Tài chính", {"vi_self": "mình", "vi_address": "bạn"}, "anh", "tôi"),
    (None, "TS. Trần Thị Bích", None, {"vi_self": "mình", "vi_address": "bạn"}, "chị", "tôi"),
]


@pytest.mark.parametrize(("note", "name", "headline", "config", "you", "me"), CASES)
def test_the_pair_a_reply_uses(note, name, headline, config, you, me):
    address = vietnamese_address(minh(**config), request(note, name=name, headline=headline))
    assert (address.you, address.me) == (you, me)


def test_a_junior_user_thanks_with_the_particle_and_a_senior_does_not():
    junior = vietnamese_address(minh(), request("Chào em, anh là Hùng, tuyển dụng ở VNPay.", name="Trần Văn Hùng"))
    senior = vietnamese_address(minh(), request("Chào chị, em là sinh viên năm cuối.", name="Lê Thu Trang"))
    assert junior.particle == " ạ" and senior.particle == ""


def test_a_doctorate_is_kept_in_the_greeting():
    text = draft_reply(request(None, name="TS. Trần Thị Bích", headline="Giảng viên tại NEU"), minh()).text
    assert text.splitlines()[0] == "Chào TS. Bích,", text
    assert "chị" in text and "bạn" not in text, text


@pytest.mark.parametrize(("note", "name", "first_line", "words", "not_words"), [
    ("Chào chị, em là sinh viên năm cuối ngành tài chính.", "Lê Thu Trang", "Chào em Trang,", ["em", "chị"], ["bạn", "tôi"]),
    ("Chào em, anh là Hùng, tuyển dụng ở VNPay.", "Trần Văn Hùng", "Chào anh Hùng,", ["Em cảm ơn anh", "ạ"], ["bạn", "tôi"]),
    (None, "Nguyễn Văn Hùng", "Chào anh Hùng,", ["anh", "tôi"], ["bạn"]),
])
def test_the_draft_speaks_in_that_pair(note, name, first_line, words, not_words):
    text = draft_reply(request(note, name=name, headline="Analyst at MoMo"), minh()).text
    assert text.splitlines()[0] == first_line, text
    body = text.split("\n", 1)[1]
    for word in words:
        assert word in body, (word, text)
    for word in not_words:
        assert f" {word} " not in f" {body} ", (word, text)


@pytest.mark.parametrize("kind", ["clarify", "decline", "welcome"])
def test_no_vietnamese_draft_says_the_same_thing_twice(kind):
    text = draft_reply(request(None, name="Nguyễn Văn Hùng"), minh(), kind).text
    assert text.count("Cảm ơn") + text.count("cảm ơn") <= 1, text
    assert "Rất vui được kết nối" not in text, text


# -- the readers looked up by word (issue 10, offline speed): the same answers as reading every position

def _pair_by_every_position(note, words):
    """The note's pair read as before the index: every greeting tried at every position."""
    from assist.address import WORD, fold, has_diacritics

    if not note:
        return None, None
    tokens = [token.lower() for token in WORD.findall(note)]
    plain = not has_diacritics(note)
    key = (lambda word: fold(word)) if plain else (lambda word: word)
    seen = [key(token) for token in tokens]
    readers = {key(word): word for word in words.reader}
    selves = {key(word): word for word in words.self}
    if plain:
        selves = {k: v for k, v in selves.items() if k in ("em", "toi")}
    reader = writer = None
    greeted: set[int] = set()
    for greeting in words.greetings:
        g = tuple(key(word) for word in greeting)
        for start in range(len(seen) - len(g)):
            if tuple(seen[start:start + len(g)]) == g and seen[start + len(g)] in readers:
                greeted.add(start + len(g))
                if reader is None:
                    reader = readers[seen[start + len(g)]]
    vocatives = {key(word) for word in words.vocatives}
    raw = WORD.findall(note)
    for index, token in enumerate(seen[:-1]):
        named = index + 2 < len(seen) and raw[index + 1][:1].isupper() and seen[index + 2] in vocatives
        if reader is None and token in readers and (seen[index + 1] in vocatives or named):
            reader = readers[token]
            greeted.add(index)
    # called by pronoun and a capitalised name, then a comma, at the very start
    first_two = note.split(None, 2)
    if reader is None and seen and seen[0] in readers and len(first_two) >= 2 and key(first_two[0].lower()) in readers \
            and first_two[1].rstrip(",!").isalpha() and first_two[1][:1].isupper() and \
            (first_two[1].endswith((",", "!")) or (len(first_two) > 2 and first_two[2][:1] in ",!")):
        reader = readers[seen[0]]
        greeted.add(0)
    verbs = {key(word) for word in words.self_verbs}
    for index, token in enumerate(seen[:-1]):
        if index not in greeted and token in selves and seen[index + 1] in verbs and selves[token] != reader:
            writer = selves[token]
            break
    if writer is None and reader is not None:
        writer = next((selves[token] for index, token in enumerate(seen)
                       if index not in greeted and token in selves and selves[token] != reader), None)
    return reader, writer


PIECES = ["chào", "xin chào", "kính gửi", "gửi", "dear", "hi", "anh", "chị", "em", "bạn", "mình", "tôi", "là", "ơi", "với",
          "đang", "chao", "em la", "toi", "chi", "giám đốc", "head", "director", "of", "data", "Minh", ",", ".", "ạ"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_note_and_headline_read_by_word_as_by_every_position(pieces):
    from assist.address import _pair_in_note, _senior, _words, WORD

    text = " ".join(pieces)
    words = _words()
    assert _pair_in_note(text, words) == _pair_by_every_position(text, words)
    tokens = [token.lower() for token in WORD.findall(text)]
    assert _senior(text, words) == any(tuple(tokens[start:start + len(phrase)]) == phrase
                                       for phrase in words.seniority for start in range(len(tokens) - len(phrase) + 1))
