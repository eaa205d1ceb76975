"""MkDocs plugin: briefings are generated in memory on every build.

Pages are added with `File.generated` (MkDocs 1.6), so nothing is written into
docs/ and `mkdocs serve` cannot loop on its own output. Under `serve`, the
seeds and overrides folders are watched: saving an article or an override
rebuilds the site.

Problems (override files, unreadable articles) are logged as warnings, so a
strict build fails on them. Under `serve` they are printed instead: a strict
MkDocs server that meets a warning stops serving pages until the next good
build, and the point of serving is to keep showing the site while an editor
fixes a file. While serving, a rebuild redoes only what the saved file touched
(pipeline.Memo): an override edit recomposes and re-renders only its briefing
and the pages that show it, and a new article is the only one analysed. While an override has a problem, its briefing is shown as it
was last built from a good override: the plugin remembers the last good
briefing of each override file. Defining `on_startup` makes MkDocs keep this
one plugin object for the whole session instead of creating a new one on every
rebuild (and for the whole process: so `on_startup` starts with a clean slate,
and a plain build never shows anything but what the files say now).
"""
from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from types import CodeType

import jinja2

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .. import parallel, pipeline
from ..model import Briefing

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    seeds = c.Type(str, default="seeds")  # relative to mkdocs.yml
    overrides = c.Type(str, default="briefings")  # relative to mkdocs.yml
    cache = c.Type(str, default=".cache")  # analyses kept between builds, relative to mkdocs.yml; "" keeps none
    jobs = c.Type(int, default=0)  # processes that analyse articles; 0: every core


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self):
        super().__init__()
        self._start(serving=False, dirty=False)

    def on_startup(self, *, command, dirty) -> None:
        self._start(serving=command == "serve", dirty=dirty)
        if self.serving and threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            # By default SIGTERM ends the server at once, and the pool's worker processes (which a
            # terminal's Ctrl-C reaches too, being of its process group) would wait for work forever:
            # stopped like Ctrl-C, MkDocs shuts down in order and on_shutdown ends the workers.
            signal.signal(signal.SIGTERM, _interrupt)

    def on_shutdown(self) -> None:
        parallel.shutdown()

    def _start(self, *, serving: bool, dirty: bool) -> None:
        self.serving = serving
        self.last_good: dict[str, Briefing] = {}  # override slug → briefing last built without a problem
        # While serving, what the last builds made (analyses, stories, briefings, pages), for the next:
        self.memo = pipeline.Memo() if serving else None
        # `mkdocs serve --dirty` (as `make serve` runs it) renders only the pages that changed:
        self.dirty = serving and dirty
        self._built: dict[str, str] = {}  # generated page → its Markdown in the last build that finished
        self._building: dict[str, str] = {}  # the same, for the build under way
        self._search_entries: dict[str, list[dict]] = {}  # page URL → its search entries in the last build
        self._pages_in_build: list[tuple[str, bool]] = []  # (URL, rendered?) of every Markdown page of this build
        self._templates = _CompiledTemplates()  # the theme's templates, compiled once while serving
        if self.dirty and not any(isinstance(f, _DirtyBuildNotice) for f in _BUILD_LOG.filters):
            _BUILD_LOG.addFilter(_DirtyBuildNotice())

    def _root(self, config) -> Path:
        return Path(config.config_file_path).resolve().parent

    def _analysis_options(self, root: Path) -> dict:
        return {"cache": root / self.config.cache if self.config.cache else None, "jobs": self.config.jobs or None}

    def on_files(self, files: Files, *, config) -> Files:
        root = self._root(config)
        seeds = root / self.config.seeds
        site = pipeline.build_site(seeds, root / self.config.overrides, root=root,
                                   existing_pages={f.src_uri for f in files.documentation_pages()},
                                   last_good=self.last_good if self.serving else None,
                                   memo=self.memo, **self._analysis_options(root))
        report = _print_warning if self.serving else log.warning
        for problem in site.problems:
            report(problem)
        for slug in site.kept:
            report(f"briefing '{slug}' is shown as it was last built, until its override is fixed")
        if self.serving:
            self.last_good |= site.good
        for uri, content in site.pages.items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)  # a generated page replaces a stale copy on disk
            page = _GeneratedPage.generated(config, uri, content=content)
            page.changed = not self.dirty or self._built.get(uri) != content
            files.append(page)
        self._building = dict(site.pages) if self.dirty else {}
        return files

    def on_post_build(self, *, config) -> None:
        """After a dirty build: forget pages that are gone, and give the search index every page's entries."""
        if not self.dirty:
            return
        site_dir = Path(config.site_dir)
        for uri in self._built.keys() - self._building.keys():  # a briefing that moved or went away
            page = File(uri, src_dir=None, dest_dir=str(site_dir), use_directory_urls=config.use_directory_urls)
            Path(page.abs_dest_path).unlink(missing_ok=True)
        self._built = self._building
        self._complete_search_index(config)

    def _complete_search_index(self, config) -> None:
        """Material's search plugin indexes only the pages a dirty build rendered, and merges them into
        the last index assuming a single page changed. Runs before its on_post_build (this plugin comes
        first in mkdocs.yml): gives it the whole index, pages not rendered keeping their last entries."""
        search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
        if search is None or not hasattr(search, "search_index"):
            return
        rendered: dict[str, list[dict]] = {}
        for entry in search.search_index.entries:
            rendered.setdefault(entry["location"].split("#")[0], []).append(entry)
        entries = {}
        for url, modified in self._pages_in_build:
            entries[url] = rendered.get(url, []) if modified else self._search_entries.get(url, [])
        self._search_entries = entries
        search.search_index.entries = [entry for url_entries in entries.values() for entry in url_entries]
        search.search_index_prev = None

    def on_nav(self, nav, *, config, files):
        """Which pages this build will render: asked before it writes them, as a page on disk
        counts as modified only while its HTML is older than its source."""
        if self.dirty:
            self._pages_in_build = [(page.url, page.is_modified()) for page in files.documentation_pages()]
        return nav

    def on_env(self, env, *, config, files):
        """MkDocs makes a new Jinja environment for every build, which compiles the theme's templates
        again (about a fifth of a dirty rebuild's CPU time): while serving, they are compiled once."""
        if self.serving:
            env.bytecode_cache = self._templates
        return env

    def on_serve(self, server, *, config, builder):
        root = self._root(config)
        for folder in (self.config.seeds, self.config.overrides):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class _DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation and links inaccurate: it would
    stop a strict server on every build, and this plugin keeps the served site whole (generated
    pages are out of the navigation, pages that go away are deleted, the search index is completed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by template name, file and a checksum of its source (as Jinja's
    own bytecode caches key them): a template whose file changed is compiled again."""

    def __init__(self):
        self._code: dict[tuple[str, str], CodeType] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self._code.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.code


class _GeneratedPage(File):
    """A generated page that says whether its Markdown changed since the last build: a dirty
    build (`mkdocs serve --dirty`) renders a page only when is_modified() says so, and MkDocs
    takes every page made in memory for modified."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _print_warning(message: str) -> None:
    """A warning on the console, in MkDocs' layout, that does not count towards a strict build's abort."""
    print(f"WARNING -  {message}", file=sys.stderr, flush=True)
