"""An on-disk cache of article analyses, keyed by the article's bytes and the generator's version.

Analysing an article is a pure function of its bytes and of the generator's code and data
files, apart from the file's name, which gives the article its path and page name. So an entry
is found by a hash of the bytes alone and stored without the name, which is put back on reading:
a renamed or copied file is not analysed again. The generator's version is a hash of every file
of the `generator` package (code and data), so any change to the extractor starts a new cache;
entries of other versions are deleted when a new one starts.

Entries are JSON written and read by pydantic against the frozen dataclasses of model.py, never
pickle: the folder is writable by anyone who can write to the project, and reading an entry
runs no code. An entry that cannot be read or does not fit the model (cut short, edited, from a
disk error) is ignored and written anew. Entries are written to a temporary file and renamed,
so a reader (another process of a pool, another build) never sees half an entry.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .extraction.analyse import analyse
from .model import Analysis
from .extraction.reading import ArticleError, article_identity, decode, parse_article, read_raw

PACKAGE = Path(__file__).resolve().parent
_PREFIX = "analyses-"


@cache
def generator_version() -> str:
    """A hash of the generator package's files (code, data, schemas), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def _adapter() -> TypeAdapter:
    return TypeAdapter(Analysis)


class AnalysisCache:
    """Analyses stored under folder/analyses-<version>/<key[:2]>/<key>.json."""

    def __init__(self, folder: Path):
        self.root = Path(folder)
        self.folder = self.root / f"{_PREFIX}{generator_version()[:20]}"

    def _entry(self, raw: bytes) -> Path:
        key = hashlib.sha256(raw).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def load(self, raw: bytes, shown: str) -> Analysis | None:
        try:
            stored = _adapter().validate_json(self._entry(raw).read_bytes(), strict=True)
        except (OSError, ValueError, ValidationError):  # missing, unreadable or not an analysis: analyse again
            return None
        return replace(stored, article=replace(stored.article, **article_identity(shown)))

    def store(self, raw: bytes, analysis: Analysis) -> None:
        entry = self._entry(raw)
        try:
            if not self.folder.is_dir():
                self._start_version()
            entry.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=entry.parent, suffix=".tmp", delete=False) as out:
                out.write(_adapter().dump_json(analysis))
            os.replace(out.name, entry)
        except OSError:  # a full disk or a read-only folder costs speed, never the build
            return

    def _start_version(self) -> None:
        """Entries of other generator versions can never be read again: delete them."""
        if self.root.is_dir():
            for old in self.root.glob(f"{_PREFIX}*"):
                if old.is_dir() and old != self.folder:
                    shutil.rmtree(old, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)

    def lookup(self, path: Path, shown: str) -> Analysis | None:
        """The stored analysis of the file, if there is one (None too if the file cannot be read)."""
        try:
            return self.load(read_raw(path, shown), shown)
        except ArticleError:  # analysing it will say why
            return None

    def analysis(self, path: Path, shown: str) -> Analysis:
        """The file's analysis, from the cache or made and stored; ArticleError as read_article."""
        raw = read_raw(path, shown)
        found = self.load(raw, shown)
        if found is not None:
            return found
        analysis = analyse(parse_article(decode(raw, shown), path=shown))
        self.store(raw, analysis)
        return analysis
