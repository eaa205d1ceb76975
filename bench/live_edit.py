"""Live editing at scale: how long until a save shows on the page that `mkdocs serve` serves.

    .venv/bin/python bench/live_edit.py [--articles 1000] [--rounds 5] [--serve-args "--dirty"]

Writes a project of N synthetic articles (bench/site_scale.py's distinct stories) into a temp
folder, starts `mkdocs serve --livereload` on 127.0.0.1 as `make serve` does, waits for the
first build, then measures, end to end, with the served pages polled every 20 ms:

- override edit: from writing briefings/<slug>.yml with a new title until the briefing's served
  page shows it;
- new article: from writing a new article into seeds/ until its page is served.

Each is done --rounds times; prints every time, the medians and the load average. With
--cpu PROJECT, measures instead the CPU time of the rebuild after an override edit in this
process, with and without --dirty (steadier than wall time on a shared machine). The bars
(issue 16): under 1 s for an override edit and under 2 s for a new article, medians of 5, at
1,000 articles.
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import site_scale  # noqa: E402

POLL = 0.02


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition, limit: float) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > limit:
            raise SystemExit(f"not within {limit} s")
        time.sleep(POLL)
    return time.perf_counter() - started


def make_project(folder: Path, count: int) -> None:
    shutil.copytree(REPO / "docs", folder / "docs")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "briefings").mkdir()
    seeds = folder / "seeds"
    seeds.mkdir()
    for n in range(count):
        (seeds / f"story-{n:05d}.md").write_text(site_scale.article(n), encoding="utf-8")


def briefing_slug(project: Path, url: str) -> str:
    """The slug of some briefing: the first one the home page links to."""
    home = fetch(url)
    marker = 'href="briefings/'
    start = home.index(marker) + len(marker)
    return home[start:home.index("/", start)]


def rebuild_cpu(project: Path, rounds: int) -> None:
    """CPU seconds of this process for the rebuild after an override edit, as `mkdocs serve` makes it,
    with and without --dirty: on a shared machine, steadier than the wall time a browser waits."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve_url = "http://127.0.0.1:8000/"
    for dirty in (True, False):
        site = Path(tempfile.mkdtemp(prefix="live-edit-site-"))

        def one_build(first: bool = False) -> float:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
            config.site_url = serve_url
            if first:
                config.plugins.on_startup(command="serve", dirty=dirty)
            started = time.process_time()
            build(config, serve_url=serve_url, dirty=dirty)
            return time.process_time() - started

        one_build(first=True)
        slug = sorted(p.name for p in (site / "briefings").iterdir() if p.is_dir())[0]
        times = []
        for n in range(rounds):
            (project / "briefings" / f"{slug}.yml").write_text(f"title: CPU edit {n} {dirty}\n", encoding="utf-8")
            times.append(one_build())
        shutil.rmtree(site)
        print(f"rebuild after an override edit, {'--dirty' if dirty else 'full'}: "
              f"{', '.join(f'{t:.2f}' for t in times)} s of CPU; median {statistics.median(times):.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--serve-args", default="", help="more arguments for `mkdocs serve` (e.g. --dirty)")
    parser.add_argument("--keep", type=Path, help="build the project in this folder and keep it")
    parser.add_argument("--cpu", type=Path, metavar="PROJECT",
                        help="instead: CPU time of rebuilds in this process, on a project --keep left")
    args = parser.parse_args()
    if args.cpu:
        rebuild_cpu(args.cpu, args.rounds)
        return 0
    with tempfile.TemporaryDirectory(prefix="live-edit-") as temp:
        project = args.keep or Path(temp)
        make_project(project, args.articles)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
                   *shlex.split(args.serve_args)]
        log_path = project / "serve.log"
        with open(log_path, "w", encoding="utf-8") as log:
            server = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                      env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            first = wait_for(lambda: "briefings/" in fetch(url), limit=900)
            print(f"{args.articles:,} articles; first build served after {first:.1f} s "
                  f"({' '.join(command[2:])})", file=sys.stderr)
            slug = briefing_slug(project, url)
            page = f"{url}briefings/{slug}/"
            edits, additions = [], []
            for n in range(args.rounds):
                title = f"Live edit number {n} of {slug}"
                (project / "briefings" / f"{slug}.yml").write_text(f"title: {title}\n", encoding="utf-8")
                edits.append(wait_for(lambda: title in fetch(page), limit=120))
                time.sleep(1)  # let the server settle between rounds
            for n in range(args.rounds):
                name = f"new-article-{n}"
                (project / "seeds" / f"{name}.md").write_text(site_scale.article(args.articles + n), encoding="utf-8")
                additions.append(wait_for(lambda: "<h1" in fetch(f"{url}articles/{name}/"), limit=120))
                time.sleep(1)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    load = os.getloadavg()
    print(f"override edit shown after: {', '.join(f'{t:.2f}' for t in edits)} s; median {statistics.median(edits):.2f} s")
    print(f"new article shown after: {', '.join(f'{t:.2f}' for t in additions)} s; "
          f"median {statistics.median(additions):.2f} s")
    print(f"load average (1, 5, 15 min): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
