"""`python -m generator extract --json`: the evaluation contract, and the seed scores."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, SHARED

BARS = {"section_accuracy": 0.85, "actor_accuracy": 0.90, "quote_f1": 0.90, "speaker_accuracy": 0.90,
        "story_f1": 1.0, "title_accuracy": 1.0, "date_accuracy": 1.0, "dateline_accuracy": 1.0,
        "source_accuracy": 1.0}


def extract(*paths: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "generator", "extract", *paths, "--json"],
                         cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_offsets_point_into_the_normalised_text():
    document = extract("seeds")
    assert len(document["articles"]) == 2
    assert len({a["story"] for a in document["articles"]}) == 1
    for article in document["articles"]:
        text = (REPO / article["path"]).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        for item in article["sentences"] + article["quotes"]:
            assert text[item["start"]:item["end"]] == item["text"]
        assert {s["section"] for s in article["sentences"]} <= {"development", "background", "position", "outlook"}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared/eval is not beside the repo")
def test_seed_scores_meet_the_bars(tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(extract("seeds")), encoding="utf-8")
    mins = [f"--min={k}={v}" for k, v in BARS.items()]
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "eval" / "gold" / "seeds"),
                             "--corpus", str(REPO / "seeds"), "--pred", str(pred), *mins],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
