"""Issue 10, breadth of fields: a profile is read as the field its people work in, in their own
titles and languages (legal, compliance, HR, the public sector, consulting, media, design, research,
energy, telecom, automotive, aviation, e-commerce, non-profits, logistics, accounting), so an honest
sender is neither matched to the user by an incidental word nor left unread. Profiles are my own."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, request, screen
from assist.config import parse_config
from assist.guidance import Guidance
from assist.signals import _families
from assist.text import Text

GUIDANCE = Guidance()


def persona(name: str):
    return parse_config(FIXTURES / "eval" / "personas" / f"{name}.toml")


def fields(headline: str, industry: str = "", title: str = "") -> set[str]:
    profile = Text.of(" \n ".join(filter(None, [headline, industry, title])))
    return set(_families(GUIDANCE, profile))


def sender(headline: str, company: str, industry: str, title: str, location: str = "") -> dict:
    return dict(headline=headline, company=company, industry=industry, location=location or None, has_photo=True,
                connections=350, experience=[{"title": title, "company": company, "years": 4}])


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


# --- read as their real field ---------------------------------------------------------------------

@pytest.mark.parametrize(("headline", "industry", "title", "family"), [
    ("Abogada corporativa en Despacho Ruiz Olmedo", "Servicios jurídicos", "Abogada", "legal"),
    ("Rechtsanwältin | Kanzlei Hartmann & Vogt", "Law Practice", "Rechtsanwältin", "legal"),
    ("Luật sư tại Công ty Luật Hưng Phát", "", "Luật sư", "legal"),
    ("Responsable conformité chez Banque Delorme", "Services financiers", "Responsable conformité", "compliance"),
    ("Chuyên viên tuân thủ, Phòng Pháp chế", "", "Chuyên viên tuân thủ", "compliance"),
    ("Kreditrisikoanalystin bei der Sparkasse Oberland", "", "Kreditrisikoanalystin", "compliance"),
    ("HR Business Partner at Brauerei Lindner", "Food & Beverages", "HR Business Partner", "hr"),
    ("Chuyên viên nhân sự tại Công ty May Thành Công", "", "Chuyên viên nhân sự", "hr"),
    ("Personalreferentin", "Personalwesen", "Personalreferentin", "hr"),
    ("Funcionaria en el Ministerio de Hacienda", "Administración pública", "Funcionaria", "public_sector"),
    ("Công chức tại Ủy ban nhân dân Quận Ba Đình", "", "Công chức", "public_sector"),
    ("Unternehmensberater bei Falkenstein Partners", "", "Unternehmensberater", "consulting"),
    ("Strategy Consultant | Management Consulting", "", "Strategy Consultant", "consulting"),
    ("Phóng viên báo Thanh Niên", "", "Phóng viên", "media"),
    ("Periodista en Diario del Sur", "Newspapers", "Periodista", "media"),
    ("Product Designer at Brightloom", "", "Product Designer", "design"),
    ("Diseñadora gráfica freelance", "", "Diseñadora gráfica", "design"),
    ("Doktorandin am Institut für Meeresbiologie", "", "Doktorandin", "research"),
    ("Nghiên cứu viên tại Viện Nghiên cứu Hải dương học", "", "Nghiên cứu viên", "research"),
    ("Ingénieure énergies renouvelables chez Soleo", "", "Ingénieure", "energy"),
    ("Kỹ sư điện gió tại Trung Nam Group", "", "Kỹ sư điện", "energy"),
    ("Ingeniero de telecomunicaciones en Movired", "Telecommunications", "Ingeniero", "telecom"),
    ("Kỹ sư viễn thông tại Viettel", "", "Kỹ sư viễn thông", "telecom"),
    ("Kfz-Meister im Autohaus Brenner", "Automotive", "Werkstattleiter", "automotive"),
    ("Gerente de concesionario, Automotriz del Pacífico", "", "Gerente", "automotive"),
    ("Tiếp viên hàng không tại Bamboo Airways", "", "Tiếp viên", "aviation"),
    ("Technicienne aéronautique chez Aérostar", "Aviation & Aerospace", "Technicienne", "aviation"),
    ("Category Manager, Thương mại điện tử", "Retail", "Category Manager", "retail"),
    ("Leiterin Onlinehandel bei Gartenwelt", "", "Leiterin Onlinehandel", "retail"),
    ("Program Officer at a humanitarian NGO", "Non-profit Organization Management", "Program Officer", "nonprofit"),
    ("Coordinadora de proyectos, organización sin fines de lucro", "", "Coordinadora", "nonprofit"),
    ("Freight Forwarding Manager at Harbourline", "", "Freight Forwarder", "logistics"),
    ("Trưởng phòng giao nhận, Công ty Kho vận Sao Mai", "", "Trưởng phòng", "logistics"),
])
def test_a_profile_is_read_as_its_field(headline, industry, title, family):
    assert family in fields(headline, industry, title), fields(headline, industry, title)


@pytest.mark.parametrize(("headline", "industry", "title"), [
    ("Kế toán trưởng tại Công ty Xây dựng Phú Mỹ", "Construction", "Kế toán trưởng"),
    ("Contadora senior en Muebles del Norte", "Furniture", "Contadora"),
])
def test_an_accountant_of_another_industry_is_in_accounting_not_finance(headline, industry, title):
    found = fields(headline, industry, title)
    assert "accounting" in found and "finance" not in found, found


@pytest.mark.parametrize(("headline", "title", "not_family"), [
    ("Principal Software Architect at Quillstack", "Software Architect", "construction"),
    ("Electrical Engineer, substation design", "Electrical Engineer", "software"),
    ("Civil Engineer at Meridian Bridges", "Civil Engineer", "software"),
])
def test_a_compound_title_says_its_field_not_its_last_word(headline, title, not_family):
    assert not_family not in fields(headline, "", title), fields(headline, "", title)


# --- sharing a field with a persona ---------------------------------------------------------------

@pytest.mark.parametrize("who", [
    sender("Compliance Manager, Regulatory Affairs", "Lumen Wallet", "Financial Services", "Compliance Manager"),
    sender("Responsable de cumplimiento normativo", "Remesas Andinas", "Servicios financieros", "Cumplimiento normativo"),
])
def test_a_compliance_peer_shares_the_compliance_leads_field(who):
    result = screen(request(None, **who), persona("compliance-lead-en"))
    assert "irrelevant" not in flags(result), flags(result)
    assert "same field" in flags(result).get("professional_relevance", ""), flags(result)


@pytest.mark.parametrize("who", [
    sender("Freight Forwarding Manager", "Harbourline Cargo", "Transportation/Trucking/Railroad", "Freight Forwarder"),
    sender("Trưởng phòng kho vận", "Sao Mai Kho Vận", "Logistics", "Quản lý kho vận"),
])
def test_a_logistics_professional_shares_the_founders_wanted_field(who):
    result = screen(request(None, **who), persona("ceo-founder-en"))
    assert "irrelevant" not in flags(result), flags(result)
    assert "professional_relevance" in flags(result), flags(result)


@pytest.mark.parametrize("who", [
    sender("Talent Acquisition Lead | Engineering hiring", "Kinetic Pay", "Staffing & Recruiting", "Talent Acquisition Lead"),
    sender("Chuyên viên tuyển dụng IT, phần mềm", "Sóng Việt Software", "Staffing & Recruiting", "Chuyên viên tuyển dụng"),
])
def test_a_peer_recruiter_in_tech_shares_the_recruiters_field(who):
    result = screen(request(None, **who), persona("recruiter-open-en"))
    assert "irrelevant" not in flags(result), flags(result)
    assert "professional_relevance" in flags(result), flags(result)


# --- a recruiter's field is whom they hire ---------------------------------------------------------

@pytest.mark.parametrize("who", [
    sender("Reclutadora de enfermería para Alemania", "Puente Salud", "Staffing & Recruiting",
           "Reclutadora de enfermeras"),
    sender("Tuyển dụng đầu bếp, nhà hàng khách sạn tại Nhật", "Sakura Nhân Lực", "Staffing & Recruiting",
           "Trưởng phòng tuyển dụng"),
])
def test_a_recruiter_for_another_field_is_no_recruiter_for_the_user(who):
    result = screen(request(None, **who), persona("analyst-vi"))
    assert "a recruiter" not in flags(result).get("professional_relevance", ""), flags(result)
    assert "irrelevant" in flags(result), flags(result)


def test_a_recruiter_of_the_users_field_still_counts_when_their_trade_words_outnumber_it():
    who = sender("Talent Acquisition Partner | Headhunter | Recruitment", "Navi Search", "Staffing & Recruiting",
                 "Recruiter, fintech and banking")
    result = screen(request(None, **who), persona("analyst-vi"))
    assert "irrelevant" not in flags(result), flags(result)
    assert "professional_relevance" in flags(result), flags(result)
