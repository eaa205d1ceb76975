"""The site written into a folder, once or while editing (`python -m generator build --out DIR [--watch]`).

With --watch, for builders whose server watches only their own docs folder
(`zensical serve`): saving a file in seeds/, briefings/ or docs/ rebuilds the
site and rewrites the files whose bytes changed; the builder's server sees
them, rebuilds and reloads the browser. As under `mkdocs serve`, problems are
printed and the watch goes on; a briefing whose override has a problem stays
as it was last built from a good override; saving an override does not
analyse the articles again, and a rebuild makes again only the briefings and
pages the save touched (pipeline.Memo, as under `mkdocs serve`). Given a command (the builder's server), the watch
runs it alongside and ends when it exits; Ctrl-C stops both.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .. import pipeline
from . import docs_folder
from ..model import Briefing

QUIET_SECONDS = 0.2  # an editor's save is often several events (write, rename): let them settle first
# Events that change a file; reading one (our own reads included) is no reason to rebuild.
CHANGES = {"created", "deleted", "modified", "moved"}


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class FolderSite:
    """Builds the project's site into `out`, build after build."""

    def __init__(self, *, root: Path, seeds: Path, overrides: Path, docs: Path, out: Path, serving: bool,
                 cache: Path | None = None, jobs: int | None = None):
        self.root, self.seeds, self.overrides, self.docs, self.out = root, seeds, overrides, docs, out
        self.serving = serving
        self.analysis_options = {"cache": cache, "jobs": jobs}  # see pipeline.extract
        self.last_good: dict[str, Briefing] = {}  # override slug → briefing last built without a problem
        self._extraction: pipeline.Extraction | None = None
        self.memo = pipeline.Memo() if serving else None  # what the last builds made, for the next

    def build(self, *, articles_changed: bool = True) -> tuple[pipeline.Site, docs_folder.FolderReport]:
        """articles_changed=False (only overrides or static pages changed) reuses the last analysis while serving."""
        if self.serving and (articles_changed or self._extraction is None):
            self._extraction = pipeline.extract([self.seeds], relative_to=self.root, memo=self.memo,
                                                **self.analysis_options)
        existing = [uri for uri in docs_folder.static_files(self.docs) if uri.endswith(".md")]
        site = pipeline.build_site(self.seeds, self.overrides, root=self.root, existing_pages=existing,
                                   last_good=self.last_good if self.serving else None,
                                   extraction=self._extraction if self.serving else None, memo=self.memo,
                                   **self.analysis_options)
        if self.serving:
            self.last_good |= site.good
        return site, docs_folder.write_folder(site.pages, docs=self.docs, out=self.out)


def report(site: pipeline.Site, written: docs_folder.FolderReport, out: Path, seconds: float) -> None:
    for problem in site.problems:
        print(f"warning: {problem}", file=sys.stderr)
    for slug in site.kept:
        print(f"warning: briefing '{slug}' is shown as it was last built, until its override is fixed", file=sys.stderr)
    print(f"{written.files} file(s) in {out}: {len(written.written)} written, {len(written.removed)} removed "
          f"({seconds:.1f} s)", file=sys.stderr, flush=True)


class _Changes(FileSystemEventHandler):
    """Collects file changes from the watcher's thread: whether any happened, and whether one was an article."""

    def __init__(self, seeds: Path):
        super().__init__()
        self.seeds = seeds.resolve()
        self.happened = threading.Event()
        self._lock = threading.Lock()
        self._articles_changed = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES:
            return
        paths = [Path(str(p)).resolve() for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        with self._lock:
            if any(path == self.seeds or self.seeds in path.parents for path in paths):
                self._articles_changed = True
            self.happened.set()

    def take(self) -> bool:
        """Whether an article changed since the last take; clears what was collected."""
        with self._lock:
            changed, self._articles_changed = self._articles_changed, False
            self.happened.clear()
            return changed


def watch(site: FolderSite, command: list[str]) -> int:
    """Rebuild into the folder on every change until interrupted, or until `command` (if given) exits."""
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a process manager: stop the command too
    changes = _Changes(site.seeds)
    observer = Observer()
    for folder in (site.seeds, site.overrides, site.docs):
        if folder.is_dir():
            observer.schedule(changes, str(folder), recursive=True)
    observer.start()
    child = subprocess.Popen(command) if command else None
    print(f"watching {', '.join(str(f) for f in (site.seeds, site.overrides, site.docs))} (Ctrl-C stops)",
          file=sys.stderr, flush=True)
    failed = False  # the last build stopped half-way: analyse the articles again next time
    try:
        while child is None or child.poll() is None:
            if not changes.happened.wait(timeout=0.5):
                continue
            time.sleep(QUIET_SECONDS)
            articles_changed = changes.take() or failed
            started = time.perf_counter()
            try:
                built, written = site.build(articles_changed=articles_changed)
            except (docs_folder.FolderError, OSError) as err:  # a file went away mid-read, a foreign file: go on
                print(f"error: {err}", file=sys.stderr, flush=True)
                failed = True
                continue
            failed = False
            report(built, written, site.out, time.perf_counter() - started)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    if child is None or child.returncode < 0:  # no command, or stopped by a signal of ours
        return 0
    return child.returncode
