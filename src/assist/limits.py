"""How much of an input assist reads: the limits that keep time and memory bounded on any input
(a device, an endless stream, a 50 MB note). The README's "Limits" section states them.

Each is read at the moment it is checked (`limits.MAX_...`), so a test can lower it.
"""

from __future__ import annotations

MAX_INPUT_BYTES = 256 * 2**20  # one file or stream of JSON Lines or Invitations.csv, read a line at a time
MAX_DOCUMENT_BYTES = 16 * 2**20  # one JSON document (an object or an array), which is read whole
MAX_ITEM_BYTES = 2**20  # one request: a JSON line, or a record of Invitations.csv
MAX_FIELD_CHARS = 262_144  # one text field of a request (a note, an about, a name, a CSV cell)
MAX_REPLY_CHARS = 65_536  # a reply of yours (`review edit --file`)
HEAD_BYTES = 8192  # the start of an input looked at for binary data (a NUL byte)


def size(count: int) -> str:
    """A number of bytes for a person: `16 MiB`, `97.7 KiB`."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            value = count / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{count} bytes"
