"""Command line: `python -m generator COMMAND`.

    extract PATH... [--json]   what the extractor understood (the contract of ../shared/eval/GUIDELINES.md)
    check                      validate every override in briefings/; exit 1 on any problem
    build --out DIR            write the generated Markdown pages to DIR (for builders without the plugin)
    schema                     print the JSON Schema of override files
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import overrides, pipeline


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


def _site(args: argparse.Namespace) -> pipeline.Site:
    root = Path(args.root).resolve()
    return pipeline.build_site(root / args.seeds, root / args.overrides, root=root)


def _check(args: argparse.Namespace) -> int:
    site = _site(args)
    for problem in site.problems:
        print(problem, file=sys.stderr)
    if site.problems:
        print(f"{len(site.problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"ok: {len(site.briefings)} briefing(s), no problems")
    return 0


def _build(args: argparse.Namespace) -> int:
    site = _site(args)
    for problem in site.problems:
        print(f"warning: {problem}", file=sys.stderr)
    out = Path(args.out).resolve()
    written = 0
    for uri, content in site.pages.items():
        target = (out / uri).resolve()
        if out not in target.parents:  # page names are slugs, so this cannot happen; refuse if it ever does
            raise SystemExit(f"refusing to write outside {out}: {uri}")
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue  # unchanged pages are not rewritten, so watchers see no change
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written += 1
    print(f"{len(site.pages)} page(s), {written} written to {out}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    json.dump(overrides.json_schema(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=".", help="the project folder (default: current folder)")
    parser.add_argument("--seeds", default="seeds", help="articles folder, relative to --root")
    parser.add_argument("--overrides", default="briefings", help="override folder, relative to --root")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what the extractor understood of articles")
    extract.add_argument("paths", nargs="+", help="article files or folders")
    extract.add_argument("--json", action="store_true", help="print the JSON of the evaluation contract")
    extract.set_defaults(run=_extract)
    check = commands.add_parser("check", help="validate the override files")
    _add_site_options(check)
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="write the generated Markdown pages to a folder")
    _add_site_options(build)
    build.add_argument("--out", required=True, help="output folder")
    build.set_defaults(run=_build)
    schema = commands.add_parser("schema", help="print the JSON Schema of override files")
    schema.set_defaults(run=_schema)
    args = parser.parse_args(argv)
    return args.run(args)
