"""Briefings as JSON: `python -m generator briefings --json` and briefings/<slug>.json in the site."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from conftest import DAM, REPO, SHARED
from generator import pipeline

SCHEMA = json.loads((REPO / "generator" / "schema" / "briefings.schema.json").read_text(encoding="utf-8"))


def briefings_json(*paths: str, cwd: Path = REPO) -> dict:
    out = subprocess.run([sys.executable, "-m", "generator", "briefings", *paths, "--json"],
                         cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_command_prints_valid_briefings_whose_citations_point_at_their_sentences(newsroom: Path):
    document = briefings_json("seeds", cwd=newsroom)
    jsonschema.validate(document, SCHEMA)
    assert len(document["briefings"]) == 2
    dam = next(b for b in document["briefings"] if b["slug"] == DAM)
    assert [s["path"] for s in dam["sources"]] == ["seeds/dam-a.md", "seeds/dam-b.md"]
    assert any(item["main"] for item in dam["items"])
    for item in dam["items"]:
        for cite in item["cites"]:
            text = (newsroom / cite["path"]).read_text(encoding="utf-8")
            assert 0 <= cite["start"] < cite["end"] <= len(text)
        first = item["cites"][0]
        cited = (newsroom / first["path"]).read_text(encoding="utf-8")[first["start"]:first["end"]]
        assert set(item["text"].split()) <= set(cited.split()) | {"—"}  # the line says what its first source says
        assert item["sources"] == len({c["source"] for c in item["cites"]})


def test_each_briefing_is_published_as_json_next_to_its_page(newsroom: Path):
    site = pipeline.build_site(newsroom / "seeds", newsroom / "briefings", root=newsroom)
    page = json.loads(site.pages[f"briefings/{DAM}.json"])
    jsonschema.validate({"briefings": [page]}, SCHEMA)
    assert page["slug"] == DAM and page["title"] == "Norway and Sweden Reopen Talks on the Kessel Dam"
    shown = site.pages[f"briefings/{DAM}.md"]
    assert all(f"#{item['id']}" in shown for item in page["items"])  # every line of the JSON is on the page


def test_the_seed_site_json_is_valid_and_carries_the_overrides():
    site = pipeline.build_site(REPO / "seeds", REPO / "briefings", root=REPO)
    (briefing,) = site.briefings
    page = json.loads(site.pages[f"briefings/{briefing.slug}.json"])
    jsonschema.validate({"briefings": [page]}, SCHEMA)
    assert page["title"] == briefing.title  # the editor's title, not the generated one
    assert any(item["editorial"] for item in page["items"])


def test_the_json_reads_the_same_in_the_scorer(tmp_path: Path):
    """score_briefings.py reads the command's output (skipped without ../shared/eval)."""
    scorer = SHARED / "eval" / "score_briefings.py"
    if not scorer.exists():
        import pytest
        pytest.skip("../shared/eval is not beside the repo")
    facts = tmp_path / "facts"
    facts.mkdir()
    document = briefings_json("seeds")
    seed = document["briefings"][0]
    cited = next(i for i in seed["items"] if i["main"] and i["cites"])
    cite = cited["cites"][0]
    text = (REPO / cite["path"]).read_text(encoding="utf-8")
    (facts / "seed.json").write_text(json.dumps({"story": "seed", "files": [Path(s["path"]).name for s in seed["sources"]],
                                                 "facts": [{"rank": 1, "fact": "x", "section": "development", "actor": None,
                                                            "evidence": [{"file": Path(cite["path"]).name,
                                                                          "text": text[cite["start"]:cite["end"]]}]}]}))
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run([sys.executable, str(scorer), "--facts", str(facts), "--corpus", str(REPO / "seeds"),
                             "--pred", str(pred), "--min", "fact_recall=1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_position_in_the_bottom_line_says_whose_it_is(tmp_path: Path):
    from conftest import write
    write(tmp_path / "seeds", "a.md", "---\ntitle: Peru Rejects the Fishing Quota\ndate: 2026-05-01\n---\n"
          "Peru's foreign minister Ana Lopez rejected the new fishing quota on Monday.\n"
          "The quota was set by the regional fisheries board last week.\n")
    document = briefings_json("seeds", cwd=tmp_path)
    jsonschema.validate(document, SCHEMA)
    (bottom,) = [i for i in document["briefings"][0]["items"] if i["section"] == "bottom_line" and "rejected" in i["text"]]
    assert bottom["actor"] == "PER"
