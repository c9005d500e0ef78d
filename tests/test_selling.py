"""Selling, recognised by who the sender is (role) and what the note does (offer), not by sales words.

Every note here was written for this file, from the kinds of outreach issue 10 names: agencies,
staffing at an hourly rate, link building, listings, affiliate programmes, lead generation, ad
agencies, sales development representatives, coaches, in many languages; and the honest contacts
that look like them (a partner with shared customers, an acquirer, an investor who wants to learn,
a journalist, a student, a recruiter for a user who hires or seeks roles, a vendor the user's goals
ask for). The users are the three personas of the evaluation set and a SaaS founder of our own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assist.config import Me, Policy, UserConfig, parse_config
from assist.text import normalize
from helpers import request, screen
from llm_servers import openai_like, verdict_json

PERSONAS = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "personas"


def persona(name: str) -> UserConfig:
    return parse_config(PERSONAS / f"{name}.toml")


def founder(openness: str = "balanced", **me) -> UserConfig:
    """A SaaS founder whose goals are customers, partners and investors (and no hiring)."""
    fields = dict(name="Mai Tran", headline="Founder & CEO at Ledgerline", industry="Software",
                  location="Ho Chi Minh City, Vietnam",
                  goals=["Win customers among finance teams in Southeast Asia", "Find integration partners",
                         "Meet investors for our seed round"],
                  past_companies=["Tiki"], interests=["B2B SaaS", "fintech", "accounting automation"],
                  language="en", signature="Mai")
    fields.update(me)
    return UserConfig(me=Me(**fields), policy=Policy(openness=openness))


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


def profile(headline: str, company: str, industry: str | None = None, title: str | None = None, **more) -> dict:
    return dict(headline=headline, company=company, industry=industry, has_photo=True, connections=900,
                experience=[{"title": title or headline.split(" at ")[0].split(",")[0], "company": company, "years": 3}],
                **more)


# -- cold pitches: each kind the issue names, in several languages ------------------------------------

PITCHES = {
    "staffing_hourly_en": (
        profile("Business Development Manager at Nordlane Tech", "Nordlane Tech", "IT Services and IT Consulting"),
        "Hi Mai, we provide dedicated React and Node.js developers from Da Nang at $22/hour, ready within a "
        "week. Can I send you three profiles?",
        ["developers", "$22/hour"]),
    "agency_fee_for_candidates_en": (
        profile("Director at Peakhire Recruitment Agency", "Peakhire", "Staffing and Recruiting"),
        "Hello Mai, our agency places senior accountants and finance engineers with SaaS startups. Our fee is "
        "15% of first-year salary, charged only on success. Worth a 10-minute call?",
        ["recruitment agency", "fee"]),
    "link_building_en": (
        profile("Outreach Specialist at RankForge", "RankForge", "Marketing Services"),
        "Hey Mai! We build do-follow backlinks from DA 60+ tech blogs for SaaS brands like Ledgerline. "
        "Packages start at $350. Want the list of sites?",
        ["backlinks", "$350"]),
    "paid_listing_en": (
        profile("Community Manager at SaaSCompass", "SaaSCompass", "Internet Publishing"),
        "Hi Mai, Ledgerline would be a great fit for our directory of finance tools (40k monthly visitors). "
        "A featured listing is $129/month; shall I set it up for you?",
        ["listing", "$129/month"]),
    "affiliate_programme_en": (
        profile("Affiliate Partnerships Manager at Paydrift", "Paydrift", "Software"),
        "Hi Mai, I run the affiliate programme at Paydrift. Founders in your space earn a 30% recurring "
        "commission for every customer they refer to us. Can I send you the details?",
        ["affiliate", "commission"]),
    "lead_generation_en": (
        profile("Founder at Pipeline Owl | Outbound for B2B SaaS", "Pipeline Owl", "Marketing Services",
                title="Founder"),
        "Mai, we book 15-20 qualified sales meetings a month for B2B SaaS founders, and you only pay per "
        "meeting held. Open to a quick chat this week?",
        ["meetings"]),
    "ad_agency_en": (
        profile("Head of Growth at Clickwell Media", "Clickwell Media", "Advertising Services"),
        "Hi Mai, our performance agency runs Google and LinkedIn ads for fintech startups and cut our clients' "
        "cost per lead by 40% last quarter. Could I show you a 2-minute audit of your account?",
        ["ads"]),
    "agency_es": (
        profile("Director Comercial en Agencia Nube Digital", "Agencia Nube Digital", "Marketing"),
        "Hola Mai, somos una agencia de marketing digital y ayudamos a empresas SaaS como la tuya a conseguir "
        "más clientes en Latinoamérica. ¿Tienes 15 minutos esta semana para una llamada?",
        ["15 minutos"]),
    "outsourcing_vi": (
        profile("Chuyên viên phát triển kinh doanh tại SaoViet Soft", "SaoViet Soft", "Phần mềm"),
        "Chào chị Mai, bên em cung cấp đội ngũ lập trình viên outsource cho các công ty SaaS với chi phí chỉ "
        "từ 18 USD/giờ. Chị cho em xin 15 phút để giới thiệu nhé?",
        ["lập trình viên", "18 USD/giờ"]),
    "ads_vi_without_diacritics": (
        profile("Sales Executive - Digital Marketing", "Rong Bay Media", "Marketing"),
        "Chao chi Mai, ben em nhan chay quang cao Facebook va Google cho doanh nghiep SaaS, cam ket tang 30% "
        "khach hang tiem nang. Chi cho em xin 10 phut goi dien nhe?",
        ["quang cao"]),
    "lead_generation_fr": (
        profile("Fondateur, Agence Leadflow", "Agence Leadflow", "Marketing", title="Fondateur"),
        "Bonjour Mai, nous aidons les éditeurs SaaS à générer des leads qualifiés grâce à la prospection "
        "LinkedIn. Seriez-vous disponible pour un échange de 15 minutes cette semaine ?",
        ["leads"]),
    "staffing_de": (
        profile("Key Account Manager bei DevBrücke GmbH", "DevBrücke GmbH", "IT-Dienstleistungen"),
        "Hallo Mai, wir bieten Unternehmen wie Ihrem erfahrene Entwickler aus Polen zum Stundensatz von 38 €. "
        "Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?",
        ["Entwickler", "Stundensatz"]),
    "seo_pt": (
        profile("Executivo de Contas na Topo Agência", "Topo Agência", "Marketing"),
        "Olá Mai, somos uma agência de SEO e ajudamos empresas como a sua a aparecer na primeira página do "
        "Google. Posso te enviar uma proposta sem compromisso?",
        ["SEO"]),
    "outsourcing_id": (
        profile("Business Development at Kodekita Outsourcing", "Kodekita", "IT Services"),
        "Halo Kak Mai, kami menyediakan developer outsourcing berpengalaman mulai 20 USD per jam. Boleh minta "
        "waktu 15 menit untuk ngobrol minggu ini?",
        ["developer", "per jam"]),
    "ads_it": (
        profile("Commerciale presso Crescita Digitale", "Crescita Digitale", "Marketing"),
        "Ciao Mai, offriamo campagne pubblicitarie su Google per aziende SaaS come la tua, con un aumento medio "
        "del 35% dei contatti. Posso inviarti una proposta?",
        ["campagne pubblicitarie"]),
    "seo_ru": (
        profile("Менеджер по продажам, WebRost", "WebRost", "Маркетинг"),
        "Здравствуйте, Май! Мы предлагаем продвижение сайта и SEO для SaaS-компаний, как ваша. Можно я пришлю "
        "вам коммерческое предложение?",
        ["SEO", "продвижение"]),
    "outsourcing_zh": (
        profile("销售经理 | 云帆外包", "云帆外包", "软件"),
        "Mai 您好，我们提供专业的外包开发团队，价格每小时 20 美元起。方便的话，能约 15 分钟电话聊聊吗？",
        ["外包"]),
    "offshore_ja": (
        profile("営業担当 | ブリッジ開発株式会社", "ブリッジ開発株式会社", "ソフトウェア"),
        "Mai様、弊社はオフショア開発チームをご提供しております。月額料金は業界最安水準です。15分ほどオンラインで"
        "ご説明させていただけませんか？",
        ["オフショア"]),
    "lead_generation_ko": (
        profile("영업 매니저 | 그로스랩", "그로스랩", "마케팅"),
        "안녕하세요 Mai님, 저희는 SaaS 기업을 위한 리드 발굴 서비스를 제공합니다. 15분 정도 통화 가능하실까요?",
        ["리드"]),
    "outsourcing_th": (
        profile("ผู้จัดการฝ่ายขาย | โค้ดไทย เอาท์ซอร์ส", "โค้ดไทย", "ซอฟต์แวร์"),
        "สวัสดีครับคุณ Mai ทางเราให้บริการทีมนักพัฒนาเอาท์ซอร์สในราคาเริ่มต้น 700 บาทต่อชั่วโมง ขอเวลา 15 นาที"
        "เพื่อนำเสนอได้ไหมครับ",
        ["นักพัฒนา"]),
}


@pytest.mark.parametrize("case", PITCHES, ids=list(PITCHES))
def test_a_cold_pitch_is_ignored_as_selling_and_says_what_is_sold(case):
    sender, note, sold = PITCHES[case]
    result = screen(request(note, mutual_connections=12, **sender), founder())
    found = flags(result)
    assert "sales_pitch" in found, (case, found)
    assert result.verdict == "ignore", (case, found)
    evidence = normalize(found["sales_pitch"])  # as the matchers read it: Cyrillic look-alikes are Latin
    assert any(normalize(word) in evidence for word in sold), (case, found["sales_pitch"])


@pytest.mark.parametrize("case", ["staffing_hourly_en", "agency_es", "outsourcing_vi", "lead_generation_ko"])
def test_no_openness_or_mutual_connections_turn_a_pitch_into_an_accept(case):
    sender, note, _ = PITCHES[case]
    result = screen(request(note, mutual_connections=150, **sender), founder(openness="open"))
    assert result.verdict == "ignore"


def test_evidence_says_what_the_sender_sells_and_at_what_price():
    sender, note, _ = PITCHES["staffing_hourly_en"]
    evidence = flags(screen(request(note, **sender), founder()))["sales_pitch"]
    assert "offers" in evidence and "developers" in evidence and "$22/hour" in evidence, evidence


def test_a_company_speaking_of_itself_is_the_sender_offering():
    sender = profile("Operations at StaffNest", "StaffNest", "Staffing and Recruiting", title="Operations")
    note = "StaffNest supplies vetted QA contractors to SaaS startups across APAC. Interested in a few CVs?"
    result = screen(request(note, **sender), founder())
    assert "contractors" in flags(result).get("sales_pitch", ""), flags(result)
    assert result.verdict == "ignore"


def test_a_sales_development_representative_asking_for_15_minutes():
    sender = profile("Sales Development Representative at Pipewave", "Pipewave", "Software")
    note = "Hi Mai, quick one: could I steal 15 minutes next week to walk you through how Pipewave fits your stack?"
    result = screen(request(note, mutual_connections=30, **sender), founder(openness="open"))
    evidence = flags(result).get("sales_pitch", "")
    assert "sales development representative" in evidence.casefold() and "15 minutes" in evidence, evidence
    assert result.verdict == "ignore"


@pytest.mark.parametrize("note", [
    "Mai, love what you're building at Ledgerline! Would be great to connect.",
    "Impressive journey, Mai. Let's connect!",
    None,
])
def test_a_sales_development_representative_with_a_flattering_one_liner_is_ignored(note):
    sender = profile("SDR at Pipewave | Helping finance teams close the books faster", "Pipewave", "Software")
    result = screen(request(note, mutual_connections=8, **sender), founder())
    assert "sales_pitch" in flags(result)
    assert result.verdict == "ignore"


def test_a_career_coach_is_a_seller_even_to_a_user_looking_for_roles():
    sender = profile("Career Coach | Helping analysts land senior roles", "Bright Path Coaching", "Professional Training")
    note = ("Hi Minh, I help finance analysts prepare for senior interviews. My next 4-week programme starts "
            "Monday and a few seats are left; want me to save you one?")
    result = screen(request(note, **sender), persona("analyst-vi"))
    assert "sales_pitch" in flags(result) and result.verdict == "ignore"


def test_staff_augmentation_is_selling_to_a_lead_who_hires():
    sender = profile("Partner, Staff Augmentation at Hanoi Devworks", "Hanoi Devworks", "IT Services")
    note = ("Hi Sarah, we can extend your backend team with vetted senior engineers from Vietnam within two "
            "weeks, at a fraction of Singapore rates. Open to a call on Thursday?")
    result = screen(request(note, mutual_connections=25, **sender), persona("eng-lead-en"))
    assert "sales_pitch" in flags(result) and result.verdict == "ignore"


def test_an_agency_that_charges_a_fee_sells_even_to_a_lead_who_hires():
    sender = profile("Business Development Manager at TalentArc Recruitment", "TalentArc Recruitment",
                     "Staffing and Recruiting")
    note = ("Sarah, we have filled 50+ backend roles for Singapore scale-ups; our placement fee is 18% and "
            "we guarantee replacements. Shall I send you a shortlist this week?")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert "sales_pitch" in flags(result) and result.verdict == "ignore"


def test_a_tool_pitched_to_a_recruiter_in_indonesian():
    sender = profile("Account Executive at Rekrutin", "Rekrutin", "Software")
    note = ("Halo Kak Lina, kami membantu agensi rekrutmen seperti Talentbridge menyaring kandidat 3x lebih "
            "cepat. Ada promo gratis 14 hari bulan ini, boleh saya jadwalkan demo 20 menit?")
    result = screen(request(note, mutual_connections=40, **sender), persona("recruiter-open-en"))
    assert "sales_pitch" in flags(result) and result.verdict == "ignore"


def test_an_insurance_pitch_to_the_analyst_without_diacritics():
    sender = profile("Chuyen vien tu van tai chinh | Bao hiem", "An Phat Life", "Insurance")
    note = ("Chao anh Minh, em ben An Phat Life, em muon gioi thieu goi bao hiem dau tu moi, lai suat tot hon "
            "gui tiet kiem. Anh cho em xin 15 phut cafe tuan nay nhe.")
    result = screen(request(note, **sender), persona("analyst-vi"))
    assert "sales_pitch" in flags(result) and result.verdict == "ignore"


# -- honest contacts that look like selling -----------------------------------------------------------

HONEST = {
    "partner_with_shared_customers": (
        profile("Head of Partnerships at Invoicepilot", "Invoicepilot", "Software"),
        "Hi Mai, quite a few of our customers also run Ledgerline and keep asking whether the two could sync. "
        "Would you be open to exploring an integration together?"),
    "acquirer": (
        profile("VP Corporate Development at Finbase Group", "Finbase Group", "Financial Services"),
        "Hi Mai, we have followed Ledgerline for a while and would like to talk, confidentially, about a "
        "possible acquisition. Could we find 20 minutes in the next few weeks?"),
    "investor_learning": (
        profile("Principal at Mekong Ventures", "Mekong Ventures", "Venture Capital and Private Equity"),
        "Hi Mai, we invest in B2B SaaS across Southeast Asia and I'd love to learn more about what you're "
        "building at Ledgerline. Open to a short chat?"),
    "journalist": (
        profile("Reporter at Saigon Tech Review", "Saigon Tech Review", "Online Media"),
        "Hello Mai, I'm writing a piece on finance software startups in Vietnam and would value 15 minutes of "
        "your time for a few quotes."),
    "student": (
        profile("Computer Science student at RMIT Vietnam", "RMIT Vietnam", "Higher Education"),
        "Hi Mai, I'm a final-year student writing my thesis on how SaaS startups price their products. Could I "
        "ask you three short questions by message?"),
    "prospective_customer": (
        profile("Finance Director at Bamboo Retail", "Bamboo Retail", "Retail"),
        "Hi Mai, we're evaluating tools to automate our month-end close and Ledgerline came up twice. Could "
        "you tell me whether you support VAS reporting?"),
    "investor_vi": (
        profile("Giám đốc đầu tư tại Sông Hồng Capital", "Sông Hồng Capital", "Venture Capital"),
        "Chào chị Mai, quỹ bên em đầu tư vào các startup SaaS giai đoạn seed, em rất muốn tìm hiểu thêm về "
        "Ledgerline. Chị có 20 phút trao đổi tuần sau không ạ?"),
    "journalist_es": (
        profile("Periodista en Diario Fintech", "Diario Fintech", "Media"),
        "Hola Mai, soy periodista y estoy escribiendo un artículo sobre startups SaaS en el sudeste asiático. "
        "¿Tendrías 15 minutos para una breve entrevista?"),
}


@pytest.mark.parametrize("case", HONEST, ids=list(HONEST))
def test_an_honest_contact_the_founder_wants_is_not_selling(case):
    sender, note = HONEST[case]
    result = screen(request(note, mutual_connections=5, **sender), founder())
    assert "sales_pitch" not in flags(result), (case, flags(result))
    assert result.verdict != "ignore", (case, flags(result))


def test_a_recruiter_offering_a_role_is_not_selling_to_a_user_who_seeks_roles():
    sender = profile("Talent Acquisition Lead at VNPay", "VNPay", "Financial Services")
    note = ("Chào anh Minh, bên em đang tuyển Senior Analyst cho mảng thanh toán, em nghĩ kinh nghiệm của anh "
            "rất phù hợp. Anh có 15 phút trao đổi tuần này không ạ?")
    result = screen(request(note, **sender), persona("analyst-vi"))
    assert "sales_pitch" not in flags(result)
    assert result.verdict != "ignore"


def test_an_agency_recruiter_offering_candidates_is_not_selling_to_a_lead_who_hires():
    sender = profile("Tech Recruiter at Linkbridge Talent", "Linkbridge Talent", "Staffing and Recruiting")
    note = ("Hi Sarah, I'm working with two senior backend engineers (Go, Kafka) who want to move to "
            "Singapore product teams. Happy to share their profiles if that helps your hiring.")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert "sales_pitch" not in flags(result)
    assert result.verdict != "ignore"


def test_the_same_agency_sells_to_a_founder_who_does_not_hire():
    sender = profile("Tech Recruiter at Linkbridge Talent", "Linkbridge Talent", "Staffing and Recruiting")
    note = ("Hi Mai, we place senior backend engineers with SaaS startups in Vietnam. Can I send you a few "
            "profiles this week?")
    assert "sales_pitch" in flags(screen(request(note, **sender), founder()))


def test_a_vendor_the_users_goals_ask_for_is_not_selling():
    sender, note, _ = PITCHES["staffing_hourly_en"]
    config = founder(goals=["Find an outsourcing partner for our mobile app", "Win customers among finance teams"])
    result = screen(request(note, **sender), config)
    assert "sales_pitch" not in flags(result), flags(result)
    assert "sales_pitch" in flags(screen(request(note, **sender), founder()))


def test_a_partner_pitch_to_a_user_with_no_partner_goals_is_still_read_as_selling():
    sender, note = HONEST["partner_with_shared_customers"]
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert result.verdict != "accept"


def test_a_peer_sharing_a_result_is_not_selling():
    sender = profile("Staff Engineer at Xendit", "Xendit", "Software")
    note = ("Hi Sarah, our team cut p99 latency by 40% using the queueing approach from your talk at PyCon. "
            "Thanks for sharing it, would love to connect.")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert "sales_pitch" not in flags(result)
    assert result.verdict == "accept"


def test_a_salesperson_among_salespeople_is_a_peer():
    sender = profile("Account Executive at Pipewave", "Pipewave", "Software")
    note = "Hi Mai, fellow AE in the Saigon SaaS scene, I enjoyed your post on pricing pages. Would love to connect."
    me = founder(headline="Account Executive at Ledgerline", goals=["Meet other SaaS sales people"])
    assert "sales_pitch" not in flags(screen(request(note, **sender), me))


# -- a favour asked of a stranger ---------------------------------------------------------------------

JOB_SEEKER = profile("Backend Engineer | Open to work", "Freelance", "Software", title="Backend Engineer")


@pytest.mark.parametrize("openness", ["selective", "balanced", "open"])
def test_a_stranger_asking_for_a_referral_is_never_accepted(openness):
    note = ("Hi Sarah, I read your post on distributed systems and I'm applying for the senior backend role at "
            "Stripe. Could you refer me? I'd really appreciate it.")
    result = screen(request(note, mutual_connections=25, **JOB_SEEKER), persona("eng-lead-en").model_copy(
        update={"policy": Policy(openness=openness)}))
    assert result.verdict != "accept"
    assert "favour" in flags(result).get("sales_pitch", "")


@pytest.mark.parametrize("note", [
    "Hello, could you forward my CV to your HR team? Thank you so much.",
    "Hola, ¿podrías recomendarme para un puesto en tu empresa? Te envío mi CV.",
    "Bonjour, pourriez-vous transmettre mon CV à votre équipe RH ?",
    "Chào anh, anh giới thiệu giúp em vào công ty anh được không ạ?",
    "Halo Kak, bisa tolong referensikan saya ke tim HR?",
])
def test_a_favour_from_a_stranger_with_nothing_else_relevant_is_ignored(note):
    sender = profile("Hotel Receptionist at Sunrise Resort", "Sunrise Resort", "Hospitality")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert result.verdict == "ignore"
    assert "sales_pitch" in flags(result)


def test_a_favour_from_a_former_colleague_is_fine():
    sender = dict(JOB_SEEKER, experience=[{"title": "Backend Engineer", "company": "Grab", "years": 4}])
    note = ("Hi Sarah, we worked together at Grab on the payments team! I'm applying to Stripe now; would you "
            "be able to refer me?")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert "sales_pitch" not in flags(result)
    assert result.verdict == "accept"


# -- any backend: a seller is never accepted ----------------------------------------------------------

REFERRAL = ({"name": "Dana Lim", **JOB_SEEKER},
            "Hi Sarah, I read your post on distributed systems and I'm applying for the senior backend role at "
            "Stripe. Could you refer me? I'd really appreciate it.")


@pytest.mark.parametrize("sender, note", [
    ({"name": "Lucía Gómez", **PITCHES["agency_es"][0]}, PITCHES["agency_es"][1]),
    REFERRAL,
], ids=["pitch", "favour"])
def test_an_llm_that_accepts_a_seller_or_a_favour_is_capped(server, tmp_path, run, sender, note):
    server.behaviour = openai_like(lambda body: verdict_json("accept", flags=[]))
    path = tmp_path / "request.json"
    path.write_text(json.dumps({"sender": sender, "note": note}), encoding="utf-8")
    code, out, err = run("screen", str(path), "-c", str(PERSONAS / "eng-lead-en.toml"), "--json", "--backend",
                         "openai", "--base-url", server.url, "--model", "test-model")
    assert code == 0, err
    result = json.loads(out.splitlines()[0])
    assert result["verdict"] != "accept"
    assert "sales_pitch" in {flag["id"] for flag in result["flags"]}


def test_a_colleague_on_the_always_accept_list_is_the_users_to_judge():
    sender = profile("Business Development Manager at Talentbridge Asia", "Talentbridge Asia", "Staffing and Recruiting")
    result = screen(request(None, **sender), persona("recruiter-open-en"))
    assert "sales_pitch" not in flags(result) and result.verdict == "accept"


def test_hits_of_equal_length_come_in_text_order_whatever_the_hash_seed():
    """Evidence must not depend on PYTHONHASHSEED: two hits of one length ("bao gia", "gia tot")
    are listed as the note has them, in every process."""
    import subprocess
    import sys

    script = ("from assist.guidance import load_guidance; from assist.text import Text; "
              "cue = load_guidance().selling.cues['price']; "
              "print(cue.find_all(Text.of('Ben em gui bao gia, gia tot nhat cho anh')))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(6)}
    assert outputs == {"['bao gia', 'gia tot']\n"}
