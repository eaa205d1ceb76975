"""MkDocs plugin: briefings are generated in memory on every build.

Pages are added with `File.generated` (MkDocs 1.6), so nothing is written into
docs/ and `mkdocs serve` cannot loop on its own output. Under `serve`, the
seeds and overrides folders are watched: saving an article or an override
rebuilds the site.

Under `serve`, while an override has a problem, its briefing is shown as it
was last built from a good override: the plugin remembers the last good
briefing of each override file. Defining `on_startup` makes MkDocs keep this
one plugin object for the whole session instead of creating a new one on every
rebuild (and for the whole process: so `on_startup` starts with a clean slate,
and a plain build never shows anything but what the files say now).
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pipeline
from .model import Briefing

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    seeds = c.Type(str, default="seeds")  # relative to mkdocs.yml
    overrides = c.Type(str, default="briefings")  # relative to mkdocs.yml


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self):
        super().__init__()
        self.serving = False
        self.last_good: dict[str, Briefing] = {}  # override slug → briefing last built without a problem

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"
        self.last_good = {}

    def _root(self, config) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_files(self, files: Files, *, config) -> Files:
        root = self._root(config)
        site = pipeline.build_site(root / self.config.seeds, root / self.config.overrides, root=root,
                                   existing_pages={f.src_uri for f in files.documentation_pages()},
                                   last_good=self.last_good if self.serving else None)
        for problem in site.problems:
            log.warning(problem)
        for slug in site.kept:
            log.warning(f"briefing '{slug}' is shown as it was last built, until its override is fixed")
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
