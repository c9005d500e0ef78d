"""A shared past the sender's own profile contradicts (issue 10, guidance: "do your homework"): a
note that says the sender worked with the user at one of the user's past companies, from a profile
whose work history lists jobs but none there, is a claim that cannot be true as written. (Naming
the user's past company alone, "your Grab to Northwind move", claims nothing shared.) It is no
known relationship; it is worth a question (`ask`), never an accept. A profile that lists that
company, or lists no jobs at all, is not contradicted. My own requests, for the engineering lead
persona (past company: Grab)."""

from __future__ import annotations

from helpers import persona, request, screen

OTHER_JOBS = [{"title": "Senior Backend Engineer", "company": "Shopee", "years": 3},
              {"title": "Backend Engineer", "company": "Lazada", "years": 2}]
CLAIM = ("Sarah! Five years since we worked together on the Grab payouts migration, I still use your runbook. "
         "I'm at Shopee now and would love to catch up on retry budgets.")


def verdict(note: str, experience: list[dict]):
    return screen(request(note, headline="Senior Backend Engineer at Shopee", company="Shopee", industry="Software",
                          has_photo=True, connections=600, mutual_connections=4, experience=experience),
                  persona("eng-lead-en"))


def test_a_shared_past_the_work_history_contradicts_is_asked_about():
    result = verdict(CLAIM, OTHER_JOBS)
    assert result.verdict != "accept", result.flags
    assert "known_relationship" not in {flag.id for flag in result.flags}


def test_a_shared_past_the_work_history_shows_is_a_known_relationship():
    jobs = OTHER_JOBS + [{"title": "Backend Engineer", "company": "Grab", "years": 3}]
    result = verdict(CLAIM, jobs)
    assert "known_relationship" in {flag.id for flag in result.flags}
    assert result.verdict == "accept"


def test_the_user_s_past_named_as_theirs_is_no_claim_of_a_shared_one():
    note = ("Hi Sarah, your years at Grab building payouts are why I'm writing: I lead payments backend at "
            "Shopee and would love to compare notes on retry budgets.")
    result = verdict(note, OTHER_JOBS)
    assert result.verdict == "accept", result.flags


def test_naming_the_user_s_past_without_claiming_it_shared_is_no_contradiction():
    note = ("Hi Sarah! Your Grab to Northwind move made me curious: I'm weighing a startup offer against my "
            "Shopee role and would value ten minutes of advice on payments infra.")
    result = verdict(note, OTHER_JOBS)
    assert "unclear_intent" not in {flag.id for flag in result.flags}, result.flags
