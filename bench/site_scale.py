"""Scale benchmark: N synthetic stories built into the site with MkDocs.

    .venv/bin/python bench/site_scale.py                # 250 and 1,000 briefings
    .venv/bin/python bench/site_scale.py --sizes 100 --keep /tmp/scale

For each size it writes N articles about N different stories into a copy of
the project (mkdocs.yml, docs/, an empty briefings/ folder), runs
`mkdocs build --strict` as a user would, checks that the N stories stayed N
briefings (none merged, none split), and reports the build time and the sizes
of the pages. The bar: a briefing page stays under 60 KB of HTML at 1,000
briefings, and the site grows linearly with the number of briefings.

The articles are generated, deterministic and distinct: every story has its
own invented place, project words and spokesperson, between two real states,
so the grouping step has no reason to merge two of them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BRIEFING_PAGE_LIMIT = 60_000  # bytes of HTML

# Each story is about its own pair of these states (names as the gazetteer knows them): 1,225 pairs.
STATES = ["Norway", "Chile", "Kenya", "Japan", "Brazil", "Canada", "Egypt", "India", "Mexico", "Poland",
          "Ghana", "Peru", "Vietnam", "Morocco", "Sweden", "Indonesia", "Argentina", "Portugal", "Nigeria",
          "Thailand", "Finland", "Colombia", "Tunisia", "Malaysia", "Austria", "Senegal", "Uruguay", "Greece",
          "Ethiopia", "Mongolia", "Ireland", "Denmark", "Chad", "Nepal", "Jamaica", "Iceland", "Bolivia", "Zambia",
          "Latvia", "Oman", "Qatar", "Cuba", "Fiji", "Mali", "Laos", "Belgium", "Croatia", "Estonia", "Algeria",
          "Paraguay"]
PAIRS = list(itertools.combinations(STATES, 2))
random.Random(0).shuffle(PAIRS)
# Beyond the first 1,225 stories (bench/group_bench.py goes to 10,000), pairs that take in these states too.
MORE_STATES = ["Albania", "Angola", "Armenia", "Australia", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus",
               "Benin", "Bhutan", "Botswana", "Bulgaria", "Burundi", "Cambodia", "Cameroon", "Cyprus", "Djibouti",
               "Ecuador", "Eritrea", "France", "Gabon", "Germany", "Guatemala", "Guyana", "Haiti", "Honduras",
               "Hungary", "Iran", "Iraq", "Israel", "Italy", "Kazakhstan", "Kuwait", "Kyrgyzstan", "Lebanon",
               "Lesotho", "Liberia", "Libya", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Maldives", "Malta",
               "Mauritania", "Mauritius", "Moldova", "Montenegro", "Mozambique", "Myanmar", "Namibia", "Nicaragua",
               "Pakistan", "Panama", "Philippines", "Romania", "Russia", "Rwanda", "Samoa", "Serbia", "Seychelles",
               "Singapore", "Slovakia", "Slovenia", "Somalia", "Spain", "Suriname", "Switzerland", "Syria",
               "Tajikistan", "Tanzania", "Togo", "Tonga", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "Uzbekistan",
               "Vanuatu", "Venezuela", "Yemen", "Zimbabwe", "Afghanistan", "Barbados", "Belize", "Brunei", "Comoros",
               "Grenada", "Kiribati", "Liechtenstein", "Nauru", "Palau", "Sudan", "Bosnia", "Eswatini"]
_FIRST_PAIRS = set(PAIRS)
_MORE_PAIRS = [p for p in itertools.combinations(STATES + MORE_STATES, 2) if p not in _FIRST_PAIRS]
random.Random(1).shuffle(_MORE_PAIRS)
PAIRS += _MORE_PAIRS
ROLES = ["Foreign Minister", "Trade Minister", "Environment Minister", "Prime Minister", "Energy Minister"]
OUTLETS = ["Wire One", "Harbour Post", "Daily Ledger", "Capital Times"]
SYLLABLES = ["ka", "lo", "mi", "ta", "ve", "ru", "so", "ne", "pa", "di", "go", "fe", "zu", "ba", "ri", "ho",
             "ma", "te", "wi", "co"]
ENDINGS = {"place": "ria", "project": "ton", "resource": "lite", "region": "vale", "first": "do", "surname": "sen",
           "partner": "ix"}


def invented(n: int, kind: str) -> str:
    """A word no other story uses: story number n spelled in syllables, with an ending per kind of word."""
    syllables = 3 if n < 20 ** 3 else 4  # a fourth syllable past 8,000 stories; the first 8,000 keep their words
    word = "".join(SYLLABLES[(n // 20 ** i) % 20] for i in range(syllables)) + ENDINGS[kind]
    return word.capitalize()


def article(n: int) -> str:
    a, b = PAIRS[n]
    place, project, resource, region = (invented(n, k) for k in ("place", "project", "resource", "region"))
    person = f"{invented(n, 'first')} {invented(n, 'surname')}"
    date = dt.date(2024, 1, 1) + dt.timedelta(days=n)
    earlier = date - dt.timedelta(days=3 + n % 20)
    role = ROLES[n % len(ROLES)]
    return f"""---
title: {a} and {b} agree on the {project} {resource} plan in {place}
date: {date.isoformat()}
source: {OUTLETS[n % len(OUTLETS)]}
---

{a} and {b} agreed to a {project} {resource} plan in {place}, officials said.

The {project} plan covers the {region} basin and the {resource} reserves near {place}, according to a joint statement released on {earlier:%B} {earlier.day}, {earlier.year}.

{a}'s {role} {person} said: "The {project} plan will protect {region} and its {resource} for a generation."

{b} said it would review the terms of the {resource} agreement next month.

Talks on the {project} question began years ago, when {region} first reported shortages of {resource}.
"""


def tree_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def largest(site: Path, pattern: str) -> int:
    return max((p.stat().st_size for p in site.glob(pattern)), default=0)


def measure(count: int, workdir: Path) -> dict:
    project = workdir / f"site-{count}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "briefings").mkdir()
    seeds = project / "seeds"
    seeds.mkdir()
    for n in range(count):
        (seeds / f"story-{n:05d}.md").write_text(article(n), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env, check=True)
    seconds = time.perf_counter() - started
    site = project / "site"
    briefing_pages = sorted(site.glob("briefings/*/index.html"))
    if len(briefing_pages) != count:
        raise SystemExit(f"{count} distinct stories gave {len(briefing_pages)} briefings: stories merged or split")
    sizes = [p.stat().st_size for p in briefing_pages]
    total, files = tree_bytes(site)
    return {
        "briefings": count,
        "build_seconds": round(seconds, 1),
        "briefing_html_max": max(sizes),
        "briefing_html_median": int(statistics.median(sizes)),
        "article_html_max": largest(site, "articles/*/index.html"),
        "home_html": (site / "index.html").stat().st_size,
        "archive_page_max": max(largest(site, "archive/index.html"), largest(site, "archive/*/index.html")),
        "actor_page_max": max(largest(site, "actors/*/index.html"), largest(site, "actors/*/*/index.html")),
        "timeline_page_max": max(largest(site, "timeline/index.html"), largest(site, "timeline/*/index.html")),
        "sources_page_max": max(largest(site, "sources/index.html"), largest(site, "sources/*/index.html")),
        "tags_html": (site / "tags" / "index.html").stat().st_size,
        "search_index": (site / "search" / "search_index.json").stat().st_size,
        "feed": (site / "feed.xml").stat().st_size,
        "site_bytes": total,
        "site_files": files,
    }


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def report(results: list[dict]) -> str:
    rows = [
        ("build time (`mkdocs build --strict`)", lambda r: f"{r['build_seconds']:.1f} s"),
        ("briefing page HTML, largest", lambda r: kb(r["briefing_html_max"])),
        ("briefing page HTML, median", lambda r: kb(r["briefing_html_median"])),
        ("article page HTML, largest", lambda r: kb(r["article_html_max"])),
        ("home page", lambda r: kb(r["home_html"])),
        ("largest page of: all briefings", lambda r: kb(r["archive_page_max"])),
        ("largest page of: an actor", lambda r: kb(r["actor_page_max"])),
        ("largest page of: timeline", lambda r: kb(r["timeline_page_max"])),
        ("largest page of: sources", lambda r: kb(r["sources_page_max"])),
        ("tags index", lambda r: kb(r["tags_html"])),
        ("search index", lambda r: kb(r["search_index"])),
        ("feed", lambda r: kb(r["feed"])),
        ("whole site", lambda r: f"{r['site_bytes'] / 1e6:,.1f} MB in {r['site_files']:,} files"),
        ("whole site per briefing", lambda r: kb(r["site_bytes"] // r["briefings"])),
    ]
    header = "| briefings | " + " | ".join(f"{r['briefings']:,}" for r in results) + " |"
    lines = [header, "|---|" + "--:|" * len(results)]
    lines += [f"| {label} | " + " | ".join(cell(r) for r in results) + " |" for label, cell in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000], help=f"at most {len(PAIRS):,}")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the sites (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-scale-") as temp:
        workdir = args.keep or Path(temp)
        results = []
        for count in args.sizes:
            results.append(measure(count, workdir))
            print(f"{count:,} briefings built in {results[-1]['build_seconds']} s", file=sys.stderr)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if len(results) > 1:
        small, big = results[0], results[-1]
        added = big["briefings"] - small["briefings"]
        print(f"\nfrom {small['briefings']:,} to {big['briefings']:,} briefings, each added briefing adds "
              f"{kb((big['site_bytes'] - small['site_bytes']) // added)} to the site and "
              f"{(big['build_seconds'] - small['build_seconds']) / added * 1000:.0f} ms to the build; "
              f"the largest briefing page changes by {big['briefing_html_max'] - small['briefing_html_max']:+,} bytes")
    worst = max(r["briefing_html_max"] for r in results)
    print(f"largest briefing page: {kb(worst)} (bar: under {kb(BRIEFING_PAGE_LIMIT)})")
    return 0 if worst < BRIEFING_PAGE_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
