"""Issue 10, scams by converging evidence, parity across languages (my own sentences, by concept):

- secrecy asked with a verb of discussing or commenting ("no lo comentes con nadie", "đừng trao
  đổi với ai"), beside a move to a messaging app: two signs, a scam;
- a fee priced in a Chinese currency word ("1,200 美元", "500 美金"): an amount, as "$1,200" is;
- a data room or a shared folder behind the reader's work login ("im Datenraum, bitte mit deinem
  Okta-Login öffnen"): a credential request;
- an installer to run ("скачайте setup.exe и запустите"): software to install.
The sender who speaks of their own data room, installer or confidentiality raises none of these."""

from __future__ import annotations

import pytest

from helpers import scam_signs


def signs(note: str):
    return scam_signs(note, headline="Director", connections=400, mutual_connections=3)


SECRET_AND_OFF_PLATFORM = [
    "Hablemos por Telegram (@dv_sg); por favor no lo comentes con nadie de tu empresa.",
    "Anh nhắn Zalo cho em số 0909 nhé, đừng trao đổi với ai trong phòng về việc này.",
    "Parlons sur WhatsApp, et merci de ne pas en discuter avec qui que ce soit chez vous.",
    "Schreib mir auf Telegram (@hk_berlin) und sprich bitte mit niemandem im Team darüber.",
    "Vamos falar pelo WhatsApp; por favor não comente com ninguém da sua equipe.",
    "Scrivimi su Telegram e per favore non parlarne con nessuno in ufficio.",
    "Lanjut di WhatsApp ya, tolong jangan ceritakan ke siapa pun di kantor.",
    "Давайте перейдём в Telegram, и, пожалуйста, никому в команде не упоминайте об этом.",
]


@pytest.mark.parametrize("note", SECRET_AND_OFF_PLATFORM)
def test_secrecy_asked_beside_a_messaging_app_is_two_signs(note):
    found = signs(note)
    assert {"off_platform", "urgency"} <= set(found), (note, found)


FEES_IN_CHINESE_CURRENCY_WORDS = [
    "供应商准入审核费 1,200 美元，请今天付款。",
    "入会费 500 美金，请先付款锁定名额。",
    "報名費 3,000 港幣，請先轉帳。",
]


@pytest.mark.parametrize("note", FEES_IN_CHINESE_CURRENCY_WORDS)
def test_a_fee_priced_in_a_chinese_currency_word_is_an_amount(note):
    found = signs(note)
    assert set(found) & {"money", "fee"}, (note, found)


def test_a_data_room_behind_the_readers_work_login_is_a_credential_request():
    found = signs("Die Unterlagen liegen in unserem Datenraum, bitte mit deinem Corvid-Okta-Login öffnen.")
    assert any(sign.strong for sign in found.values()), found
    found = signs("The contracts are in our data room; please open them with your company SSO login.")
    assert any(sign.strong for sign in found.values()), found


INSTALLERS = [
    "Портфолио — приложение: скачайте setup.exe по ссылке и запустите на рабочем ноутбуке.",
    "My portfolio is an app: download portfolio_setup.exe from the link and run it on your work laptop.",
    "Tải file portfolio.exe ở link trong hồ sơ rồi chạy trên máy công ty nhé.",
]


@pytest.mark.parametrize("note", INSTALLERS)
def test_an_installer_to_run_is_software_to_install(note):
    assert "software" in signs(note), note


HONEST = [
    "We keep our deal documents in a data room; happy to walk you through how we set it up.",
    "I maintain the Windows installer (setup.exe) for our open-source CLI; would love to compare release tooling.",
    "Our clients' data is confidential, so I can't share names, but I'd love to swap notes on fraud rules.",
    "Tôi phụ trách bảo mật dữ liệu khách hàng ở VNPay, rất muốn trao đổi với anh về quy trình.",
]


@pytest.mark.parametrize("note", HONEST)
def test_a_sender_speaking_of_their_own_data_room_installer_or_confidentiality_raises_no_scam(note):
    found = signs(note)
    assert not any(sign.strong for sign in found.values()) and len(found) < 2, (note, found)
