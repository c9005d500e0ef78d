"""Issue 12, conventions: every command's help ends with Examples, and each example is true: run as
written (in-process, against the sample data: the fixture inbox screened into the default store,
from a folder where `fixtures/` is the repository's), it exits 0. Only the Batch API's examples,
which need OpenAI, are not run. Shell completion is offered as typer offers it."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys


import pytest
import typer

from assist.cli import app
from helpers import FIXTURES, ROOT

ANALYST = "fixtures/configs/analyst-vi.toml"
OFFLINE_ONLY = ("batch",)  # their examples talk to the OpenAI Batch API


def command_paths() -> list[list[str]]:
    """Every command and group of the tree, the root first: ["screen"], ["review", "approve"], ..."""
    paths: list[list[str]] = []

    def walk(command, path: list[str]) -> None:
        paths.append(path)
        if getattr(command, "commands", None):  # a group
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


def help_text(run, path: list[str]) -> str:
    code, out, err = run(*path, "--help")
    assert code == 0, err
    return out


def examples(text: str) -> list[str]:
    """The example command lines under "Examples:" (indented lines that start with `assist `)."""
    if "Examples:" not in text:
        return []
    after = text.split("Examples:", 1)[1]
    lines = []
    for line in after.splitlines():
        if line.strip() and not line.startswith(" "):
            break  # the next section (Arguments:, Options:, Commands:)
        if line.strip():
            assert line.strip().startswith("assist "), f"an example cut across lines: {line.strip()!r}"
            lines.append(line.strip())
    return lines


def test_every_command_and_group_has_examples(run):
    paths = command_paths()
    assert len(paths) > 25  # the walk reached the subcommands
    missing = [" ".join(["assist", *path]) for path in paths if not examples(help_text(run, path))]
    assert missing == []


@pytest.fixture
def sample(tmp_path, run, monkeypatch):
    """A folder where `fixtures/` is the repository's, and the fixture inbox screened into the
    default store ($ASSIST_HOME/assist.db); the store's file, to copy before each command's examples."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "fixtures").symlink_to(FIXTURES)
    monkeypatch.chdir(folder)
    code, _, err = run("screen", "fixtures/requests", "-c", ANALYST, "--json")
    assert code == 0, err
    store = tmp_path / "home" / "assist.db"
    shutil.copy(store, tmp_path / "sample.db")
    return tmp_path / "sample.db", store


def test_every_example_runs_as_written_against_the_sample_data(run, sample, monkeypatch):
    pristine, store = sample
    ran = 0
    for path in command_paths():
        lines = examples(help_text(run, path))
        if path[:1] and path[0] in OFFLINE_ONLY:
            continue
        # each command's examples from the sample store, in their order, in a home of their own
        home = pristine.parent / ("home-" + "-".join(path or ["assist"]))
        home.mkdir()
        shutil.copy(pristine, home / store.name)
        monkeypatch.setenv("ASSIST_HOME", str(home))
        for line in lines:
            argv = shlex.split(line)[1:]
            if ">" in argv:  # a redirection: what it would write is what the command prints
                argv = argv[:argv.index(">")]
            monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))  # `assist review` reads one key: quit
            code, out, err = run(*argv)
            assert code == 0, f"{line}: exit {code}: {err}"
            assert "error" not in err, f"{line}: {err}"
            ran += 1
    assert ran > 40


def test_shell_completion_is_offered(run):
    out = help_text(run, [])
    assert "--install-completion" in out and "--show-completion" in out
    env = {**os.environ, "_ASSIST_COMPLETE": "complete_bash", "COMP_WORDS": "assist rev", "COMP_CWORD": "1"}
    completed = subprocess.run([sys.executable, "-m", "assist"], env=env, capture_output=True, text=True, timeout=60)
    assert "review" in completed.stdout.split()
    env.update(COMP_WORDS="assist review mark", COMP_CWORD="2")
    completed = subprocess.run([sys.executable, "-m", "assist"], env=env, capture_output=True, text=True, timeout=60)
    assert completed.stdout.split() == ["mark-sent"]


def test_no_command_list_is_cut_off(run):
    for path in command_paths():
        out = help_text(run, path)
        if "Commands:" in out:
            listed = out.split("Commands:", 1)[1].split("Examples:", 1)[0]
            assert "..." not in listed, " ".join(["assist", *path])
