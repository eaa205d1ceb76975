"""MkDocs plugin: briefings are generated in memory on every build.

Pages are added with `File.generated` (MkDocs 1.6), so nothing is written into
docs/ and `mkdocs serve` cannot loop on its own output. Under `serve`, the
seeds and overrides folders are watched: saving an article or an override
rebuilds the site.

Problems (override files, unreadable articles) are logged as warnings, so a
strict build fails on them. Under `serve` they are printed instead: a strict
MkDocs server that meets a warning stops serving pages until the next good
build, and the point of serving is to keep showing the site while an editor
fixes a file. Saving an override does not analyse the articles again while
no article file changed. While an override has a problem, its briefing is shown as it
was last built from a good override: the plugin remembers the last good
briefing of each override file. Defining `on_startup` makes MkDocs keep this
one plugin object for the whole session instead of creating a new one on every
rebuild (and for the whole process: so `on_startup` starts with a clean slate,
and a plain build never shows anything but what the files say now).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pipeline
from .model import Briefing
from .reading import find_article_files

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    seeds = c.Type(str, default="seeds")  # relative to mkdocs.yml
    overrides = c.Type(str, default="briefings")  # relative to mkdocs.yml
    cache = c.Type(str, default=".cache")  # analyses kept between builds, relative to mkdocs.yml; "" keeps none
    jobs = c.Type(int, default=0)  # processes that analyse articles; 0: every core


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self):
        super().__init__()
        self.serving = False
        self.last_good: dict[str, Briefing] = {}  # override slug → briefing last built without a problem
        self._extracted: tuple[tuple | None, pipeline.Extraction] | None = None  # (seeds files seen, what was made of them)

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"
        self.last_good = {}
        self._extracted = None

    def _root(self, config) -> Path:
        return Path(config.config_file_path).resolve().parent

    def _analysis_options(self, root: Path) -> dict:
        return {"cache": root / self.config.cache if self.config.cache else None, "jobs": self.config.jobs or None}

    def _extraction(self, seeds: Path, root: Path) -> pipeline.Extraction | None:
        """The extraction of the last build while serving, if no article file changed since."""
        if not self.serving:
            return None
        try:
            state = (str(seeds), str(root), tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size)
                                                  for f in find_article_files([seeds])))
        except OSError:  # a file went away while being listed: analyse afresh
            state = None
        if state is None or self._extracted is None or self._extracted[0] != state:
            self._extracted = (state, pipeline.extract([seeds], relative_to=root, **self._analysis_options(root)))
        return self._extracted[1]

    def on_files(self, files: Files, *, config) -> Files:
        root = self._root(config)
        seeds = root / self.config.seeds
        site = pipeline.build_site(seeds, root / self.config.overrides, root=root,
                                   existing_pages={f.src_uri for f in files.documentation_pages()},
                                   last_good=self.last_good if self.serving else None,
                                   extraction=self._extraction(seeds, root), **self._analysis_options(root))
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
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server, *, config, builder):
        root = self._root(config)
        for folder in (self.config.seeds, self.config.overrides):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _print_warning(message: str) -> None:
    """A warning on the console, in MkDocs' layout, that does not count towards a strict build's abort."""
    print(f"WARNING -  {message}", file=sys.stderr, flush=True)
