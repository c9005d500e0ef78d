"""Scam signs in the languages the readers knew least (issue 10, breadth): Japanese, Korean, Thai,
Chinese (simplified and traditional), Russian and Italian, concept by concept. Each attack asks
something of the reader (a one-time code, an ID photo, bank details, a deposit or a fee), promises
something (returns by the day, a paid task), or moves the talk to a messaging app in its own
script with urgency or secrecy. Each honest counterpart uses the same vocabulary for the sender's
own work (a security engineer on OTP design, a payments analyst on remittance fees, a recruiter
sharing a company's official LINE account): never evidence on its own.

All sentences written for this file, from the categories of the issue."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, screen, user

PROFILE = dict(
    headline="Talent Partner", company="Northwind Logistics", industry="Logistics", location="Bangkok",
    has_photo=True, connections=240, mutual_connections=1,
    experience=[{"title": "Talent Partner", "company": "Northwind Logistics", "years": 2}],
)


def judged(note: str) -> str | None:
    guidance = load_guidance()
    found = judge(read_signs(request(note, **PROFILE), user(), guidance), guidance)
    return found.criterion if found else None


def kinds(note: str) -> set[str]:
    return set(read_signs(request(note, **PROFILE), user(), load_guidance()))


# --- what a scammer asks of the reader: a one-time code, an ID, bank details -----------------

CREDENTIALS = {
    "ja-otp": "SMSで届いた6桁の認証コードを教えてください。本人確認に必要です。",
    "ja-otp-plain": "さきほど携帯に届いたワンタイムパスワード、こちらに送ってもらえますか。",
    "ja-id": "入社手続きのため、運転免許証の写真と銀行の口座番号を送ってください。",
    "ko-otp": "본인 확인을 위해 문자로 받은 인증번호 6자리 알려주세요.",
    "ko-otp-variant": "방금 휴대폰으로 간 인증코드 좀 보내주실 수 있나요?",
    "ko-id": "채용 절차상 신분증 사본과 통장 사본을 보내 주세요.",
    "th-otp": "รบกวนส่งรหัส OTP ที่ได้รับทาง SMS มาให้หน่อยนะคะ",
    "th-otp-plain": "กรุณาแจ้งรหัสยืนยันหกหลักที่ส่งไปที่เบอร์ของคุณ",
    "th-id": "กรุณาส่งรูปถ่ายบัตรประชาชนและสมุดบัญชีธนาคารเพื่อใช้รับเงินเดือน",
    "zh-otp": "请把手机收到的验证码发给我，我帮你完成认证。",
    "zh-id": "入职前需要你提供身份证正反面照片和银行卡号。",
    "zh-otp-yzm": "麻烦把短信里的六位数字告诉我一下，系统要核对。",
    "zht-otp": "請把簡訊收到的驗證碼傳給我，我幫你完成認證。",
    "zht-id": "入職前請提供身分證正反面照片與銀行帳號。",
    "zht-password": "請告訴我你的登入密碼，我幫你設定帳號。",
    "ru-otp": "Пожалуйста, продиктуйте код, который сейчас придёт вам по СМС.",
    "ru-id": "Для оформления пришлите фото паспорта и номер банковской карты.",
    "ru-snils": "Скиньте, пожалуйста, ваш СНИЛС и ИНН для оформления договора.",
    "it-otp": "Per favore, inviami il codice che ti arriva via SMS tra un minuto.",
    "it-id": "Per l'assunzione mandaci una foto della carta d'identità e il tuo IBAN.",
    "it-cf": "Mi serve il tuo codice fiscale e una foto del documento, per favore.",
}


@pytest.mark.parametrize("note", CREDENTIALS.values(), ids=CREDENTIALS.keys())
def test_credentials_asked_for_are_a_scam(note):
    assert "credentials" in kinds(note)
    assert judged(note) == "scam_or_phishing"


# --- money asked for: a deposit or a fee first ---------------------------------------------------

MONEY = {
    "ja-deposit": "研修を始める前に、保証金として2万円をお振込みください。後日全額返金します。",
    "ja-fee": "登録手数料5,000円をコンビニで支払ってください。",
    "ko-deposit": "교육 시작 전에 보증금 5만원을 입금해 주시면 나중에 환불해 드립니다.",
    "ko-fee": "가입비 3만원을 먼저 이체해 주세요.",
    "th-deposit": "ก่อนเริ่มงานต้องโอนค่ามัดจำ 1,500 บาทก่อนนะคะ จะคืนให้ภายหลัง",
    "th-fee": "กรุณาชำระค่าธรรมเนียมการสมัคร 990 บาท ภายในวันนี้",
    "zh-deposit": "先交500元保证金，培训结束后全额退还。",
    "zh-fee": "请先支付688元的入职服务费。",
    "zht-deposit": "請先繳交保證金新台幣3000元，結訓後全額退還。",
    "zht-fee": "報名前請先匯款手續費1500元到指定帳戶。",
    "ru-deposit": "Нужно внести страховой взнос 3000 рублей, после обучения вернём.",
    "ru-fee": "Оплатите, пожалуйста, регистрационный сбор 1500 рублей до завтра.",
    "it-deposit": "Serve un deposito cauzionale di 200 euro, rimborsabile dopo la formazione.",
    "it-fee": "Per attivare il profilo devi versare una quota di iscrizione di 49 euro.",
}


@pytest.mark.parametrize("note", MONEY.values(), ids=MONEY.keys())
def test_money_asked_for_first_is_a_scam(note):
    assert {"money", "fee"} & kinds(note)
    assert judged(note) == "scam_or_phishing"


# --- what they promise: returns by the day, paid micro-tasks -------------------------------------

RETURNS = {
    "ja": "毎日3%の利益が保証されています。元本割れの心配はありません。",
    "ko": "매일 2% 수익 보장, 원금 손실 없는 상품입니다.",
    "th": "ลงทุนวันนี้ รับผลตอบแทนวันละ 5% รับประกันไม่ขาดทุน",
    "zh": "每天稳定收益3%，保本无风险。",
    "zht": "每天穩定獲利3%，保本零風險。",
    "ru": "Гарантированный доход 2% в день без риска.",
    "it": "Rendimento garantito del 3% al giorno, senza alcun rischio.",
}


@pytest.mark.parametrize("note", RETURNS.values(), ids=RETURNS.keys())
def test_guaranteed_daily_returns_are_a_scam(note):
    assert "returns" in kinds(note)
    assert judged(note) == "scam_or_phishing"


TASKS = {
    "ja": "スマホで動画に高評価を押すだけの簡単なお仕事で、1件300円のお支払いです。",
    "ko": "유튜브 영상에 좋아요만 누르면 건당 3000원 수당 드립니다.",
    "th": "งานง่ายๆ แค่กดไลก์วิดีโอ ได้ค่าคอม 50 บาทต่อคลิป",
    "zh": "在家用手机给视频点赞，每单佣金5元。",
    "zht": "在家用手機幫影片按讚，每則佣金5元。",
    "ru": "Работа из дома: ставить лайки под видео, оплата 50 рублей за каждый лайк.",
    "it": "Lavoro da casa: metti like ai video, commissione di 5 euro per ogni like.",
}


@pytest.mark.parametrize("note", TASKS.values(), ids=TASKS.keys())
def test_paid_likes_are_a_task_scam(note):
    assert "task" in kinds(note)
    assert judged(note) in ("scam_or_phishing", "unclear_intent")


# --- where they move the talk, with urgency or secrecy -------------------------------------------

OFF_PLATFORM = {
    "ja": "詳しくはLINEでお話しします。今すぐ追加してください。このことは誰にも言わないでください。",
    "ko": "자세한 건 카톡으로 얘기해요. 지금 바로 추가해 주세요. 다른 사람에게는 비밀로 해 주세요.",
    "th": "แอดไลน์มาคุยรายละเอียดด่วนนะคะ เรื่องนี้อย่าบอกใคร",
    "zh": "加我微信详聊，马上加，别告诉其他人。",
    "zht": "加我的LINE詳談，請盡快加入，這件事請勿告訴任何人。",
    "ru": "Напишите мне в телеграм прямо сейчас, только никому не рассказывайте.",
    "it": "Scrivimi subito su WhatsApp, e mi raccomando non dirlo a nessuno.",
}


@pytest.mark.parametrize("note", OFF_PLATFORM.values(), ids=OFF_PLATFORM.keys())
def test_moving_off_platform_with_urgency_or_secrecy_is_a_scam(note):
    found = kinds(note)
    assert "off_platform" in found and "urgency" in found
    assert judged(note) == "scam_or_phishing"


# Known limits, kept as a record: the task reader pairs a task with its pay within one sentence,
# a Latin name written flush against Chinese characters is one run of letters with them, and a
# Latin app name whose verb is in Han letters is not looked at first (the first look pairs words
# with words).
LIMITS = {
    "ja-task-pay-next-sentence": "スマホで動画に高評価を押すだけの簡単なお仕事です。1件300円のお支払いです。",
    "zht-latin-flush": "請立刻到Telegram聯絡我，這件事要保密。",
    "zht-latin-spaced": "請立刻到 Telegram 聯絡我，這件事要保密。",
}


@pytest.mark.xfail(reason="task and pay in two sentences; a Latin app name beside a Han verb", strict=True)
@pytest.mark.parametrize("note", LIMITS.values(), ids=LIMITS.keys())
def test_known_limits(note):
    assert judged(note) is not None


# --- honest counterparts: the same vocabulary, the sender's own work ----------------------------

HONEST = {
    "ja-security": "ワンタイムパスワードの設計を担当しているセキュリティエンジニアです。認証コードの有効期限の決め方について意見交換できれば嬉しいです。",
    "ja-payments": "海外送金の手数料体系を分析しているアナリストです。決済業界の動向について情報交換させてください。",
    "ja-recruiter": "弊社の採用情報は公式LINEアカウントでも配信しています。ご興味があればご覧ください。",
    "ko-security": "결제 인증 시스템에서 인증번호 재전송 정책을 설계하는 보안 엔지니어입니다. 관련 경험을 나누고 싶습니다.",
    "ko-payments": "해외 송금 수수료 구조를 분석하는 결제 애널리스트입니다. 핀테크 이야기를 나누고 싶어요.",
    "ko-recruiter": "저희 회사 채용 공지는 카카오톡 채널에도 올라옵니다. 관심 있으시면 확인해 보세요.",
    "th-security": "ผมเป็นวิศวกรความปลอดภัย ดูแลการออกแบบระบบรหัส OTP ของธนาคาร อยากแลกเปลี่ยนความรู้ครับ",
    "th-payments": "ดิฉันเป็นนักวิเคราะห์ด้านการชำระเงิน ศึกษาค่าธรรมเนียมการโอนเงินระหว่างประเทศค่ะ ยินดีที่ได้รู้จัก",
    "th-recruiter": "สวัสดีค่ะ ดิฉันเป็นรีครูทเตอร์ของบริษัท ประกาศรับสมัครงานของเราอยู่ใน LINE Official Account ของบริษัทค่ะ",
    "zh-security": "我在银行负责短信验证码风控系统的设计，想和您交流一下经验。",
    "zh-payments": "我是跨境支付分析师，研究汇款手续费的定价，希望与您交流。",
    "zh-investor": "我们基金研究固定收益产品的风险与收益，期待与您交流市场看法。",
    "zht-security": "我是資安工程師，專注於一次性密碼與驗證碼的設計，期待交流。",
    "zht-payments": "我在銀行負責跨境匯款業務，常研究手續費與匯率，很高興認識您。",
    "ru-security": "Я инженер по безопасности, проектирую двухфакторную аутентификацию и одноразовые коды. Буду рад контакту.",
    "ru-payments": "Я аналитик платежей, изучаю комиссии за международные переводы. Было бы интересно обменяться опытом.",
    "it-security": "Sono un ingegnere della sicurezza e progetto sistemi di autenticazione con codici OTP. Mi farebbe piacere collegarci.",
    "it-payments": "Lavoro come analista pagamenti e mi occupo delle commissioni sui bonifici internazionali.",
    "it-recruiter": "Siamo un'azienda di logistica: pubblichiamo le offerte anche sul nostro canale WhatsApp ufficiale.",
}


@pytest.mark.parametrize("note", HONEST.values(), ids=HONEST.keys())
def test_the_senders_own_work_is_no_sign(note):
    assert judged(note) is None, kinds(note)


@pytest.mark.parametrize("note", HONEST.values(), ids=HONEST.keys())
def test_the_senders_own_work_is_never_reported(note):
    result = screen(request(note, **PROFILE), user())
    assert not result.report
    assert result.verdict != "ignore" or "scam_or_phishing" not in {flag.id for flag in result.flags}


# A question about how codes or fees work, addressed to the reader, asks for knowledge, not a code.
QUESTIONS = {
    "ja": "OTPの実装について、ぜひ知見を教えてください。",
    "ko": "인증번호 발송 방식에 대해 경험을 알려주시면 감사하겠습니다.",
    "zh": "请告诉我你们验证码风控是怎么做的，我想学习一下。",
}


@pytest.mark.parametrize("note", QUESTIONS.values(), ids=QUESTIONS.keys())
def test_asking_how_codes_work_is_no_request_for_a_code(note):
    assert "credentials" not in kinds(note)


# --- scripts without spaces: a short entry never matches inside an unrelated word ----------------

INSIDE_WORDS = {
    # "라인" (LINE) inside "온라인" (online), "가이드라인" (guideline), "파이프라인" (pipeline).
    "ko-online": "온라인 결제 파이프라인과 가이드라인을 만드는 일을 합니다. 반갑습니다.",
    # "ライン" inside "オンライン" and "ガイドライン".
    "ja-online": "オンライン決済のガイドライン作りを担当しています。よろしくお願いします。",
    # "ไลน์" inside "ออนไลน์" (online).
    "th-online": "ผมทำงานด้านการตลาดออนไลน์ ยินดีที่ได้รู้จักครับ ขอบคุณครับ",
    # "加" (add) inside "参加"/"增加", with WeChat named as the sender's own work.
    "zh-add": "我们团队负责微信支付的增长，欢迎参加下个月的开发者大会。",
    # ... and beside a request and a deadline, still no messaging app.
    "ko-online-today": "오늘 안에 온라인 양식으로 연락 주세요. 감사합니다.",
    "ja-online-today": "本日中にオンラインでご連絡ください。",
    "th-online-today": "กรุณาติดต่อออนไลน์ภายในวันนี้นะคะ",
    "zh-add-today": "欢迎参加微信支付开发者大会，请尽快报名。",
}


@pytest.mark.parametrize("note", INSIDE_WORDS.values(), ids=INSIDE_WORDS.keys())
def test_a_short_entry_inside_an_unrelated_word_is_no_sign(note):
    assert "off_platform" not in kinds(note)
    assert judged(note) is None


def test_a_reader_word_of_one_language_is_not_a_common_word_of_another():
    # Italian "voi"/"vi" (you) are Vietnamese "với"/"vì" typed without diacritics: "kết nối lại với em"
    # (connect again with me) must not become "you" beside "lãi" (interest, profit).
    from assist.config import Me, UserConfig
    from assist.models import Request
    from assist.signals import extract_signals

    config = UserConfig(me=Me(name="Minh", headline="Market analyst", past_companies=["SSI Securities"]))
    note = "Chao anh Minh, em la Linh o team Research SSI cu day a, lau roi khong gap anh. Ket noi lai voi em nhe!"
    request = Request.model_validate({"id": "v", "sender": {"name": "Nguyen Thuy Linh"}, "note": note})
    assert not {"unclear_intent", "scam_or_phishing"} & {flag.id for flag in extract_signals(request, config).flags}
