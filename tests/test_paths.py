"""Where assist keeps things: one library (platformdirs) for the data and the config directory,
and on Linux the very paths assist always used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assist.paths import assist_home, config_dir

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout is Linux's")


def test_assist_home_wins_for_data(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "mine"))
    assert assist_home() == tmp_path / "mine"


@linux
def test_linux_paths_honour_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("ASSIST_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert assist_home() == tmp_path / "data" / "assist"
    assert config_dir() == tmp_path / "config" / "assist"


@linux
@pytest.mark.parametrize("unset", ["delete", "empty"])
def test_linux_paths_without_xdg(tmp_path, monkeypatch, unset):
    monkeypatch.delenv("ASSIST_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        if unset == "delete":
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, "")  # an empty variable is no directory (it was "assist", relative, for the config)
    assert assist_home() == tmp_path / ".local" / "share" / "assist"
    assert config_dir() == tmp_path / ".config" / "assist"


def test_platformdirs_is_not_imported_to_print_the_version():
    code = "import sys; from assist.cli import main; main(['--version']); print('platformdirs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False"
