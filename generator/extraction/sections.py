"""Sorting sentences into development / background / position / outlook.

A linear model over named evidence: cue vocabulary from generator/data/sections.yml,
grammar (tense, aspect, modality), attribution (who speaks, with what stance, in quotes
or not), stated dates and years against the article's date, the sentence's place in the
article and the same evidence of the sentences either side. The weights are learned from
the hand-labelled dev articles by `python -m generator.training.sections` and read from
generator/data/section_model.json; predicting is a sparse dot product per section, in plain
Python.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick

from .. import lexicon
from ..model import SECTIONS

MODEL_FILE = "section_model.json"

_PAST_PERFECT = re.compile(r"\bhad (?:been |long |previously |already )?\w+(?:ed|en|wn|ght|id)\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = re.compile(rf"\b(?:in|since|until|by|from|of|during|after|before) (?:(?:early|late|mid-?)\s*)?"
                   rf"(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(1[89]\d\d|20\d\d)\b")
# A month named without a day ("in June", "since last August"): news names the days of its own
# week; a month alone places an event before this news cycle. Only with no year: _YEAR decides those.
_MONTH_ALONE = re.compile(rf"\b(?:in|since|during) (?:(?:early|late|mid-?|last)\s*)?(?:{_MONTHS})\b(?!\s*\d)")
_MODALS = lexicon.grammar()["modals"]
_AUXILIARIES = lexicon.grammar()["auxiliaries"]
# A subordinate clause opening a few words before: "who had been", "when two Americans had returned".
_SUBORDINATE_BEFORE = re.compile(rf"\b(?:{'|'.join(lexicon.grammar()['subordinators'])})\b(?:\s+\S+){{0,3}}\s+$")
# A stated duration ("for 10 years", "for up to five months"): with "will", a term that has been
# set ("The embargo will stand for five years"), which is news, not a forecast.
_TERM_DURATION = re.compile(rf"\bfor (?:up to |at least )?(?:\d+|{'|'.join(lexicon.grammar()['number_words'])})"
                            r"[ -](?:year|month|decade|week)s?\b")
_FUTURE_PASSIVE = re.compile(rf"\b(?:{'|'.join(_MODALS)}) be \w+(?:ed|en|id|wn)\b")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")  # the year _YEAR needs: a quick search rules most sentences out


_EVALUATIVE_STANCES = frozenset(lexicon.load("reporting.yml")["evaluative_stances"])
_OPENING_WORDS = frozenset(lexicon.load("sections.yml")["opening_words"])
_OPENING_MARKS = " \"'“‘(—-"
_AFTER_FIRST_WORD = ",;:.!?\"'”’"


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What the earlier stages found in a sentence, as the classifier needs it."""

    party_voice: bool  # a state, organisation or person speaking for one is the subject
    person_voice: bool  # a named person (or a pronoun resolved to one) is the subject of a reporting verb
    reporting: bool  # a reporting verb is used as a verb outside quotes, whoever its subject
    quoted: bool  # the sentence is mostly inside a direct quotation
    partly_quoted: bool = False  # some of it, less than half, is inside one
    sets_terms: bool = False  # a binding text (agreement, law) is the subject of a reporting verb
    stance: str | None = None  # the voice's stance class (reporting.yml), when a party or person speaks
    article_year: int | None
    reported_from: int | None = None  # offset in the sentence after a voiced reporting verb: the reported clause
    position: float = 0.0  # where the sentence stands in the article, 0 (lede) to 1 (last)
    index: int = 0  # its number among the article's sentences
    paragraph_start: bool = False  # it opens a paragraph
    days_from_article: tuple[int, ...] = ()  # the dates it states, in days after the article's date
    reporting_verb: str | None = None  # the main-clause reporting verb as written, lower case ("says", "warned")


@dataclass(frozen=True, slots=True)
class _Word:
    """What a phrase of the word pass stands for: a cue, and the grammar it signals."""

    cue: str | None  # feature name of a sections.yml cue list ("cue:outlook:strong")
    cue_reported: str | None  # the same in the clause a speaker reports ("cue:outlook:strong:reported")
    cue_phrase: str | None  # feature name of the phrase itself ("cue=likely")
    auxiliary: str | None  # feature name of one of grammar.yml's auxiliaries ("aux=has")
    past_tense: bool = False  # a sections.yml past_tense form
    modal: bool = False  # one of _MODALS
    voice_noun: bool = False  # a commentator noun of unnamed_voice_pattern()


@cache
def _word_automaton() -> ahocorasick.Automaton:
    """Cue phrases, past tense forms, modals and commentator nouns in one automaton: one pass of
    it over a sentence replaces a regex search per kind, which scans every character in Python's re."""
    cues = dict(lexicon.section_cue_automaton().values())  # a phrase listed twice keeps its last list
    words = (set(cues) | set(lexicon.past_tense_forms()) | set(_MODALS) | set(_AUXILIARIES)
             | set(lexicon.unnamed_voice_words()))
    return lexicon.phrase_automaton(
        (word, _Word(cue=cues.get(word), cue_reported=f"{cues[word]}:reported" if word in cues else None,
                     cue_phrase=f"cue={word}" if word in cues else None,
                     auxiliary=f"aux={word}" if word in _AUXILIARIES else None,
                     past_tense=word in lexicon.past_tense_forms(), modal=word in _MODALS,
                     voice_noun=word in lexicon.unnamed_voice_words()))
        for word in words)


def sentence_features(text: str, evidence: Evidence) -> dict[str, float]:
    """The named evidence of one sentence, on its own: feature name → value (absent means 0)."""
    lowered = text.lower()
    features: dict[str, float] = {}  # most features fire once: set to 1.0; counts are added up
    get = features.get

    # One pass finds every phrase anywhere, also inside words; the tests below keep whole words.
    # Cues stop at letters, digits, '-' and '_'; the past tense forms and modals, as in the
    # regular expressions they replace, at \w (letters, digits and '_').
    padded = f" {lowered} "  # every phrase has a character on either side
    seen: dict[str, int] = {}
    reported_from = None if evidence.reported_from is None else evidence.reported_from + 1  # in padded
    past_tense = modal_future = would_have = voice_noun = False
    for last, (phrase, word) in _word_automaton().iter(padded):
        before, after = padded[last - len(phrase)], padded[last + 1]
        voice_noun = voice_noun or word.voice_noun  # anywhere, as may_contain() would find it
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        if word.cue and before != "-" and after != "-":
            seen[phrase] = seen.get(phrase, 0) + 1
            if seen[phrase] <= 2:  # a cue repeated in one sentence counts twice at most
                # In "Lavrov said Russia had promoted a solution" what the speaker says is news or
                # history only as the speaker tells it: cues of the reported clause are their own features.
                reported = reported_from is not None and last - len(phrase) >= reported_from
                name = word.cue_reported if reported else word.cue
                features[name] = get(name, 0.0) + 1.0
                features[word.cue_phrase] = get(word.cue_phrase, 0.0) + 1.0  # each phrase too: their weights differ
        if word.auxiliary:
            features[word.auxiliary] = 1.0
        past_tense = past_tense or word.past_tense
        if word.modal:
            # 'would have' looks back on what did not happen
            if padded[last + 1:last + 6] == " have":
                would_have = True
            else:
                modal_future = True
    speaks = evidence.party_voice or evidence.person_voice
    if evidence.party_voice:
        features["voice:party"] = 1.0
    if evidence.person_voice:
        features["voice:person"] = 1.0
    if evidence.reporting and not speaks:
        features["reporting:unvoiced"] = 1.0
    if (speaks or evidence.reporting) and evidence.stance:
        features[f"stance:{evidence.stance}"] = 1.0
        if evidence.stance in _EVALUATIVE_STANCES:
            features["stance:evaluative"] = 1.0
    if evidence.reporting_verb:
        base = lexicon.reporting_verbs().get(evidence.reporting_verb, (evidence.reporting_verb,))[0]
        features[f"verb={base}"] = 1.0
        head = evidence.reporting_verb.split(" ")[0]
        features["verb_tense:present" if head == base.split(" ")[0] or head.endswith("s")
                 else "verb_tense:gerund" if head.endswith("ing") else "verb_tense:past"] = 1.0
    if evidence.quoted:
        features["quoted"] = 1.0
    elif evidence.partly_quoted:
        features["partly_quoted"] = 1.0
    if evidence.sets_terms:
        features["sets_terms"] = 1.0
    # Each search below runs only when the sentence has the words or digits it needs: most have none.
    opening = text[:60]
    # A commentator noun in the opening is in the sentence's lower case, where the word pass found
    # it, unless it is spelt with a non-ASCII letter that re.IGNORECASE equates with an ASCII one.
    # ("Analysts say …"; not "Like other critics, Boehner said …", where a named person speaks)
    if (not evidence.quoted and not evidence.person_voice
            and (voice_noun or not opening.isascii() and lexicon.may_contain(opening, lexicon.unnamed_voice_words()))
            and lexicon.unnamed_voice_pattern().search(opening)):
        features["commentators_open"] = 1.0
    perfect = "had " in lowered and _PAST_PERFECT.search(lowered)
    if perfect:
        if evidence.reporting:
            # after a reporting verb the past perfect is often only backshift ("Lavrov said
            # Russia had promoted a solution")
            features["past_perfect:reported"] = 1.0
        elif _SUBORDINATE_BEFORE.search(lowered, max(0, perfect.start() - 40), perfect.start()):
            # "Cubans who had been convicted … were sent home": the main clause may still be news
            features["past_perfect:subordinate"] = 1.0
        else:
            features["past_perfect"] = 1.0
    # A year starts with 1 or 2: two one-character `in` tests are far quicker than any regex search.
    has_year = ("1" in lowered or "2" in lowered) and _YEAR_DIGITS.search(lowered)
    for year in _YEAR.findall(lowered) if has_year else ():
        name = ("year:undated_article" if evidence.article_year is None
                else "year:earlier" if int(year) < evidence.article_year else "year:same_or_later")
        features[name] = get(name, 0.0) + 1.0
    if not has_year and _MONTH_ALONE.search(lowered):
        features["month_alone"] = 1.0
    for days in evidence.days_from_article:
        name = "date:earlier" if days < -7 else "date:past_week" if days <= 0 else "date:later"
        features[name] = get(name, 0.0) + 1.0
    if modal_future:
        features["modal"] = 1.0
        if " be " in lowered and _FUTURE_PASSIVE.search(lowered):
            features["modal:passive"] = 1.0  # "will be paid", "would be allowed": terms set, more than a forecast
        if " for " in lowered and _TERM_DURATION.search(lowered):
            features["modal:term_duration"] = 1.0
    elif past_tense:
        features["past_tense"] = 1.0
    if would_have:
        features["modal:would_have"] = 1.0
    if text.rstrip().rstrip("\"'”’").endswith("?"):
        features["question"] = 1.0
    first = lowered.lstrip(_OPENING_MARKS).split(" ", 1)[0].rstrip(_AFTER_FIRST_WORD)
    if first in _OPENING_WORDS:
        features[f"opens={first}"] = 1.0
    # words ending in -ed (three scans in C are quicker than one regular expression in Python's re)
    regular_past = padded.count("ed ") + padded.count("ed,") + padded.count("ed.")
    if regular_past:
        features["regular_past"] = min(3, regular_past)
    words = lowered.count(" ") + 1
    if words <= 10:
        features["length:short"] = 1.0
    elif words >= 35:
        features["length:long"] = 1.0
    if "%" in text or "$" in text or " percent" in lowered or " pct" in lowered or "illion" in lowered:
        features["figures"] = 1.0
    # The inverted pyramid: news comes first, context further down.
    if evidence.position:
        features["position"] = evidence.position
    if evidence.index == 0:
        features["first_sentence"] = 1.0
    elif evidence.position < 0.2:
        features["position:top"] = 1.0
    elif evidence.position > 0.5:
        features["position:bottom"] = 1.0
    if evidence.paragraph_start:
        features["paragraph_start"] = 1.0
    return features


# The evidence of the sentences either side that travels: a quote or a voice runs on over
# sentences, and background comes in runs.
_CONTEXT_FEATURES = ("voice:party", "voice:person", "reporting:unvoiced", "quoted", "partly_quoted",
                     "past_perfect", "year:earlier", "date:earlier", "date:past_week", "modal", "past_tense",
                     "cue:development:strong", "cue:background:strong", "cue:position:strong", "cue:outlook:strong")


_CONTEXT_SET = frozenset(_CONTEXT_FEATURES)
_NEIGHBOUR_NAMES = (("prev", -1, {name: f"prev:{name}" for name in _CONTEXT_FEATURES}),
                    ("next", 1, {name: f"next:{name}" for name in _CONTEXT_FEATURES}))


def article_features(texts: list[str], evidences: list[Evidence]) -> list[dict[str, float]]:
    """The features of every sentence of an article, each with those of its neighbours."""
    own = [sentence_features(text, evidence) for text, evidence in zip(texts, evidences)]
    features = []
    for number, sentence in enumerate(own):
        combined = dict(sentence)
        for prefix, step, names in _NEIGHBOUR_NAMES:
            neighbour = number + step
            if 0 <= neighbour < len(own):
                evidence = own[neighbour]
                for name, prefixed in names.items():
                    value = evidence.get(name)
                    if value is not None:
                        combined[prefixed] = value
            else:
                combined[f"{prefix}:none"] = 1.0
        features.append(combined)
    return features


@dataclass(frozen=True, kw_only=True)
class SectionModel:
    """A multinomial linear model: one weight per feature and section, and one intercept per section."""

    sections: tuple[str, ...]  # ties go to the earlier one
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature name → one weight per section

    def scores(self, features: dict[str, float]) -> list[float]:
        # Four running sums rather than a loop over the sections: this runs for every sentence.
        development, background, position, outlook = self.intercepts
        weights = self.weights
        for name, value in features.items():
            row = weights.get(name)
            if row is not None:
                development += row[0] * value
                background += row[1] * value
                position += row[2] * value
                outlook += row[3] * value
        return [development, background, position, outlook]

    def predict(self, features: dict[str, float]) -> str:
        return self.best(self.scores(features))

    def best(self, scores) -> str:
        """The section with the highest score; a tie goes to the earlier section."""
        return self.sections[max(range(len(scores)), key=scores.__getitem__)]

    @classmethod
    def from_json(cls, document: dict) -> SectionModel:
        sections = tuple(document["sections"])
        if sections != SECTIONS:
            raise ValueError(f"{MODEL_FILE}: sections must be {list(SECTIONS)}, in that order")
        weights = {name: tuple(float(w) for w in row) for name, row in document["weights"].items()}
        if len(document["intercepts"]) != len(sections) or any(len(row) != len(sections) for row in weights.values()):
            raise ValueError(f"{MODEL_FILE}: every weight row needs one number per section {sections}")
        return cls(sections=sections, intercepts=tuple(float(w) for w in document["intercepts"]), weights=weights)


@cache
def model() -> SectionModel:
    """The trained model in generator/data/section_model.json."""
    text = resources.files("generator").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return SectionModel.from_json(json.loads(text))


def classify_article(texts: list[str], evidences: list[Evidence]) -> list[str]:
    """The section of every sentence of an article, in order: what predict() makes of
    article_features(), without copying each sentence's features into a dict of its own."""
    section_model = model()
    weights = section_model.weights
    own = [sentence_features(text, evidence) for text, evidence in zip(texts, evidences)]
    # Per side: the weight rows of the neighbour's features that have any, and of having no neighbour.
    sides = [(step, {name: weights[prefixed] for name, prefixed in names.items() if prefixed in weights},
              weights.get(f"{prefix}:none")) for prefix, step, names in _NEIGHBOUR_NAMES]
    shared = [features.keys() & _CONTEXT_SET for features in own]  # what each sentence lends its neighbours
    sections = []
    for number, features in enumerate(own):
        development, background, position, outlook = section_model.scores(features)
        for step, rows, no_neighbour in sides:
            neighbour = number + step
            if 0 <= neighbour < len(own):
                evidence = own[neighbour]
                for name in shared[neighbour]:
                    row = rows.get(name)
                    if row is not None:
                        value = evidence[name]
                        development += row[0] * value
                        background += row[1] * value
                        position += row[2] * value
                        outlook += row[3] * value
            elif no_neighbour is not None:
                development += no_neighbour[0]
                background += no_neighbour[1]
                position += no_neighbour[2]
                outlook += no_neighbour[3]
        sections.append(section_model.best((development, background, position, outlook)))
    return sections
