"""Extractor throughput and memory at scale.

    .venv/bin/python bench/extract_bench.py [--corpus ../shared/eval/corpus/dev] [--sizes 1000 10000] [--jobs 1 2]

Replicates the articles of a corpus to N articles (each copy made unique by a
trailing line, so no per-text cache can short-circuit the work), then, for each
N and each --jobs in a fresh process: parses and analyses every article (the
extractor: reading, sentences, actors, people, quotes, sections, dates) in that
many processes (generator/parallel.py, as `extract` does), then
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


def analyse_copy(name: str, text: str, n: int):
    """Copy n of an article, made unique by a trailing line, parsed and analysed."""
    from generator.extraction.analyse import analyse
    from generator.extraction.reading import parse_article

    return analyse(parse_article(f"{text}\n\nBenchmark copy {n}.\n", path=f"copy-{n}-{name}"))


def run_one(corpus: Path, size: int, jobs: int) -> dict:
    from generator import parallel
    from generator.extraction.reading import decode, find_article_files
    from generator.briefing.stories import group

    files = find_article_files([corpus])
    texts = [(f.name, decode(f.read_bytes(), str(f))) for f in files]
    # Load the data files and build the lazily made patterns once, outside the timing (in every worker).
    warm_up = [(name, text, -1) for name, text in texts] * max(1, -(-parallel.IN_PROCESS_BELOW // len(texts)))
    parallel.run(analyse_copy, warm_up if jobs > 1 else warm_up[:len(texts)], jobs=jobs)
    started = time.perf_counter()
    analyses = parallel.run(analyse_copy, [(*texts[n % len(texts)], n) for n in range(size)], jobs=jobs)
    extracted = time.perf_counter()
    stories = group(analyses)
    grouped = time.perf_counter()
    peaks = [resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return {
        "articles": size,
        "jobs": jobs,
        "extract_seconds": round(extracted - started, 2),
        "articles_per_second": round(size / (extracted - started), 1),
        "group_seconds": round(grouped - extracted, 2),
        "stories": len(stories),
        "peak_rss_mb": round(max(peaks) / 1024, 1),  # the largest process: this one or a worker
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "corpus" / "dev")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1], help="processes that analyse (e.g. 1 2)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.corpus, args.one, args.jobs[0])))
        return 0
    print(f"corpus: {args.corpus} ({len(list(args.corpus.glob('*.txt')))} articles), one process per size")
    for size in args.sizes:
        for jobs in args.jobs:
            out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--one", str(size),
                                  "--jobs", str(jobs)], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout)
            print(f"{result['articles']:>6} articles, {jobs} job(s): extract {result['extract_seconds']:>7.2f} s "
                  f"({result['articles_per_second']:>6.1f} articles/s), group {result['group_seconds']:>6.2f} s "
                  f"({result['stories']} stories), peak memory {result['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
