"""Issue 14: reading the user's own LinkedIn export, a folder and the same as a zip.

Generates an export with 50,000 connections and 100,000 messages (realistic field sizes: message
contents of a few hundred characters, some over several lines, with commas and Vietnamese text;
a Notes: preamble; a fully quoted messages header; some double-encoded names), then, in a fresh
process each run, times `open_export(...)` and reading every file (profile, positions, schools,
skills, connections, messages, outgoing invitations) and then indexing it for looking senders up
(known.Network, what a run spends before its first request), and prints the seconds and that process's
peak memory (ru_maxrss, which includes Python itself: the import-only figure is printed too). Run:

    .venv/bin/python bench/bench_export.py [--connections 50000] [--messages 100000] [--runs 3]

Target: under 3 s for each of the folder and the zip.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 3.0

# Runs in a fresh process: reads the whole export, prints seconds, peak RSS (KiB) and the counts.
READER = (
    "import resource, sys, time\n"
    "t = time.perf_counter()\n"
    "from assist.export import open_export\n"
    "if sys.argv[1] == '--import-only':\n"
    "    print(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0, 0, 0); sys.exit()\n"
    "export = open_export(sys.argv[1])\n"
    "export.profile(); export.positions(); export.schools(); export.skills()\n"
    "c = export.connections(); m = export.messages(); i = export.outgoing_invitations()\n"
    "seconds = time.perf_counter() - t\n"
    "from assist.known import Network\n"
    "network = Network.read(export)\n"
    "indexed = time.perf_counter() - t\n"
    "print(f'{seconds:.3f}', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(c), len(m), len(export.problems),\n"
    "      f'{indexed:.3f}')\n"
)

FIRST = ["Minh", "Lan", "Tuấn", "Hạnh", "Bảo", "Sarah", "David", "Priya", "Wei", "Ana", "Jonas", "Fatima", "Quốc", "Thảo"]
LAST = ["Nguyễn", "Trần", "Phạm", "Lê", "Đặng", "Chen", "Smith", "Kumar", "García", "Müller", "Okafor", "Tanaka"]
COMPANIES = ["MoMo", "VNPay", "Viet Pro Finance", "Grab", "Shopee", "SSI Securities", "Techcombank", "Stripe",
             "Northwind Labs", "FPT Software", "Vingroup, JSC", "Acme \"Global\" Ltd"]
TITLES = ["Software Engineer", "Product Manager", "Market Analyst", "Talent Partner", "Head of Data",
          "Senior Backend Engineer", "Investment Associate", "Founder & CEO"]
WORDS = ("hi thanks for connecting great to meet you at the fintech meetup in Hanoi last week, "
         "chào anh, rất vui được kết nối với anh. Em đang tìm hiểu về thị trường chứng khoán "
         "we are hiring senior engineers would you be open to a quick call next Tuesday? "
         "please find the deck attached and let me know what you think").split()


def mojibake(text: str) -> str:
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))


def content(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(5, 80))
    lines = [" ".join(words[i:i + 20]) for i in range(0, len(words), 20)]
    return "\n".join(lines)


def write_export(folder: Path, connections: int, messages: int, seed: int = 14) -> None:
    rng = random.Random(seed)

    def table(name: str, header: list[str], rows, preamble: str = "", quote_all: bool = False) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(preamble)
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
            writer.writerow(header)
            writer.writerows(rows)

    table("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
          "Geo Location,Twitter Handles,Websites,Instant Messengers".split(","),
          [["Minh", "Đặng Khắc", "", "", "", "Market analyst at Viet Pro Finance", content(rng), "Financial Services",
            "", "Hanoi, Vietnam", "", "", ""]])
    table("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On".split(","),
          [[rng.choice(COMPANIES), rng.choice(TITLES), content(rng), "Hanoi", f"Jan {2010 + i}",
            "" if i == 0 else f"Dec {2010 + i}"] for i in range(12)])
    table("Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities".split(","),
          [["National Economics University", "2005", "2009", "", "Bachelor of Finance", "Chess, football"]])
    table("Skills.csv", ["Name"], [[word] for word in ("Equity Research", "Financial Modeling", "Microsoft Excel",
                                                       "Python", "SQL", "Valuation", "Fintech", "Banking")])
    notes = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
             'missing. You will only see email addresses for connections who have allowed their connections to see '
             'or download their email address using this setting https://www.linkedin.com/psettings/privacy/email\n'
             'You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"\n\n')

    def connection(i: int) -> list[str]:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if i % 50 == 0:
            first, last = mojibake(first), mojibake(last)
        return [first, last, f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i:x}",
                f"p{i}@example.com" if i % 10 == 0 else "", rng.choice(COMPANIES), rng.choice(TITLES),
                f"{rng.randint(1, 28):02d} {rng.choice(['Jan', 'Feb', 'Mar', 'Oct'])} {rng.randint(2010, 2026)}"]

    table("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On".split(","),
          (connection(i) for i in range(connections)), preamble=notes)

    def message(i: int) -> list[str]:
        other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        mine = i % 2 == 0
        sender, recipient = ("Đặng Khắc Minh", other) if mine else (other, "Đặng Khắc Minh")
        return [f"2-{i // 4:x}==", other, sender, f"https://www.linkedin.com/in/s{i % 7000:x}", recipient,
                f"https://www.linkedin.com/in/r{i % 7000:x}", f"20{rng.randint(15, 26)}-0{rng.randint(1, 9)}-1"
                f"{rng.randint(0, 9)} 1{rng.randint(0, 9)}:3{rng.randint(0, 9)}:58 UTC",
                "An opportunity" if i % 40 == 0 else "", content(rng), "INBOX", "", "No"]

    table("messages.csv", ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                           "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
                           "IS MESSAGE DRAFT"], (message(i) for i in range(messages)), quote_all=True)
    table("Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl".split(","),
          [[f"{rng.choice(FIRST)} {rng.choice(LAST)}", "Đặng Khắc Minh", f"11/{rng.randint(1, 28)}/25, 5:13 PM",
            content(rng)[:300] if i % 3 == 0 else "", "OUTGOING" if i % 2 else "INCOMING",
            f"https://www.linkedin.com/in/i{i}", f"https://www.linkedin.com/in/o{i}"] for i in range(2000)])
    (folder / "guide_messages.csv").write_text("decoy\n", encoding="utf-8")


def run(target: str, runs: int) -> tuple[float, float, str, float]:
    """The fastest read, the largest peak, the counts, and the fastest read + index (known.Network:
    what a run that screens with the export spends before its first request)."""
    best, peak, counts, indexed = float("inf"), 0.0, "", float("inf")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", READER, target], check=True, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).stdout.split()
        best = min(best, float(out[0]))
        peak = max(peak, int(out[1]) / 1024)
        counts = f"{int(out[2]):,} connections, {int(out[3]):,} messages, {out[4]} problems"
        if len(out) > 5:
            indexed = min(indexed, float(out[5]))
    return best, peak, counts, indexed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=50_000)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the fastest time, the largest peak)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "Basic_LinkedInDataExport"
        folder.mkdir()
        write_export(folder, args.connections, args.messages)
        archive = Path(temp) / "Basic_LinkedInDataExport.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for file in sorted(folder.iterdir()):
                zipped.write(file, file.name)
        size = sum(file.stat().st_size for file in folder.iterdir())
        print(f"export: {args.connections:,} connections, {args.messages:,} messages; "
              f"{size / 2**20:.1f} MiB unpacked, {archive.stat().st_size / 2**20:.1f} MiB zipped")
        _, base, _, _ = run("--import-only", 1)
        print(f"python + import assist.export: peak {base:.0f} MiB")
        for label, target in (("folder", folder), ("zip", archive)):
            seconds, peak, counts, indexed = run(str(target), args.runs)
            verdict = "ok" if indexed < TARGET_SECONDS else "OVER TARGET"
            print(f"{label:6}: read {seconds:.2f} s, read and indexed {indexed:.2f} s (target < {TARGET_SECONDS:.0f} s: "
                  f"{verdict}), peak {peak:.0f} MiB; {counts}")


if __name__ == "__main__":
    main()
