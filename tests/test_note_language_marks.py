"""The offline engine's cheap note language (text.detect_language): the accents Portuguese,
Spanish, French and Italian share with Vietnamese do not make a note Vietnamese."""

import pytest

from assist.text import detect_language


@pytest.mark.parametrize("note", [
    "Olá Sarah, vi a sua palestra sobre sistemas distribuídos e gostaria de conectar.",
    "Hola Marta, vi tu charla en la conferencia, me encantaría conectar.",
    "Bonjour Nadia, j'ai lu votre article sur la conformité, ravi d'échanger.",
    "Ciao Marta, è stato un piacere conoscerti a Milano, già che ci sei.",
    "Olá! Você é a responsável pela área de dados? Gostaria de trocar experiências.",
])
def test_romance_accents_are_not_vietnamese(note):
    assert detect_language(note) != "vi"


@pytest.mark.parametrize("note", [
    "Chào anh, em là sinh viên năm ba",  # only à, shared: read by its words
    "Chào chị, em là Lan",
    "Cám ơn anh đã chia sẻ",
    "Xin chào, rất vui được kết nối với anh",
    "Chao anh, em la sinh vien, mong duoc ket noi",  # no marks at all
])
def test_vietnamese_stays_vietnamese(note):
    assert detect_language(note) == "vi"
