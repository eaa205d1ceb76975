"""The live path: saving an override under `mkdocs serve` updates the page; a broken one keeps the last good page."""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

import pytest

from conftest import DAM, stop, write

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
GENERATED_TITLE = "Norway and Sweden Reopen Talks on the Kessel Dam"
BROKEN = "title: Broken title\nhide: [s-00000000]\n"
PROBLEM = (f"briefings/{DAM}.yml:2:8 → hide[0] → no generated item has id 's-00000000' (its article changed or "
           f"left the briefing?); `python -m generator overrides ids {DAM}` lists the current ids")


def save(project: Path, text: str) -> None:
    write(project / "briefings", f"{DAM}.yml", text)


def plugin_of(project: Path):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    return config, config.plugins["briefings"]


def briefing_page(project: Path) -> str:
    """One rebuild as `mkdocs serve` does it: the config (and the plugins) loaded again, then on_files."""
    config, _ = plugin_of(project)
    files = config.plugins.on_files(get_files(config), config=config)
    return files.get_file_from_path(f"briefings/{DAM}.md").content_string


def test_a_broken_override_keeps_the_last_good_page(newsroom: Path, capsys):
    _, plugin = plugin_of(newsroom)
    plugin.on_startup(command="serve", dirty=False)
    save(newsroom, "title: Good title\n")
    assert "\n# Good title\n" in briefing_page(newsroom)
    assert plugin_of(newsroom)[1] is plugin  # MkDocs keeps the plugin (it has on_startup), so it remembers
    capsys.readouterr()
    save(newsroom, BROKEN)
    page = briefing_page(newsroom)
    assert "\n# Good title\n" in page and "Broken" not in page
    # Printed, not logged: a warning would make a strict `mkdocs serve` stop serving pages.
    assert capsys.readouterr().err.splitlines() == [
        f"WARNING -  {PROBLEM}", f"WARNING -  briefing '{DAM}' is shown as it was last built, until its override is fixed"]
    save(newsroom, "title: Fixed title\n")
    assert "\n# Fixed title\n" in briefing_page(newsroom)


def test_an_article_saved_while_serving_is_analysed_again(newsroom: Path):
    _, plugin = plugin_of(newsroom)
    plugin.on_startup(command="serve", dirty=False)
    assert "inspected the reservoir" in briefing_page(newsroom)
    article = newsroom / "seeds" / "dam-a.md"
    article.write_text(article.read_text(encoding="utf-8").replace("inspected the reservoir", "surveyed the lake"),
                       encoding="utf-8")
    page = briefing_page(newsroom)
    assert "surveyed the lake" in page and "inspected the reservoir" not in page


def test_a_plain_build_shows_only_what_the_files_say_and_warns(newsroom: Path, caplog):
    _, plugin = plugin_of(newsroom)
    plugin.on_startup(command="build", dirty=False)
    save(newsroom, "title: Good title\n")
    assert "\n# Good title\n" in briefing_page(newsroom)
    save(newsroom, BROKEN)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefings"):
        assert f"\n# {GENERATED_TITLE}\n" in briefing_page(newsroom)
    assert [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.briefings"] == [PROBLEM]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(condition, limit: float) -> float:
    """Seconds until condition() held; fails after limit seconds."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, f"not within {limit} s"
        time.sleep(0.05)
    return time.monotonic() - start


def test_saving_an_override_under_mkdocs_serve(newsroom: Path):
    # That the page follows the file without a restart; how fast it does is measured by a benchmark
    # (bench/), not asserted here, where a loaded machine would make the test fail at random.
    port = _free_port()
    log_path = newsroom / "serve.log"
    url = f"http://127.0.0.1:{port}/briefings/{DAM}/"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
                                  cwd=newsroom, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
    try:
        _wait_for(lambda: GENERATED_TITLE in _fetch(url), limit=60)

        save(newsroom, "title: Live title one\n")
        _wait_for(lambda: "Live title one" in _fetch(url), limit=30)

        save(newsroom, BROKEN)
        kept = f"briefing '{DAM}' is shown as it was last built"
        _wait_for(lambda: kept in log_path.read_text(encoding="utf-8"), limit=10)
        assert f"WARNING -  {PROBLEM}\n" in log_path.read_text(encoding="utf-8")
        assert server.poll() is None  # still serving
        page = _fetch(url)
        assert "Live title one" in page and "Broken title" not in page

        save(newsroom, "title: Live title two\n")
        _wait_for(lambda: "Live title two" in _fetch(url), limit=30)
    finally:
        stop(server)


def _descendants(pid: int) -> set[int]:
    """The processes started by pid and by them, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # gone meanwhile
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lists processes from Linux's /proc")
def test_sigterm_to_mkdocs_serve_ends_the_analysis_workers_too(newsroom: Path):
    # Enough files that the first build reads them in the pool of worker processes (empty ones: each
    # is a problem, quickly found, and no page); a process manager (or `kill`) stops the server with
    # SIGTERM, which must end the workers as Ctrl-C does.
    from generator import parallel
    for n in range(parallel.IN_PROCESS_BELOW):
        write(newsroom / "seeds", f"empty-{n:04d}.md", "")
    port = _free_port()
    with open(newsroom / "serve.log", "w", encoding="utf-8") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--dirty"],
                                  cwd=newsroom, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
    try:
        _wait_for(lambda: GENERATED_TITLE in _fetch(f"http://127.0.0.1:{port}/briefings/{DAM}/"), limit=240)
        workers = _descendants(server.pid)
        assert len(workers) >= 2, "the first build ran no pool of workers"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) is not None
        _wait_for(lambda: not any(_running(pid) for pid in workers), limit=20)
    finally:
        if server.poll() is None:
            stop(server)
        for pid in workers if "workers" in locals() else ():  # a failed test leaves no processes behind
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
