"""Grouping time per article, from 1,000 to 10,000 articles, on two kinds of collection.

    .venv/bin/python bench/group_bench.py [--sizes 1000 2000 5000 10000] [--corpus ../shared/eval/corpus/dev]

- distinct: N synthetic stories of bench/site_scale.py (each its own pair of states, invented place,
  project and spokesperson): N articles must stay N stories.
- copies: the corpus's articles replicated to N, each copy made unique by a trailing sentence
  ("Benchmark copy n.", as bench/extract_bench.py does): the copies must be grouped as the
  originals are (every story holds the copies of the articles of one story of the originals).

The articles are analysed once, outside the timing (a copy is its original's analysis with the
trailing sentence added, which is what analysing it gives); only `stories.group` is timed, in this
process, as CPU time, the fastest of --repeat runs per size. Prints the time per article and its
ratio to the smallest size's; the bar is that it stays within 1.5x. Nothing is written.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from generator.extraction.analyse import analyse  # noqa: E402
from generator.model import Analysis, Sentence  # noqa: E402
from generator.extraction.reading import decode, find_article_files, parse_article  # noqa: E402
from generator.briefing.stories import group  # noqa: E402

BAR = 1.5


def distinct(size: int) -> list[Analysis]:
    import site_scale

    return [analyse(parse_article(site_scale.article(n), path=f"story-{n:05d}.md")) for n in range(size)]


def copy(original: Analysis, n: int) -> Analysis:
    article = original.article
    line = f"Benchmark copy {n}."
    start = len(article.text) + 2
    text = f"{article.text}\n\n{line}\n"
    last = original.sentences[-1] if original.sentences else None
    sentence = Sentence(index=len(original.sentences), start=start, end=start + len(line), text=line,
                        paragraph=(last.paragraph + 1) if last else 0)
    return replace(original, sentences=(*original.sentences, sentence),
                   article=replace(article, text=text, body_end=len(text), path=f"copy-{n}-{article.path}",
                                   source_id=f"copy-{n}-{article.source_id}"))


def copies(originals: list[Analysis], size: int) -> list[Analysis]:
    return [copy(originals[n % len(originals)], n) for n in range(size)]


def check_distinct(analyses: list[Analysis], stories) -> str | None:
    if len(stories) != len(analyses):
        return f"{len(analyses)} distinct stories gave {len(stories)}"
    return None


def check_copies(originals: list[Analysis], stories, copied) -> str | None:
    """Every story of the copies holds the copies of the articles of exactly one story of the originals."""
    story_of_original = {a.article.path: s.slug for s in group(originals) for a in s.analyses}
    original_of = {c.article.path: originals[n % len(originals)].article.path for n, c in enumerate(copied)}
    seen: dict[str, str] = {}
    for story in stories:
        origins = {story_of_original[original_of[a.article.path]] for a in story.analyses}
        if len(origins) != 1:
            return f"a story of the copies mixes {len(origins)} stories of the originals"
        (origin,) = origins
        if origin in seen:
            return f"the copies of story '{origin}' are split"
        seen[origin] = story.slug
    return None


def timed(analyses: list[Analysis], repeat: int):
    """CPU seconds of grouping (one thread), the least of `repeat` runs: on a shared machine, wall time
    counts the neighbours' work too, and even CPU time varies by a third from run to run."""
    best = None
    for _ in range(repeat):
        started = time.process_time()
        stories = group(analyses)
        seconds = time.process_time() - started
        best = seconds if best is None else min(best, seconds)
    return best, stories


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "corpus" / "dev")
    args = parser.parse_args()
    originals = [analyse(parse_article(decode(f.read_bytes(), str(f)), path=f.name))
                 for f in find_article_files([args.corpus])]
    every_distinct = distinct(max(args.sizes))
    group(originals)  # data files loaded before timing
    failures, worst = [], {}
    print(f"{'articles':>8} | {'kind':<8} | {'group':>8} | {'per article':>11} | ratio to {args.sizes[0]:,} | stories")
    for kind in ("distinct", "copies"):
        first = None
        for size in args.sizes:
            analyses = every_distinct[:size] if kind == "distinct" else copies(originals, size)
            seconds, stories = timed(analyses, args.repeat)
            per_article = seconds / size * 1000
            first = first or per_article
            worst[kind] = max(worst.get(kind, 1.0), per_article / first)
            problem = (check_distinct(analyses, stories) if kind == "distinct"
                       else check_copies(originals, stories, analyses))
            if problem:
                failures.append(f"{kind} {size}: {problem}")
            print(f"{size:>8,} | {kind:<8} | {seconds:>6.2f} s | {per_article:>8.2f} ms | "
                  f"{per_article / first:>6.2f}x | {len(stories):,}{'  ' + problem if problem else ''}")
    for kind, ratio in worst.items():
        print(f"{kind}: time per article at most {ratio:.2f}x that at {args.sizes[0]:,} "
              f"({'within' if ratio <= BAR else 'over'} the {BAR}x bar)")
    for line in failures:
        print(f"FAILED: {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
