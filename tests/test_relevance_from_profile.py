"""Relevance is who the sender is, read from their profile; a note that talks about the user's own
work (their post, their talk, the companies they write about) says nothing about the sender's
field, company or interests. The note tells who the sender is only where the profile does not (an
export row, an empty profile, a recruiter whose profile names no field), and only in what it says
of the sender.

Written from the categories of issue 10 (strangers from unrelated fields, students, export rows,
recruiters); the people, companies and sentences are invented here.
"""

from __future__ import annotations

from assist.config import Me, Policy, UserConfig
from assist.guidance import load_guidance
from assist.signals import extract_signals
from helpers import analyst, request, screen, user


def flags(result) -> dict[str, str]:
    return {flag.id: flag.evidence for flag in result.flags}


def fraud_lead(openness: str = "balanced") -> UserConfig:
    return UserConfig(me=Me(
        name="Noor Haddad", headline="Head of Fraud Operations at Corvid Pay", industry="Financial services",
        location="Kuala Lumpur, Malaysia", goals=["Hire fraud analysts", "Meet other payments risk leaders"],
        target_companies=["Adyen", "Checkout.com"], interests=["chargebacks", "fraud detection"],
        language="en", signature="Noor"), policy=Policy(openness=openness))


def full(headline: str, company: str | None, industry: str | None, title: str, employer: str, years: int = 5) -> dict:
    return dict(headline=headline, company=company, industry=industry, has_photo=True, connections=700,
                experience=[{"title": title, "company": employer, "years": years}])


# -- the note talks about the user's work: it is not the sender's field ------------------------------

def test_a_writer_praising_the_users_post_is_not_in_the_users_field():
    sender = full("Freelance writer | weekly newsletter about money", None, "Writing and Editing",
                  "Writer", "The Ledger Letter")
    note = "Your thread on refund abuse and friendly-fraud chargebacks was the clearest thing I have read on it this year."
    result = screen(request(note, **sender), fraud_lead())
    found = flags(result)
    relevance = found.get("professional_relevance", "")
    assert "chargeback" not in relevance and "fraud" not in relevance, found
    assert "candidate" not in relevance, found
    assert result.verdict != "accept", found


def test_a_designer_who_names_the_users_talk_is_no_engineer_and_no_candidate():
    sender = full("Senior Product Designer at Lumen Health", "Lumen Health", "Design Services",
                  "Product Designer", "Lumen Health")
    note = ("Hi Sarah, I watched your meetup talk on Python task queues. I'm not an engineer, but the way you "
            "explained distributed systems finally made it click for me.")
    result = screen(request(note, **sender), user())
    found = flags(result)
    relevance = found.get("professional_relevance", "")
    for word in ("engineer", "python", "distributed", "candidate"):
        assert word not in relevance.lower(), found
    assert result.verdict != "accept", found


def test_a_student_elsewhere_who_names_the_users_target_companies_does_not_work_there():
    sender = full("MBA candidate at INSEAD", "INSEAD", "Higher Education", "Summer Associate", "Brightwater Consulting", 2)
    note = "Hello Minh, your comparison of VNPay and MoMo merchant fees saved my group project. Thank you!"
    result = screen(request(note, **sender), analyst())
    found = flags(result)
    relevance = found.get("professional_relevance", "")
    assert "works at" not in relevance and "target compan" not in relevance, found
    assert result.verdict != "accept", found


def test_a_vietnamese_student_who_read_the_users_analysis_takes_no_field_from_it():
    sender = dict(headline="Sinh viên năm 2 - Đại học Bách khoa Hà Nội", company="Đại học Bách khoa Hà Nội",
                  industry="Higher Education", has_photo=True, connections=180, experience=[])
    note = "Chào anh Minh, em đọc bài anh phân tích về MoMo và ngân hàng số, em thấy rất dễ hiểu ạ."
    result = screen(request(note, **sender), analyst())
    found = flags(result)
    relevance = found.get("professional_relevance", "")
    assert "MoMo" not in relevance and "ngân hàng" not in relevance and "phân tích" not in relevance, found
    assert result.verdict != "accept", found


def test_an_export_row_whose_note_only_praises_the_users_post_says_nothing_of_the_sender():
    signals = extract_signals(request("Loved your post on MoMo's fee changes and what they mean for bank stocks."),
                              analyst(), load_guidance())
    assert not signals.has("professional_relevance"), signals.flags
    assert not signals.has("irrelevant"), signals.flags


# -- the note tells who the sender is, where the profile does not ---------------------------------------

def test_an_export_row_that_says_where_the_sender_works_keeps_its_relevance_worded_truthfully():
    note = "Hi Minh, I'm a data analyst at MoMo on the wallet team and would be glad to swap notes on how you see adoption."
    signals = extract_signals(request(note), analyst(), load_guidance())
    relevance = next(flag.evidence for flag in signals.flags if flag.id == "professional_relevance")
    assert "MoMo" in relevance, relevance
    assert "works at" not in relevance and "note mentions" in relevance, relevance


def test_a_vietnamese_export_row_that_introduces_the_sender_keeps_its_relevance():
    note = "Chào anh Minh, em là chuyên viên phân tích ở VNPay, em có đọc bài anh viết về ví điện tử."
    signals = extract_signals(request(note), analyst(), load_guidance())
    relevance = next((flag.evidence for flag in signals.flags if flag.id == "professional_relevance"), "")
    assert "VNPay" in relevance and "works at" not in relevance, signals.flags


def test_a_recruiter_whose_profile_says_only_recruiter_is_in_the_field_the_note_hires_for():
    sender = dict(headline="Recruiter", company="Talentbridge Asia", has_photo=True, connections=2100,
                  experience=[{"title": "Recruiter", "company": "Talentbridge Asia", "years": 6}])
    note = "Hi Minh, I hire fintech and banking analysts for payment companies in Hanoi and would be glad to stay in touch."
    result = screen(request(note, **sender), analyst())
    found = flags(result)
    assert "recruiter" in found.get("professional_relevance", ""), found
    assert "irrelevant" not in found, found


def test_a_profile_at_a_target_company_still_works_there():
    sender = full("Risk Analyst at MoMo", "MoMo", "Financial Services", "Risk Analyst", "MoMo")
    note = "Chào anh Minh, em đọc bài anh viết về tín dụng tiêu dùng, mong được học hỏi thêm từ anh ạ."
    found = flags(screen(request(note, **sender), analyst()))
    assert 'works at "MoMo"' in found.get("professional_relevance", ""), found


# -- a career change typed without diacritics is no offer ------------------------------------------------

def test_an_engineer_changing_careers_without_diacritics_offers_nothing():
    sender = full("Kỹ sư cơ khí | Đang học CFA", "Hòa Phát", "Manufacturing", "Kỹ sư cơ khí", "Hòa Phát")
    note = ("Chao anh Minh, em la Nam, em chuyen nghe tu ky su co khi sang phan tich dau tu. "
            "Em nhan thay cac bai cua anh ve co phieu ngan hang rat de theo doi.")
    found = flags(screen(request(note, **sender), analyst()))
    assert "sales_pitch" not in found, found


# -- what the sender says of their own work ----------------------------------------------------------

def _founder() -> UserConfig:
    return UserConfig(me=Me(
        name="Oona Lind", headline="Founder & CEO at Quaymark", industry="Software", location="Helsinki, Finland",
        goals=["Find customers among port operators"], target_companies=["Port of Rotterdam"],
        interests=["port logistics", "B2B SaaS"], language="en", signature="Oona"), policy=Policy(openness="balanced"))


def test_a_sender_who_says_their_own_work_touches_the_users_field_is_not_called_unrelated():
    sender = full("Partner at Nordhav Capital", "Nordhav Capital", "Venture Capital and Private Equity",
                  "Partner", "Nordhav Capital")
    note = "Hi Oona, we back early software companies that sell to ports and terminals. Happy to compare notes some time."
    found = flags(screen(request(note, **sender), _founder()))
    assert "irrelevant" not in found, found


def test_what_the_sender_says_they_work_on_is_their_interest_whatever_their_field():
    sender = full("Operations Manager at Baltic Freight Oy", "Baltic Freight Oy", "Transportation", "Operations Manager",
                  "Baltic Freight Oy")
    note = "Hello Oona, I'm rolling out B2B SaaS tools across our depots this year and would value a peer to learn from."
    found = flags(screen(request(note, **sender), _founder()))
    assert "B2B SaaS" in found.get("professional_relevance", ""), found


def test_a_spanish_note_is_not_read_as_vietnamese():
    # "te" is a Spanish word for the reader; accents shared with Vietnamese make no Vietnamese note.
    note = "Hola Minh, soy analista de riesgos en un banco. ¿Te puedo preguntar algún día qué opinas de MoMo?"
    signals = extract_signals(request(note), analyst(), load_guidance())
    relevance = next((flag.evidence for flag in signals.flags if flag.id == "professional_relevance"), "")
    assert "analista de riesgos" in relevance and "MoMo" not in relevance, signals.flags


def test_a_head_of_the_users_field_is_senior_in_it_not_a_candidate_for_the_users_team():
    """A user who hires backend engineers: a backend engineer may be a candidate; a head of backend
    engineering elsewhere is a peer to meet, and the evidence says so rather than "candidate"."""
    engineer = screen(request(None, headline="Senior Backend Engineer at Tiki", company="Tiki"), user())
    head = screen(request(None, headline="Head of Backend Engineering at Tiki", company="Tiki"), user())
    assert "possible candidate" in flags(engineer)["professional_relevance"]
    assert "possible candidate" not in flags(head)["professional_relevance"]
