"""Issue 10, relevance and the user's own policy: an accept is grounded in something checkable; the
user's own company is a known tie; words that are also everyday words match only where they mean
the term; never_accept finds word forms, look-alikes and common spellings; export rows say they
were judged from the note alone; a former colleague's warm note is a known relationship."""

from __future__ import annotations

import pytest

from assist.backends import Backend, Proposal
from assist.config import UserConfig
from assist.context import RunContext
from assist.guidance import load_guidance
from assist.screen import screen_request
from helpers import analyst, request, screen, user

EXPORT = dict(profile_url="https://www.linkedin.com/in/someone-1234")
FULL_BACKEND = dict(
    headline="Staff Backend Engineer at Lumio", company="Lumio", industry="Software", location="Singapore",
    has_photo=True, connections=480, experience=[{"title": "Staff Backend Engineer", "company": "Lumio", "years": 5}],
)
CHEF = dict(headline="Head Chef at Bistro Lune", company="Bistro Lune", industry="Hospitality",
            location="Lyon, France", has_photo=True, connections=150,
            experience=[{"title": "Head Chef", "company": "Bistro Lune", "years": 6}])


def ids(result) -> set[str]:
    return {flag.id for flag in result.flags}


def evidence(result, criterion: str) -> str:
    return " ".join(flag.evidence for flag in result.flags if flag.id == criterion)


def with_policy(config: UserConfig, **policy) -> UserConfig:
    return config.model_copy(update={"policy": config.policy.model_copy(update=policy)})


# --- 1. grounded accepts ---------------------------------------------------------------------------

BARE_CLAIM = "Hi! So good to finally meet you at the summit in Singapore last week. Let's keep in touch!"


@pytest.mark.parametrize("openness", ["selective", "balanced"])
def test_a_bare_claim_of_having_met_from_an_export_is_asked_about_not_accepted(openness):
    result = screen(request(BARE_CLAIM, **EXPORT), user(openness))
    assert result.verdict == "ask"
    # and the reasons say why: nothing in it can be checked
    assert "check" in result.summary.lower(), result.summary


def test_a_bare_claim_is_not_accepted_without_any_config():
    result = screen(request("We met at the summit last month, great chat! Let's stay connected.", **EXPORT), UserConfig())
    assert result.verdict != "accept"


def test_a_bare_claim_from_a_known_but_empty_profile_is_not_accepted():
    hollow = dict(headline="Entrepreneur", has_photo=True, connections=90)
    result = screen(request("We met at the conference dinner, great talking to you! Let's connect.", **hollow),
                    user("balanced"))
    assert result.verdict == "ask"


def test_a_bare_claim_is_not_grounded_by_the_users_own_interest_in_the_note():
    # "fintech" is one of the analyst's interests: naming it checks nothing
    note = "Chào anh Minh, mình gặp nhau ở hội thảo fintech tuần trước, rất vui được kết nối với anh!"
    assert screen(request(note, **EXPORT), analyst()).verdict == "ask"


@pytest.mark.parametrize("note", [
    # names the user's own work
    "Hi Sarah, your PyCon APAC session on backpressure in Python job queues fixed a real outage for us. "
    "I'm a backend engineer in Manila and would love to follow your work.",
    # a named event, and what was said there
    "Hi Sarah, we spoke after the Kubernetes Community Day Singapore panel about retry storms in "
    "distributed systems. Connecting as promised!",
    # a shared past employer of the user's
    "Hi Sarah! We sat next to each other at Grab for two years on the payments platform. Great to find you here.",
])
def test_a_specific_checkable_note_still_grounds_an_accept_from_an_export(note):
    result = screen(request(note, **EXPORT), user("balanced"))
    assert result.verdict == "accept", (result.summary, [(f.id, f.evidence) for f in result.flags])


@pytest.mark.parametrize("note", [
    "Hallo Sarah, Ihr Vortrag war super, aber vor allem Ihren Blogartikel über verteilte Systeme in Python "
    "habe ich meinem Team geschickt. Ich suche eine Backend-Stelle.",
    "Bonjour Sarah, votre présentation sur les files de messages en Python m'a beaucoup aidé ; je suis "
    "ingénieur backend et j'aimerais rejoindre une équipe comme la vôtre.",
    "Hola Sarah, tu charla sobre sistemas distribuidos en Python me ayudó mucho; soy ingeniero backend "
    "y me encantaría conectar.",
])
def test_the_users_work_named_in_another_language_grounds_an_accept(note):
    result = screen(request(note, **EXPORT), user("balanced"))
    assert result.verdict == "accept", (result.summary, [(f.id, f.evidence) for f in result.flags])


def test_a_full_profile_that_the_note_shows_relevant_grounds_an_accept():
    # the profile's words are not in the engine's fields, but it is a real profile: a role, a
    # company, a history; the note says why it matters to the user
    moderation = dict(headline="Marketplace Integrity Lead at Tradewind", company="Tradewind", industry="Internet",
                      has_photo=True, connections=900,
                      experience=[{"title": "Marketplace Integrity Lead", "company": "Tradewind", "years": 3}])
    note = ("Hi Sarah, my team keeps Tradewind's listings clean and we are rebuilding our Python "
            "distributed systems for it. I'd love to hear how your team handles exactly-once delivery.")
    result = screen(request(note, **moderation), user("balanced"))
    assert result.verdict == "accept", (result.summary, [(f.id, f.evidence) for f in result.flags])
    # the same note from an export is a claim about a profile nobody has seen
    assert screen(request(note, **EXPORT), user("balanced")).verdict == "ask"


def test_a_claim_of_having_met_from_a_relevant_profile_is_accepted():
    result = screen(request("Great to meet you at the meetup last night, let's keep in touch!", **FULL_BACKEND),
                    user("balanced"))
    assert result.verdict == "accept"


def test_a_word_shared_with_another_field_does_not_ground_a_bare_claim():
    # a logistics analyst shares the word "analyst" with a market analyst, not the field
    logistics = dict(headline="Business Analyst at Harbor Freight Logistics", company="Harbor Freight Logistics",
                     industry="Logistics", has_photo=True, connections=240,
                     experience=[{"title": "Business Analyst", "company": "Harbor Freight Logistics", "years": 2}])
    result = screen(request("Hi Minh, we met at the seminar the other day, let's keep in touch!", **logistics), analyst())
    assert result.verdict == "ask", (result.summary, [(f.id, f.evidence) for f in result.flags])


def test_the_rule_is_data_in_rules_toml():
    assert set(load_guidance().parameters["grounded_accept"]) == {"selective", "balanced"}


# --- 2. the user's own company ---------------------------------------------------------------------


@pytest.mark.parametrize("headline, company", [
    ("Engineering Lead at Northwind Labs", "Northwind Labs"),
    ("Backend engineer @ Freightly", "Freightly"),
    ("Backend engineer @Freightly | ex-Zalando", "Freightly"),
    ("Kỹ sư phần mềm tại FPT Software", "FPT Software"),
    ("Senior Tech Recruiter, SEA at Talentbridge Asia | Engineering & Data hiring", "Talentbridge Asia"),
    ("Data Scientist | Shopee", "Shopee"),
    ("Product Manager - Tiki", "Tiki"),
    ("Engineer at Grab, Singapore", "Grab"),
    ("Founder | Speaker | Writer", None),
    ("Engineering Lead - Payments", None),
    ("Helping teams ship faster", None),
    ("Engineer at heart, gardener by weekend", None),
    (None, None),
])
def test_the_users_company_is_read_from_the_headline_where_unambiguous(headline, company):
    from assist.workplace import company_from_headline

    assert company_from_headline(headline, load_guidance()) == company


def test_the_config_company_comes_before_the_headline():
    from assist.workplace import own_company

    config = user(headline="Engineering Lead at Northwind Labs", company="Freightly")
    assert own_company(config.me, load_guidance()) == "Freightly"
    assert own_company(user().me, load_guidance()) == "Northwind Labs"


def test_a_newcomer_at_the_users_own_company_is_accepted_not_asked_to_explain():
    newcomer = dict(headline="Backend Engineer at Northwind Labs", company="Northwind Labs", industry="Software",
                    has_photo=True, connections=60,
                    experience=[{"title": "Backend Engineer", "company": "Northwind Labs", "years": 0.1},
                                {"title": "Engineer", "company": "Acme Retail", "years": 3}])
    for openness in ("selective", "balanced"):
        result = screen(request("Hi Sarah, I started on Monday, hello!", **newcomer), user(openness))
        assert result.verdict == "accept", (openness, result.summary)
        assert "works at Northwind Labs, where you work" in evidence(result, "known_relationship")
        assert "generic_note" not in ids(result)


def test_the_company_in_the_config_is_used_when_the_headline_names_none():
    colleague = dict(headline="QA Engineer", company="Freightly", industry="Logistics", has_photo=True,
                     connections=200, experience=[{"title": "QA Engineer", "company": "Freightly", "years": 2}])
    config = user("balanced", headline="Engineering Lead", company="Freightly")
    result = screen(request("Hi Sarah, hello from the QA team!", **colleague), config)
    assert "works at Freightly, where you work" in evidence(result, "known_relationship")
    assert result.verdict == "accept"


def test_a_sender_who_once_worked_at_the_users_company_is_a_known_tie_said_accurately():
    alumnus = dict(headline="Platform Engineer at Lumio", company="Lumio", industry="Software", has_photo=True,
                   connections=300, experience=[{"title": "Platform Engineer", "company": "Lumio", "years": 1},
                                                {"title": "Backend Engineer", "company": "Northwind Labs", "years": 3}])
    result = screen(request(None, **alumnus), user())
    assert "worked at Northwind Labs, where you work" in evidence(result, "known_relationship")


def test_past_companies_evidence_says_who_worked_where():
    config = user(past_companies=["Zalando"])
    then = dict(headline="Engineer at Lumio", company="Lumio", has_photo=True, connections=300,
                experience=[{"title": "Engineer", "company": "Lumio", "years": 1},
                            {"title": "Engineer", "company": "Zalando", "years": 4}])
    now = dict(headline="Engineer at Zalando", company="Zalando", has_photo=True, connections=300,
               experience=[{"title": "Engineer", "company": "Zalando", "years": 4}])
    assert "worked at Zalando, where you worked" in evidence(screen(request(None, **then), config), "known_relationship")
    assert "works at Zalando, where you worked" in evidence(screen(request(None, **now), config), "known_relationship")


# --- 3. words that are also everyday words ---------------------------------------------------------


@pytest.mark.parametrize("note, matches", [
    ("Let's go for a coffee when you are next in Lyon, my treat!", False),
    ("LET'S GO! Big launch week for the whole kitchen team.", False),
    ("Hi, I'm a Go developer building payment queues; your talk on backpressure was great.", True),
    ("These days I write most of our services in Go and would love to swap notes.", True),
])
def test_a_two_letter_interest_matches_only_where_it_is_the_language(note, matches):
    result = screen(request(note, **CHEF), user(interests=["Go"]))
    assert ("shares your interest" in evidence(result, "professional_relevance")) is matches, result.flags


@pytest.mark.parametrize("note, matches", [
    ("Happy to grab a coffee and chat about kitchens any time.", False),
    ("I was on the payments team at Grab until last spring, we must have crossed paths.", True),
    ("Grab's food delivery team ran our restaurant onboarding for years.", True),
])
def test_a_company_that_is_an_everyday_word_matches_only_as_the_company(note, matches):
    result = screen(request(note, **CHEF), user(past_companies=["Grab"]))
    assert ("Grab" in evidence(result, "known_relationship")) is matches, result.flags


def test_a_company_field_names_a_company_whatever_its_case():
    sender = dict(CHEF, company="grab", experience=[{"title": "Ops", "company": "grab", "years": 2}])
    result = screen(request(None, **sender), user(past_companies=["Grab"]))
    assert "known_relationship" in ids(result)


@pytest.mark.parametrize("note, matches", [
    ("Thanks for such a swift reply to my question last week!", False),
    ("I'm a Swift developer at a Lyon studio and enjoyed your mobile architecture notes.", True),
])
def test_an_ordinary_word_interest_needs_its_context(note, matches):
    result = screen(request(note, **CHEF), user(interests=["Swift"]))
    assert ("shares your interest" in evidence(result, "professional_relevance")) is matches


def test_a_short_interest_is_not_found_in_a_vietnamese_word():
    note = "Chào anh, ai cũng nói anh nấu ăn rất ngon, em muốn kết nối ạ."
    sender = dict(CHEF, location="Hanoi, Vietnam")
    assert "shares your interest" not in evidence(screen(request(note, **sender), user(interests=["AI"])),
                                                  "professional_relevance")
    note = "Chào anh, em đang ứng dụng AI trong ngân hàng và muốn học hỏi thêm từ anh."
    assert "shares your interest" in evidence(screen(request(note, **sender), user(interests=["AI"])),
                                              "professional_relevance")


def test_the_everyday_word_list_is_data_in_two_languages_at_least():
    words = load_guidance().everyday_words
    assert {"go", "grab", "swift", "spark", "rust", "square", "notion", "apple"} <= words
    assert {"không", "người"} <= words


# --- 4. never_accept: word forms, look-alikes, spellings ----------------------------------------------


@pytest.mark.parametrize("headline", [
    "Cryptocurrency analyst", "Writing about cryptocurrencies", "Crypto-trading coach", "Kripto eğitmeni",
    "Krypto-Händler", "ϲrypto mentor", "сrypto mentor", "CRYPTO MENTOR", "Founder, Cripto Libertad",
])
def test_never_accept_finds_word_forms_lookalikes_and_spellings(headline):
    config = with_policy(user(), never_accept=["crypto"])
    result = screen(request("Hi Sarah, let's connect.", headline=headline, has_photo=True), config)
    assert "never_accept" in ids(result), headline
    assert result.verdict == "ignore"


@pytest.mark.parametrize("headline", [
    "Applied cryptography engineer", "Cryptographic protocols at Lumio", "Cryptographer, post-quantum",
    "Kriptografi dan keamanan data",
])
def test_cryptography_is_not_crypto(headline):
    config = with_policy(user(), never_accept=["crypto"])
    result = screen(request("Hi Sarah, let's connect.", headline=headline, has_photo=True), config)
    assert "never_accept" not in ids(result), headline


def test_a_quoted_entry_matches_the_word_alone():
    config = with_policy(user(), never_accept=['"sales"'])
    assert "never_accept" not in ids(screen(request(None, headline="Salesforce admin", has_photo=True), config))
    assert "never_accept" in ids(screen(request(None, headline="Sales manager", has_photo=True), config))


def test_a_short_entry_matches_its_plural_but_not_inside_other_words():
    config = with_policy(user(), never_accept=["MLM"])
    assert "never_accept" in ids(screen(request("Join our MLMs network", has_photo=True), config))
    assert "never_accept" not in ids(screen(request("I build HTMLMail templates", has_photo=True), config))


def test_always_accept_still_ignores_a_negation_and_an_everyday_word():
    config = with_policy(user("open"), always_accept=["Square"])
    assert "always_accept" not in ids(screen(request(None, headline="Not affiliated with Square"), config))
    assert "always_accept" not in ids(screen(request(None, headline="Fair and square trader"), config))
    assert "always_accept" in ids(screen(request(None, headline="Payments engineer at Square"), config))


# --- 5. export-only rows -----------------------------------------------------------------------------


def test_an_export_row_says_it_was_judged_from_the_note_alone():
    result = screen(request("Hello Sarah, I'd like to add you to my professional network.", **EXPORT), user())
    assert "judged from the note alone: the export has no profile" in result.summary.lower()
    assert "could not be judged" not in result.summary
    vi = screen(request("Chào anh Minh, em muốn kết nối với anh.", **EXPORT), analyst())
    assert "could not be judged" not in vi.summary and "Chưa đánh giá được" not in vi.summary


def test_an_export_row_without_a_config_still_says_relevance_could_not_be_judged():
    result = screen(request("Hello, I'd like to add you to my professional network.", **EXPORT), UserConfig())
    assert "could not be judged" in result.summary


# --- 6. a former colleague's warm note ------------------------------------------------------------------


@pytest.mark.parametrize("note", [
    "So great working with you at Zalando back in 2019! Hope the new team treats you well.",
    "Sarah! We sat next to each other at Zalando for two years, so happy to see you leading a team now.",
])
def test_a_former_colleagues_warm_note_is_a_known_relationship(note):
    config = user(past_companies=["Zalando"])
    result = screen(request(note, **EXPORT), config)
    assert "known_relationship" in ids(result)
    assert "generic_note" not in ids(result)
    assert "where you worked" in evidence(result, "known_relationship")
    assert result.verdict == "accept"


def test_a_warm_note_with_the_shared_employer_in_the_profile_is_a_known_relationship():
    former = dict(FULL_BACKEND, experience=[{"title": "Staff Backend Engineer", "company": "Lumio", "years": 2},
                                            {"title": "Backend Engineer", "company": "Grab", "years": 3}])
    result = screen(request("Great working with you back in the day, would love to stay in touch!", **former), user())
    assert "known_relationship" in ids(result)
    assert "generic_note" not in ids(result)
    assert result.verdict == "accept"


# --- the same rule above every backend -------------------------------------------------------------

class _YesMan(Backend):
    """A model that answers `accept` to everything, with no reasons (a hijacked or careless LLM)."""

    name = "openai"
    model = "yes-man"

    def propose(self, request, signals, ctx):
        return Proposal(verdict="accept", confidence=0.99, summary="Looks great.", flags=[])


@pytest.mark.parametrize("openness", ["selective", "balanced"])
def test_an_llm_accept_with_nothing_checkable_is_asked_about(openness):
    result = screen_request(request(BARE_CLAIM, **EXPORT), _YesMan(), RunContext(user(openness)))
    assert result.verdict == "ask", result
    assert any("nothing in the profile or the note can be checked" in w for w in result.warnings), result.warnings


def test_an_llm_accept_with_something_checkable_stands():
    note = "Great to meet you at the meetup last night, let's keep in touch!"
    result = screen_request(request(note, **FULL_BACKEND), _YesMan(), RunContext(user("balanced")))
    assert result.verdict == "accept", result


def test_an_open_user_lets_an_llm_accept_a_bare_claim():
    # `open` is not in grounded_accept: the user chose to accept what is plausible
    result = screen_request(request(BARE_CLAIM, **EXPORT), _YesMan(), RunContext(user("open")))
    assert result.verdict == "accept", result


# --- 7. the user's own past, read off their profile, is no shared past --------------------------------


@pytest.mark.parametrize("note", [
    "Your operating experience at Zalando caught my eye; would you be open to an exploratory call?",
    "I noticed your years at Zalando and thought of a role that might interest you.",
    "Tu experiencia en Zalando me llamó la atención, ¿te interesaría hablar?",
])
def test_a_note_naming_the_user_s_past_employer_as_theirs_claims_no_relationship(note):
    config = user(past_companies=["Zalando"])
    result = screen(request(note, **EXPORT), config)
    assert "known_relationship" not in ids(result), evidence(result, "known_relationship")
