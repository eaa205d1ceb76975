"""Time and peak memory of one article of each pathological shape, at given sizes.

Each shape is a text that once made some stage superlinear (issue 15): runs of dots,
reporting verbs, underscores, quote marks, one endless word or line, and so on. Every
(shape, size) runs in a fresh process, so peak memory is that article's alone; the time
(wall clock, and CPU time, which a busy machine inflates less) is `pipeline.extract` (read
and analyse in one process, after a small article has loaded the data files) plus rendering the article's page to HTML with
the site's Markdown extensions, which is where runs of underscores were slow.

    .venv/bin/python bench/hostile_shapes.py --sizes 1000000 10000000
    .venv/bin/python bench/hostile_shapes.py --shapes dots said --sizes 100000
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = "Title Of A Hostile Story\n\ndate 2026-02-03\n\n"
SHAPES = {
    "dots": ".",
    "dot-words": "Iran said. ",
    "said": "said ",
    "verbs": "Iran said Turkey told Russia warned ",
    "underscores": "_",
    "asterisks": "*",
    "brackets": "[",
    "quotes": '"',
    "curly-quotes": "“",
    "single-quotes": "‘",
    "one-word": "a",
    "long-sentence": "word ",
    "short-sentences": "Iran said it would talk. ",
    "paragraphs": "Iran said it would talk.\n",
    "blank-lines": "\n",
    "names": "President Abbas Araghchi ",
    "capitals": "ABC ",
    "dates": "on Tuesday March 3, 2026 ",
    "digits": "1",
    "angle-brackets": "<",
    "html": "<b>",
    "spaces": " ",
    "hyphens": "- ",
    "initials": "J. ",
    "abbreviations": "U.S. ",
}

_RUN = r"""
import resource, sys, time
from pathlib import Path
import markdown
from mkdocs.config import load_config
from generator import pipeline
from generator.site import render
path = Path(sys.argv[1])
config = load_config(sys.argv[2])
md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
warm = path.with_name("warm-up.txt")  # data files and patterns load once per process: not the article's cost
warm.write_text("Warm Up\n\nIran said on Tuesday that talks would resume.\n", encoding="utf-8")
for story in pipeline.extract([warm]).stories:
    md.reset().convert(render.render_article(story.analyses[0], story.slug))
start, cpu_start = time.perf_counter(), time.process_time()
result = pipeline.extract([path], jobs=1)
extracted, extracted_cpu = time.perf_counter() - start, time.process_time() - cpu_start
for story in result.stories:
    for analysis in story.analyses:
        md.reset().convert(render.render_article(analysis, story.slug))
total, total_cpu = time.perf_counter() - start, time.process_time() - cpu_start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{extracted:.3f} {total:.3f} {extracted_cpu:.3f} {total_cpu:.3f} {peak:.0f} {len(result.problems)}")
"""


def article(shape: str, size: int) -> str:
    """About size bytes: a headline, then a sentence that is the shape repeated."""
    unit = SHAPES[shape]
    opening, closing = HEAD + "Officials said ", " today.\n"
    room = size - len((opening + closing).encode("utf-8"))
    return opening + (unit * (room // len(unit.encode("utf-8")) + 1))[:room // len(unit.encode("utf-8")) * len(unit)] + closing


def measure(shape: str, size: int, folder: Path, timeout: float) -> dict:
    path = folder / f"{shape}-{size}.txt"
    path.write_text(article(shape, size), encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run([sys.executable, "-c", _RUN, str(path), str(root / "mkdocs.yml")], cwd=root,
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "bytes": path.stat().st_size, "timeout": timeout}
    finally:
        path.unlink()
    extract_s, total_s, extract_cpu_s, total_cpu_s, peak_mb, problems = done.stdout.split()
    return {"shape": shape, "bytes": len(article(shape, size).encode("utf-8")), "extract_s": float(extract_s),
            "extract_and_render_s": float(total_s), "extract_cpu_s": float(extract_cpu_s),
            "extract_and_render_cpu_s": float(total_cpu_s), "peak_mb": int(peak_mb), "problems": int(problems)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.json:
            print(f"{'shape':<16} {'bytes':>10} {'extract':>9} {'+render':>9} {'CPU':>7} {'+render':>8} "
                  f"{'peak MB':>8} problems")
        for size in args.sizes:
            for shape in args.shapes:
                row = measure(shape, size, Path(tmp), args.timeout)
                if args.json:
                    print(json.dumps(row), flush=True)
                elif "timeout" in row:
                    print(f"{shape:<16} {row['bytes']:>10,} {'> ' + str(int(args.timeout)) + ' s':>9}", flush=True)
                else:
                    print(f"{shape:<16} {row['bytes']:>10,} {row['extract_s']:>8.2f}s {row['extract_and_render_s']:>8.2f}s "
                          f"{row['extract_cpu_s']:>6.2f}s {row['extract_and_render_cpu_s']:>7.2f}s "
                          f"{row['peak_mb']:>8} {row['problems']:>8}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
