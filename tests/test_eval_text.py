"""The evaluation sets in ../shared/eval are for measuring only: no article text of theirs may be
copied into the code, the data files, the tests or the docs (a rule or test written from a dev
sentence fits dev and shows as a drop on articles nobody has). This test looks for any run of
eight words that one evaluation article prints and this repository repeats; wording that several
evaluation articles share (wire boilerplate, "based in part on wire service reports") is no one
article's text. Examples in comments and tests must be written for them, not quoted."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, SHARED

RUN = 8
CORPORA = [SHARED / "eval" / "corpus" / "dev", SHARED / "eval" / "polnear" / "dev" / "text"]
CHECKED = ["generator", "tests", "bench", "docs", "README.md", "mkdocs.yml", "briefings"]
SUFFIXES = {".py", ".yml", ".yaml", ".md", ".json", ".txt", ".html", ".css"}
WORD = re.compile(r"[\w’'-]+")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.mark.skipif(not all(c.is_dir() for c in CORPORA), reason="../shared/eval is not beside the repo")
def test_no_evaluation_article_text_is_copied_into_the_repository():
    in_files: Counter[tuple[str, ...]] = Counter()
    first_seen: dict[tuple[str, ...], str] = {}
    for corpus in CORPORA:
        for path in sorted(p for p in corpus.iterdir() if p.is_file()):
            for run in _runs(path.read_text(encoding="utf-8", errors="replace")):
                in_files[run] += 1
                first_seen.setdefault(run, path.name)
    seeds = set().union(*(_runs(p.read_text(encoding="utf-8")) for p in (REPO / "seeds").iterdir() if p.is_file()))
    copied = []
    for top in CHECKED:
        root = REPO / top
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES)
        for path in files:
            if path.resolve() == Path(__file__).resolve():
                continue
            for run in sorted(_runs(path.read_text(encoding="utf-8", errors="replace"))):
                if in_files.get(run) == 1 and run not in seeds:
                    copied.append(f"{path.relative_to(REPO)}: '{' '.join(run)}' (from {first_seen[run]})")
    assert not copied, ("text of an evaluation article is copied here; write an example of your own:\n"
                        + "\n".join(copied[:40]))
