"""Scam signs by concept across languages, in my own sentences (issue 10, second breadth pass):
a sign-in behind a QR code, a wallet connected or a transaction signed, a fee to take part (to
speak, to be nominated, to be listed), and returns told as a personal story beside an offer to
teach the reader. Each scam here was missed before; the honest sentences beside them use the same
words for the sender's own work, for a fee nobody asks of the reader, or for a QR code that only
checks someone in, and must not be reported."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(
    headline="Business Development", company="Meridian Partners", industry="Consulting", location="Dubai",
    has_photo=True, connections=180, mutual_connections=0,
    experience=[{"title": "Business Development", "company": "Meridian Partners", "years": 1}],
)


def verdict(note: str) -> str | None:
    guidance = load_guidance()
    found = judge(read_signs(request(note, **PROFILE), user(), guidance), guidance)
    return found.criterion if found else None


QR_SIGN_INS = [
    "I shared the signed NDA as a secure document: scan the QR code on my profile banner and log in with your "
    "work email to open it. Access expires tonight.",
    "Em gửi anh bản hợp đồng bảo mật rồi ạ, anh quét mã QR trên ảnh bìa của em rồi đăng nhập bằng email công ty để "
    "mở nhé, link xem tài liệu hết hạn tối nay.",
    "Te compartí el informe confidencial: escanea el código QR de mi perfil e inicia sesión con tu correo "
    "corporativo para abrirlo; el acceso caduca esta noche.",
    "Scannez le code QR de mon profil et connectez-vous avec votre adresse professionnelle pour ouvrir le "
    "document ; l'accès expire ce soir.",
    "Scannen Sie den QR-Code in meinem Profil und loggen Sie sich mit Ihrer Firmen-E-Mail ein, um das Dokument zu "
    "öffnen. Der Zugang läuft heute Nacht ab.",
    "合同文件已加密，请用手机扫码登录查看，今晚失效。",
    "資料はプロフィールのQRコードを読み取ってログインすると開けます。アクセスは今夜で期限切れになります。",
    "프로필의 QR 코드를 스캔해서 로그인하시면 문서를 보실 수 있어요. 오늘 밤 만료됩니다.",
]

WALLET_SIGNATURES = [
    "¡Felicidades! Tu perfil fue elegido para el airdrop de la comunidad: conecta tu billetera en "
    "claim-rewards.io y firma la transacción antes del domingo para recibir unos 3.000 USD.",
    "Your address qualified for the community token reward, about 3,000 USDT. Just approve the transaction in "
    "MetaMask before Sunday to receive it.",
    "Sua conta foi selecionada para o airdrop: conecte sua carteira no site e assine a transação até domingo "
    "para receber cerca de 3.000 USD.",
    "Votre profil est éligible à la distribution de jetons : connectez votre portefeuille sur notre site et "
    "signez la transaction avant dimanche.",
    "Sie sind für die Token-Verteilung freigeschaltet: verbinden Sie Ihre Wallet auf unserer Seite und signieren "
    "Sie die Transaktion bis Sonntag.",
    "Sei stato selezionato per la distribuzione di token: collega il tuo wallet sul sito e firma la transazione "
    "entro domenica.",
    "Вам начислены токены сообщества: подключите кошелёк на сайте и подпишите транзакцию до воскресенья.",
    "Selamat, akun Anda berhak atas token komunitas: hubungkan dompet Anda di situs kami dan setujui transaksinya "
    "sebelum hari Minggu.",
    "Chúc mừng, ví của bạn đủ điều kiện nhận token cộng đồng: liên kết ví trên trang bên mình và ký giao dịch "
    "trước Chủ nhật để nhận khoảng 3.000 USD.",
    "恭喜您获得社区代币奖励，请连接钱包并签名交易，周日前领取约3000 USDT。",
]

PAID_ROLES = [
    "We'd love you as a speaker at the Fintech Leaders Summit in Lisbon. The speaker package includes a keynote "
    "slot; a participation fee of EUR 1,450 secures the slot. Kindly confirm this week.",
    "Ha sido nominado a los Premios Innovación 2025. La cuota de participación es de 890 USD y asegura su lugar "
    "en la gala; confírmelo antes del viernes.",
    "Vous êtes finaliste des Trophées de la Tech ! Les frais de participation de 690 EUR garantissent votre "
    "place au gala, merci de confirmer cette semaine.",
    "Sie wurden für unser Panel ausgewählt. Die Teilnahmegebühr von 1.200 EUR sichert Ihnen den Platz, bitte "
    "bis Freitag bestätigen.",
    "Your company made our list of the 100 most innovative startups of 2025. The listing fee of USD 750 secures "
    "your place in the printed edition; kindly confirm by Friday.",
    "Sua empresa foi selecionada para o ranking das 100 mais inovadoras; a taxa de participação de 750 USD "
    "garante a sua vaga, confirme até sexta.",
]

STORIES_AND_LESSONS = [
    "Chào chị, em đang sống ở Úc, dạo này em học đầu tư vàng theo tín hiệu cùng chú em, tháng trước lãi gần "
    "30%. Mình làm quen nhé, em chỉ chị cách làm.",
    "Hi, I moved to Singapore last year. I've been learning to trade gold following my uncle's signals and last "
    "month I made almost 30%. Let's get to know each other, I'll show you how.",
    "Hola, vivo en Dubái y aprendo a invertir en oro con las señales de mi tío; el mes pasado gané casi un 30%. "
    "Conozcámonos, te enseño cómo hacerlo.",
    "Bonjour, je vis à Genève et j'apprends à investir dans l'or avec les signaux de ma tante : le mois dernier "
    "j'ai gagné presque 30 %. Faisons connaissance, je vous montre comment.",
    "Hallo, ich lebe in Zürich und lerne mit den Signalen meines Onkels in Gold zu investieren, letzten Monat "
    "fast 30 % Gewinn. Lass uns kennenlernen, ich zeige dir, wie es geht.",
    "你好，我在新加坡生活，跟着舅舅的信号学做黄金投资，上个月收益快30%。交个朋友吧，我教你。",
    "Halo kak, aku tinggal di Jepang dan belajar investasi emas ikut sinyal om aku, bulan lalu untung hampir 30%. "
    "Kenalan yuk, nanti aku ajarin caranya.",
]


@pytest.mark.parametrize("note", QR_SIGN_INS)
def test_a_sign_in_behind_a_qr_code_with_a_deadline_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


@pytest.mark.parametrize("note", WALLET_SIGNATURES)
def test_a_wallet_connected_or_a_transaction_signed_for_a_payout_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


@pytest.mark.parametrize("note", PAID_ROLES)
def test_a_fee_asked_of_the_reader_for_a_role_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


@pytest.mark.parametrize("note", STORIES_AND_LESSONS)
def test_returns_told_as_a_story_with_an_offer_to_teach_are_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


HONEST = [
    # an organiser inviting a speaker, with no fee, or paying the speaker
    "I'm organising DevOps Days Hanoi and would love you as a speaker: the speaker package covers travel and "
    "two hotel nights, and there is no participation fee.",
    "Our summit pays its speakers: the speaker package includes a EUR 1,000 honorarium and a keynote slot. Would "
    "you consider it?",
    "Tôi trong ban tổ chức Vietnam Web Summit, rất mong mời anh làm diễn giả; chúng tôi lo toàn bộ chi phí đi "
    "lại và anh không phải đóng phí tham gia.",
    "Organizo un meetup de datos en Madrid y me encantaría invitarte como ponente; no hay cuota de participación "
    "y cubrimos el viaje.",
    "The conference ticket was EUR 450 and I'll be there on day two; would be great to meet you in person.",
    # people whose work is wallets, transactions and signing
    "I run crypto compliance at an exchange: we screen every wallet users connect and trace the transactions "
    "they sign. Keen to swap notes on travel-rule tooling.",
    "Als Compliance-Officerin prüfe ich Wallets und signierte Transaktionen auf Sanktionslisten, gerne vernetzen "
    "wir uns.",
    "Je suis responsable conformité crypto : j'audite les portefeuilles et les transactions signées pour la "
    "lutte anti-blanchiment.",
    "Our multisig needs three signers to approve the transaction before funds move; I design those flows and "
    "liked your talk on key ceremonies.",
    # analysts who report returns, people who offer to show something
    "Soy analista de fondos: el fondo que cubro reportó ganancias del 30% el año pasado y me encantaría comentar "
    "tu análisis del sector.",
    "Em là chuyên viên phân tích quỹ, quỹ bên em năm ngoái lợi nhuận 30%, rất muốn trao đổi với anh về báo cáo "
    "ngành.",
    "Happy to show you how we cut our CI times in half, I saw your post on build caching.",
    "Tôi dạy lớp phân tích kỹ thuật cho sinh viên, rất vui được kết nối và chỉ bạn vài tài liệu hay về Python.",
    # a QR code that only checks someone in or hands out slides
    "Scan the QR code on your badge at the registration desk to check in for the summit on Thursday.",
    "Quét mã QR ở quầy lễ tân để check-in hội thảo sáng thứ Năm nhé anh.",
    "Escanea el código QR de la entrada para registrar tu asistencia al meetup del jueves.",
    "我们大会请扫码签到，周四见！",
    "I lead identity at a bank: we shipped QR code login for our mobile app last year and I'd love to compare "
    "notes with you.",
]


@pytest.mark.parametrize("note", HONEST)
def test_the_same_words_in_honest_notes_are_not_reported(note):
    assert verdict(note) != "scam_or_phishing"


def test_an_offer_to_teach_counts_only_beside_returns_told():
    # The same offer beside a messaging app, with no returns, is a mentor or a pitch.
    assert verdict("I'll show you how we set up our data pipeline, message me on WhatsApp.") != "scam_or_phishing"
    assert verdict("Em chỉ chị cách làm báo cáo này nhé, nhắn Zalo cho em.") != "scam_or_phishing"


def test_a_sign_told_to_the_reader_is_looked_for_first():
    # Nothing else in the note would have it read: the aimed signature alone is a plain sign, doubt.
    assert verdict("Please sign the transaction in your wallet.") == "unclear_intent"
    assert verdict("Our custody desk makes clients sign the transaction twice.") is None
