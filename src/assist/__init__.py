"""assist: screen LinkedIn connection requests from strangers, with reasons and a draft reply."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("assist")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
