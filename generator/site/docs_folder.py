"""The site as a folder of Markdown that any builder reads (`python -m generator build --out DIR`).

The MkDocs plugin adds the generated pages in memory. Builders that run no
MkDocs plugins (Zensical, or MkDocs itself without the plugin) read this
folder instead: the static files of docs/ with the generated pages over them,
the same pages the plugin gives MkDocs (tests/test_builders.py builds both and
compares the sites byte for byte).

Only files whose bytes changed are rewritten, each atomically (a temporary
dotfile renamed over it), so a builder's watcher sees real changes only and
never a half-written page. Files that an earlier run wrote and this run does
not are removed. Which files those are is kept in a manifest inside the
folder, a dotfile that builders skip: a file this module never wrote is
never deleted, nor overwritten with other bytes.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".briefing-site-files.json"
# Not pages: template overrides (the theme's custom_dir) and dotfiles, which
# MkDocs' default exclude_docs (`.*`, `/templates/`) and Zensical both skip.
TEMPLATES = "templates"


class FolderError(Exception):
    """The folder cannot be written without losing a file this module did not write."""


@dataclass(frozen=True, kw_only=True)
class FolderReport:
    files: int  # files the folder holds for the site: static and generated
    written: tuple[str, ...]  # folder-relative paths rewritten because their bytes changed (or were missing)
    removed: tuple[str, ...]  # folder-relative paths an earlier run wrote that the site no longer has


def static_files(docs: Path) -> dict[str, Path]:
    """docs/ files a builder publishes or reads as pages, by docs-relative path (templates and dotfiles left out)."""
    if not docs.is_dir():
        return {}
    found = {}
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if relative.parts[0] == TEMPLATES or any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            found[relative.as_posix()] = path
    return found


def write_folder(pages: Mapping[str, str], *, docs: Path, out: Path) -> FolderReport:
    """Make `out` hold the static files of `docs` and the generated `pages` (which win over a static file
    of the same name, as in the plugin), rewriting only what changed and removing what an earlier run
    wrote that is gone now."""
    out = out.resolve()
    wanted = {relative: path.read_bytes() for relative, path in static_files(docs).items()}
    wanted |= {uri: content.encode("utf-8") for uri, content in pages.items()}
    for relative in wanted:
        target = (out / relative).resolve()
        if out not in target.parents:  # page names are slugs, so this cannot happen; refuse if it ever does
            raise FolderError(f"refusing to write outside {out}: {relative}")
    ours = _read_manifest(out)
    foreign = sorted(relative for relative, content in wanted.items()
                     if relative not in ours and (out / relative).is_file() and (out / relative).read_bytes() != content)
    if foreign:
        raise FolderError(f"{out} holds files that `generator build` did not write and would overwrite: "
                          f"{', '.join(foreign[:5])}{' …' if len(foreign) > 5 else ''}; "
                          f"move them away or choose another --out")
    # Claim every file first, so that a run stopped half-way still knows what it may have written.
    _write_manifest(out, ours | set(wanted))
    written = []
    for relative, content in wanted.items():
        target = out / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        _write_atomically(target, content)
        written.append(relative)
    removed = []
    for relative in sorted(ours - set(wanted)):
        target = out / relative
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(relative)
        _remove_empty_parents(target.parent, out)
    _write_manifest(out, set(wanted))
    return FolderReport(files=len(wanted), written=tuple(written), removed=tuple(removed))


def _write_atomically(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, target)


def _read_manifest(out: Path) -> set[str]:
    path = out / MANIFEST
    if not path.is_file():
        return set()
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise FolderError(f"{path}: not the list of files `generator build` wrote ({err}); "
                          f"remove the folder {out} and build again") from err
    if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
        raise FolderError(f"{path}: not the list of files `generator build` wrote; remove the folder {out} "
                          f"and build again")
    # An entry that would leave the folder is never ours to delete.
    return {p for p in listed if out in (out / p).resolve().parents}


def _write_manifest(out: Path, files: set[str]) -> None:
    content = (json.dumps(sorted(files), indent=0) + "\n").encode("utf-8")
    path = out / MANIFEST
    if not path.is_file() or path.read_bytes() != content:
        _write_atomically(path, content)


def _remove_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and out in folder.parents and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def check_out(out: Path, inputs: Mapping[str, Path]) -> None:
    """Refuse an output folder that is, holds or lies inside an input folder (docs, seeds, overrides): writing
    there would mix generated pages into files people edit, and a watcher would rebuild on its own output."""
    out = out.resolve()
    for name, folder in inputs.items():
        folder = folder.resolve()
        if out == folder or folder in out.parents or out in folder.parents:
            raise FolderError(f"--out {out} overlaps the {name} folder {folder}: choose a folder of its own, "
                              f"such as build/docs")
