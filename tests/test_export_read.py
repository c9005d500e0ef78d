"""Issue 14: the user's own LinkedIn export, read in place (export.py): a .zip or its folder, files
by exact name, columns by header name, the formats as they really are, one problem a bad row."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from assist import export as export_module, limits
from assist.errors import InputError
from assist.export import (
    EXPORT_FILES, ExportProblem, LinkedInExport, is_export, normalise_name, normalise_profile_url, open_export,
)
from test_hostile_parsers import FAST

PROFILE = ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,"
           "Twitter Handles,Websites,Instant Messengers\n"
           'Minh,Đặng Khắc,,,,"Market analyst at Viet Pro Finance","Equity research, fintech.\nHanoi.",'
           "Financial Services,,\"Hanoi, Vietnam\",,,\n")
POSITIONS = ("Company Name,Title,Description,Location,Started On,Finished On\n"
             'Viet Pro Finance,Market Analyst,"Covers banks, fintech\nand ""payments"".",Hanoi,Mar 2022,\n'
             "SSI Securities,Research Associate,,Hanoi,Jan 2020,Feb 2022\n"
             "Bao Viet,Intern,,,2019,2019\n")
EDUCATION = ("School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
             "National Economics University,2015,2019,,Bachelor of Finance,\"Chess, football\"\n"
             "Coursera,,,,,\n")
SKILLS = "Name\nEquity Research\nFinancial Modeling\nMicrosoft Excel\n"
CONNECTIONS = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
               'missing.\nYou will only see email addresses for connections who have allowed it."\n\n'
               "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
               "Lan,Nguyễn,https://www.linkedin.com/in/lan-nguyen,,MoMo,Product Manager,08 Feb 2026\n"
               "Tuấn,Phạm,https://www.linkedin.com/in/tuan-pham,tuan@example.com,\"VNPay, JSC\",Engineer,15 Mar 2024\n")
MESSAGES = ('"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS",'
            '"DATE","SUBJECT","CONTENT","FOLDER","IS MESSAGE DRAFT"\n'
            "c1,,Lan Nguyễn,https://www.linkedin.com/in/lan-nguyen,Đặng Khắc Minh,https://www.linkedin.com/in/minh,"
            '2023-06-11 15:33:58 UTC,,"Hi Minh, great to meet you,\nsee you soon",INBOX,No\n'
            "c2,,Recruiter Co,https://www.linkedin.com/in/recruiter,Đặng Khắc Minh,https://www.linkedin.com/in/minh,"
            "2024-01-02 09:00:00 UTC,An opportunity,Dear Minh,INBOX,No\n"
            "c3,,Ads Inc,https://www.linkedin.com/company/ads,Đặng Khắc Minh,https://www.linkedin.com/in/minh,"
            "2024-01-03 09:00:00 UTC,,Hello %FIRSTNAME% check this,INBOX,No\n"
            "c4,,Spons Ltd,https://www.linkedin.com/in/spons,Đặng Khắc Minh,https://www.linkedin.com/in/minh,"
            "2024-01-04 09:00:00 UTC,,Hi there,SPONSORED_INBOX,No\n"
            "c5,,Đặng Khắc Minh,https://www.linkedin.com/in/minh,\"Lan Nguyễn,Tuấn Phạm\","
            '"https://www.linkedin.com/in/lan-nguyen;https://www.linkedin.com/in/tuan-pham",'
            "2024-02-01 10:00:00 UTC,,not sent yet,DRAFT,Yes\n"
            "c6,,Đặng Khắc Minh,https://www.linkedin.com/in/minh,\"Lan Nguyễn, Tuấn Phạm\","
            '"https://www.linkedin.com/in/lan-nguyen,https://www.linkedin.com/in/tuan-pham",'
            "2024-02-02 10:00:00 UTC,,group hello,INBOX,No\n")
INVITATIONS = ("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
               "Đặng Khắc Minh,Hoa Trần,\"11/21/25, 5:13 PM\",,OUTGOING,https://www.linkedin.com/in/minh,"
               "https://www.linkedin.com/in/hoa-tran\n"
               "Stranger,Đặng Khắc Minh,\"11/22/25, 9:01 AM\",hello,INCOMING,https://www.linkedin.com/in/x,"
               "https://www.linkedin.com/in/minh\n")
FILES = {"Profile.csv": PROFILE, "Positions.csv": POSITIONS, "Education.csv": EDUCATION, "Skills.csv": SKILLS,
         "Connections.csv": CONNECTIONS, "messages.csv": MESSAGES, "Invitations.csv": INVITATIONS,
         # decoys: other files whose names end in messages.csv
         "guide_messages.csv": MESSAGES.replace("Lan Nguyễn", "Decoy Person"),
         "learning_coach_messages.csv": MESSAGES.replace("Lan Nguyễn", "Coach Person")}


def as_bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def folder_export(tmp_path: Path, files: dict[str, str | bytes], name: str = "export") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, data in files.items():
        (folder / file).parent.mkdir(parents=True, exist_ok=True)
        (folder / file).write_bytes(as_bytes(data))
    return folder


def zip_export(tmp_path: Path, files: dict[str, str | bytes], name: str = "Basic_LinkedInDataExport_11-30-2026.zip",
               prefix: str = "") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file, data in files.items():
            archive.writestr(prefix + file, as_bytes(data))
    return path


@pytest.fixture(params=["folder", "zip", "zip-in-folder"])
def make(request, tmp_path):
    """Builds an export from {file: text} as a folder, a flat zip, or a zip of the unpacked folder."""
    built = []

    def build(files: dict[str, str | bytes]) -> LinkedInExport:
        built.append(f"export{len(built)}")
        if request.param == "folder":
            return open_export(folder_export(tmp_path, files, name=built[-1]))
        prefix = "Basic_LinkedInDataExport/" if request.param == "zip-in-folder" else ""
        return open_export(zip_export(tmp_path, files, name=built[-1] + ".zip", prefix=prefix))
    return build


def test_every_file_is_read_from_a_folder_and_a_zip(make):
    export = make(FILES)
    assert not export.problems, [str(p) for p in export.problems]
    profile = export.profile()
    assert profile.name == "Minh Đặng Khắc" and profile.headline == "Market analyst at Viet Pro Finance"
    assert profile.summary == "Equity research, fintech.\nHanoi." and profile.industry == "Financial Services"
    assert profile.location == "Hanoi, Vietnam"

    current, past, intern = export.positions()
    assert (current.company, current.title, current.started_on, current.finished_on, current.current) == (
        "Viet Pro Finance", "Market Analyst", date(2022, 3, 1), None, True)
    assert (past.company, past.started_on, past.finished_on, past.current) == (
        "SSI Securities", date(2020, 1, 1), date(2022, 2, 1), False)
    assert intern.started_on == date(2019, 1, 1) == intern.finished_on

    university, coursera = export.schools()
    assert (university.name, university.degree, university.start, university.end) == (
        "National Economics University", "Bachelor of Finance", date(2015, 1, 1), date(2019, 1, 1))
    assert (coursera.name, coursera.degree, coursera.start) == ("Coursera", None, None)
    assert export.skills() == ["Equity Research", "Financial Modeling", "Microsoft Excel"]

    lan, tuan = export.connections()  # the Notes: preamble (one quoted over two lines) is skipped
    assert (lan.name, lan.url, lan.company, lan.position, lan.connected_on) == (
        "Lan Nguyễn", "https://www.linkedin.com/in/lan-nguyen", "MoMo", "Product Manager", date(2026, 2, 8))
    assert tuan.company == "VNPay, JSC" and tuan.connected_on == date(2024, 3, 15)

    [outgoing] = export.outgoing_invitations()
    assert (outgoing.to_name, outgoing.to_url, outgoing.sent_at) == (
        "Hoa Trần", "https://www.linkedin.com/in/hoa-tran", datetime(2025, 11, 21, 17, 13))


def test_messages_fully_quoted_header_content_not_kept_and_what_is_not_personal(make):
    messages = make(FILES).messages()
    assert [m.conversation_id for m in messages] == ["c1", "c2", "c3", "c4", "c5", "c6"]  # no decoy's rows
    first = messages[0]
    assert (first.sender_name, first.sender_url, first.recipient_names, first.recipient_urls) == (
        "Lan Nguyễn", "https://www.linkedin.com/in/lan-nguyen", ("Đặng Khắc Minh",), ("https://www.linkedin.com/in/minh",))
    assert first.sent_at == datetime(2023, 6, 11, 15, 33, 58, tzinfo=timezone.utc)
    assert not hasattr(first, "content") and "great to meet" not in repr(first)
    assert [m.personal for m in messages] == [True, False, False, False, False, True]  # InMail, %FIRSTNAME%, sponsored, draft
    # recipient URLs split on ; and on ,
    assert messages[4].recipient_urls == messages[5].recipient_urls == (
        "https://www.linkedin.com/in/lan-nguyen", "https://www.linkedin.com/in/tuan-pham")
    assert messages[5].recipient_names == ("Lan Nguyễn", "Tuấn Phạm")


def test_columns_are_found_by_name_in_any_order_with_bom_quotes_and_spaces(make):
    files = {"Connections.csv": "\ufeff\"Connected On\" , \"URL\",\"Last Name\",\"First Name\",Company\n"
                                "01 Jan 2025,https://linkedin.com/in/a,Bùi,An,Acme\n",
             "Skills.csv": "\ufeff\"Name\"\nPython\n\n"}
    export = make(files)
    [connection] = export.connections()
    assert (connection.first_name, connection.last_name, connection.company, connection.position,
            connection.connected_on) == ("An", "Bùi", "Acme", None, date(2025, 1, 1))
    assert export.skills() == ["Python"]
    assert not export.problems


def test_messages_columns_that_come_and_go(make):
    header = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
              "CONTENT,FOLDER,ATTACHMENTS,IS CONVERSATION DRAFT\n")
    rows = ("x1,,A B,https://www.linkedin.com/in/ab,C D,https://www.linkedin.com/in/cd,2023-06-11 15:33:58 UTC,,"
            "hi,INBOX,,No\n"
            "x2,,A B,https://www.linkedin.com/in/ab,C D,https://www.linkedin.com/in/cd,2023-06-12 15:33:58 UTC,,"
            "draft,INBOX,,Yes\n")
    old = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT\n"
           "y1,,A B,https://www.linkedin.com/in/ab,C D,2020-01-01 00:00:00 UTC,,hi\n")
    assert [m.personal for m in make({"messages.csv": header + rows}).messages()] == [True, False]
    [message] = make({"messages.csv": old}).messages()
    assert message.recipient_urls == () and message.personal


def test_double_encoded_utf8_is_repaired_and_real_text_left_alone(make):
    def mojibake(text: str) -> str:  # UTF-8 bytes read as cp1252 (its five unused bytes as Latin-1)
        return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))

    assert mojibake("é") == "Ã©" and mojibake("đ") == "Ä‘" and mojibake("ạ") == "áº¡"
    files = {"Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                f"{mojibake('Hạnh')},{mojibake('Đỗ')},,,{mojibake('Café Hà Nội')},,\n"
                                "Renée,Ã sort of real,,,Café,,\n",
             "messages.csv": "CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
                             f"m,{mojibake('Trần Quốc Bảo')},{mojibake('Đặng Khắc Minh')},,x\n"}
    export = make(files)
    repaired, real = export.connections()
    assert (repaired.first_name, repaired.last_name, repaired.company) == ("Hạnh", "Đỗ", "Café Hà Nội")
    assert (real.first_name, real.last_name, real.company) == ("Renée", "Ã sort of real", "Café")
    [message] = export.messages()
    assert message.sender_name == "Trần Quốc Bảo" and message.recipient_names == ("Đặng Khắc Minh",)


def test_a_missing_file_is_unknown_not_empty(make):
    export = make({"Invitations.csv": INVITATIONS})
    assert export.has("Invitations.csv") and not export.has("Connections.csv")
    assert export.profile() is None and export.positions() is None and export.schools() is None
    assert export.skills() is None and export.connections() is None and export.messages() is None
    assert not export.problems
    # a present file with only its header is known and empty
    assert make({"Skills.csv": "Name\n"}).skills() == []


def test_a_bad_row_is_one_problem_naming_file_and_physical_line_and_the_rest_is_read(make):
    files = {"Connections.csv": CONNECTIONS + "Bad,Date,,,X,,yesterday\n" + "Good,One,,,Y,,01 Jan 2025\n",
             "Positions.csv": POSITIONS + 'Acme,"Title",,,soon,\n'}
    export = make(files)
    names = [c.first_name for c in export.connections()]
    assert names == ["Lan", "Tuấn", "Good"]
    assert len(export.positions()) == 3
    by_file = {Path(p.file).name: p for p in export.problems}
    connection_problem = by_file["Connections.csv"]
    assert connection_problem.line == 8  # 3 preamble lines (a quoted note over two), a blank, header, 2 rows
    assert connection_problem.message == "Connected On: expected a date like 08 Feb 2026 (got 'yesterday')"
    text = str(connection_problem)
    assert text.endswith("Connections.csv: line 8: Connected On: expected a date like 08 Feb 2026 (got 'yesterday')")
    assert len(text.splitlines()) == 1 and str(export.path) in text
    assert by_file["Positions.csv"].line == 6 and "Started On" in by_file["Positions.csv"].message


def test_row_line_numbers_count_lines_inside_quoted_fields(make):
    export = make({"Positions.csv": POSITIONS + "Late,,,,Jan 2021,whenever\n"})
    export.positions()
    [problem] = export.problems
    assert problem.line == 6 and problem.message.startswith("Finished On:")  # the description spans 2 lines


def test_more_fields_than_the_header_is_a_bad_row(make):
    export = make({"Skills.csv": "Name\nPython\nExcel,oops\nSQL\n"})
    assert export.skills() == ["Python", "SQL"]
    [problem] = export.problems
    assert problem.line == 3 and "more fields than the header" in problem.message


def test_a_file_that_is_not_csv_or_has_no_header_is_one_problem(make):
    export = make({"Connections.csv": b"\x00\x01PK\x03\x04binary" * 50, "Positions.csv": "hello world\nnothing\n",
                   "Skills.csv": ""})
    assert export.connections() is None and export.positions() is None and export.skills() is None
    messages = {Path(p.file).name: p.message for p in export.problems}
    assert "not a CSV file" in messages["Connections.csv"]
    assert "Company Name" in messages["Positions.csv"] and "Skills.csv" in messages
    assert len(export.problems) == 3


def test_problems_are_bounded_per_file_with_a_count(make):
    rows = "".join(f"N{i},L,,,,,never\n" for i in range(500))
    export = make({"Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows})
    assert export.connections() == []
    assert len(export.problems) == export_module.MAX_PROBLEMS_PER_FILE + 1
    assert "480 more" in str(export.problems[-1])


def test_each_file_is_read_once(make, monkeypatch):
    export = make(FILES)
    opened = []
    original = export._open
    monkeypatch.setattr(export, "_open", lambda file, bounded: opened.append(file) or original(file, bounded))
    for _ in range(2):
        export.connections(), export.messages(), export.profile()
    assert sorted(opened) == ["Connections.csv", "Profile.csv", "messages.csv"]


def test_open_binary_reads_a_member_in_place(make):
    export = make(FILES)
    with export.open_binary("Invitations.csv") as handle:
        assert handle.read() == INVITATIONS.encode()


def test_the_shallowest_member_wins_and_deeper_ones_are_ignored(tmp_path):
    path = tmp_path / "e.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/b/Skills.csv", "Name\nDeep\n")
        archive.writestr("inner/Skills.csv", "Name\nInner\n")
        archive.writestr("Skills.csv", "Name\nTop\n")
        archive.writestr("../Connections.csv", CONNECTIONS)
        archive.writestr("/abs/Profile.csv", PROFILE)
    export = open_export(path)
    assert export.skills() == ["Top"]
    assert not export.has("Connections.csv") and not export.has("Profile.csv")
    only_deep = tmp_path / "deep.zip"
    with zipfile.ZipFile(only_deep, "w") as archive:
        archive.writestr("a/b/Skills.csv", "Name\nDeep\n")
        archive.writestr("inner/Invitations.csv", INVITATIONS)
    assert not open_export(only_deep).has("Skills.csv")


def test_is_export_and_open_export_errors(tmp_path):
    assert is_export(zip_export(tmp_path, {"Skills.csv": SKILLS}, name="no-zip-suffix.bin"))
    assert is_export(folder_export(tmp_path, {"Invitations.csv": INVITATIONS}))
    requests = folder_export(tmp_path, {"a.json": '{"sender": {"name": "A"}}'}, name="requests")
    assert not is_export(requests) and not is_export(tmp_path / "nowhere")
    decoys = folder_export(tmp_path, {"guide_messages.csv": MESSAGES}, name="decoys")
    assert not is_export(decoys)
    text = tmp_path / "x.zip"
    text.write_text("not a zip", encoding="utf-8")
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(zip_export(tmp_path, FILES).read_bytes()[:-200])
    empty_zip = zip_export(tmp_path, {"Shares.csv": "Date\n"}, name="other.zip")
    for path, words in [(requests, "not a LinkedIn export"), (text, "not a LinkedIn export"), (damaged, "damaged"),
                        (empty_zip, "none of"), (tmp_path / "nowhere", "no such file")]:
        with pytest.raises(InputError) as raised:
            open_export(path)
        assert raised.value.where == str(path) and words in raised.value.message
        assert len(str(raised.value).splitlines()) == 1


def test_a_zip_bomb_member_is_one_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100_000)
    path = zip_export(tmp_path, {"Skills.csv": "Name\n" + "Python\n" * 50_000, "Profile.csv": PROFILE})
    export = open_export(path)
    assert export.skills() is None
    [problem] = export.problems
    assert problem.file == "Skills.csv" and "limit" in problem.message
    assert export.profile().first_name == "Minh"


def test_a_file_past_the_input_limit_in_a_folder_is_one_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100_000)
    export = open_export(folder_export(tmp_path, {"Skills.csv": "Name\n" + "Python\n" * 50_000, "Profile.csv": PROFILE}))
    assert export.skills() is None
    [problem] = export.problems
    assert problem.file == "Skills.csv" and "stopped after 97.66 KiB, the limit for one input" in problem.message
    assert export.profile().first_name == "Minh"


def test_a_damaged_member_is_one_problem(tmp_path):
    path = zip_export(tmp_path, {"Skills.csv": "Name\n" + "Python\n" * 1000, "Profile.csv": PROFILE})
    data = bytearray(path.read_bytes())
    start = data.find(b"Skills.csv") + len("Skills.csv") + 20  # inside the compressed data
    data[start:start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    export = open_export(path)
    assert export.skills() is None
    [problem] = export.problems
    assert problem.file == "Skills.csv" and len(str(problem).splitlines()) == 1
    assert export.profile() is not None


def test_older_profile_columns_and_location(make):
    export = make({"Profile.csv": "First Name,Last Name,Headline,Location\n Ana , Ruiz ,\"Dev, \"\"lead\"\"\",Madrid\n"})
    profile = export.profile()
    assert profile.name == "Ana Ruiz" and profile.headline == 'Dev, "lead"' and profile.location == "Madrid"
    assert profile.industry is None and profile.summary is None


def test_utf16_with_bom_and_crlf_line_ends(make):
    text = "Name\r\nPhân tích\r\nExcel\r\n"
    export = make({"Skills.csv": b"\xff\xfe" + text.encode("utf-16-le")})
    assert export.skills() == ["Phân tích", "Excel"]


def test_normalise_profile_url_and_name():
    want = "linkedin.com/in/tran-quoc-bao-vnd"
    for url in ["https://www.linkedin.com/in/Tran-Quoc-Bao-VND/?trk=x", "http://vn.linkedin.com/in/tran-quoc-bao-vnd",
                "linkedin.com/in/tran-quoc-bao-vnd#about", " https://LinkedIn.com/in/tran%2Dquoc%2Dbao%2Dvnd/ "]:
        assert normalise_profile_url(url) == want, url
    assert normalise_profile_url("https://www.linkedin.com/in/tr%E1%BA%A7n") == "linkedin.com/in/trần"
    for nothing in [None, "", "   ", "https://example.com/in/x", "https://linkedin.com.evil.io/in/x", "not a url"]:
        assert normalise_profile_url(nothing) is None, nothing
    assert normalise_name("Trần  Quốc Bảo") == normalise_name("trần quốc bảo") == "trần quốc bảo"
    assert normalise_name("Tra\u0300n") == normalise_name("Tràn")  # NFC
    assert normalise_name("  ") is None and normalise_name(None) is None


def test_export_files_names():
    assert EXPORT_FILES == ("Profile.csv", "Positions.csv", "Education.csv", "Skills.csv", "Connections.csv",
                            "messages.csv", "Invitations.csv")
    problem = ExportProblem("Connections.csv", None, "no header")
    assert str(problem) == "Connections.csv: no header"


# -- hostile bytes in any file: rows or problems, never an exception -------------------------------

cells = st.text(max_size=12) | st.sampled_from(["", "Jan 2020", "2020", "08 Feb 2026", "2023-06-11 15:33:58 UTC",
                                                "%FIRSTNAME%", "Ã©", "OUTGOING", "11/21/25, 5:13 PM", "Notes:"])
headers = st.sampled_from([
    PROFILE.splitlines()[0], POSITIONS.splitlines()[0], EDUCATION.splitlines()[0], "Name",
    CONNECTIONS.splitlines()[4], MESSAGES.splitlines()[0], INVITATIONS.splitlines()[0], "",
])
pieces = st.sampled_from([b'"', b",", b"\n", b"\r", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3",
                          b"Notes:", "Ã©Ä‘".encode(), b"%FIRSTNAME%", b" UTC"])


def rows_text(header: str, rows: list[list[str]], tail: list[bytes]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return (header + "\n" + out.getvalue()).encode("utf-8", "surrogatepass") + b"".join(tail)


@FAST
@given(header=headers, rows=st.lists(st.lists(cells, max_size=12), max_size=5), tail=st.lists(pieces, max_size=10),
       file=st.sampled_from(EXPORT_FILES[:-1]))
@example(header="Name", rows=[], tail=[b'"', b"\n", b"x"], file="Skills.csv")
def test_hostile_rows_give_rows_or_problems(tmp_path_factory, header, rows, tail, file):
    folder = tmp_path_factory.mktemp("e")
    (folder / file).write_bytes(rows_text(header, rows, tail))
    export = open_export(folder)
    reader = {"Profile.csv": export.profile, "Positions.csv": export.positions, "Education.csv": export.schools,
              "Skills.csv": export.skills, "Connections.csv": export.connections, "messages.csv": export.messages}[file]
    result = reader()
    assert result is None or isinstance(result, (list, export_module.Profile))
    for problem in export.problems:
        assert isinstance(problem, ExportProblem) and problem.message
        assert len(str(problem).splitlines()) == 1 and file in str(problem)


def test_a_quote_never_closed_is_one_bad_row_and_the_rows_it_swallowed_are_read(tmp_path):
    # An unterminated quote would make the rest of the file one field: the line is the bad row,
    # the rows after it are read, and a lone inch mark inside a field is no quote at all.
    folder = tmp_path / "export"
    folder.mkdir()
    rows = ["Notes:", "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += [f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Eng,01 Jan 2024" for i in range(5)]
    rows.insert(5, 'Bad,"Quote,https://www.linkedin.com/in/bad,,Acme,Eng,01 Jan 2024')
    rows.append('Inch,Mark,https://www.linkedin.com/in/inch,,Acme,"5"" screens",01 Jan 2024')
    rows.append('Lone,Inch,https://www.linkedin.com/in/lone,,Acme,5" display lead,01 Jan 2024')
    (folder / "Connections.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    export = open_export(folder)
    names = [connection.name for connection in export.connections()]
    assert names == ["P0 Q", "P1 Q", "P2 Q", "P3 Q", "P4 Q", "Inch Mark", "Lone Inch"]
    assert [(problem.line, problem.message) for problem in export.problems] == [
        (6, "a quote opened on this line is never closed")]


def test_a_member_compressed_with_an_unknown_method_is_one_problem(tmp_path):
    path = zip_export(tmp_path, {"Skills.csv": "Name\nPython\n", "Profile.csv": PROFILE})
    data = bytearray(path.read_bytes())
    method = (99).to_bytes(2, "little")  # no method zipfile reads
    local = data.find(b"PK\x03\x04")
    while local != -1:  # every member's local header, then its central directory entry
        data[local + 8:local + 10] = method
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        data[central + 10:central + 12] = method
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    export = open_export(path)
    assert export.skills() is None
    problem = next(problem for problem in export.problems if problem.file == "Skills.csv")
    assert "compression method" in problem.message and len(str(problem).splitlines()) == 1
