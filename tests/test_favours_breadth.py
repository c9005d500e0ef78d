"""Favours asked of a stranger, in the thirteen languages of issue 10: a job or an internship at the
reader's company, a referral, an introduction, a CV passed on, a visa, money (a loan, an investment,
an angel cheque, a donation), a recommendation letter. And the honest notes that sit beside them: a
recruiter offering a job, a founder who is hiring, thanks for a past referral, a job seeker who asks
the reader for nothing, an investor offering to invest.

Every sentence was written for this file, by concept (what the note asks of the reader), not taken
from the labelled sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import UserConfig, parse_config
from helpers import request, screen

PERSONAS = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "personas"


def persona(name: str) -> UserConfig:
    return parse_config(PERSONAS / f"{name}.toml")


def sender(headline: str, company: str, industry: str = "Software", title: str | None = None) -> dict:
    return dict(headline=headline, company=company, industry=industry, has_photo=True, connections=600,
                mutual_connections=12,
                experience=[{"title": title or headline.split(" at ")[0].split(" | ")[0], "company": company, "years": 3}])


# A relevant stranger: the favour, not the profile, is what must keep them from `accept`.
SEEKER = sender("Backend Engineer | Open to work", "Freelance", title="Backend Engineer")

ASKS = {
    # English: a loan, an angel cheque, a letter, an internship, a job at the reader's company.
    "en_angel_cheque": "Hi Sarah, I'm raising a pre-seed for my dev-tools startup. Would you consider a $25k angel cheque?",
    "en_loan": "Hi Sarah, sorry to bother you, I'm in a tight spot this month. Could you lend me 300 dollars?",
    "en_letter": "Hello Sarah, I'm applying to a master's programme in Delft. Would you write me a letter of recommendation?",
    "en_internship": "Hi Sarah, I'm a third-year student. Is there any chance you could get me an internship at Northwind?",
    "en_job_at_yours": "Hi Sarah, I have 5 years of Go and Python. Could you help me land a job on your team?",
    "en_donation": "Hi Sarah, I'm running a marathon for a children's charity. Would you donate to my fundraiser?",
    # Vietnamese with diacritics.
    "vi_position": "Chào chị, em mới tốt nghiệp ngành CNTT. Chị cho em xin một vị trí thực tập ở công ty chị được không ạ?",
    "vi_letter": "Chào chị, em đang nộp hồ sơ học bổng. Chị có thể viết thư giới thiệu cho em được không ạ?",
    "vi_loan": "Chị ơi, em đang kẹt tiền quá, chị cho em vay 5 triệu được không ạ?",
    "vi_invest": "Chào chị, em đang gọi vốn cho startup của em, chị có muốn đầu tư vào dự án của em không ạ?",
    # Vietnamese typed without diacritics.
    "vi_plain_refer": "chi oi chi co quen ai ben Stripe refer giup em voi duoc khong a",
    "vi_plain_position": "chao chi, cho em xin mot vi tri intern ben cong ty chi nhe, em cam on chi",
    "vi_plain_intro": "chi gioi thieu em voi ban HR ben chi duoc khong a, em dang tim viec backend",
    # Spanish.
    "es_position": "Hola Sarah, ¿me puedes ayudar con un puesto en tu empresa? Tengo experiencia en backend.",
    "es_loan": "Hola Sarah, perdona la molestia, ¿me podrías prestar algo de dinero hasta fin de mes?",
    "es_letter": "Hola Sarah, ¿me escribirías una carta de recomendación para mi solicitud al máster?",
    "es_invest": "Hola Sarah, estoy levantando una ronda semilla. ¿Te interesaría invertir en mi startup?",
    # French.
    "fr_internship": "Bonjour Sarah, je cherche un stage de fin d'études. Pourriez-vous m'aider à obtenir un stage chez Northwind ?",
    "fr_loan": "Bonjour Sarah, pourriez-vous me prêter 200 euros ? Je vous rembourse le mois prochain.",
    "fr_letter": "Bonjour Sarah, accepteriez-vous de m'écrire une lettre de recommandation ?",
    # German.
    "de_internship": "Hallo Sarah, hätten Sie vielleicht einen Praktikumsplatz für mich in Ihrem Team?",
    "de_letter": "Hallo Sarah, könnten Sie mir ein Empfehlungsschreiben für meine Bewerbung ausstellen?",
    "de_invest": "Hallo Sarah, würden Sie in mein Startup investieren? Wir suchen noch 50.000 Euro.",
    "de_referral": "Hallo Sarah, könnten Sie mich intern für die Backend-Stelle bei Ihnen weiterempfehlen?",
    # Portuguese.
    "pt_position": "Olá Sarah, você poderia me ajudar a conseguir uma vaga na sua empresa?",
    "pt_loan": "Oi Sarah, você poderia me emprestar um dinheiro até o fim do mês?",
    "pt_letter": "Olá Sarah, você pode escrever uma carta de recomendação para mim?",
    # Italian.
    "it_intro": "Ciao Sarah, mi potresti presentare al responsabile tecnico della tua azienda?",
    "it_letter": "Ciao Sarah, potresti scrivermi una lettera di raccomandazione per il dottorato?",
    "it_loan": "Ciao Sarah, potresti prestarmi dei soldi? Te li restituisco presto.",
    # Russian.
    "ru_job": "Здравствуйте, Сара! Не могли бы вы помочь мне устроиться в вашу компанию?",
    "ru_cv": "Здравствуйте! Могли бы вы передать моё резюме вашему HR?",
    "ru_loan": "Сара, добрый день. Не могли бы вы одолжить мне немного денег?",
    "ru_letter": "Добрый день! Не могли бы вы написать мне рекомендательное письмо?",
    # Indonesian.
    "id_job": "Halo Kak Sarah, bisa bantu saya dapat kerja di kantor Kakak?",
    "id_loan": "Halo Kak, boleh saya pinjam uang sedikit? Nanti saya kembalikan.",
    "id_letter": "Halo Bu Sarah, apakah Ibu bersedia menuliskan surat rekomendasi untuk saya?",
    "id_invest": "Halo Kak, apakah Kakak tertarik berinvestasi di startup saya?",
    # Chinese.
    "zh_referral": "Sarah你好，我在看你们公司的后端岗位，能不能帮我内推一下？",
    "zh_intro": "你好，可以帮我介绍一下你们公司的HR吗？",
    "zh_loan": "你好，最近手头比较紧，能借我一点钱吗？",
    "zh_letter": "老师您好，可以帮我写一封推荐信吗？",
    # Japanese.
    "ja_intro": "はじめまして。御社の採用担当の方を紹介していただけませんか。",
    "ja_internship": "はじめまして。御社でインターンの機会をいただけないでしょうか。",
    "ja_letter": "突然のご連絡失礼します。推薦状を書いていただけないでしょうか。",
    # Korean.
    "ko_referral": "안녕하세요, 귀사 백엔드 포지션에 지원하려고 하는데 추천해 주실 수 있나요?",
    "ko_intro": "안녕하세요, 인사 담당자분께 저를 소개해 주실 수 있을까요?",
    "ko_letter": "안녕하세요, 대학원 지원용 추천서를 써 주실 수 있을까요?",
    "ko_loan": "안녕하세요, 정말 죄송하지만 돈을 조금 빌려 주실 수 있나요?",
    # Thai.
    "th_job": "สวัสดีครับ ช่วยฝากงานที่บริษัทของคุณให้ผมหน่อยได้ไหมครับ",
    "th_loan": "สวัสดีค่ะ ขอยืมเงินหน่อยได้ไหมคะ เดือนหน้าจะคืนให้",
    "th_letter": "สวัสดีครับ ช่วยเขียนจดหมายแนะนำให้ผมหน่อยได้ไหมครับ",
}


def assert_read_as_a_favour(note: str) -> None:
    """A job seeker's note to the engineering lead: read as a favour, never accepted, never reported."""
    result = screen(request(note, **SEEKER), persona("eng-lead-en"))
    found = {flag.id: flag.evidence for flag in result.flags}
    assert "favour" in found.get("sales_pitch", ""), found
    assert result.verdict != "accept"
    assert not result.report, found  # a favour is no scam: declined, never reported


def assert_not_read_as_a_favour(profile: dict, note: str) -> None:
    result = screen(request(note, **profile), persona("eng-lead-en"))
    found = {flag.id: flag.evidence for flag in result.flags}
    assert "favour" not in found.get("sales_pitch", ""), found
    assert not result.report, found


@pytest.mark.parametrize("note", ASKS.values(), ids=ASKS.keys())
def test_a_favour_asked_of_a_stranger_is_read_in_every_language(note):
    assert_read_as_a_favour(note)


HONEST = {
    # A recruiter offering a job.
    "en_recruiter_offers": (
        sender("Technical Recruiter at Talentwise", "Talentwise", "Staffing and Recruiting"),
        "Hi Sarah, I have an engineering director position at a Series B fintech that I think would suit you. Open to a chat?"),
    "vi_recruiter_offers": (
        sender("Chuyên viên tuyển dụng at Tiki", "Tiki", "Internet"),
        "Chào chị, bên em đang có một vị trí Engineering Manager rất phù hợp với kinh nghiệm của chị, chị có quan tâm không ạ?"),
    "zh_recruiter_offers": (
        sender("招聘经理 at 字节跳动", "字节跳动", "Internet"),
        "您好，我们公司正在招聘后端技术负责人，想向您推荐这个职位，不知您是否感兴趣？"),
    "ja_recruiter_offers": (
        sender("リクルーター at メルカリ", "メルカリ", "Internet"),
        "はじめまして。弊社のエンジニアリングマネージャーのポジションをご紹介したくご連絡しました。"),
    "ko_recruiter_offers": (
        sender("리크루터 at 토스", "토스", "Financial Services"),
        "안녕하세요, 저희 회사의 엔지니어링 리드 포지션을 소개해 드리고 싶어 연락드립니다."),
    # A founder saying they are hiring.
    "en_founder_hiring": (
        sender("Founder at Ledgerline", "Ledgerline"),
        "Hi Sarah, we're hiring backend engineers in Singapore too and I'd love to compare notes on interviewing."),
    "es_founder_hiring": (
        sender("Fundador at Pagora", "Pagora"),
        "Hola Sarah, en Pagora estamos contratando ingenieros backend y me encantaría intercambiar ideas sobre procesos de selección."),
    "de_founder_hiring": (
        sender("Gründer at Kontoblick", "Kontoblick"),
        "Hallo Sarah, wir stellen gerade Backend-Entwickler ein und ich würde mich gerne über Interviews austauschen."),
    # Thanks for a past referral.
    "en_thanks_referral": (
        SEEKER,
        "Hi Sarah, thank you again for the referral last spring. The new role at Stripe is going really well!"),
    "vi_thanks_intro": (
        SEEKER,
        "Chào chị, em cảm ơn chị đã giới thiệu em vào Grab năm ngoái, công việc của em rất tốt ạ."),
    "es_thanks_recommendation": (
        SEEKER,
        "Hola Sarah, gracias por la carta de recomendación del año pasado: me aceptaron en el máster."),
    # A job seeker who asks the reader for nothing.
    "en_seeker_asks_nothing": (
        SEEKER, "Hi Sarah, I'm looking for backend roles in Singapore, happy to connect with engineering leaders."),
    "vi_seeker_asks_nothing": (
        SEEKER, "Chào chị, em đang xin việc vị trí backend ở Singapore, rất vui được kết nối với chị."),
    "fr_seeker_asks_nothing": (
        SEEKER, "Bonjour Sarah, je cherche un poste de développeur backend à Singapour, ravi de me connecter avec vous."),
    "id_seeker_asks_nothing": (
        SEEKER, "Halo Sarah, saya sedang mencari kerja sebagai backend engineer di Singapura, senang terhubung."),
    # An investor offering to invest.
    "en_investor_offers": (
        sender("Partner at Kite Ventures", "Kite Ventures", "Venture Capital and Private Equity"),
        "Hi Sarah, we invest in developer tooling and would love to invest in Northwind's next round if you ever raise."),
    "vi_investor_offers": (
        sender("Investment Manager at Mekong Capital", "Mekong Capital", "Venture Capital and Private Equity"),
        "Chào chị, quỹ của em đầu tư vào các công ty phần mềm giai đoạn đầu và rất muốn tìm hiểu Northwind ạ."),
    "zh_investor_offers": (
        sender("投资经理 at 红杉", "红杉", "Venture Capital and Private Equity"),
        "您好，我们基金专注于开发者工具，很有兴趣投资贵公司的下一轮。"),
}


@pytest.mark.parametrize("profile, note", HONEST.values(), ids=HONEST.keys())
def test_an_honest_note_near_a_favour_is_not_read_as_one(profile, note):
    assert_not_read_as_a_favour(profile, note)


def test_a_favour_asked_of_someone_the_user_knows_is_no_sign():
    former = dict(SEEKER, experience=[{"title": "Backend Engineer", "company": "Grab", "years": 3}])
    note = "Chị ơi, mình từng làm cùng team ở Grab. Chị cho em xin một vị trí ở công ty chị được không ạ?"
    result = screen(request(note, **former), persona("eng-lead-en"))
    assert "sales_pitch" not in {flag.id for flag in result.flags}


# -- sellers by role: a headline that is a sales job, in the thirteen languages -----------------------

SALES_HEADLINES = [
    "Enterprise Sales | Cloud Security", "Account Executive at Pipewave", "Sales Director APAC",
    "Business Development at Nordlane", "Trưởng phòng kinh doanh tại FPT", "Truong phong kinh doanh tai FPT",
    "Gerente de ventas en Andina SaaS", "Directeur des ventes chez Logimax", "Vertriebsleiter DACH",
    "Gerente de vendas na Contabilix", "Responsabile vendite presso Datatre", "Manajer Penjualan di Tokodata",
    "Руководитель отдела продаж", "销售总监 | SaaS", "法人営業マネージャー", "B2B 영업 매니저", "ผู้จัดการฝ่ายขาย",
]


@pytest.mark.parametrize("headline", SALES_HEADLINES)
def test_a_sales_headline_is_read_as_a_seller(headline):
    profile = sender(headline, "Pipewave", title=headline)
    result = screen(request(None, **profile), persona("eng-lead-en"))
    assert "sales_pitch" in {flag.id for flag in result.flags}, headline
