"""Fuzzing hostile input with Hypothesis: 2,000 cases, derandomized so that CI sees the same ones.

Each case runs through extract and build_site (see fuzz_cases.py for the inputs and the
properties: one named problem per bad file, no live HTML, no page outside the output, at most
a few seconds a case). bench/fuzz.py runs the same with 20,000 cases.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import fuzz_cases
from conftest import NEWSROOM, write
from generator import pipeline

FUZZ = settings(max_examples=500, derandomize=True, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture, HealthCheck.large_base_example])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for name, text in NEWSROOM.items():
        write(root / "seeds", name, text)
    (root / "briefings").mkdir()
    return root


@pytest.fixture(scope="module")
def newsroom_extraction(project: Path) -> pipeline.Extraction:
    return pipeline.extract([project / "seeds"], relative_to=project)


@FUZZ
@given(text=fuzz_cases.article_text())
def test_article_text(project: Path, text: str):
    fuzz_cases.check_article(project, "fuzzed.txt", "Fuzzed Headline Of A Story\n\n" + text)


@FUZZ
@given(text=fuzz_cases.front_matter_article())
def test_front_matter(project: Path, text: str):
    fuzz_cases.check_article(project, "fuzzed.md", text)


@FUZZ
@given(text=fuzz_cases.dated_article())
def test_date_headers(project: Path, text: str):
    fuzz_cases.check_article(project, "dated.txt", text)


@FUZZ
@given(text=fuzz_cases.override_text())
def test_override_files(project: Path, newsroom_extraction: pipeline.Extraction, text: str):
    fuzz_cases.check_override(project, newsroom_extraction, text)
