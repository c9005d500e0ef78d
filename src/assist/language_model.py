"""py3langid's model, restricted to the languages a note is told among, and kept in the user cache
directory once made (issue 10, offline speed). Restricted to a wider list, it also tells a sentence
in a language the offline engine does not read (unread.py).

py3langid ships one LZMA-compressed model of 97 languages (68 MB once decompressed): loading it
costs about half a second of CPU, in every run that drafts a reply. Restricted to the candidates
(language.CANDIDATES), as `set_languages` does, its arrays are written once to the cache directory
(`paths.cache_dir`, beside the compiled templates: what assist can make again at will), and a later
run reads them back in a few hundredths of a second. The arrays are the very ones `set_languages`
leaves (same values, types and memory layout), so every text's language and probability are
exactly those of the package's model. The file is keyed by py3langid's version, its model file
and the candidates; a file that cannot be read is made again, and without a writable cache
directory the package's model is used as before. Only arrays are stored (no pickle).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# The languages the model chooses among: those replies exist in, and those a note is often written
# in without a reply template (a Japanese note is told from Chinese, not read as Chinese).
CANDIDATES = ("en", "vi", "es", "fr", "de", "pt", "id", "zh", "ja", "ko", "th", "ru", "it", "ms", "nl", "tr", "pl")
FORMAT = "1"  # of the cached file: changed, every cached file is made again


def from_package(candidates: tuple[str, ...] = CANDIDATES):
    """The package's model, decompressed and restricted to the candidates (the slow way)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


def load(candidates: tuple[str, ...] = CANDIDATES):
    """The model restricted to `candidates`: from the cache directory when it holds it, else from
    the package (and then written there for the next run)."""
    path = _cached_path(candidates)
    if path is not None and path.is_file():
        try:
            return _read(path)
        except Exception:  # noqa: BLE001 (a damaged or foreign file: made again below)
            pass
    identifier = from_package(candidates)
    if path is not None:
        _write(identifier, path)
    return identifier


def _cached_path(candidates: tuple[str, ...]) -> Path | None:
    """Where the model restricted to `candidates` is kept for this py3langid and its model file, or
    None when the cache directory cannot be written."""
    from importlib.metadata import version

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from .paths import cache_dir

    try:
        model = Path(MODEL_DIR) / MODEL_FILE
        stat = model.stat()
        key = "\n".join([FORMAT, version("py3langid"), str(model), str(stat.st_size), str(stat.st_mtime_ns), *candidates])
        folder = cache_dir() / "language"
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return None
    except (OSError, ValueError):
        return None
    return folder / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def _write(identifier, path: Path) -> None:
    """The arrays `set_languages` left, written whole or not at all (a temporary file renamed)."""
    import tempfile

    import numpy as np

    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            # The class table is a column slice of the full one (Fortran order): kept so, through
            # its transpose, so the scores are computed over the same memory layout.
            np.savez_compressed(
                out, ptc_t=identifier.nb_ptc.T, pc=identifier.nb_pc, classes=np.array(identifier.nb_classes),
                nextmove=np.array(identifier.tk_nextmove), row=np.array(identifier.tk_row),
                output=np.array(identifier.tk_output, dtype=np.int64))
        os.replace(out.name, path)
    except (OSError, ValueError, TypeError, AttributeError):
        try:
            os.unlink(out.name)
        except (OSError, UnboundLocalError):
            pass


def _read(path: Path):
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(data["ptc_t"].T, data["pc"], data["classes"].tolist(), _array(data["nextmove"]),
                                  data["output"].tolist(), norm_probs=True, tk_row=_array(data["row"]))


def _array(values):
    """An unsigned integer array as the standard library's array, as py3langid keeps its tables."""
    from array import array

    table = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    table.frombytes(memoryview(values).cast("B"))
    return table
