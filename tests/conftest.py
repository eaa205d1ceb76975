from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's site inputs (mkdocs.yml, zensical.yml, docs, seeds, briefings) in a temp folder."""
    for name in ("docs", "seeds", "briefings"):
        shutil.copytree(REPO / name, tmp_path / name)
    for name in ("mkdocs.yml", "zensical.yml"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    """End a server a test started: ask, then insist."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# An article written to attack the page: markup, script, a javascript: link,
# template syntax and a setext/hr line must all show as plain text.
HOSTILE_ARTICLE = """\
Hostile <script>window.__pwned = 1; alert(1)</script> markup reaches the wire desk.

Gardeners in Lisbon said <img src=x onerror="window.__pwned = 2; alert(2)"> and [click here](javascript:alert(3)) about the tulip harvest.
---
The tulip growers wrote {{ config.site_name }} and {% if true %}yes{% endif %} in their newsletter {: onclick=alert(4) } with <a href="javascript:alert(5)">a link</a> and <b>bold</b> words.
"""

# An article with explicit dates, so the timeline and a second actor page have entries.
DATED_ARTICLE = """\
---
title: Norway and Chile sign fisheries accord in Oslo
date: 2026-03-12
source: Test Wire
---

Norway and Chile signed a fisheries accord in Oslo on March 10, 2026, officials said.

The agreement follows talks that began on January 14, 2026 between the two governments.

Norwegian Foreign Minister Espen Barth Eide said: "This accord protects the salmon stocks for a generation."

Chile said it would ratify the accord next month.
"""

# Where GitHub Pages serves a project site: under the repository's name.
PROJECT_SITE_URL = "https://user.github.io/repo/"


def copy_published_project(folder: Path) -> Path:
    """The project's site inputs (both builders' configurations) plus a dated article and a hostile one."""
    for name in ("docs", "seeds", "briefings"):
        shutil.copytree(REPO / name, folder / name)
    for name in ("mkdocs.yml", "zensical.yml"):
        shutil.copy(REPO / name, folder / name)
    write(folder / "seeds", "zz-hostile.txt", HOSTILE_ARTICLE)
    write(folder / "seeds", "zz-fisheries.md", DATED_ARTICLE)
    return folder


def builder_command(name: str) -> str:
    """The path of a builder's command (properdocs, zensical); outside CI a test without it skips, under CI it fails."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed: `pip install -c constraints.txt -e '.[builders]'` (make's venv has it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; under CI every builder must run")
    pytest.skip(message)


def run_builder(*args: str, cwd: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def build_with_zensical(project: Path, site_url: str | None = None) -> Path:
    """`make build-zensical` in a project: the pages written to build/docs, then `zensical build --strict`."""
    zensical = builder_command("zensical")
    from generator import cli
    assert cli.main(["build", "--root", str(project), "--out", str(project / "build" / "docs"), "--strict"]) == 0
    run_builder(zensical, "build", "--strict", "-f", "zensical.yml", cwd=project, site_url=site_url)
    return project / "site"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The site built once by MkDocs with --strict as GitHub Pages would serve it under a project path,
    from the seeds plus a dated article and a hostile one."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_published_project(tmp_path_factory.mktemp("published"))
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True,
                      site_url=PROJECT_SITE_URL))
    return project / "site"


@pytest.fixture(scope="session")
def zensical_published_site(tmp_path_factory) -> Path:
    """The same site built by Zensical from the written-out pages (`make build-zensical`)."""
    return build_with_zensical(copy_published_project(tmp_path_factory.mktemp("published-zensical")),
                               site_url=PROJECT_SITE_URL)


BUILT_SITES = {"mkdocs": "published_site", "zensical": "zensical_published_site"}  # builder → its site's fixture


# A small newsroom for the editing tests: two articles on one story (a dam) and
# one on another (a harvest), written so that tests do not depend on the seeds.
NEWSROOM = {
    "dam-a.md": """\
---
title: Norway and Sweden Reopen Talks on the Kessel Dam
date: 2026-03-02
source: Nordic Wire
---
Norway and Sweden reopened talks on the Kessel dam on Monday in Geneva.
The dam on the Kessel river has divided the two neighbours for a decade.
Engineers from both sides inspected the reservoir last week.
Swedish Foreign Minister Anna Berg said the dam threatens farmers downstream.
A final agreement on water sharing is expected next month.
""",
    "dam-b.md": """\
---
title: Kessel Dam Talks Continue in Geneva
date: 2026-03-03
source: Alpine Post
---
Negotiators from Norway and Sweden met again in Geneva on Tuesday to discuss the Kessel dam.
The Kessel reservoir holds water for both Norway and Sweden.
Norway insists the dam is needed for electricity.
Mediators hope to close the Kessel dam file before the summer.
""",
    "harvest.md": """\
---
title: Record Wheat Harvest in the Northern Plains
date: 2026-03-01
source: Farm Gazette
---
Farmers in the northern plains brought in a record wheat harvest this season.
Grain prices fell on local markets as silos filled up.
""",
}
DAM = "norway-and-sweden-reopen-talks-on-the-kessel-dam"
HARVEST = "record-wheat-harvest-in-the-northern-plains"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A project with the site configuration, the newsroom's articles and an empty briefings folder."""
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name, text in NEWSROOM.items():
        write(tmp_path / "seeds", name, text)
    (tmp_path / "briefings").mkdir()
    return tmp_path
