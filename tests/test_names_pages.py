"""Issue 11: a company or a department page is greeted by no name ("DHL Supply Chain | Parcerias",
"VNID - Giải pháp Định danh"); a name in another script with its Latin form in parentheses is
greeted, in a reply written in Latin letters, by the Latin form's given name ("이서연 (Seoyeon Lee)" →
"Seoyeon"), and by the name as written in a reply in its own script. My own names."""

from __future__ import annotations

import pytest

from assist.names import greeting_name


@pytest.mark.parametrize("name, language", [
    ("DHL Supply Chain | Parcerias", "pt"),
    ("Maersk Logistics – Partnerships", "en"),
    ("VNID - Giải pháp Định danh", "vi"),
    ("FPT Giải pháp Doanh nghiệp", "vi"),
    ("Kuehne+Nagel Soluciones Logísticas", "es"),
])
def test_a_page_is_greeted_by_no_name(name, language):
    assert greeting_name(name, language) is None


@pytest.mark.parametrize("name, language, given", [
    ("이서연 (Seoyeon Lee)", "en", "Seoyeon"),
    ("王小明 (Xiaoming Wang)", "en", "Xiaoming"),
    ("鈴木 美咲 (Misaki Suzuki)", "fr", "Misaki"),
    ("王小明 (Xiaoming Wang)", "zh", "王小明"),
    ("Nguyễn Thị Hương (Rose)", "vi", "Hương"),
    ("Mai Phuong Thao", "vi", "Thao"),
])
def test_a_latin_form_in_parentheses_is_used_in_a_latin_reply(name, language, given):
    assert greeting_name(name, language) == given
