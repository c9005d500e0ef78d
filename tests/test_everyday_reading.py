"""Everyday reading, second round: what a request DOES, in sentences of our own.

From the categories of issue 10: a company named as a product is no shared past; a claim of having
met that names nothing is not a known relationship; a field's own vocabulary (fraud, AML, the
travel rule) is that field, not an unrelated one; a note that names the user's team's work in the
plural "your" of other languages is personal; an agency's success fee is a price.
"""

from __future__ import annotations

import pytest

from assist.config import Me, Policy, UserConfig
from helpers import request, screen


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


def config(openness: str = "balanced", **me) -> UserConfig:
    fields = dict(name="Jana Novak", headline="Cloud Security Manager at Brightwall", industry="Computer & Network Security",
                  location="Vienna, Austria", goals=["Hire cloud security engineers", "Meet other security teams"],
                  target_companies=["Wiz"], past_companies=["Oracle"], interests=["cloud security", "threat modelling"],
                  language="en", signature="Jana")
    fields.update(me)
    return UserConfig(me=Me(**fields), policy=Policy(openness=openness))


def sender(headline: str, company: str, industry: str, title: str | None = None, **more) -> dict:
    return dict(headline=headline, company=company, industry=industry, has_photo=True, connections=900,
                experience=[{"title": title or headline, "company": company, "years": 5}], **more)


# -- a company named as a product, a skill or a module, is not where anyone worked --------------------

@pytest.mark.parametrize("headline, note", [
    ("Oracle Database Consultant bei Brückner Beratung GmbH",
     "Guten Tag, für einen Kunden in Linz suchen wir Oracle-DBA (m/w/d), Start im Mai. Interesse, oder kennen Sie jemanden?"),
    ("Oracle Cloud Recruiter at Fennick Staffing",
     "Hi Jana, I'm filling several Oracle-ERP finance roles for a retailer in Graz. Any interest, or anyone you could recommend?"),
])
def test_a_past_employers_product_is_not_a_shared_past(headline, note):
    company = headline.split(" bei ")[-1].split(" at ")[-1]
    result = screen(request(note, mutual_connections=1, **sender(headline, company, "Staffing & Recruiting")), config())
    found = flags(result)
    assert "known_relationship" not in found, found
    assert result.verdict != "accept", found


def test_the_company_after_at_in_a_headline_is_where_they_work_now():
    now = sender("Platform Engineer at Oracle", "Oracle", "Software")
    assert "works at Oracle, where you worked" in flags(screen(request(None, **now), config())).get("known_relationship", "")


# -- a claim of having met, with nothing named, is a claim ---------------------------------------------

@pytest.mark.parametrize("headline", ["Solutions Consultant at Clouddeck", "Pre-sales Engineer at Clouddeck",
                                      "Account Executive at Clouddeck"])
@pytest.mark.parametrize("note", [
    "Lovely chatting with you at the meetup last week, hope we keep in touch!",
    "Nice to meet you at the event yesterday! Let's stay in touch.",
])
def test_a_sellers_claim_of_meeting_at_an_unnamed_event_does_not_make_them_known(headline, note):
    vendor = sender(headline, "Clouddeck", "Software")
    software = config(headline="Engineering Manager at Brightwall", industry="Software", goals=["Hire backend engineers"],
                      interests=["distributed systems"])
    result = screen(request(note, mutual_connections=1, **vendor), software)
    found = flags(result)
    assert "sales_pitch" in found, found
    assert result.verdict != "accept", found


def test_a_claim_of_meeting_at_a_named_event_is_still_personal():
    peer = sender("Security Engineer at Clouddeck", "Clouddeck", "Computer & Network Security")
    note = "Great meeting you at the Vienna Cloud Security Summit on Tuesday, your point on token scopes stuck with me."
    result = screen(request(note, mutual_connections=1, **peer), config())
    found = flags(result)
    assert "personalized_note" in found and "known_relationship" in found, found
    assert result.verdict == "accept", found


# -- the vocabulary of a field is that field ------------------------------------------------------------

def risk_head(openness: str = "balanced") -> UserConfig:
    return config(openness, name="Mei Tan", headline="Head of Financial Crime at Lumen Wallet", industry="Financial services",
                  location="Kuala Lumpur, Malaysia", goals=["Hire AML investigators", "Meet peers in financial crime"],
                  target_companies=["Revolut"], past_companies=["CIMB"],
                  interests=["transaction monitoring", "travel rule", "sanctions screening"])


@pytest.mark.parametrize("note", [
    "Hello Ms Tan, I'm a final-year student; my dissertation models mule-account fraud with graph features. I'd value learning how practitioners tackle it.",
    "Hi Ms Tan, my honours project studies chargeback abuse and synthetic identities in e-commerce. I'd be glad to learn how industry teams approach it.",
    "Chào chị, em là sinh viên năm cuối, đang làm khóa luận về phòng chống rửa tiền (AML) và gian lận thẻ. Em mong được học hỏi từ chị.",
])
def test_a_student_of_fraud_or_aml_is_in_a_financial_crime_users_field(note):
    student = dict(headline="Student, Information Systems @ Taylor's University", company="Taylor's University",
                   industry="Higher Education", has_photo=True, connections=300,
                   experience=[{"title": "Risk Analytics Intern", "company": "Carousell", "years": 0.5}])
    result = screen(request(note, mutual_connections=3, **student), risk_head())
    found = flags(result)
    assert "irrelevant" not in found, found
    assert result.verdict != "ignore", found


def test_an_interest_in_the_travel_rule_is_no_interest_in_hotels():
    hotelier = sender("Head of Housekeeping at Coral Bay Resorts", "Coral Bay Resorts", "Hospitality")
    result = screen(request(None, mutual_connections=25, **hotelier), risk_head("selective"))
    found = flags(result)
    assert "professional_relevance" not in found and "irrelevant" in found, found
    assert result.verdict == "ignore", found


# -- "your" in the plural: the user's team's work, named ---------------------------------------------

@pytest.mark.parametrize("note", [
    "Servus Jana, ich leite ein Blue Team in Salzburg. Euren Vortrag über Schlüsselrotation fand ich stark, "
    "hättest du Lust auf einen Austausch unter Security-Teams?",
    "Hola Jana, dirijo el equipo de seguridad de una aseguradora en Bilbao. Vuestra charla sobre rotación de claves "
    "me pareció muy útil; ¿os apetece intercambiar experiencias?",
])
def test_a_note_about_the_users_teams_work_in_the_plural_is_personal(note):
    peer = sender("Security Team Lead", "Alpina Versicherung", "Insurance", title="Security Team Lead")
    result = screen(request(note, mutual_connections=4, **peer), config())
    found = flags(result)
    assert "personalized_note" in found and "generic_note" not in found, found
    assert result.verdict == "accept", found


# -- an agency's success fee is a price ----------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Hi Mei, I see Lumen is hiring an AML investigator. I have two vetted candidates free to start next month; "
    "we work on a 20% success fee. Shall I send the profiles?",
    "Hi Mei, two strong AML investigators on my desk right now, both ready to interview. Commission is only payable "
    "on placement. Want me to share their CVs?",
])
def test_candidates_offered_for_a_fee_are_a_sale(note):
    agent = sender("Principal Consultant, Financial Crime Recruitment", "Northgate Talent", "Staffing & Recruiting")
    result = screen(request(note, mutual_connections=5, **agent), risk_head("selective"))
    found = flags(result)
    assert "sales_pitch" in found, found
    assert result.verdict == "ignore", found


# -- a claim of having met or worked together, in other languages --------------------------------------

@pytest.mark.parametrize("note", [
    "Hola Jana, nos conocimos en la Cloud Security Alliance Summit de Madrid; me gustó tu enfoque sobre IAM.",
    "Bonjour Jana, nous nous sommes croisés au Forum InCyber de Lille, ravi d'avoir échangé sur la gestion des secrets.",
    "Hallo Jana, schön, dich gestern auf dem Cloud Native Day Wien kennengelernt zu haben!",
    "Oi Jana, trabalhamos juntos na Oracle em 2018, que bom te encontrar aqui.",
    "Halo Jana, kita bertemu di Cloud Security Meetup Jakarta bulan lalu, senang sekali ngobrol dengan Anda.",
])
def test_a_claim_of_a_shared_past_in_another_language_is_read(note):
    found = flags(screen(request(note, profile_url="https://www.linkedin.com/in/someone-4411"), config()))
    assert "known_relationship" in found, found


# -- a seller's compliment is an opener, not a purpose ---------------------------------------------------

@pytest.mark.parametrize("headline, note", [
    ("Business Development Representative at Quotaflow",
     "Jana, your keynote on zero-trust rollouts was brilliant. Would love to connect and hear what's on your roadmap this year!"),
    ("SDR | Helping security teams move faster at Patchly",
     "Hi Jana, really enjoyed your article on secrets rotation. Keen to connect and learn about your team's goals for 2027."),
])
def test_a_sales_reps_flattering_one_liner_is_ignored(headline, note):
    rep = sender(headline, headline.split(" at ")[-1], "Software")
    result = screen(request(note, **rep), config())
    found = flags(result)
    assert "sales_pitch" in found, found
    assert result.verdict == "ignore", found


# -- staff augmentation, in words a vendor uses ----------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Hi Tom, we spin up nearshore pods of QA and mobile engineers for scale-ups in Europe, productive within ten days. Fancy a chat on Thursday?",
    "Hello Tom, we assemble dedicated squads of React and Node developers for growing product teams. Worth a quick call next week?",
])
def test_squads_and_pods_on_offer_are_staff_augmentation(note):
    hirer = config(name="Tom Berger", headline="VP Engineering at Kanzlei Cloud", industry="Software",
                   goals=["Hire senior mobile and backend engineers"], interests=["mobile"])
    result = screen(request(note, profile_url="https://www.linkedin.com/in/someone-8812"), hirer)
    found = flags(result)
    assert "sales_pitch" in found, found
    assert result.verdict == "ignore", found


# -- favours asked of a stranger: an introduction, a visa ------------------------------------------------

@pytest.mark.parametrize("note", [
    "Hi Jana, I saw you're connected to Lea Brandt at Wiz. Could you put us in touch? My master's project is on CSPM drift.",
    "Jana, apologies for the cold message. Would you mind introducing me to your CISO? I'm researching SOC staffing.",
    "Hello Jana, I am cloud security engineer with 6 years. Does Brightwall sponsor work visas for Austria? I can join quickly.",
    "Hi Jana, I'm a pentester in Cairo looking to move to Europe; is visa sponsorship possible on your team?",
])
def test_a_favour_asked_of_a_stranger_is_never_accepted(note):
    student = sender("Cloud security engineer", "Nilecloud", "Computer & Network Security")
    result = screen(request(note, **student), config())
    found = flags(result)
    assert "sales_pitch" in found, found
    assert result.verdict != "accept", found


# -- a headline that names companies without "at" says whom the sender works for, not where -----------

@pytest.mark.parametrize("headline, company", [
    ("Talent Partner (contract) | Tech hiring for Oracle, Wiz and more", "Apex Global Talent"),
    ("Fractional CISO | Advising Oracle alumni founders", "Northlake Advisory"),
    ("Headhunter | Clients: Oracle, SAP, Siemens", "Kestrel Search"),
])
def test_a_company_named_in_a_headline_is_no_workplace_when_another_employer_is_given(headline, company):
    found = flags(screen(request(None, **sender(headline, company, "Staffing & Recruiting")), config()))
    assert "where you worked" not in found.get("known_relationship", ""), found


def test_a_headline_company_still_counts_when_the_profile_gives_no_employer():
    bare = dict(headline="Security Engineer | Oracle", company=None, industry="Software", has_photo=True,
                connections=300, experience=[])
    assert "where you worked" in flags(screen(request(None, **bare), config())).get("known_relationship", "")
