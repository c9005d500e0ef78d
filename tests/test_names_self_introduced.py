"""Issue 11: the name a sender introduces themselves by in their note ("em là Hà", "I'm Linh")
settles which word of their name to greet, where the name alone leaves it open ("Thu Hà" may be
written given-name first or last; "Linh Nguyen" is family-name last). Only a word of the
sender's own name counts: a note that names someone else changes nothing. A title tail after a
comma ("Tomasz Wiśniewski, prof. PW") is not a given name. And a note's own pronouns between old
classmates ("tớ" / "cậu") make the reply's pair. My own cases, by concept."""

from __future__ import annotations

import pytest

from assist.address import vietnamese_address
from assist.names import greeting_name
from helpers import request, user

INTRODUCED = [
    ("🌸 Thu Hà 🌸", "Chào anh ạ, em là Hà bên Alpha Finance Academy.", "vi", "Hà"),
    ("Hà Thu", "Chào chị, em là Thu, sinh viên năm cuối.", "vi", "Thu"),
    ("Linh Nguyen", "Hi Sarah, I'm Linh from the Grab data team.", "en", "Linh"),
    ("Nguyen Linh", "Hello! My name is Linh, we met at PyCon APAC.", "en", "Linh"),
    ("Maria Garcia Lopez", "Hola Marta, soy María, de logística en Inditex.", "es", "Maria"),
]


@pytest.mark.parametrize("name, note, language, expected", [row for row in INTRODUCED if row[1]])
def test_the_name_a_sender_introduces_themselves_by_is_greeted(name, note, language, expected):
    assert greeting_name(name, language, note=note) == expected


@pytest.mark.parametrize("name, note, language, expected", [
    ("Mark Jones", "Hi Sarah, I'm writing on behalf of Anna Lee, our CTO.", "en", "Mark"),
    ("Thanh Linh", "Chào anh, em là sinh viên Bách khoa.", "vi", "Linh"),
    ("Sarah Klein", None, "en", "Sarah"),
])
def test_a_note_that_names_no_word_of_the_senders_name_changes_nothing(name, note, language, expected):
    assert greeting_name(name, language, note=note) == expected


@pytest.mark.parametrize("name, expected", [
    ("dr hab. inż. Tomasz Wiśniewski, prof. PW", "Tomasz"),
    ("Tomasz Wiśniewski, prof. PW", "Tomasz"),
    ("Anna Nowak, Dr. hab.", "Anna"),
    ("Klein, Dr. Sarah", "Sarah"),
])
def test_a_title_after_the_comma_is_a_tail_not_a_given_name(name, expected):
    assert greeting_name(name, "en") == expected


@pytest.mark.parametrize("note", [
    "Ê Minh, tớ Huyền lớp 12A1 Chu Văn An đây! Lâu lắm rồi không gặp, thấy cậu trên LinkedIn nên kết nối cho vui nha.",
    "Chào cậu, tớ là Nam, hồi trước ngồi cạnh cậu ở lớp Anh văn đó.",
])
def test_old_classmates_tu_and_cau_are_answered_in_kind(note):
    address = vietnamese_address(user(language="vi"), request(note, name="Lương Thanh Huyền", headline="Marketing Manager"))
    assert (address.you, address.me) == ("cậu", "tớ")
