"""Imported for its effect: loads the extractor's data files and builds its patterns (made on
first use, then cached) by analysing one short article.

The process pool's fork server imports it (generator/parallel.py), so that every worker forked
from it starts with them, instead of spending about 0.6 s of CPU on them itself."""
from __future__ import annotations

from .analyse import analyse
from .reading import parse_article

# Names, a role, a dateline, a date, a quote and reporting verbs: most patterns are made for it.
_ARTICLE = ("Talks resume in Vienna\n\n2019-03-04\n\nTEHRAN (Reuters) - Iranian Foreign Minister Ana Vidal said on "
            "Monday that \"the deal is fair,\" the ministry said. She added that Mr. Kerry, a veteran "
            "diplomat, had agreed to meet in June, analysts said.\n")

analyse(parse_article(_ARTICLE, path="warm-up.txt"))
