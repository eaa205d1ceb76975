"""The per-article function runs on Dask's local process scheduler as in the README's example, with
the same analyses as the pool of pipeline.extract."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import HOSTILE_ARTICLE, REPO, write
from generator import pipeline
from generator.extraction.reading import find_article_files
from generator.briefing.stories import group

dask_bag = pytest.importorskip("dask.bag", reason="dask is not installed: pip install -c constraints.txt -e '.[dask]'")


def test_the_readme_example_gives_what_extract_gives(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    write(seeds, "hostile.txt", HOSTILE_ARTICLE)
    write(seeds, "empty.txt", "")

    # The README's example, as written there:
    files = [(path, str(path)) for path in find_article_files([seeds])]
    outcomes = (dask_bag.from_sequence(files, npartitions=2)
                .starmap(pipeline.analyse_file, cache=None)
                .compute(scheduler="processes", num_workers=2))
    analyses = [o for o in outcomes if not isinstance(o, str)]
    problems = [o for o in outcomes if isinstance(o, str)]
    stories = group(analyses)

    expected = pipeline.extract([seeds], jobs=1)
    assert tuple(analyses) == expected.analyses
    assert tuple(problems) == expected.problems and len(problems) == 1
    assert tuple(stories) == expected.stories
