"""Learn the section model (generator/data/section_model.json) from hand-labelled gold.

    python -m generator.training.sections [--eval ../shared/eval] [--split dev] [--model FILE]
                                          [--cv-pred FILE] [--no-cv]

Reads the gold files of EVAL/gold/SPLIT (the format of EVAL/GUIDELINES.md) and the articles
they label in EVAL/corpus/SPLIT, runs the extractor over each article and gives each of its
sentences the section of the gold sentence it covers best (the matching of EVAL/score.py:
at least half of the gold sentence), then fits a multinomial logistic regression over the
named features of generator/extraction/sections.py and writes its weights, rounded, to the model file.
The same data gives the same file: the solver, its tolerance and the feature order are fixed.

Then it reports leave-one-story-out cross-validation: for each story of EVAL/gold/SPLIT/
clusters.json, a model trained on the other stories predicts that story's sentences; the
extraction of every article with those predictions is written to --cv-pred and scored by
EVAL/score.py in one run. That cross-validated figure is the dev section figure.

Needs scikit-learn (`pip install -c constraints.txt -e '.[train]'`); the extractor does not.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..extraction.analyse import analyse_with_evidence
from ..model import SECTIONS
from ..pipeline import extract, extraction_json
from ..extraction.reading import read_article
from ..extraction.sections import MODEL_FILE, SectionModel, article_features

# Inverse of the L2 penalty, chosen by leave-one-story-out cross-validation on the 51 dev articles
# (section accuracy 0.823 at C=0.1, 0.826 at 0.2, 0.824 at 0.3, 0.817 at 0.5, 0.813 at 1). Tried and
# left out, as cross-validation showed them worse: class weights balanced by section (0.78),
# training on the gold's alternative sections (0.81), stacking the neighbours' predicted sections (0.82).
REGULARISATION_C = 0.2
DECIMALS = 4  # weights are rounded so that the file is stable and readable
TOP_FEATURES = 8  # heaviest features printed per section


@dataclass(frozen=True, kw_only=True)
class LabelledArticle:
    name: str  # file name, as the gold and score.py name it
    story: str
    features: tuple[dict[str, float], ...]  # one per extractor sentence
    labels: tuple[str | None, ...]  # the gold section of each extractor sentence; None: no gold sentence


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(gold_sentences: list[dict], spans: list[tuple[int, int]]) -> list[str | None]:
    """Each extractor sentence's gold section: score.py matches a gold sentence to the extractor
    sentence it overlaps most, when that covers at least half of it; an extractor sentence that
    several gold sentences match takes the section of the one it overlaps most."""
    labels: list[str | None] = [None] * len(spans)
    best: list[int] = [0] * len(spans)
    for gold in gold_sentences:
        span = (gold["start"], gold["end"])
        overlaps = [_overlap(span, s) for s in spans]
        if not overlaps:
            continue
        match = max(range(len(spans)), key=lambda n: (overlaps[n], -n))
        if overlaps[match] == 0 or overlaps[match] < 0.5 * max(1, span[1] - span[0]):
            continue
        if overlaps[match] > best[match]:
            labels[match], best[match] = gold["section"], overlaps[match]
    return labels


def _normalised_text(path: Path) -> str:
    raw = path.read_bytes().decode("utf-8")
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def load_labelled(gold_dir: Path, corpus_dir: Path) -> list[LabelledArticle]:
    clusters_file = gold_dir / "clusters.json"
    if not clusters_file.is_file():
        raise SystemExit(f"{clusters_file}: missing; cross-validation by story needs it ({{file: story}})")
    clusters = json.loads(clusters_file.read_text(encoding="utf-8"))
    articles = []
    for gold_file in sorted(p for p in gold_dir.glob("*.json") if p.name != "clusters.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        path = corpus_dir / gold["file"]
        if not path.is_file():
            raise SystemExit(f"{gold_file}: its article {path} is missing")
        digest = hashlib.sha256(_normalised_text(path).encode("utf-8")).hexdigest()
        if gold.get("sha256") and gold["sha256"] != digest:
            print(f"warning: {path}: text differs from the one {gold_file.name} was labelled on; left out",
                  file=sys.stderr)
            continue
        if gold["file"] not in clusters:
            raise SystemExit(f"{clusters_file}: names no story for {gold['file']}")
        analysis, evidences = analyse_with_evidence(read_article(path))
        features = article_features([s.text for s in analysis.sentences], list(evidences))
        labels = align(gold["sentences"], [(s.start, s.end) for s in analysis.sentences])
        articles.append(LabelledArticle(name=gold["file"], story=clusters[gold["file"]],
                                        features=tuple(features), labels=tuple(labels)))
    if not articles:
        raise SystemExit(f"{gold_dir}: no gold files")
    return articles


def fit(articles: list[LabelledArticle], *, c: float = REGULARISATION_C) -> dict:
    """The model document (as written to the model file) fitted to the labelled sentences."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(f, label) for a in articles for f, label in zip(a.features, a.labels) if label is not None]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([f for f, _ in rows])
    labels = [label for _, label in rows]
    present = sorted(set(labels))
    if len(present) < 2:
        raise SystemExit(f"the gold has sentences of one section only ({present}); nothing to learn")
    classifier = LogisticRegression(C=c, solver="lbfgs", max_iter=10_000, tol=1e-8, random_state=0)
    classifier.fit(matrix, labels)
    classes = list(classifier.classes_)
    coefficients = classifier.coef_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: the second class's log-odds
        coefficients = [-coefficients[0] / 2, coefficients[0] / 2]
        intercepts = [-classifier.intercept_[0] / 2, classifier.intercept_[0] / 2]
    else:
        intercepts = classifier.intercept_
    # A section with no gold sentence is never predicted.
    column = {section: classes.index(section) for section in SECTIONS if section in classes}

    def row(values) -> list[float]:
        return [round(float(values[column[s]]), DECIMALS) + 0.0 if s in column else 0.0 for s in SECTIONS]

    never = -1e3
    weights = {}
    for number, name in enumerate(vectorizer.get_feature_names_out()):
        weights_of_feature = row([coefficients[k][number] for k in range(len(coefficients))])
        if any(weights_of_feature):
            weights[str(name)] = weights_of_feature
    intercept_row = [round(float(intercepts[column[s]]), DECIMALS) + 0.0 if s in column else never
                     for s in SECTIONS]
    return {
        "about": "Section model of generator/extraction/sections.py: a multinomial logistic regression, one weight per "
                 "feature and section. Learned by `python -m generator.training.sections`; do not edit by hand.",
        "trained_on": {"articles": len(articles), "stories": len({a.story for a in articles}),
                       "sentences": len(rows), "by_section": dict(sorted(Counter(labels).items()))},
        "regularisation_c": c,
        "sections": list(SECTIONS),
        "intercepts": intercept_row,
        "weights": weights,
    }


def model_text(document: dict) -> str:
    """The model as JSON, one feature a line, so that a retrained model's diff reads feature by feature."""
    lines = ["{"]
    for key in ("about", "trained_on", "regularisation_c", "sections", "intercepts"):
        lines.append(f" {json.dumps(key)}: {json.dumps(document[key], ensure_ascii=False)},")
    lines.append(' "weights": {')
    rows = [f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(values)}"
            for name, values in sorted(document["weights"].items())]
    lines.append(",\n".join(rows))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def heaviest(document: dict, count: int = TOP_FEATURES) -> list[str]:
    lines = []
    for number, section in enumerate(document["sections"]):
        ranked = sorted(document["weights"].items(), key=lambda kv: (-kv[1][number], kv[0]))[:count]
        lines.append(f"  {section:<12} " + ", ".join(f"{name} {values[number]:+.2f}" for name, values in ranked))
    return lines


def cross_validate(articles: list[LabelledArticle], *, c: float = REGULARISATION_C) -> dict[str, list[str]]:
    """Leave one story out: each article's sentences as predicted by a model that never saw its story."""
    predicted: dict[str, list[str]] = {}
    for story in sorted({a.story for a in articles}):
        fold_model = SectionModel.from_json(fit([a for a in articles if a.story != story], c=c))
        for article in articles:
            if article.story == story:
                predicted[article.name] = [fold_model.predict(f) for f in article.features]
    return predicted


def _fold_accuracy(gold_dir: Path, articles: list[LabelledArticle], document: dict) -> list[str]:
    """Per story: sentences whose cross-validated section is the gold's or an alternative, as score.py counts."""
    by_name = {Path(a["path"]).name: a for a in document["articles"]}
    counts: dict[str, list[int]] = {}
    for article in articles:
        gold = json.loads((gold_dir / (Path(article.name).stem + ".json")).read_text(encoding="utf-8"))
        sentences = by_name[article.name]["sentences"]
        tally = counts.setdefault(article.story, [0, 0])
        for g in gold["sentences"]:
            span = (g["start"], g["end"])
            overlaps = [_overlap(span, (s["start"], s["end"])) for s in sentences]
            match = max(range(len(sentences)), key=lambda n: (overlaps[n], -n)) if sentences else None
            ok = (match is not None and overlaps[match] >= 0.5 * max(1, span[1] - span[0])
                  and sentences[match]["section"] in {g["section"], *g.get("alt", [])})
            tally[0] += ok
            tally[1] += 1
    return [f"  {story:<8} {right / total:.3f} ({right}/{total})" for story, (right, total) in sorted(counts.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.training.sections", description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"), help="folder with gold/, corpus/ and score.py")
    parser.add_argument("--split", default="dev", help="gold/SPLIT and corpus/SPLIT to train on")
    parser.add_argument("--model", type=Path, default=Path(__file__).resolve().parent.parent / "data" / MODEL_FILE,
                        help="where to write the model (default: the one the extractor reads)")
    parser.add_argument("--cv-pred", type=Path, help="where to write the cross-validated extraction JSON")
    parser.add_argument("--no-cv", action="store_true", help="only train and write the model")
    parser.add_argument("-C", type=float, default=REGULARISATION_C, help="inverse L2 penalty")
    args = parser.parse_args(argv)
    gold_dir, corpus_dir = args.eval / "gold" / args.split, args.eval / "corpus" / args.split
    for folder in (gold_dir, corpus_dir):
        if not folder.is_dir():
            parser.error(f"{folder}: no such folder (give the evaluation folder with --eval)")

    articles = load_labelled(gold_dir, corpus_dir)
    document = fit(articles, c=args.C)
    args.model.write_text(model_text(document), encoding="utf-8")
    trained = document["trained_on"]
    print(f"wrote {args.model}: {len(document['weights'])} features, {trained['sentences']} sentences "
          f"of {trained['articles']} articles in {trained['stories']} stories")
    print("heaviest features per section:")
    print("\n".join(heaviest(document)))
    if args.no_cv:
        return 0

    predicted = cross_validate(articles, c=args.C)
    extraction = extraction_json(extract([corpus_dir]))
    for article in extraction["articles"]:
        sections = predicted.get(Path(article["path"]).name)
        if sections is None:
            continue
        if len(sections) != len(article["sentences"]):
            raise SystemExit(f"{article['path']}: the extractor split it differently on a second run")
        for sentence, section in zip(article["sentences"], sections):
            sentence["section"] = section
    cv_pred = args.cv_pred or Path(tempfile.gettempdir()) / f"section-cv-{args.split}.json"
    cv_pred.write_text(json.dumps(extraction, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"leave-one-story-out cross-validation, per story (section accuracy):")
    print("\n".join(_fold_accuracy(gold_dir, articles, extraction)))
    scored = subprocess.run([sys.executable, str(args.eval / "score.py"), "--gold", str(gold_dir),
                             "--corpus", str(corpus_dir), "--pred", str(cv_pred)],
                            capture_output=True, text=True, check=False)
    if scored.returncode != 0:
        print(scored.stdout + scored.stderr, file=sys.stderr)
        return scored.returncode
    lines = scored.stdout.strip().splitlines()
    print(f"cross-validated extraction: {cv_pred}; score.py says:")
    print("\n".join(line for line in lines if line.lstrip().startswith(SECTIONS)))
    print(lines[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
