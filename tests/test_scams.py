"""Scams by converging evidence (issue 10): signs of what a text does to its reader, never a profession's words.

A sign is something the text asks of, promises to, or tells the reader: credentials or money asked
for, returns promised, software to install, the talk moved off LinkedIn, pressure or secrecy, a
voice borrowed from LinkedIn or an employer, a look-alike link, a task or job too good to be true,
flattery of the reader's looks. One unambiguous sign, or two kinds of sign, is a scam (ignore and
report); one ambiguous sign alone is at most doubt (ask, never a report). The same words in a
sender's account of their own work are no sign at all.
"""

from __future__ import annotations

import time

import pytest

from assist.guidance import load_guidance
from assist.scams import read_signs
from helpers import analyst, request, screen, user

PROFILE = dict(
    headline="Senior Backend Engineer at Stripe", company="Stripe", industry="Software",
    location="Singapore", has_photo=True, connections=600, mutual_connections=12,
    experience=[{"title": "Backend Engineer", "company": "Stripe", "years": 4}],
)
FINANCE_PROFILE = dict(
    headline="Risk Analyst at VPBank", company="VPBank", industry="Banking", location="Hanoi, Vietnam",
    has_photo=True, connections=800, mutual_connections=9,
    experience=[{"title": "Risk Analyst", "company": "VPBank", "years": 5}],
)


def flags(result) -> set[str]:
    return {flag.id for flag in result.flags}


def kinds(note: str | None, config=None, **sender) -> set[str]:
    return set(read_signs(request(note, **{**PROFILE, **sender}), config or user(), load_guidance()))


def assert_reported(result) -> None:
    assert result.verdict == "ignore" and result.report is True, (result.verdict, result.flags)
    assert "scam_or_phishing" in flags(result)


# --- each kind of sign, in a scam, in several languages --------------------------------------

SCAMS = {
    "credentials": [
        # English: identity documents, a code sent by SMS, an access token, a recovery phrase.
        "Congratulations, you passed our screening for the analyst role. Please send a scan of your passport "
        "and both sides of your ID card so HR can prepare the contract.",
        "Hi, I typed your phone number by mistake when signing up. You will get a 6-digit code by SMS, can you "
        "forward it to me?",
        "Our integration team needs your GitHub personal access token to finish the migration, just paste it here.",
        "To receive the airdrop, connect your wallet and confirm your 12-word recovery phrase on the claim page.",
        # Vietnamese, with and without diacritics.
        "Chúc mừng bạn đã trúng tuyển. Vui lòng gửi ảnh chụp hai mặt căn cước công dân và số tài khoản ngân "
        "hàng để bộ phận nhân sự làm hợp đồng.",
        "Chuc mung ban da trung tuyen. Vui long gui anh chup hai mat can cuoc cong dan va so tai khoan ngan "
        "hang de lam hop dong.",
        "Em lỡ đăng ký nhầm số điện thoại của anh, anh đọc giúp em mã OTP vừa gửi về máy nhé.",
        # Spanish, Italian, Russian, Indonesian, Korean.
        "Para liberar tu pago, envíanos una foto de tu pasaporte y el número de tu tarjeta.",
        "Per completare l'assunzione ci serve il codice OTP che ti arriverà via SMS, inviacelo subito.",
        "Для получения выплаты отправьте нам код из СМС и номер вашей карты.",
        "Mohon kirimkan foto KTP dan nomor rekening Anda agar gaji pertama bisa segera diproses.",
        "본인 확인을 위해 문자로 받은 인증번호를 보내주세요.",
    ],
    "money": [
        "You have been selected for the remote analyst role. A refundable equipment deposit of USD 150 is "
        "required before onboarding.",
        "I'm stuck in a board meeting and can't call. Buy four Apple gift cards of $100 each and send me the "
        "codes, I'll pay you back tonight.",
        "Anh vui lòng nộp 2 triệu phí đào tạo trước khi nhận việc, phí sẽ được hoàn lại sau tháng đầu.",
        "Anh vui long nop 2 trieu phi dao tao truoc khi nhan viec, phi se duoc hoan lai sau thang dau.",
        "Bitte überweisen Sie die Bearbeitungsgebühr von 250 Euro, damit wir Ihre Bewerbung weiterleiten können.",
        "恭喜您通过初试，请先支付500元培训押金，我们收到后安排入职。",
        "กรุณาโอนค่าธรรมเนียม 500 บาท เพื่อยืนยันการสมัครงาน",
        "Pour valider votre embauche, merci de régler les frais de dossier de 90 euros avant vendredi.",
    ],
    "returns": [
        "Our members earn a guaranteed 4% every week with zero risk, and you can withdraw anytime.",
        "Quỹ của chị cam kết lợi nhuận 5% mỗi tuần, không rủi ro, em tham gia thử nhé.",
        "Ganhe 5% ao dia com nosso robô de investimentos, lucro garantido.",
        "この投資なら元本保証で毎月10%の利益が確実です。あなたも始めませんか。",
    ],
    "impersonation": [
        "LinkedIn Trust Team here: we noticed a sign-in from a new device and your account will be suspended "
        "today unless you confirm ownership.",
        "Votre compte LinkedIn sera suspendu sous 24 heures si vous ne confirmez pas votre identité.",
        "Tài khoản LinkedIn của bạn có hoạt động bất thường và sẽ bị khóa vĩnh viễn nếu không xác minh.",
        "アカウントが制限されました。24時間以内に本人確認を行ってください。",
    ],
    "link": [
        "Here is the deck we discussed: https://www.linkedln.com/files/deck-2027",
        "Your invitation is waiting at http://linked1n-invites.com/open",
        "Xem chi tiết tại https://linkedin-verify.xyz/vn nhé anh.",
        "Your connection request is waiting at https://linkedin.com.account-review.info/login",
    ],
}


@pytest.mark.parametrize("kind, note", [(kind, note) for kind, notes in SCAMS.items() for note in notes])
def test_one_unambiguous_sign_is_a_scam_whatever_the_profile(kind, note):
    assert kind in kinds(note)
    config = user(openness="open")
    config.policy.always_accept = ["Stripe"]  # not even the user's own list lets it in
    assert_reported(screen(request(note, **PROFILE), config))


@pytest.mark.parametrize("note, expected", [
    # Moving off LinkedIn + promised returns.
    ("Our private signals group made 4% a week all year. Join us on Telegram @alpha_signals_vip.",
     {"returns", "off_platform"}),
    ("Nhom dau tu cua chi lai 3% moi tuan, em vao nhom Zalo 0912 345 678 de chi huong dan nhe.",
     {"returns", "off_platform"}),
    # A paid task + moving off LinkedIn.
    ("Earn 50 to 200 dollars daily by liking videos and rating apps from your phone. Message our coordinator "
     "on WhatsApp +1 202 555 0175.", {"task", "off_platform"}),
    # A job too good to be true + pressure.
    ("We can offer you USD 9,000 per week for a remote assistant job with no interview. Confirm within 12 hours "
     "or the position goes to the next candidate.", {"task", "urgency"}),
    # Flattery of the reader's looks + moving off LinkedIn.
    ("Hi dear, your smile in your profile photo is so lovely. Can we continue on Google Chat instead?",
     {"romance", "off_platform"}),
    # Software to install + a paid task.
    ("Download our rating app from the link and complete 30 easy review tasks a day for commission.",
     {"software", "task"}),
    # Spanish: returns + off-platform; Indonesian: task + urgency + off-platform; Chinese: returns + off-platform.
    ("Mis alumnos duplican su capital en 30 días. Escríbeme por WhatsApp al +34 612 345 678.",
     {"returns", "off_platform"}),
    ("Kerja paruh waktu dari HP, cukup kasih rating produk, komisi Rp500.000 per hari. Slot terbatas, hubungi "
     "admin di Telegram @kerja_mudah_id.", {"task", "urgency", "off_platform"}),
    ("我们的投资群每周收益8%，加我微信 abc_invest888 带你一起赚。", {"returns", "off_platform"}),
])
def test_two_kinds_of_sign_make_a_scam(note, expected):
    assert expected <= kinds(note)
    assert_reported(screen(request(note, **PROFILE), user(openness="open")))


@pytest.mark.parametrize("note, expected", [
    # Secrecy asked (the telling denied, or no one to tell) + moving off LinkedIn.
    ("I have a private offer worth your while. Text me on Signal tonight and don't mention it to your boss.",
     {"urgency", "off_platform"}),
    ("Предложение срочное. Напишите мне в Telegram сегодня и никому не говорите об этом.", {"urgency", "off_platform"}),
    # A code named in one sentence, asked for in the next.
    ("You will receive a 6-digit code by SMS in a minute. Please read me that code.", {"credentials"}),
    # Large returns boasted + a group to join.
    ("My clients made 250% this year with my signals. Join my Telegram group before the doors close.",
     {"returns", "off_platform"}),
    # A fake invoice: a changed bank account.
    ("Your invoice 2231 is overdue. Our bank details have changed, please pay EUR 4,200 to the new IBAN today.",
     {"money"}),
    # An inheritance out of nowhere + secrecy.
    ("A client with your surname died without heirs and left 3 million. Keep this strictly confidential.",
     {"windfall", "urgency"}),
])
def test_more_kinds_of_sign(note, expected):
    assert expected <= kinds(note)
    assert_reported(screen(request(note, **PROFILE), user(openness="open")))


@pytest.mark.parametrize("note", [
    "Hi! We pay 40 USD per task for liking TikTok videos. Add our coordinator on Telegram @likes_coord_77 to start.",
    "Olá, você foi selecionada sem entrevista para uma vaga remota de 2.000 € por semana. Fale comigo no WhatsApp.",
    "こんにちは。副業で毎日1万円稼げます。LINEで詳細をお伝えしますので追加してください。",
    "Ciao, investi 200 € nella nostra piattaforma e ricevi un rendimento garantito del 10% a settimana.",
    "안녕하세요. 투자 리딩방에 초대합니다. 매일 수익 5% 보장, 카카오톡 오픈채팅으로 오세요.",
    "您好，我们是领英安全中心，您的账户存在异常，请提供验证码以解除限制。",
    "Здравствуйте! Ваш аккаунт заблокирован. Отправьте код из СМС, чтобы восстановить доступ.",
    "Hallo, bitte installieren Sie AnyDesk, damit unser Techniker Ihr Konto prüfen kann.",
    "Chuc mung ban da duoc chon lam cong tac vien, chi can nop 500k phi dang ky la nhan viec ngay.",
    "Please share your GitHub token so I can add you to the private repo for the paid advisory role.",
    "Hi, your offer is ready. A one-time onboarding fee of USD 250 secures your laptop; it is refunded with your "
    "first salary.",
    "You simply rate apps in the store and we pay 15 dollars per rating, up to 300 a day.",
    "Instala esta extensión de Chrome para ver la oferta completa y acepta todos los permisos.",
    "Your job application status: http://linkdin-careers.com/status?id=88",
    "Join my private Telegram channel: our mentor posts stock calls daily and members tripled their accounts.",
    "投资比特币合约，每天稳赚3%，加我微信详聊。",
    "Bonjour, gagnez 80 € par jour en notant des hôtels depuis chez vous. Contactez-moi sur Telegram.",
    "I accidentally sent my verification code to your number. Can you forward me the text you just got?",
    "Hi Sarah, we rent LinkedIn accounts: give us access to yours and earn 150 USD every month, no work needed.",
    "Your subscription invoice is overdue. Pay now via this secure link to avoid service suspension: https://bit.ly/3xY9p",
])
def test_scams_in_other_words_are_reported(note):
    assert_reported(screen(request(note), user(openness="open")))


@pytest.mark.parametrize("note", [
    "Hola Sarah, soy ingeniera de pagos en Madrid; tu charla sobre idempotencia en transferencias fue genial.",
    "Bonjour, je travaille sur la lutte contre la fraude aux virements; votre article sur les codes OTP m'a aidé.",
    "Hallo Sarah, ich leite das Zahlungsteam bei N26 und fand deinen Vortrag über Kafka sehr gut.",
    "Olá Sarah, trabalho com prevenção a fraudes em pagamentos Pix; adorei seu post sobre sistemas distribuídos.",
    "Ciao Sarah, lavoro nella sicurezza dei pagamenti e il tuo articolo sui token di accesso era ottimo.",
    "Привет, я руковожу командой платежей; ваш доклад про распределённые системы был отличным.",
    "Halo Sarah, saya bekerja di tim pembayaran Gojek, senang membaca tulisan Anda tentang sistem terdistribusi.",
    "你好，我在支付宝做风控，你关于分布式系统的文章写得很好，希望能交流。",
    "はじめまして。決済システムのエンジニアです。分散システムに関する記事を拝見しました。",
    "안녕하세요, 결제 보안 엔지니어입니다. 분산 시스템 관련 글 잘 읽었습니다.",
    "สวัสดีครับ ผมทำงานด้านระบบชำระเงิน อ่านบทความเรื่องระบบกระจายของคุณแล้วชอบมาก",
    "We're hiring: no fee for candidates, interviews are two rounds, salary SGD 12-15k/month. Happy to share details.",
    "Could you share your slides from the PyCon talk? I'd like to show them to my team today.",
])
def test_payments_and_security_people_in_other_languages_show_no_sign(note):
    assert kinds(note) == set()


def test_an_executive_asking_a_transfer_is_read_with_the_transfer():
    me = analyst()
    note = "Minh ơi, anh đang ở sân bay, cần em chuyển gấp 85 triệu cho đối tác, đừng báo kế toán nhé."
    sender = dict(headline="Tổng Giám đốc tại Viet Pro Finance", has_photo=True, connections=12)
    assert {"impersonation", "money", "urgency"} <= set(read_signs(request(note, **sender), me, load_guidance()))
    assert_reported(screen(request(note, **sender), me))


def test_an_executive_asking_a_favour_in_secret_is_an_impersonation():
    me = analyst()  # "Market analyst at Viet Pro Finance"
    note = ("Minh, are you at your desk? I'm in a meeting with investors and need a quick favour handled "
            "discreetly. Don't mention this to anyone on the team until I'm back.")
    sender = dict(headline="CEO at Viet Pro Finance", has_photo=True, connections=40)
    assert {"impersonation", "urgency"} <= set(read_signs(request(note, **sender), me, load_guidance()))
    assert_reported(screen(request(note, **sender), me))


def test_software_to_install_for_remote_access_is_a_scam_alone():
    note = ("To set up your workstation for the trial week, please install AnyDesk and tell me the nine-digit "
            "address it shows.")
    assert "software" in kinds(note)
    assert_reported(screen(request(note, **PROFILE), user(openness="open")))


# --- one ambiguous sign alone is doubt, never a report -----------------------------------------

@pytest.mark.parametrize("note, kind", [
    ("I made a small app for tracking on-call shifts, could you download it and tell me what breaks?", "software"),
    ("Our members earn 6% a month on the gold fund, happy to tell you more.", "returns"),
    ("Hello dear, your smile made my day. I work in logistics in Rotterdam.", "romance"),
])
def test_one_ambiguous_sign_alone_asks_and_never_reports(note, kind):
    assert kinds(note) == {kind}
    result = screen(request(note, **PROFILE), user(openness="open"))
    assert result.report is False and "scam_or_phishing" not in flags(result)
    assert "unclear_intent" in flags(result) and result.verdict == "ask"
    evidence = next(flag.evidence for flag in result.flags if flag.id == "unclear_intent")
    assert "scam" not in evidence.lower()  # doubt is said plainly, not as an accusation


@pytest.mark.parametrize("note", [
    "Hi Sarah, I'm hiring senior backend engineers for a payments startup here in Singapore. If it's easier, "
    "my WhatsApp is +65 9123 4567.",
    "Chào chị, em đang tuyển kỹ sư backend cho một công ty fintech, chị tiện thì nhắn Zalo 0903 123 456 cho em nhé.",
])
def test_a_messaging_app_alone_is_an_everyday_thing(note):
    assert kinds(note) == {"off_platform"}  # read, and counted only beside another sign
    result = screen(request(note, **PROFILE), user())
    assert not {"scam_or_phishing", "unclear_intent"} & flags(result) and result.report is False


def test_the_second_kind_of_sign_turns_doubt_into_a_report():
    first = ("Hi Sarah, I'm hiring senior backend engineers for a payments startup here in Singapore. If it's "
             "easier, my WhatsApp is +65 9123 4567.")
    second = first + " The role pays USD 20,000 a week and there is no interview."
    assert not {"scam_or_phishing", "unclear_intent"} & flags(screen(request(first, **PROFILE), user()))
    assert "unclear_intent" in flags(screen(request("There is no interview for this role.", **PROFILE), user()))
    assert_reported(screen(request(second, **PROFILE), user()))


@pytest.mark.parametrize("note", [
    "Urgent question from a fellow SRE: I'm on call this week and your post on Kafka retries saved my night. "
    "Happy to connect!",
    "Our fund returned 14% last year and I enjoyed your post on Vietnamese bank valuations; keen to compare notes.",
])
def test_an_everyday_sign_alone_is_nothing_at_all(note):
    result = screen(request(note, **PROFILE), user())
    assert not {"scam_or_phishing", "unclear_intent"} & flags(result) and result.report is False


# --- honest professionals are never reported ---------------------------------------------------

HONEST_FINANCE = [
    "Hi Minh, I lead wire-transfer fraud detection at a regional bank and enjoyed your breakdown of e-wallet "
    "fees. Would be glad to compare notes on payment risk.",
    "I run AML investigations on cross-border transfers and gift card laundering at a payments company; your "
    "post on mule accounts was spot on.",
    "As a portfolio manager I track profit margins and investment returns of Vietnamese banks; your thesis on "
    "VPBank's deposit growth was sharp.",
    "I trade FX options on a bank desk; our book returned 12% last year, and I liked your article on "
    "interest rate spreads.",
    "Em làm phòng chống gian lận thanh toán tại một ngân hàng, em đọc bài anh viết về phí chuyển khoản ví "
    "điện tử và muốn trao đổi thêm.",
    "Em lam phong chong gian lan thanh toan, em doc bai anh viet ve phi chuyen khoan va muon hoc hoi them.",
    "I'm a compliance officer at a licensed crypto exchange; we verify customer identity documents and screen "
    "wallets for sanctions. Would value your view on fintech regulation in Vietnam.",
]
HONEST_TECH = [
    "I research OTP phishing kits and how they steal one-time codes and passwords; your talk on session "
    "security was great.",
    "I audit how wallet apps store seed phrases and private keys. Loved your distributed systems post.",
    "LinkedIn will never ask you to send your password or a one-time code: I teach engineering teams to spot "
    "these tricks, and your post on phishing drills was excellent.",
    "We never charge candidates any fee. I'm hiring backend engineers in Singapore; please share your CV if a "
    "platform role interests you.",
    "I work on account security at a bank: when an account is locked after a suspicious login, my team "
    "restores it. Your post on rate limiting helped us.",
    "Our helpdesk moved from TeamViewer to AnyDesk last year and I wrote about the rollout; thought you might "
    "like it given your post on remote tooling.",
    "I was laid off last month when my visa changed and I'm rebuilding my network; any advice on backend roles "
    "in Singapore would mean a lot.",
    "I lost my husband last year and went back to work as a data engineer; your post on Python packaging was a "
    "big help while I retrained.",
    "After my late husband passed I took over his logistics firm; your post on route planning helped us a lot.",
    "I validate beneficiary names on cross-border payments; your write-up on IBAN checks was excellent.",
    "Quick one: I'm the on-call lead this week and need to reply within 24 hours to a vendor about Kafka; your "
    "post on retries is exactly what I needed.",
    "I'm a recruiter for backend roles at Stripe in Singapore. Happy to chat here or on WhatsApp, whichever "
    "you prefer.",
    "Our team won an award for the fastest payout system this year; your talk on idempotent transfers inspired it.",
    "I handle confidential searches for CTO roles; happy to share details on a call if you're open to it.",
    "We raised our seed round last month and are hiring a backend lead; no fee, no agency, just a chat?",
]


@pytest.mark.parametrize("note", HONEST_FINANCE)
def test_finance_people_talking_about_their_work_are_never_reported(note):
    result = screen(request(note, **FINANCE_PROFILE), analyst())  # a finance user: the words are his field too
    assert "scam_or_phishing" not in flags(result) and result.report is False
    assert "unclear_intent" not in flags(result), next(f.evidence for f in result.flags if f.id == "unclear_intent")


@pytest.mark.parametrize("note", HONEST_TECH)
def test_engineers_recruiters_and_people_in_hard_times_are_never_reported(note):
    result = screen(request(note, **PROFILE), user())
    assert "scam_or_phishing" not in flags(result) and result.report is False
    assert result.verdict != "ignore"


def test_a_sender_describing_their_work_in_the_profile_shows_no_sign():
    profile = dict(PROFILE, headline="Fraud Analyst | Wire transfers, gift card fraud, OTP phishing",
                   about="I investigate account takeovers, fake LinkedIn security notices and advance-fee job "
                         "scams. We help banks verify customer identity.")
    assert kinds("Enjoyed your post on distributed systems, would love to connect.", **profile) == set()


def test_the_users_own_field_is_never_evidence():
    crypto_user = user(industry="Crypto", headline="Head of Compliance at a crypto exchange",
                       interests=["seed phrase security", "wire transfers", "investment returns"])
    note = "Your post on seed phrase custody and wire transfer screening was great; I work on the same problems."
    result = screen(request(note, **PROFILE), crypto_user)
    assert not {"scam_or_phishing", "unclear_intent"} & flags(result)


# --- evidence, places, data --------------------------------------------------------------------

def test_evidence_names_each_kind_of_sign_and_quotes_it():
    note = "Send me the OTP we just texted you. Then let's continue on Telegram @recruit_desk."
    result = screen(request(note, **PROFILE), user())
    evidence = next(flag.evidence for flag in result.flags if flag.id == "scam_or_phishing")
    guidance = load_guidance()
    for kind in ("credentials", "off_platform"):
        assert guidance.scams.kinds[kind].says in evidence
    assert "OTP" in evidence and "Telegram @recruit_desk" in evidence


def test_linkedins_own_addresses_are_no_sign():
    note = "See my profile at https://www.linkedin.com/in/someone and our write-up at engineering.linkedin.com/blog"
    assert kinds(note, profile_url="https://www.linkedin.com/in/someone") == set()


def test_a_sign_in_the_headline_or_name_is_read():
    sender = dict(PROFILE, headline="Remote jobs, no interview | WhatsApp +1 202 555 0133")
    assert {"task", "off_platform"} <= kinds("Hello, I have a role for you.", **sender)
    assert "link" in kinds("Hello", name="Support https://linkedin-help.top/verify")


def test_every_table_of_scams_toml_names_the_criterion_it_serves():
    guidance = load_guidance()
    assert guidance.scams.kinds, "no sign kinds loaded"
    for kind in guidance.scams.kinds.values():
        assert kind.alone in ("report", "unclear", "none")
        assert set(kind.criteria) <= set(guidance.criteria)
    p = guidance.parameters["scam_or_phishing"]
    assert p["report_at"] > p["plain_points"]  # one plain sign alone never reports


def test_a_long_hostile_text_is_read_in_linear_time():
    chunk = "please send your otp and passport to @x on whatsapp within 24 hours, guaranteed 5% per week "
    start = time.process_time()
    read_signs(request(chunk * 400, **PROFILE), user(), load_guidance())
    small = time.process_time() - start
    start = time.process_time()
    read_signs(request(chunk * 1600, **PROFILE), user(), load_guidance())
    large = time.process_time() - start
    assert large < max(0.05, small) * 8  # four times the text, not sixteen times the time


# -- a job title names work, it asks nothing of the reader ---------------------------------------------

@pytest.mark.parametrize(("headline", "title"), [
    ("Product Manager, Chuyển tiền quốc tế tại Ngân hàng Á Châu", "Chuyển tiền quốc tế"),
    ("Head of Cross-border Transfers & Remittances at Wise", "Pay & Transfer Operations Lead"),
    ("Gerente de Pagos y Transferencias en BBVA", "Transferencias internacionales"),
    ("Identity Verification Lead (KYC, ID documents, passwords & 2FA) at Onfido", "Account Recovery & OTP Specialist"),
])
def test_what_a_headline_or_a_job_title_names_is_no_request_to_the_reader(headline, title):
    profile = dict(headline=headline, company="Acme Bank", industry="Financial Services", has_photo=True,
                   connections=400, experience=[{"title": title, "company": "Acme Bank", "years": 3}])
    result = screen(request("Hi, I work on cross-border payments and enjoyed your analysis. Let's connect.", **profile), analyst())
    assert not result.report, [(f.id, f.evidence) for f in result.flags]
    assert "scam_or_phishing" not in {f.id for f in result.flags}


def test_the_same_words_asked_in_the_note_still_count():
    profile = dict(headline="Product Manager, Chuyển tiền quốc tế tại Ngân hàng Á Châu", company="Acme Bank",
                   has_photo=True, connections=400)
    note = "Chào anh, anh chuyển khoản phí hồ sơ 500.000đ vào tài khoản này trước hôm nay để giữ suất phỏng vấn nhé."
    assert screen(request(note, **profile), analyst()).report
