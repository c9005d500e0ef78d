"""Everyday judgement: what an ordinary request DOES, read from its structure, in words of our own.

Written from the categories of issue 10 (recruiters and candidates, vendors whose pitch has no
sales words, contacts who serve the user's goals, notes that name the user's company by its short
name, strangers from unrelated fields); the names, companies and sentences are invented here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import Me, Policy, UserConfig, parse_config
from helpers import request, screen

PERSONAS = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "personas"


def persona(name: str) -> UserConfig:
    return parse_config(PERSONAS / f"{name}.toml")


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


def profile(headline: str, company: str, industry: str | None = None, title: str | None = None, **more) -> dict:
    return dict(headline=headline, company=company, industry=industry, has_photo=True, connections=1200,
                experience=[{"title": title or headline.split(" at ")[0].split(",")[0], "company": company, "years": 4}],
                **more)


def shipping_ceo(openness: str = "balanced") -> UserConfig:
    """A founder whose company has a two-word name its contacts shorten ("Harbourview")."""
    return UserConfig(me=Me(
        name="Ines Duarte", headline="CEO at Harbourview Analytics", industry="Software", location="Porto, Portugal",
        goals=["Find customers among shipping lines", "Meet investors for our seed round", "Find integration partners"],
        target_companies=["Hapag-Lloyd"], past_companies=["OutSystems"], interests=["port analytics", "B2B SaaS"],
        language="en", signature="Ines"), policy=Policy(openness=openness))


# -- contacts who serve the user's goals, and say so ----------------------------------------------------

def test_a_note_that_names_the_users_company_by_its_short_name_is_personal():
    sender = profile("Partner at Lisbon Seed Fund | B2B software", "Lisbon Seed Fund", "Venture Capital")
    note = "Hello Ines, a friend at a port operator keeps praising Harbourview. We invest at seed in maritime software."
    result = screen(request(note, mutual_connections=4, **sender), shipping_ceo())
    found = flags(result)
    assert "personalized_note" in found and "generic_note" not in found, found
    assert result.verdict == "accept", found


def test_a_buyer_reviewing_vendors_is_a_customer_not_a_seller():
    sender = profile("Head of Fleet Planning at Hapag-Lloyd", "Hapag-Lloyd", "Maritime Transportation")
    note = ("Hi Ines, we are comparing berth-scheduling providers for next year and your name came up. "
            "Could I ask you a few questions before we decide?")
    result = screen(request(note, **sender), shipping_ceo())
    found = flags(result)
    assert "sales_pitch" not in found and "generic_note" not in found, found
    assert result.verdict == "accept", found


@pytest.mark.parametrize("note", [
    "Bonjour Katrin, je prépare un article sur la sécurité des API dans les banques européennes et j'aimerais vous interroger.",
    "Hallo Katrin, ich schreibe gerade für einen Artikel über Bug-Bounty-Programme und würde Sie gern kurz befragen.",
])
def test_a_journalist_who_says_what_they_write_is_not_generic(note):
    sender = profile("Tech reporter at Netzpolitik Daily", "Netzpolitik Daily", "Online Media")
    found = flags(screen(request(note, mutual_connections=3, **sender), persona("security-lead-en")))
    assert "generic_note" not in found and "sales_pitch" not in found, found


def test_an_interest_written_with_a_hyphen_is_the_interest():
    sender = profile("Offensive security engineer at Nordsec", "Nordsec", "Computer & Network Security")
    note = "Hi Katrin, I run purple-team exercises and write about Red-Teaming for cloud platforms."
    found = flags(screen(request(note, **sender), persona("security-lead-en")))
    assert "red-teaming" in found.get("professional_relevance", "").casefold(), found


def test_a_student_of_the_users_field_at_a_university_is_not_irrelevant():
    sender = dict(headline="PhD candidate, computer vision at Kyoto University", company="Kyoto University",
                  industry="Higher Education", has_photo=True, connections=200,
                  experience=[{"title": "Teaching Assistant", "company": "Kyoto University", "years": 2}])
    note = "Tanaka-san, I read your evaluation notes on multimodal models and have one question about rubric drift."
    result = screen(request(note, **sender), persona("ml-lead-en"))
    assert "irrelevant" not in flags(result), flags(result)
    assert result.verdict != "ignore"


def test_a_free_speaking_invitation_is_not_a_sale():
    sender = profile("Organiser, AppSec Days Vienna (volunteer-run)", "AppSec Days e.V.", "Non-profit Organizations",
                     title="Organiser")
    note = ("Hi Katrin, our programme team would like to invite you for a 30-minute talk in September. "
            "There is no fee for speakers, and we cover travel.")
    found = flags(screen(request(note, mutual_connections=6, **sender), persona("security-lead-en")))
    assert "sales_pitch" not in found, found


def test_a_search_consultant_with_roles_is_welcome_to_a_user_who_seeks_roles():
    sender = profile("Search consultant, banking & fintech | Hanoi", "Kinh Bac Search", "Staffing & Recruiting",
                     title="Executive Search Consultant")
    note = ("Chao anh Minh, I place credit and market analysts into digital banks in Vietnam and have two senior "
            "mandates open now. Would a short call next week suit you?")
    result = screen(request(note, mutual_connections=3, **sender), persona("analyst-vi"))
    assert "sales_pitch" not in flags(result), flags(result)
    assert result.verdict != "ignore"


# -- selling without sales words ------------------------------------------------------------------------

def test_candidates_offered_for_a_fee_are_a_sale_even_to_a_lead_who_hires():
    sender = profile("Principal Consultant, Engineering at Harbourline Talent", "Harbourline Talent",
                     "Staffing & Recruiting")
    note = ("Hi Sarah, two vetted platform engineers who know Kafka well can start next month. "
            "Shall I share their CVs? Our terms are a 22% fee on placement.")
    result = screen(request(note, **sender), persona("eng-lead-en"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict != "accept"


def test_an_article_swap_with_backlinks_is_link_building():
    sender = profile("Content Partnerships at Quayside Media", "Quayside Media", "Online Media")
    note = ("Hi Ines, we'd be glad to contribute an article with a dofollow link to the Harbourview blog, "
            "or trade links with our maritime news sites. Sound good?")
    result = screen(request(note, **sender), shipping_ceo())
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_a_commission_for_referring_seats_is_an_affiliate_pitch():
    sender = profile("Community at Tokenly", "Tokenly", "Software", title="Community Lead")
    note = ("Hi Aiko, we're gathering AI leaders into our insiders circle: 25% recurring commission on each seat "
            "you refer. Should I share the sign-up page?")
    result = screen(request(note, mutual_connections=2, **sender), persona("ml-lead-en"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_an_exhibition_booth_package_is_a_sponsorship_sale():
    sender = profile("Partnerships at DataOps Fair Osaka", "DataOps Fair Osaka", "Events Services",
                     title="Partnerships Manager")
    note = ("Tanaka-san, we'd be delighted to welcome Sorabase at DataOps Fair Osaka in October: an exhibitor "
            "booth and a panel seat in our Platinum package. May I send you the sponsor prospectus?")
    result = screen(request(note, mutual_connections=3, **sender), persona("ml-lead-en"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_pay_per_meeting_lead_generation_in_spanish_is_selling():
    sender = profile("Fundadora en CitaFlow | Reuniones B2B", "CitaFlow", "Marketing & Advertising", title="Fundadora")
    note = ("Hola Ines, conseguimos reuniones calificadas con navieras para empresas de software, y solo pagas por "
            "reunión realizada. ¿Hablamos?")
    result = screen(request(note, mutual_connections=5, **sender), shipping_ceo())
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_an_account_director_at_a_reseller_with_a_flattering_line_is_ignored():
    sender = profile("Account Director at Stratus Reseller | Helping CIOs reduce licence costs", "Stratus Reseller",
                     "IT Services and IT Consulting", title="Account Director")
    note = "Sarah, remarkable career so far! Would be an honour to connect with you."
    result = screen(request(note, mutual_connections=35, **sender), persona("eng-lead-en"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_a_ghostwriter_offering_to_write_the_users_posts_is_selling():
    sender = profile("Ghostwriter for founders | Your voice, my words", "Self-employed", "Writing and Editing",
                     title="Ghostwriter")
    note = "Ines, I draft two LinkedIn posts a week in your voice and you only approve them. Two spots open in March, want my rates?"
    result = screen(request(note, mutual_connections=9, **sender), shipping_ceo(openness="open"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_a_property_agent_with_many_mutuals_and_no_note_is_ignored_by_a_selective_user():
    sender = profile("Property Agent | Serviced apartments in Tay Ho | DM for viewings", "Self-employed", "Real Estate",
                     title="Property Agent")
    result = screen(request(None, mutual_connections=31, **sender), persona("analyst-vi"))
    assert "sales_pitch" in flags(result), flags(result)
    assert result.verdict == "ignore"


# -- strangers from other fields ------------------------------------------------------------------------

def test_a_recruiter_offering_an_unrelated_job_to_a_user_who_is_not_looking_is_not_personal():
    sender = profile("Recruiter | Retail store managers, Malaysia", "ShopTalent", "Staffing & Recruiting",
                     title="Recruitment Consultant")
    note = "Hi Priya! I have a great Regional Store Manager opportunity with a fashion retailer. Keen to hear more?"
    found = flags(screen(request(note, **sender), persona("payments-risk-en")))
    assert "personalized_note" not in found, found


def test_a_care_staff_recruiter_writing_in_german_is_unrelated_to_a_security_manager():
    sender = profile("Personalberatung Altenpflege | Hessen", "PflegeTeam Mitte GmbH", "Staffing & Recruiting",
                     title="Personalberaterin")
    note = ("Guten Tag Frau Vogel, für Seniorenheime in Hessen suchen wir Pflegekräfte und Wohnbereichsleitungen. "
            "Kennen Sie jemanden, der wechseln möchte?")
    result = screen(request(note, **sender), persona("security-lead-en"))
    assert "irrelevant" in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_a_courteous_wish_to_learn_from_an_unrelated_stranger_is_not_a_reason():
    sender = profile("Đầu bếp tại Nhà hàng Hương Quê", "Nhà hàng Hương Quê", "Restaurants", title="Đầu bếp")
    note = "Chào anh, em rất muốn được kết nối để học hỏi thêm từ anh ạ. Chúc anh cuối tuần vui vẻ!"
    result = screen(request(note, **sender), persona("analyst-vi"))
    assert "personalized_note" not in flags(result), flags(result)
    assert result.verdict == "ignore"


def test_a_photographer_is_in_a_field_of_their_own():
    sender = profile("Fotógrafa de bodas | Estudio Luz", "Estudio Luz", None, title="Fotógrafa")
    note = "Hola Minh, encantada de conectar contigo y ampliar mi red. ¡Un saludo!"
    result = screen(request(note, **sender), persona("analyst-vi"))
    assert "irrelevant" in flags(result), flags(result)
    assert result.verdict == "ignore"


@pytest.mark.parametrize("note", [
    "Good news for candidates: we never ask anyone for a fee. I'm hiring two platform engineers; send me your CV if curious.",
    "Hi Sarah, there is no placement fee involved, I'm the in-house recruiter at Xendit looking for senior backend engineers.",
])
def test_a_denied_fee_is_no_price(note):
    sender = profile("Talent Acquisition at Xendit", "Xendit", "Software")
    found = flags(screen(request(note, **sender), persona("eng-lead-en")))
    assert "sales_pitch" not in found, found
