"""The section model: its data file, its predictions, and the script that learns it."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from generator.extraction import sections
from generator.extraction.analyse import analyse_with_evidence
from generator.model import SECTIONS
from generator.extraction.reading import parse_article

MODEL = Path(sections.__file__).parent / "data" / sections.MODEL_FILE


def run(text: str):
    analysis, evidences = analyse_with_evidence(parse_article(text, path="t.txt"))
    return analysis, evidences


def test_the_model_file_loads_with_one_weight_per_section_for_every_feature():
    model = sections.model()
    assert model.sections == SECTIONS
    assert len(model.intercepts) == len(SECTIONS)
    assert len(model.weights) > 50
    assert all(len(row) == len(SECTIONS) for row in model.weights.values())
    # Its features are the named evidence of generator/extraction/sections.py, not words of the articles it learned from:
    # cue phrases and opening words come from sections.yml, auxiliaries from grammar.yml.
    cues = list(sections.lexicon.section_cue_automaton().values())  # (phrase, list's feature name)
    vocabulary = ({name for _, name in cues} | {f"cue={phrase}" for phrase, _ in cues}
                  | {f"aux={word}" for word in sections.lexicon.grammar()["auxiliaries"]}
                  | {f"opens={word}" for word in sections.lexicon.load("sections.yml")["opening_words"]}
                  | {f"verb={base}" for base, _ in sections.lexicon.reporting_verbs().values()}
                  | {f"stance:{stance}" for stance in sections.lexicon.load("reporting.yml")["stances"]})
    for name in model.weights:
        bare = re.sub(r"^(prev|next):", "", name).removesuffix(":reported")
        assert bare in vocabulary or re.fullmatch(r"[a-z_]+(:[a-z_]+)?", bare), name


def test_a_model_file_with_a_short_weight_row_is_refused():
    with pytest.raises(ValueError, match="one number per section"):
        sections.SectionModel.from_json({"sections": list(SECTIONS), "intercepts": [0, 0, 0, 0],
                                         "weights": {"quoted": [1, 2]}})


ARTICLE = ("Spain and Morocco signed a fishing treaty in Rabat on Monday.\n\n"
           "The fleets waited in port for a week.\n\n"
           "The two countries have quarrelled over fishing rights for decades.\n\n"
           "\"This is a good day for our fishermen,\" the Moroccan fisheries minister said.\n\n"
           "The treaty is likely to face a challenge in court, analysts said.\n")


def test_prediction_is_deterministic_and_reads_only_the_evidence():
    analysis, evidences = run(ARTICLE)
    texts = [s.text for s in analysis.sentences]
    first = sections.classify_article(texts, list(evidences))
    assert sections.classify_article(texts, list(evidences)) == first
    assert [s.section for s in run(ARTICLE)[0].sentences] == first == [s.section for s in analysis.sentences]


def test_news_history_a_stance_and_a_forecast():
    analysis, _ = run(ARTICLE)
    assert [s.section for s in analysis.sentences] == [
        "development", "development", "background", "position", "outlook"]


def test_a_sentence_is_read_with_its_neighbours():
    analysis, evidences = run(ARTICLE)
    features = sections.article_features([s.text for s in analysis.sentences], list(evidences))
    assert features[0]["prev:none"] == 1.0 and features[-1]["next:none"] == 1.0
    assert features[3]["partly_quoted"] == 1.0  # the quote, then who said it
    assert features[2]["next:partly_quoted"] == features[4]["prev:partly_quoted"] == 1.0
    assert "prev:partly_quoted" not in features[3] and "next:partly_quoted" not in features[3]


def test_stated_dates_count_against_the_article_date():
    analysis, evidences = run("date 2026-02-05\nThe ministers met in Ankara on Tuesday.\n\n"
                              "They first met on March 3, 2025.\n\nThey meet again on March 20.\n")
    assert [e.days_from_article for e in evidences] == [(-2,), (-339,), (43,)]
    features = sections.article_features([s.text for s in analysis.sentences], list(evidences))
    assert (features[0]["date:past_week"], features[1]["date:earlier"], features[2]["date:later"]) == (1.0, 1.0, 1.0)


# ------------------------------------------------------------------ training

needs_sklearn = pytest.mark.skipif(importlib.util.find_spec("sklearn") is None,
                                   reason="scikit-learn (the train extra) is not installed")

# Tiny labelled stories written for this test: (section, sentence) per line, one article per story.
STORIES = {
    "one": [("development", "The two leaders met in Geneva on Monday."),
            ("background", "Their countries have quarrelled for decades."),
            ("position", "\"We want peace,\" the foreign minister said."),
            ("outlook", "A deal is unlikely before the deadline.")],
    "two": [("development", "Rebels fired rockets at the port on Tuesday."),
            ("background", "The war began in 2011 and has killed thousands."),
            ("position", "The government condemned the attack, officials said."),
            ("outlook", "More fighting is expected in the coming weeks.")],
    "three": [("development", "Parliament approved the budget on Friday."),
              ("background", "Previous budgets had been rejected since 2019."),
              ("position", "\"This is a good day,\" the prime minister said."),
              ("outlook", "The plan could lead to new taxes next year.")],
}


def _labelled_set(root: Path) -> Path:
    """EVAL-style folders: gold/dev/*.json, gold/dev/clusters.json and corpus/dev/*.txt."""
    gold, corpus = root / "gold" / "dev", root / "corpus" / "dev"
    gold.mkdir(parents=True)
    corpus.mkdir(parents=True)
    clusters = {}
    for story, lines in STORIES.items():
        text, labelled = "", []
        for section, sentence in lines:
            labelled.append({"start": len(text), "end": len(text) + len(sentence), "section": section})
            text += sentence + "\n\n"
        name = f"{story}.txt"
        (corpus / name).write_text(text, encoding="utf-8")
        (gold / f"{story}.json").write_text(json.dumps({"file": name, "sentences": labelled}), encoding="utf-8")
        clusters[name] = story
    (gold / "clusters.json").write_text(json.dumps(clusters), encoding="utf-8")
    return root


@needs_sklearn
def test_retraining_on_the_same_gold_writes_the_same_file(tmp_path: Path, capsys):
    from generator.training import sections as training

    labelled = _labelled_set(tmp_path / "eval")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert training.main(["--eval", str(labelled), "--model", str(first), "--no-cv"]) == 0
    assert training.main(["--eval", str(labelled), "--model", str(second), "--no-cv"]) == 0
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["trained_on"] == {"articles": 3, "stories": 3, "sentences": 12,
                                      "by_section": {"background": 3, "development": 3, "outlook": 3, "position": 3}}
    model = sections.SectionModel.from_json(document)
    assert model.sections == SECTIONS and model.weights
    printed = capsys.readouterr().out
    assert "heaviest features per section:" in printed
    assert all(re.search(rf"^  {section} ", printed, re.M) for section in SECTIONS)


@needs_sklearn
def test_gold_sentences_are_aligned_to_the_extractor_sentences_as_the_scorer_matches_them():
    from generator.training.sections import align

    spans = [(0, 40), (41, 60), (61, 100)]
    gold = [{"start": 0, "end": 40, "section": "development"},
            {"start": 41, "end": 75, "section": "position"},  # more than half of it is in (41, 60)
            {"start": 90, "end": 200, "section": "outlook"}]  # less than half of it is in any: matched to none
    assert align(gold, spans) == ["development", "position", None]


@needs_sklearn
def test_cross_validation_predicts_each_story_with_a_model_that_never_saw_it(tmp_path: Path, monkeypatch):
    from generator.training import sections as training

    labelled = _labelled_set(tmp_path / "eval")
    articles = training.load_labelled(labelled / "gold" / "dev", labelled / "corpus" / "dev")
    seen: list[set[str]] = []
    fit = training.fit
    monkeypatch.setattr(training, "fit", lambda train, **kw: (seen.append({a.story for a in train}), fit(train, **kw))[1])
    predicted = training.cross_validate(articles)
    assert sorted(predicted) == ["one.txt", "three.txt", "two.txt"]
    assert sorted(map(sorted, seen)) == [["one", "three"], ["one", "two"], ["three", "two"]]
    assert all(len(predicted[a.name]) == len(a.features) for a in articles)
