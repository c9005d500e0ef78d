"""assist: screen LinkedIn connection requests from strangers, with reasons and a draft reply."""

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it from here)
