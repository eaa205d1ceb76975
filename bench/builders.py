"""Builder comparison: the synthetic site of bench/site_scale.py built three ways, side by side.

    .venv/bin/python bench/builders.py                 # 1,000 briefings
    .venv/bin/python bench/builders.py --briefings 250 --keep /tmp/builders

In one copy of the project (mkdocs.yml, zensical.yml, docs/, no overrides)
with N generated articles about N distinct stories, it times, one after the
other, each as a user runs it:

- MkDocs + Material with the plugin: `mkdocs build --strict`;
- the pages written out: `python -m generator build --out build/docs --strict`;
- plain MkDocs (no plugin) on that folder: `mkdocs build --strict -f folder.yml`;
- Zensical on that folder, cold (`zensical build --strict --clean`, its
  cache emptied) and warm (the same again, nothing changed);
- the pages written out again, nothing changed (the analyses cached).

Each build from scratch starts with no `.cache/` (the analysis cache and
Zensical's share it).

Every build must give the N briefing pages. The bar: N = 1,000 built in
under 10 s by one supported builder, writing the pages included.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from site_scale import REPO, article

BAR_SECONDS = 10.0
FOLDER_CONFIG = "INHERIT: mkdocs.yml\ndocs_dir: build/docs\nsite_dir: site-folder\nplugins:\n  - search\n"


def make_project(folder: Path, count: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(REPO / "docs", folder / "docs")
    for name in ("mkdocs.yml", "zensical.yml"):
        shutil.copy(REPO / name, folder / name)
    (folder / "folder.yml").write_text(FOLDER_CONFIG, encoding="utf-8")
    (folder / "briefings").mkdir()
    (folder / "seeds").mkdir()
    for n in range(count):
        (folder / "seeds" / f"story-{n:05d}.md").write_text(article(n), encoding="utf-8")
    return folder


def timed(project: Path, *command: str) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds (user + system, of the command and its children): on a shared
    machine the wall clock also counts other people's work, the CPU time much less so."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def check_briefings(site: Path, count: int) -> None:
    found = len(list(site.glob("briefings/*/index.html")))
    if found != count:
        raise SystemExit(f"{site}: {found} briefing pages, not {count}")


def measure(project: Path, count: int) -> dict[str, tuple[float, float]]:
    bin_dir = Path(sys.executable).parent
    mkdocs, zensical = str(bin_dir / "mkdocs"), str(bin_dir / "zensical")
    seconds = {}
    # From scratch: no analyses kept (.cache/analyses-*), no Zensical cache (.cache/ too).
    shutil.rmtree(project / ".cache", ignore_errors=True)
    seconds["plugin"] = timed(project, mkdocs, "build", "--strict", "--quiet", "--site-dir", "site-plugin")
    check_briefings(project / "site-plugin", count)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    seconds["write"] = timed(project, sys.executable, "-m", "generator", "build", "--out", "build/docs", "--strict")
    seconds["folder_mkdocs"] = timed(project, mkdocs, "build", "--strict", "--quiet", "-f", "folder.yml")
    check_briefings(project / "site-folder", count)
    seconds["zensical_cold"] = timed(project, zensical, "build", "--strict", "--clean", "-f", "zensical.yml")
    check_briefings(project / "site", count)
    seconds["zensical_warm"] = timed(project, zensical, "build", "--strict", "-f", "zensical.yml")
    check_briefings(project / "site", count)
    seconds["write_again"] = timed(project, sys.executable, "-m", "generator", "build", "--out", "build/docs",
                                   "--strict")
    return seconds


def report(seconds: dict[str, tuple[float, float]], count: int) -> str:
    def total(*keys: str) -> tuple[float, float]:
        return sum(seconds[k][0] for k in keys), sum(seconds[k][1] for k in keys)

    rows = [
        ("MkDocs + Material with the plugin (`mkdocs build --strict`)", seconds["plugin"]),
        ("pages written out (`generator build --out build/docs --strict`)", seconds["write"]),
        ("plain MkDocs on the folder (no plugin)", seconds["folder_mkdocs"]),
        ("**written out + plain MkDocs**", total("write", "folder_mkdocs")),
        ("Zensical on the folder, cold (`--clean`)", seconds["zensical_cold"]),
        ("**written out + Zensical, cold**", total("write", "zensical_cold")),
        ("Zensical on the folder, warm (nothing changed)", seconds["zensical_warm"]),
        ("**written out + Zensical, warm**", total("write", "zensical_warm")),
        ("pages written out again (nothing changed: analyses cached, no file rewritten)", seconds["write_again"]),
    ]
    wall, cpu = seconds["plugin"]
    lines = [f"| {count:,} briefings | wall s | vs MkDocs + plugin | CPU s | vs MkDocs + plugin |",
             "|---|--:|--:|--:|--:|"]
    lines += [f"| {label} | {w:.1f} | {w / wall:.2f} | {c:.1f} | {c / cpu:.2f} |" for label, (w, c) in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefings", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="builders-") as temp:
        project = make_project((args.keep or Path(temp)) / f"site-{args.briefings}", args.briefings)
        seconds = measure(project, args.briefings)
    print(report(seconds, args.briefings))
    print(f"\nload average before: {load[0]:.1f} (1 min), {load[1]:.1f} (5 min) on {os.cpu_count()} cores; "
          f"after: {os.getloadavg()[0]:.1f}")
    # The bar counts a first build: pages written out and Zensical's cache empty.
    wall = {key: value[0] for key, value in seconds.items()}
    fastest = min(wall["plugin"], wall["write"] + min(wall["folder_mkdocs"], wall["zensical_cold"]))
    print(f"fastest build from scratch: {fastest:.1f} s (bar: under {BAR_SECONDS:.0f} s)")
    return 0 if fastest < BAR_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
