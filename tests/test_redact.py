"""`--redact` (redact.py, issue 13): contact details of every common shape are replaced, in linear time.

Each case is a text and the parts of a contact detail that must not survive redaction; the text
around them must. Written before the fix: 57+ formats seen in connection requests (Vietnamese and
international emails, domains, phone numbers, obfuscations, messenger handles).
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assist.redact import redact_data, redact_text

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CONTACTS = [
    # emails
    ("write to lan.nguyen@gmail.com today", ["lan.nguyen", "gmail"]),
    ("mail: LAN.NGUYEN@GMAIL.COM", ["LAN.NGUYEN", "GMAIL"]),
    ("email lan@bưuđiện.vn please", ["lan@", "bưuđiện"]),
    ("почта ivan@почта.рф", ["ivan@", "почта.рф"]),
    ("liên hệ nguyễn.lan@gmail.com nhé", ["nguyễn", "gmail"]),
    ("contact nguye\u0302\u0303n.lan@gmail.com", ["nguye", "gmail"]),
    ("mail lan＠gmail.com", ["lan", "gmail"]),
    ("mail lan＠gmail．com", ["lan", "gmail"]),
    ("first.last+tag@sub.example.co.uk,", ["first.last", "example"]),
    ("hr@company.work", ["hr@", "company"]),
    ("x_y-z@my-domain.io.", ["x_y-z", "my-domain"]),
    ("lan [at] gmail [dot] com", ["lan", "gmail"]),
    ("lan(at)gmail(dot)com", ["lan", "gmail"]),
    ("lan at gmail dot com", ["lan", "gmail"]),
    ("lan AT gmail DOT com", ["lan", "gmail"]),
    ("lan {at} gmail {dot} com", ["lan", "gmail"]),
    ("lan@gmail[.]com", ["lan", "gmail"]),
    ("lan@gmail(.)com", ["lan", "gmail"]),
    ("lan [@] gmail [.] com", ["lan", "gmail"]),
    ("email mình: lan a còng gmail chấm com", ["lan", "gmail"]),
    ("lan a cong gmail cham com", ["lan", "gmail"]),
    ("lan@gmail dot com", ["lan", "gmail"]),
    ("reach me: 'lan.nguyen'@gmail.com", ["gmail"]),
    ("<lan@gmail.com>", ["lan", "gmail"]),
    ("Reach me at sam.park@example.com", ["sam.park", "example"]),
    # links and domains
    ("see https://evil.example/path?q=1", ["evil.example", "path"]),
    ("HTTPS://EVIL.COM/X", ["EVIL"]),
    ("visit EVIL.COM now", ["EVIL"]),
    ("go to www.evil.example", ["evil"]),
    ("shop at bücher.de/shop", ["bücher", "/shop"]),
    ("xem bưuđiện.vn", ["bưuđiện"]),
    ("trang vnexpress.net và tuoitre.vn", ["vnexpress", "tuoitre"]),
    ("my site lan.work", ["lan.work"]),
    ("сайт почта.рф", ["почта"]),
    ("short link bit.ly/abc123", ["bit.ly", "abc123"]),
    ("chat wa.me/84912345678", ["wa.me", "84912345678"]),
    ("t.me/lan_nguyen here", ["t.me", "lan_nguyen"]),
    ("ftp://files.example.org/a", ["files.example"]),
    ("hxxps://evil[.]com/login", ["evil"]),
    ("evil[.]com", ["evil"]),
    ("evil(dot)com/login", ["evil"]),
    ("portfolio at lan-nguyen.github.io", ["lan-nguyen"]),
    ("company.com.vn/jobs", ["company"]),
    # phone numbers
    ("call 0912 345 678", ["345"]),
    ("call 0912.345.678", ["345"]),
    ("call 0912-345-678", ["345"]),
    ("call 0912/345/678", ["345"]),
    ("call +84 912 345 678", ["345"]),
    ("call +84912345678", ["912345678"]),
    ("call (+84) 912-345-678", ["345"]),
    ("call 84-912-345-678", ["345"]),
    ("call O912 345 678", ["345"]),
    ("call 09l2 345 678".replace("l", "1"), ["345"]),
    ("call 0912 345 67O", ["345"]),
    ("zalo 0912345678", ["0912345678"]),
    ("landline (028) 3822 1234", ["3822"]),
    ("US (555) 123-4567", ["123-4567", "4567"]),
    ("UK +44 20 7946 0958", ["7946"]),
    ("call ０９１２ ３４５ ６７８", ["３４５"]),
    # handles
    ("Telegram @lan_nguyen", ["lan_nguyen"]),
    ("telegram: lan_nguyen", ["lan_nguyen"]),
    ("IG: @lan.nguyen", ["lan.nguyen"]),
    ("Instagram @lanng", ["lanng"]),
    ("WeChat ID: lan_ng88", ["lan_ng88"]),
    ("wechat lanng88", ["lanng88"]),
    ("Zalo: lan.nguyen", ["lan.nguyen"]),
    ("WhatsApp: lanng", ["lanng"]),
    ("Line ID: lanng88", ["lanng88"]),
    ("Skype: live:lan.nguyen", ["lan.nguyen"]),
    ("Signal @lan.01", ["lan.01"]),
    ("Viber: lanng", ["lanng"]),
    ("KakaoTalk ID: lanng", ["lanng"]),
    ("kakao: lanng", ["lanng"]),
    ("add me on tele @lanng99", ["lanng99"]),
    ("follow @lan_nguyen on X", ["lan_nguyen"]),
]


def test_the_list_holds_at_least_57_formats():
    assert len(CONTACTS) >= 57


@pytest.mark.parametrize("text, secrets", CONTACTS, ids=[text for text, _ in CONTACTS])
def test_every_contact_format_is_redacted(text, secrets):
    redacted = redact_text(text)
    for secret in secrets:
        assert secret.lower() not in redacted.lower(), redacted
    assert re.search(r"\[(?:email|url|phone|handle)\]", redacted)


@pytest.mark.parametrize("text", [
    "I led a team of 12 engineers from 2019-2021 and grew revenue to 100.000.000 VND.",
    "Data analyst at Vietcombank, Hanoi. Interested in Python and SQL.",
    "We met at the AWS Summit in Singapore; I would love to connect.",
    "Xin chào anh, em là sinh viên năm 3 tại Đại học Bách khoa.",
    "Node.js and ASP developer, 5 years experience, e.g. backend work.",
    "Call me maybe. At work I do data. Dot product is fun.",
    "Meet at 10:30 on 12.05.2024",
    "Lan Nguyen · Senior Analyst",
])
def test_ordinary_text_is_left_alone(text):
    assert redact_text(text) == text


def test_handles_are_redacted_inside_data_too():
    data = {"note": "Telegram @lan_nguyen", "flags": [{"evidence": "off-platform: \"WeChat ID: lan_ng88\""}]}
    assert "lan_nguyen" not in str(redact_data(data)) and "lan_ng88" not in str(redact_data(data))


ADVERSARIAL = {
    "letters": "a" * 100_000,
    "letters and dots": "a." * 50_000,
    "at signs": "@" * 100_000,
    "letters and at signs": "a@" * 50_000,
    "dotted labels": ("a" * 60 + ".") * 1_600,
    "digits": "1" * 100_000,
    "spaced digits": "1 " * 50_000,
    "digits and dots": "1." * 50_000,
    "email-ish": ("a.b@c" * 20_000),
    "at words": "a at b dot " * 9_000,
    "handles": "Telegram @" * 10_000,
    "escape-ish brackets": "[at](dot)" * 11_000,
    "letter O runs": "0O0o " * 20_000,
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_redaction_is_linear_on_100_kb_of_adversarial_text(name):
    text = ADVERSARIAL[name]
    started = time.perf_counter()
    redact_text(text)
    assert time.perf_counter() - started < 1.0, name


emails = st.builds(lambda user, host, tld: f"{user}@{host}.{tld}", st.from_regex(r"[a-z0-9._]{1,12}", fullmatch=True),
                   st.from_regex(r"[a-z0-9ăâđêôơưàảãáạễệ][a-z0-9ăâđêôơưàảãáạễệ-]{0,11}", fullmatch=True), st.sampled_from(["com", "vn", "рф", "work", "io"]))
phones = st.from_regex(r"(\+84 ?|0)9[0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}", fullmatch=True)
filler = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)


@FAST
@given(st.lists(st.tuples(filler, emails | phones), max_size=5))
def test_fuzz_redacting_is_idempotent_and_leaves_no_email_or_phone(pieces):
    text = " ".join(f"{before} {contact}" for before, contact in pieces)
    once = redact_text(text)
    assert redact_text(once) == once
    assert not re.search(r"[\w.+-]@[\w-]+\.\w", once)
    for _, contact in pieces:
        assert contact not in once
        digits = re.sub(r"\D", "", contact)
        assert len(digits) < 9 or digits not in re.sub(r"\D", "", once.replace(" ", "")) or digits in re.sub(r"\D", "", text.replace(contact, ""))


# -- evidence cut short ------------------------------------------------------------------------------

from assist.config import parse_config  # noqa: E402
from assist.context import RunContext  # noqa: E402
from assist.guidance import load_guidance  # noqa: E402
from assist.models import Request  # noqa: E402
from assist.render import render_messages  # noqa: E402
from assist.signals import extract_signals  # noqa: E402
from helpers import FIXTURES  # noqa: E402


@pytest.mark.parametrize(("note", "pieces"), [
    # the offline evidence quotes a window of the note: here it ends in the middle of the address
    ("Xin chào, để nhận việc anh cần chuyển khoản phí đào tạo 500.000đ trước khi bắt đầu, rồi nhắn qua "
     "Telegram cho bên em theo địa chỉ nguyenthilan.tuyendung.hochiminh a còng gmail chấm com",
     ["nguyenthilan", "tuyendu"]),
    ("To start you must pay the 49 USD onboarding fee first, then message our coordinator on Telegram at "
     "the address recruitment.coordinator.apac.office at gmail dot com",
     ["recruitment.coord", "coordinator.apac"]),
])
def test_the_prompt_shows_no_piece_of_a_detail_that_a_quote_cut_in_two(note, pieces):
    guidance = load_guidance()
    config = parse_config(FIXTURES / "configs" / "analyst-vi.toml")
    request = Request.model_validate({"id": "cut", "sender": {"name": "Lan", "headline": "Recruiter"}, "note": note})
    messages = render_messages(request, extract_signals(request, config, guidance), RunContext(config, guidance, redact=True))
    prompt = "\n".join(message["content"] for message in messages)
    assert not [piece for piece in pieces if piece in prompt], prompt
