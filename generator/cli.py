"""Command line: `python -m generator COMMAND`.

    extract PATH... --json     the extraction contract of ../shared/eval/GUIDELINES.md
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import pipeline


def _extract(args: argparse.Namespace) -> int:
    result = pipeline.extract([Path(p) for p in args.paths])
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    document = pipeline.extraction_json(result)
    if args.json:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for article in document["articles"]:
            print(f"{article['path']}  story={article['story']}  sentences={len(article['sentences'])}"
                  f"  quotes={len(article['quotes'])}  title={article['title']!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what the extractor understood of articles")
    extract.add_argument("paths", nargs="+", help="article files or folders")
    extract.add_argument("--json", action="store_true", help="print the JSON of the evaluation contract")
    extract.set_defaults(run=_extract)
    args = parser.parse_args(argv)
    return args.run(args)
