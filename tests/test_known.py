"""Who is not a stranger (known.py): what the user's own export says about a sender, and what the
verdict makes of it. Built from the export's rows (export.py's shapes) so each case says exactly
what the export holds; reading the files themselves is tests/test_export_read.py's."""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from assist.backends.rules import RulesBackend
from assist.config import parse_config
from assist.context import RunContext
from assist.export import Connection, Message, OutgoingInvitation, Position, School
from assist.guidance import load_guidance
from assist.known import Network
from assist.models import Request
from assist.screen import screen_request, signals_for

ME = "Đặng Khắc Minh"
ME_URL = "https://www.linkedin.com/in/dang-khac-minh"
BAO_URL = "https://www.linkedin.com/in/tran-quoc-bao-vnd"


def when(year: int, month: int, day: int = 1) -> datetime:
    return datetime(year, month, day, 9, 30, tzinfo=timezone.utc)


def message(cid: str, sender: str, sender_url: str | None, to: str, to_url: str | None, at: datetime,
            personal: bool = True) -> Message:
    return Message(cid, sender, sender_url, (to,), (to_url,) if to_url else (), at, personal)


def talk(name: str, url: str | None, *, theirs: int, mine: int, last: datetime = when(2025, 3, 14),
         personal: bool = True) -> list[Message]:
    rows = [message("c-" + name, name, url, ME, ME_URL, when(2024, 6), personal) for _ in range(theirs)]
    rows += [message("c-" + name, ME, ME_URL, name, url, when(2024, 7), personal) for _ in range(mine)]
    if rows:
        rows[-1] = Message(rows[-1].conversation_id, rows[-1].sender_name, rows[-1].sender_url,
                           rows[-1].recipient_names, rows[-1].recipient_urls, last, personal)
    return rows


def request(name: str, url: str | None = None, note: str | None = "Hi Minh", **sender) -> Request:
    return Request.model_validate({"sender": {"name": name, "profile_url": url, **sender}, "note": note})


@pytest.fixture(scope="module")
def guidance():
    return load_guidance()


@pytest.fixture(scope="module")
def analyst():
    return parse_config(Path(__file__).resolve().parent.parent / "fixtures/configs/analyst-vi.toml")


def kinds(network: Network, req: Request, guidance) -> dict[str, str]:
    return {tie.kind: tie.line() for tie in network.ties(req, guidance)}


def test_a_two_way_conversation_matched_by_profile_url(guidance):
    network = Network(messages=talk("Trần Quốc Bảo", BAO_URL, theirs=2, mine=2), user_name=ME)
    ties = kinds(network, request("Trần Quốc Bảo", BAO_URL.upper() + "/?trk=people"), guidance)
    assert ties == {"conversation": "you exchanged 4 messages with them, the last in March 2025 "
                                    "(messages.csv, matched by profile URL)"}


def test_a_conversation_matched_by_exact_name_when_a_side_has_no_url(guidance):
    network = Network(messages=talk("Lê Thu Trang", None, theirs=1, mine=1), user_name=ME)
    assert kinds(network, request("lê  thu trang", "https://www.linkedin.com/in/le-thu-trang"), guidance)["conversation"] \
        .endswith("(messages.csv, matched by exact name)")
    network = Network(messages=talk("Lê Thu Trang", "https://www.linkedin.com/in/le-thu-trang", theirs=1, mine=1),
                      user_name=ME)
    assert "conversation" in kinds(network, request("Lê Thu Trang"), guidance)  # the request has no URL


def test_a_namesake_with_another_profile_is_not_the_same_person(guidance):
    network = Network(messages=talk("Nguyễn Văn An", "https://www.linkedin.com/in/nguyen-van-an-1", theirs=3, mine=3),
                      connections=[Connection("Nguyễn Văn", "An", "https://www.linkedin.com/in/nguyen-van-an-1",
                                              "VNPay", "Analyst", date(2024, 2, 8))],
                      user_name=ME)
    impostor = request("Nguyễn Văn An", "https://www.linkedin.com/in/nguyen-van-an-88")
    assert kinds(network, impostor, guidance) == {}
    assert network.connection(impostor) is None


def test_messages_the_user_never_answered_are_no_relationship(guidance, analyst):
    network = Network(messages=talk("Phạm Hùng", "https://www.linkedin.com/in/pham-hung", theirs=3, mine=0), user_name=ME)
    req = request("Phạm Hùng", "https://www.linkedin.com/in/pham-hung")
    ties = network.ties(req, guidance)
    assert [tie.kind for tie in ties] == ["one_way"]
    assert ties[0].evidence == "they wrote to you 3 times, the last in March 2025, and you never replied"
    signals = signals_for(req, RunContext(analyst, guidance, network=network))
    assert not signals.has("known_relationship")
    assert signals.known == ties  # still in the prompt, as context


def test_inmail_and_sponsored_messages_never_count(guidance):
    network = Network(messages=talk("Hà Headhunter", "https://www.linkedin.com/in/ha-hh", theirs=2, mine=1,
                                    personal=False), user_name=ME)
    assert kinds(network, request("Hà Headhunter", "https://www.linkedin.com/in/ha-hh"), guidance) == {}


def test_group_conversations_count_for_the_user_s_own_messages_only(guidance):
    # Someone else's message to a group with the user and Bảo in it says nothing of the user and Bảo.
    group = Message("g1", "Lan", "https://www.linkedin.com/in/lan", (ME, "Trần Quốc Bảo"), (ME_URL, BAO_URL),
                    when(2025, 1, 5), True)
    other = talk("Lan", "https://www.linkedin.com/in/lan", theirs=1, mine=1)
    network = Network(messages=[group, *other], user_name=ME)
    assert kinds(network, request("Trần Quốc Bảo", BAO_URL), guidance) == {}


def test_an_earlier_outgoing_invitation(guidance):
    network = Network(invitations=[OutgoingInvitation("Nguyễn Thu Hà", "https://www.linkedin.com/in/nguyen-thu-ha-momo",
                                                      datetime(2025, 11, 18, 10, 15))])
    ties = kinds(network, request("Nguyễn Thu Hà", "https://www.linkedin.com/in/nguyen-thu-ha-momo"), guidance)
    assert ties == {"invited": "you invited them to connect on 18 Nov 2025 (Invitations.csv, matched by profile URL)"}


def test_an_existing_connection(guidance):
    network = Network(connections=[Connection("Trần Quốc", "Bảo", BAO_URL, "VNDirect", "Associate", date(2026, 2, 8))])
    tie = network.connection(request("Trần Quốc Bảo", BAO_URL))
    assert tie is not None and tie.line() == "already a connection since 8 Feb 2026 (Connections.csv, matched by profile URL)"


def test_colleagues_at_the_sender_s_company_are_counted_by_its_core_name(guidance):
    network = Network(connections=[
        Connection("A", str(i), f"https://www.linkedin.com/in/a{i}", company, "Analyst", date(2025, 1, 1))
        for i, company in enumerate(["VNPay", "VNPAY JSC", "VNPay", "MoMo"])])
    req = request("Someone New", "https://www.linkedin.com/in/new", headline="Data Lead", company="VNPay JSC")
    assert kinds(network, req, guidance) == {
        "colleagues": "3 of your connections work at VNPay (Connections.csv, matched by company VNPay)"}
    assert kinds(network, request("Someone", None, headline="Data Lead at MoMo"), guidance)["colleagues"] \
        .startswith("1 of your connections works at MoMo")


def test_colleagues_never_decide_alone(guidance, analyst):
    many = [Connection("P", str(i), f"https://www.linkedin.com/in/p{i}", "Sơn Hà Steel", "Sales", date(2025, 1, 1))
            for i in range(40)]
    network = Network(connections=many)
    req = request("Vũ Bình", "https://www.linkedin.com/in/vu-binh", note=None, headline="Sales at Sơn Hà Steel",
                  company="Sơn Hà Steel", industry="Building Materials")
    ctx = RunContext(analyst, load_guidance(), network=network)
    with_network = screen_request(req, RulesBackend(), ctx)
    without = screen_request(req, RulesBackend(), RunContext(analyst, load_guidance()))
    assert with_network.verdict == without.verdict
    assert not any("your export" in flag.evidence for flag in with_network.flags)


def test_a_shared_school_and_a_shared_employer_from_the_export(guidance):
    network = Network(schools=[School("Học viện Ngân hàng", "Cử nhân", None, None)],
                      positions=[Position("Viet Pro Finance", "Market analyst", None, None, None), Position("Bảo Việt Securities", "Intern", None, date(2019, 1, 1), date(2019, 6, 1))])
    req = request("Nguyễn Hoàng Yến", "https://www.linkedin.com/in/yen", headline="Sinh viên năm 3 tại Học viện Ngân hàng",
                  experience=[{"title": "Intern", "company": "Bảo Việt Securities", "years": 0.5}])
    assert kinds(network, req, guidance) == {
        "school": "studies at Học viện Ngân hàng, where you studied (Education.csv, matched by school Học viện Ngân hàng)",
        "employer": "worked at Bảo Việt Securities, where you worked (Positions.csv, matched by company Bảo Việt Securities)",
    }


@pytest.mark.parametrize("missing", ["messages", "invitations", "connections", "schools", "positions"])
def test_each_kind_of_evidence_is_absent_when_its_file_is(missing, guidance):
    rows = {
        "messages": talk("Trần Quốc Bảo", BAO_URL, theirs=1, mine=1),
        "invitations": [OutgoingInvitation("Trần Quốc Bảo", BAO_URL, datetime(2025, 1, 2))],
        "connections": [Connection("X", "Y", "https://www.linkedin.com/in/xy", "VNDirect", None, None)],
        "schools": [School("Học viện Ngân hàng", None, None, None)],
        "positions": [Position("SSI Securities", None, None, None, date(2020, 1, 1))],
    }
    kind = {"messages": "conversation", "invitations": "invited", "connections": "colleagues", "schools": "school",
            "positions": "employer"}
    req = request("Trần Quốc Bảo", BAO_URL, company="VNDirect", headline="Analyst at VNDirect",
                  experience=[{"company": "SSI Securities"}], education=[{"school": "Học viện Ngân hàng"}])
    everything = Network(**rows, user_name=ME)
    assert kind[missing] in kinds(everything, req, guidance)
    assert kind[missing] not in kinds(Network(**{**rows, missing: None}, user_name=ME), req, guidance)


def test_a_hello_from_someone_the_user_talked_with_is_accepted(guidance, analyst):
    network = Network(messages=talk("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2", theirs=3, mine=2),
                      user_name=ME)
    req = request("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2", note="hi")
    assert screen_request(req, RulesBackend(), RunContext(analyst, guidance)).verdict != "accept"
    known = screen_request(req, RulesBackend(), RunContext(analyst, guidance, network=network))
    assert known.verdict == "accept"
    assert any(flag.id == "known_relationship" and "you exchanged 5 messages" in flag.evidence for flag in known.flags)
    assert "qua lời nhắn" not in known.summary  # not "judged from the note alone": the export said more


def test_a_known_contact_sending_a_phishing_link_is_still_ignored_and_reported(guidance, analyst):
    network = Network(messages=talk("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2", theirs=3, mine=2),
                      user_name=ME)
    req = request("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2",
                  note="Minh ơi, tài khoản LinkedIn của anh sắp bị khóa, đăng nhập lại tại linkedln-verify.com để xác minh nhé")
    result = screen_request(req, RulesBackend(), RunContext(analyst, guidance, network=network))
    assert result.verdict == "ignore" and result.report


def test_the_prompt_shows_what_the_export_says(guidance, analyst):
    from assist.render import render_messages

    network = Network(messages=talk("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2", theirs=1, mine=1),
                      user_name=ME)
    req = request("Thanh Linh", "https://www.linkedin.com/in/thanh-linh-9f2")
    ctx = RunContext(analyst, guidance, network=network)
    prompt = render_messages(req, signals_for(req, ctx), ctx)[1]["content"]
    section = prompt.split("What the user's own LinkedIn export says about the sender")[1].split("<sender_data>")[0]
    assert "- you exchanged 2 messages with them, the last in March 2025 (messages.csv, matched by profile URL)" in section
    assert "your export" not in render_messages(req, signals_for(req, RunContext(analyst, guidance)),
                                                RunContext(analyst, guidance))[1]["content"]


def test_another_export_is_another_screening(guidance, analyst):
    one = Network(messages=talk("Thanh Linh", None, theirs=1, mine=1), user_name=ME)
    two = Network(messages=talk("Thanh Linh", None, theirs=2, mine=1), user_name=ME)
    same = Network(messages=talk("Thanh Linh", None, theirs=1, mine=1), user_name=ME)
    key = lambda network: RunContext(analyst, guidance, network=network).screening_key("rules", None)  # noqa: E731
    assert key(one) == key(same) != key(two)
    assert key(None) != key(one)


def test_schools_in_the_config_count_without_an_export(guidance, analyst):
    config = analyst.model_copy(update={"me": analyst.me.model_copy(update={"schools": ["Học viện Ngân hàng"]})})
    req = request("Nguyễn Hoàng Yến", "https://www.linkedin.com/in/yen", headline="Sinh viên năm 3 tại Học viện Ngân hàng")
    signals = signals_for(req, RunContext(config, guidance))
    assert signals.has("known_relationship")
    assert [(tie.kind, tie.source) for tie in signals.known] == [("school", "your config")]
    assert not signals_for(req, RunContext(analyst, guidance)).has("known_relationship")


def test_an_employer_of_the_export_not_in_the_config_is_said_beside_the_config_s(guidance, analyst):
    network = Network(positions=[Position("SSI Securities", None, None, None, date(2020, 8, 1)),
                                 Position("Techcombank", "Intern", None, None, date(2017, 9, 1))])
    req = request("Đỗ Kim Ngân", "https://www.linkedin.com/in/ngan", headline="Analyst at VPBank", company="VPBank",
                  experience=[{"company": "VPBank"}, {"company": "SSI Securities"}, {"company": "Techcombank"}])
    flag = next(f for f in signals_for(req, RunContext(analyst, guidance, network=network)).flags
                if f.id == "known_relationship")
    assert "worked at SSI Securities, where you worked;" in flag.evidence  # the config's, said once
    assert flag.evidence.count("SSI Securities") == 1
    assert "your export: worked at Techcombank, where you worked (Positions.csv" in flag.evidence


def test_ids_and_content_hashes_of_requests_without_education_are_as_before():
    # The values the models gave before `education` was added (computed on the earlier code): a
    # field added later counts only when it holds something, so stored verdicts still resume.
    from assist.store import content_hash

    old = Request.model_validate({"sender": {"name": 'Ă "x', "experience": [{"title": "t", "years": 1e20}]},
                                  "note": "é\u2028"})
    assert (old.id, content_hash(old)) == ("req-0b36c0ff0c43", "9ec4baa486190a2b")
    studied = Request.model_validate({"sender": {"name": 'Ă "x', "experience": [{"title": "t", "years": 1e20}],
                                                 "education": [{"school": "Học viện Ngân hàng"}]}, "note": "é\u2028"})
    assert studied.id != old.id and content_hash(studied) != content_hash(old)
