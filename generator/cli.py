"""Command line: `python -m generator COMMAND`.

    extract PATH... [--json]   what the extractor understood (the contract of ../shared/eval/GUIDELINES.md)
    briefings PATH... [--json] the briefings composed from articles, without overrides (score_briefings.py reads the JSON)
    check                      validate every override in briefings/; exit 1 on any problem
    build --out DIR [--strict] write the site's pages (static and generated) to DIR, for builders without the plugin
          [--watch [-- CMD...]]  and keep them up to date while editing, running CMD (a builder's server) alongside
    schema                     write the JSON Schemas of override files into generator/schema/
    overrides new SLUG         start briefings/SLUG.yml, listing the briefing's current item ids
    overrides ids SLUG         list the current item ids of a briefing
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path

from . import pipeline
from .briefing import overrides
from .site import docs_folder, watch
from .site.briefing_json import briefings_document
from .briefing.compose import compose


def _extract(args: argparse.Namespace) -> int:
    result = pipeline.extract([Path(p) for p in args.paths], cache=_cache(args), jobs=args.jobs)
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


def _briefings(args: argparse.Namespace) -> int:
    result = pipeline.extract([Path(p) for p in args.paths], cache=_cache(args), jobs=args.jobs)
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    briefings = [compose(story) for story in result.stories]
    document = briefings_document(briefings)
    if args.json:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for briefing in document["briefings"]:
            main = [i for i in briefing["items"] if i["main"]]
            words = sum(len(i["text"].split()) for i in main)
            print(f"{briefing['slug']}  sources={len(briefing['sources'])}  items={len(briefing['items'])}"
                  f"  main={len(main)}  main_words={words}")
    return 0


def _site(args: argparse.Namespace) -> pipeline.Site:
    root = Path(args.root).resolve()
    docs = root / args.docs
    existing = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")] if docs.is_dir() else []
    return pipeline.build_site(root / args.seeds, root / args.overrides, root=root, existing_pages=existing,
                               cache=_cache(args, root), jobs=args.jobs)


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
    root = Path(args.root).resolve()
    folders = {"docs": root / args.docs, "seeds": root / args.seeds, "overrides": root / args.overrides}
    out = Path(args.out).resolve()
    if args.command and not args.watch:
        print("a command after -- runs only with --watch", file=sys.stderr)
        return 2
    try:
        docs_folder.check_out(out, folders)
        site = watch.FolderSite(root=root, seeds=folders["seeds"], overrides=folders["overrides"],
                                docs=folders["docs"], out=out, serving=args.watch, cache=_cache(args, root),
                                jobs=args.jobs)
        started = time.perf_counter()
        built, written = site.build()
    except (docs_folder.FolderError, OSError) as err:  # a foreign file in the way; --out names a file, ...
        print(f"error: {err}", file=sys.stderr)
        return 2
    watch.report(built, written, out, time.perf_counter() - started)
    if args.watch:
        return watch.watch(site, args.command)
    if args.strict and built.problems:
        print(f"{len(built.problems)} problem(s): --strict fails the build", file=sys.stderr)
        return 1
    return 0


def schema_text(model) -> str:
    return json.dumps(overrides.json_schema(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _schema(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, model in overrides.SCHEMAS.items():
        target = out / name
        text = schema_text(model)
        changed = not target.exists() or target.read_text(encoding="utf-8") != text
        if changed:
            target.write_text(text, encoding="utf-8")
        print(f"{target}: {'written' if changed else 'unchanged'}")
    return 0


def _edited(args: argparse.Namespace) -> tuple[overrides.EditedBriefing | None, overrides.Edits]:
    """The briefing whose override file would be SLUG.yml; None (and a message) if there is none."""
    root = Path(args.root).resolve()
    extraction = pipeline.extract([root / args.seeds], relative_to=root, cache=_cache(args, root), jobs=args.jobs)
    edits = overrides.load_edits(root / args.overrides, shown_prefix=args.overrides)
    by_slug = {e.slug: e for e in overrides.edit_site(extraction.stories, edits).briefings}
    if args.slug in by_slug:
        return by_slug[args.slug], edits
    close = difflib.get_close_matches(args.slug, sorted(by_slug), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; briefings: {', '.join(sorted(by_slug)) or 'none'}"
    print(f"no briefing has the slug '{args.slug}'{hint}", file=sys.stderr)
    return None, edits


def _overrides_new(args: argparse.Namespace) -> int:
    target = Path(args.root).resolve() / args.overrides / f"{args.slug}.yml"
    shown = f"{args.overrides}/{args.slug}.yml"
    if target.exists():
        print(f"{shown} already exists; edit it, or list the current ids with "
              f"`python -m generator overrides ids {args.slug}`", file=sys.stderr)
        return 1
    entry, _ = _edited(args)
    if entry is None:
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite, even if it appeared meanwhile
        out.write(overrides.starter(entry.base, args.overrides))
    print(f"wrote {shown}")
    return 0


def _overrides_ids(args: argparse.Namespace) -> int:
    entry, edits = _edited(args)
    if entry is None:
        return 1
    loaded = edits.briefings.get(args.slug)
    print("\n".join(overrides.item_listing(entry.base, loaded.override if loaded else None,
                                            None if entry.failed else entry.briefing)))
    return 0


def _cache(args: argparse.Namespace, root: Path | None = None) -> Path | None:
    """The analysis cache folder the options name (relative to the project folder), or None."""
    if args.no_cache or not args.cache:
        return None
    return (root or Path.cwd()) / args.cache


def _add_analysis_options(parser: argparse.ArgumentParser, *, cache: str | None) -> None:
    parser.add_argument("--jobs", type=int, default=None,
                        help="processes that analyse articles (default: every core; few articles stay in one)")
    parser.add_argument("--cache", default=cache, metavar="DIR",
                        help="keep analyses in DIR and reuse them while an article and the generator are unchanged"
                             + (f" (default: {cache})" if cache else " (default: none)"))
    parser.add_argument("--no-cache", action="store_true", help="analyse every article afresh, store nothing")


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    _add_analysis_options(parser, cache=".cache")
    parser.add_argument("--root", default=".", help="the project folder (default: current folder)")
    parser.add_argument("--seeds", default="seeds", help="articles folder, relative to --root")
    parser.add_argument("--overrides", default="briefings", help="override folder, relative to --root")
    parser.add_argument("--docs", default="docs", help="static pages folder (docs_dir), relative to --root")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what the extractor understood of articles")
    extract.add_argument("paths", nargs="+", help="article files or folders")
    extract.add_argument("--json", action="store_true", help="print the JSON of the evaluation contract")
    _add_analysis_options(extract, cache=None)
    extract.set_defaults(run=_extract)
    briefings = commands.add_parser("briefings", help="print the briefings composed from articles")
    briefings.add_argument("paths", nargs="+", help="article files or folders")
    briefings.add_argument("--json", action="store_true", help="print them as JSON (see README, 'Briefings as JSON')")
    _add_analysis_options(briefings, cache=None)
    briefings.set_defaults(run=_briefings)
    check = commands.add_parser("check", help="validate the override files")
    _add_site_options(check)
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="write the site's Markdown pages (static and generated) to a folder")
    _add_site_options(build)
    build.add_argument("--out", required=True, help="output folder (a folder of its own, such as build/docs)")
    build.add_argument("--strict", action="store_true", help="exit 1 if an article or override has a problem")
    build.add_argument("--watch", action="store_true",
                       help="rebuild when a file in seeds, overrides or docs changes, until interrupted")
    build.add_argument("command", nargs="*", help="with --watch, after --: a command to run alongside "
                       "(a builder's server, `zensical serve`); the watch ends when it exits")
    build.set_defaults(run=_build)
    schema = commands.add_parser("schema", help="write the JSON Schemas of override files")
    schema.add_argument("--out", default=str(Path(__file__).resolve().parent / "schema"),
                        help="folder to write them to (default: generator/schema)")
    schema.set_defaults(run=_schema)
    editing = commands.add_parser("overrides", help="help with override files").add_subparsers(
        dest="action", required=True)
    new = editing.add_parser("new", help="start briefings/SLUG.yml, listing the current item ids as comments")
    ids = editing.add_parser("ids", help="list the current item ids of a briefing")
    for sub, run in ((new, _overrides_new), (ids, _overrides_ids)):
        sub.add_argument("slug", help="the briefing's slug (the last part of its address)")
        _add_site_options(sub)
        sub.set_defaults(run=run)
    args = parser.parse_args(argv)
    return args.run(args)
