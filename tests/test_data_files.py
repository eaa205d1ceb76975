"""The linguistic data files are word lists: YAML 1.1 reads an unquoted No, On, Off or Yes in a list
as a boolean, so the word silently drops out of the list. Every list entry must be a string."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "generator" / "data"


def _booleans_in_lists(node, path: str):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _booleans_in_lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, bool):
                yield f"{path}[{i}] is {value}: quote the word"
            else:
                yield from _booleans_in_lists(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")), ids=lambda p: p.name)
def test_no_word_in_a_data_list_is_read_as_a_boolean(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(_booleans_in_lists(data, path.name)) == []


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")), ids=lambda p: p.name)
def test_the_lexicon_reads_each_data_file_as_pure_python_yaml_does(path: Path):
    """lexicon.load parses with libyaml when PyYAML has it (faster); the values must be the same."""
    from generator import lexicon
    assert lexicon.load(path.name) == (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
