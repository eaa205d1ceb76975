"""Is this checkout's extractor faster than an earlier revision's? Measured in one process.

    .venv/bin/python bench/compare_revisions.py REVISION [--rounds 30] [--corpus ../shared/eval/corpus/dev]

On a shared machine, runs of extract_bench.py minutes apart differ by a third; two
versions measured in the same process, alternating round by round, see the same
load. The revision's `generator` package is taken with `git archive` into a
temporary folder and imported under another name. Each round analyses every
article of the corpus three times; the script prints the CPU time per article of
each version (median and fastest round) and their ratio. Nothing is written in
the repository.
"""
from __future__ import annotations

import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def load_revision(revision: str, folder: Path):
    """The revision's generator package, importable as `generator_at_revision`."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "generator"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "generator").rename(folder / "generator_at_revision")
    # The revision reads its own data files, whose format may differ from this checkout's.
    for module in (folder / "generator_at_revision").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        module.write_text(source.replace('resources.files("generator")', 'resources.files("generator_at_revision")'),
                          encoding="utf-8")
    sys.path.insert(0, str(folder))
    # Its data files, not this checkout's: its lexicon finds them as the package "generator"'s.
    lexicon = importlib.import_module("generator_at_revision.lexicon")
    lexicon.resources = _OwnPackageResources(folder / "generator_at_revision")
    # Before the stage folders, the extraction modules sat at the package's top.
    stage = "extraction." if (folder / "generator_at_revision" / "extraction").is_dir() else ""
    return (importlib.import_module(f"generator_at_revision.{stage}analyse"),
            importlib.import_module(f"generator_at_revision.{stage}reading"))


class _OwnPackageResources:
    """Stands in for importlib.resources in an earlier revision's lexicon: files() is its own folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def files(self, package: str) -> Path:
        return self.folder


def cpu_ms_per_article(analyse, articles) -> float:
    started = time.process_time()
    for _ in range(3):
        for article in articles:
            analyse(article)
    return (time.process_time() - started) / (3 * len(articles)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "corpus" / "dev")
    args = parser.parse_args()
    from generator.extraction import analyse as current_analyse, reading as current_reading

    with tempfile.TemporaryDirectory() as folder:
        earlier_analyse, earlier_reading = load_revision(args.revision, Path(folder))
        files = current_reading.find_article_files([args.corpus])
        raw = [(f.name, f.read_bytes()) for f in files]
        versions = {}
        for label, analyse, reading in ((args.revision, earlier_analyse, earlier_reading),
                                        ("this checkout", current_analyse, current_reading)):
            articles = [reading.parse_article(reading.decode(data, name), path=name) for name, data in raw]
            for article in articles:  # data files loaded and patterns built before timing
                analyse.analyse(article)
            versions[label] = (analyse.analyse, articles, [])
        for round_number in range(args.rounds):
            order = list(versions.values())
            for analyse, articles, times in order if round_number % 2 == 0 else reversed(order):
                times.append(cpu_ms_per_article(analyse, articles))
    (earlier, (_, _, earlier_times)), (current, (_, _, current_times)) = versions.items()
    for label, times in ((earlier, earlier_times), (current, current_times)):
        print(f"{label:>14}: median {statistics.median(times):.2f} ms/article, fastest round {min(times):.2f}")
    print(f"this checkout / {earlier}: {statistics.median(current_times) / statistics.median(earlier_times):.2f} "
          f"of the time (medians), {min(current_times) / min(earlier_times):.2f} (fastest rounds), "
          f"{args.rounds} rounds over {len(raw)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
