"""The fuzz test's inputs at length: 20,000 cases (5,000 of each kind) by default.

    .venv/bin/python bench/fuzz.py [--cases-per-kind 5000] [--seed 0]

Same inputs and properties as tests/test_fuzz.py (tests/fuzz_cases.py), with runs of up to
3,000 repetitions in article text. A case that raises, breaks a property or takes more than
fuzz_cases.CASE_SECONDS counts as a crash; one still running after a minute is stopped and
counts as a hang. Prints cases, crashes, hangs, the slowest case and peak memory.
"""
from __future__ import annotations

import argparse
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import fuzz_cases  # noqa: E402
from conftest import NEWSROOM, write  # noqa: E402

from generator import pipeline  # noqa: E402

HANG_SECONDS = 60


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases-per-kind", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name, text in NEWSROOM.items():
            write(project / "seeds", name, text)
        (project / "briefings").mkdir()
        newsroom = pipeline.extract([project / "seeds"], relative_to=project)
        kinds = {
            "article text": (fuzz_cases.article_text(longest_run=3000),
                             lambda text: fuzz_cases.check_article(project, "fuzzed.txt", "Fuzzed Headline\n\n" + text)),
            "front matter": (fuzz_cases.front_matter_article(),
                             lambda text: fuzz_cases.check_article(project, "fuzzed.md", text)),
            "date headers": (fuzz_cases.dated_article(), lambda text: fuzz_cases.check_article(project, "dated.txt", text)),
            "override files": (fuzz_cases.override_text(),
                               lambda text: fuzz_cases.check_override(project, newsroom, text)),
        }
        totals = {"cases": 0, "crashes": 0, "hangs": 0}
        slowest = (0.0, "", "")
        started = time.perf_counter()
        for kind, (strategy, check) in kinds.items():
            failures: list[str] = []

            @settings(max_examples=args.cases_per_kind, database=None, deadline=None, derandomize=False,
                      suppress_health_check=list(HealthCheck), phases=["generate"])
            @given(text=strategy)
            def run(text):
                nonlocal slowest
                totals["cases"] += 1
                signal.alarm(HANG_SECONDS)
                start = time.perf_counter()
                try:
                    check(text)
                except Hang:
                    totals["hangs"] += 1
                    failures.append(f"hang: {text[:80]!r}")
                except Exception as err:  # noqa: BLE001 - every failure is counted, none stops the run
                    totals["crashes"] += 1
                    failures.append(f"{type(err).__name__}: {str(err)[:200]} on {text[:80]!r}")
                finally:
                    signal.alarm(0)
                seconds = time.perf_counter() - start
                if seconds > slowest[0]:
                    slowest = (seconds, kind, text)

            before = totals["cases"]
            run._hypothesis_internal_use_seed = args.seed
            run()
            print(f"{kind}: {totals['cases'] - before} cases, {len(failures)} failures", flush=True)
            for failure in failures[:10]:
                print(f"  {failure}", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"cases {totals['cases']}, crashes {totals['crashes']}, hangs {totals['hangs']}, "
              f"slowest case {slowest[0]:.2f} s ({slowest[1]}, {len(slowest[2]):,} characters), "
              f"peak memory {peak:.0f} MB, {time.perf_counter() - started:.0f} s in all")
    return 1 if totals["crashes"] or totals["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
