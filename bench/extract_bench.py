"""Extractor throughput and memory at scale.

    .venv/bin/python bench/extract_bench.py [--corpus ../shared/eval/corpus/dev] [--sizes 1000 10000]

Replicates the articles of a corpus to N articles (each copy made unique by a
trailing line, so no per-text cache can short-circuit the work), then, for each
N in a fresh process: parses and analyses every article on one core (the
extractor: reading, sentences, actors, people, quotes, sections, dates), then
groups them into stories. Prints articles per second and the process's peak
resident memory. Nothing is written.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def run_one(corpus: Path, size: int) -> dict:
    from generator.analyse import analyse
    from generator.reading import decode, find_article_files, parse_article
    from generator.stories import group

    files = find_article_files([corpus])
    texts = [(f.name, decode(f.read_bytes(), str(f))) for f in files]
    for name, text in texts:  # load the data files and build the lazily made patterns once, outside the timing
        analyse(parse_article(text, path=f"warm-up-{name}"))
    started = time.perf_counter()
    analyses = []
    for n in range(size):
        name, text = texts[n % len(texts)]
        analyses.append(analyse(parse_article(f"{text}\n\nBenchmark copy {n}.\n", path=f"copy-{n}-{name}")))
    extracted = time.perf_counter()
    stories = group(analyses)
    grouped = time.perf_counter()
    return {
        "articles": size,
        "extract_seconds": round(extracted - started, 2),
        "articles_per_second": round(size / (extracted - started), 1),
        "group_seconds": round(grouped - extracted, 2),
        "stories": len(stories),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "corpus" / "dev")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.corpus, args.one)))
        return 0
    print(f"corpus: {args.corpus} ({len(list(args.corpus.glob('*.txt')))} articles), one process per size, one core")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--one", str(size)],
                             capture_output=True, text=True, check=True)
        result = json.loads(out.stdout)
        print(f"{result['articles']:>6} articles: extract {result['extract_seconds']:>7.2f} s "
              f"({result['articles_per_second']:>6.1f} articles/s), group {result['group_seconds']:>6.2f} s "
              f"({result['stories']} stories), peak memory {result['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
