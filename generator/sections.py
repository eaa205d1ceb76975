"""Sorting sentences into development / background / position / outlook.

A transparent scorer: cue vocabulary from generator/data/sections.yml plus
grammatical evidence (attribution to a party, quotation, perfect and past
perfect aspect, modality, explicit years). The highest score wins; with no
evidence a sentence is news, i.e. `development`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

_PAST_PERFECT = re.compile(r"\bhad (?:been |long |previously |already )?\w+(?:ed|en|wn|ght|id)\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = re.compile(rf"\b(?:in|since|until|by|from|of|during|after|before) (?:(?:early|late|mid-?)\s*)?"
                   rf"(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(1[89]\d\d|20\d\d)\b")
_MODALS = ("will", "would", "could", "may", "might", "shall")
_MODAL_FUTURE = re.compile(rf"\b(?:{'|'.join(_MODALS)})\b(?! have)")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")  # the year _YEAR needs: a quick search rules most sentences out


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What attribution found in a sentence, as the classifier needs it."""

    party_voice: bool  # a state, organisation or person speaking for one is the subject
    person_voice: bool  # a named person (or a pronoun resolved to one) is the subject of a reporting verb
    reporting: bool  # a reporting verb is used as a verb outside quotes, whoever its subject
    quoted: bool  # the sentence is mostly inside a direct quotation
    sets_terms: bool = False  # a binding text (agreement, law) is the subject of a reporting verb
    article_year: int | None
    position: float = 0.0  # where the sentence stands in the article, 0 (lede) to 1 (last)


def score(text: str, evidence: Evidence) -> dict[str, float]:
    lowered = text.lower()
    scores = {"development": 0.5, "background": 0.0, "position": 0.0, "outlook": 0.0}
    seen: dict[tuple[str, str], int] = {}
    for first, stop, (section, weight) in lexicon.phrase_matches(lexicon.section_cue_automaton(), lowered,
                                                                   overlapping=True):
        key = (section, lowered[first:stop])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= 2:  # a cue repeated in one sentence counts twice at most
            scores[section] += weight
    if evidence.party_voice or evidence.person_voice:
        scores["position"] += 4.0
    elif evidence.reporting:
        scores["position"] += 2.0
    if evidence.quoted:
        scores["position"] += 3.0
    if evidence.sets_terms:
        scores["development"] += 2.5
    # Each search runs only when the sentence has the words or digits it needs: most have none.
    opening = text[:60]
    if (not evidence.quoted and lexicon.may_contain(opening, lexicon.unnamed_voice_words())
            and lexicon.unnamed_voice_pattern().search(opening)):
        scores["position"] -= 2.0
    if not evidence.reporting and "had " in lowered and _PAST_PERFECT.search(lowered):
        # after a reporting verb the past perfect is only backshift ("Lavrov said Russia had
        # promoted a solution"): the sentence reports a stance, not earlier history
        scores["background"] += 1.5
    for year in _YEAR.findall(lowered) if _YEAR_DIGITS.search(lowered) else ():
        if evidence.article_year is None or int(year) < evidence.article_year:
            scores["background"] += 2.0
    if any(modal in lowered for modal in _MODALS) and _MODAL_FUTURE.search(lowered):
        scores["outlook"] += 0.5
    elif lexicon.past_tense_pattern().search(lowered):
        # "fell short of expectations", "began at a breakthrough summit": outlook words in a
        # sentence about what already happened describe it, they do not look ahead
        scores["outlook"] *= 0.5
    # The inverted pyramid: news comes first, context further down.
    if evidence.position < 0.2:
        scores["development"] += 1.0
    elif evidence.position > 0.5:
        scores["background"] += 0.75
    return scores


def classify(text: str, evidence: Evidence) -> str:
    scores = score(text, evidence)
    # Ties go to the order below: news first, then stance, then prospects, then context.
    return max(("development", "position", "outlook", "background"), key=scores.__getitem__)
