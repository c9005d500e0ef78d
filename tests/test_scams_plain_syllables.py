"""A Vietnamese word typed without diacritics is read as the word it stands for only when it is
more than one syllable ("tai khoan" for "tài khoản", "tam khoa" for "tạm khóa"): a lone syllable
without its marks has too many readings ("khoa" is a faculty, a thesis's "khóa luận" and "khóa", a
lock; "vi" is "ví", a wallet, and "vì", "vị trí", "ví dụ"). Sentences my own."""

from __future__ import annotations

import pytest

from helpers import persona, request, scam_signs, screen

HONEST_PLAIN = [
    "Em chao anh, khoa luan cua em ve thi phan vi dien tu, em rat mong duoc hoi anh vai cau a.",
    "Chao chi, em hoc khoa Tai chinh, dang tim hieu ve vi tri phan tich va rat muon hoc hoi chi.",
    "Chao anh, minh lam san pham vi dien tu o MoMo, doc bai anh viet ve khoa hoc du lieu thay hay qua.",
]


@pytest.mark.parametrize("note", HONEST_PLAIN)
def test_lone_syllables_without_marks_are_no_scam_sign(note):
    assert not scam_signs(note), scam_signs(note)


def test_the_student_is_not_reported():
    result = screen(request(HONEST_PLAIN[0], headline="Sinh vien nam 4 Tai chinh - Ngan hang, NEU",
                            company="Dai hoc Kinh te Quoc dan", has_photo=True, connections=120, mutual_connections=1),
                    persona("analyst-vi"))
    assert not result.report, [(flag.id, flag.evidence) for flag in result.flags]


@pytest.mark.parametrize("note", [
    "Tài khoản ví của anh đã bị khóa do hoạt động bất thường, vui lòng xác minh ngay.",
    "Tai khoan cua anh da bi tam khoa do hoat dong bat thuong, vui long xac minh ngay tai day.",
])
def test_an_account_notice_is_still_read_with_or_without_marks(note):
    assert scam_signs(note), "an account notice should be read"
