"""Where a rebuild under `mkdocs serve --dirty` spends its CPU time, phase by phase, without a profiler.

    .venv/bin/python bench/live_edit.py --articles 1000 --keep /tmp/project   # makes the project (and measures)
    .venv/bin/python bench/rebuild_phases.py /tmp/project /tmp/site [ROUNDS]

Builds the project twice as `mkdocs serve --dirty` does (the plugin kept), then --rounds times each:
writes an override with a new title for the first briefing, or a new article, and rebuilds; prints
the CPU time of each rebuild, and the median CPU time of MkDocs' phases and the plugin's stages
(phases nest: the plugin's on_files holds build_site, which holds extract and render_site).
"""
import collections
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def main():
    import site_scale
    from mkdocs.commands import build as B
    from mkdocs.config import load_config
    from generator import pipeline
    from generator.site import plugin as P
    acc = collections.Counter()

    def wrap(mod, name, label=None):
        f = getattr(mod, name)
        def w(*a, **k):
            t = time.process_time()
            try:
                return f(*a, **k)
            finally:
                acc[label or name] += time.process_time() - t
        setattr(mod, name, w)
    for n in ("get_files", "get_navigation", "_populate_page", "_build_page", "_build_theme_template"):
        wrap(B, n)
    wrap(P.BriefingsPlugin, "on_files", "plugin.on_files")
    wrap(P.BriefingsPlugin, "on_post_build", "plugin.on_post_build")
    for n in ("extract", "build_site", "render_site"):
        wrap(pipeline, n, "pipeline." + n)
    wrap(pipeline, "edit_site", "edit_site")
    project, site = Path(sys.argv[1]), Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    shutil.rmtree(site, ignore_errors=True)
    URL = "http://127.0.0.1:8000/"

    def one(first=False):
        t = time.process_time()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        acc["load_config"] += time.process_time() - t
        config.site_url = URL
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        B.build(config, serve_url=URL, dirty=True)
    one(first=True)
    one()
    slug = sorted(p.name for p in (site / "briefings").iterdir() if p.is_dir())[0]
    for kind in ("edit", "article"):
        totals = []
        phases = collections.defaultdict(list)
        for n in range(rounds):
            if kind == "edit":
                (project / "briefings" / f"{slug}.yml").write_text(f"title: Phase edit {n} {time.time()}\n")
            else:
                (project / "seeds" / f"phase-new-{int(time.time()*1000)}.md").write_text(site_scale.article(7000 + n))
            acc.clear()
            started = time.process_time()
            one()
            totals.append(time.process_time() - started)
            for k, v in acc.items():
                phases[k].append(v)
        print(f"{kind}: CPU {', '.join('%.2f' % t for t in totals)} median {statistics.median(totals):.2f}")
        for k in sorted(phases, key=lambda k: -statistics.median(phases[k])):
            print(f"   {k:28s} {statistics.median(phases[k]):.3f}")
    for path in (project / "seeds").glob("phase-new-*"):
        path.unlink()
    (project / "briefings" / f"{slug}.yml").unlink()
    load = os.getloadavg()
    print(f"load average (1, 5, 15 min): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")

if __name__ == "__main__":
    main()
