"""Sorting sentences into development / background / position / outlook.

A transparent scorer: cue vocabulary from generator/data/sections.yml plus
grammatical evidence (attribution to a party, quotation, perfect and past
perfect aspect, modality, explicit years). The highest score wins; with no
evidence a sentence is news, i.e. `development`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from . import lexicon

_PAST_PERFECT = re.compile(r"\bhad (?:been |long |previously |already )?\w+(?:ed|en|wn|ght|id)\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = re.compile(rf"\b(?:in|since|until|by|from|of|during|after|before) (?:(?:early|late|mid-?)\s*)?"
                   rf"(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(1[89]\d\d|20\d\d)\b")
# A month named without a day ("in June", "since last August"): news names the days of its own
# week; a month alone places an event before this news cycle. Only with no year: _YEAR decides those.
_MONTH_ALONE = re.compile(rf"\b(?:in|since|during) (?:(?:early|late|mid-?|last)\s*)?(?:{_MONTHS})\b(?!\s*\d)")
_MODALS = lexicon.grammar()["modals"]
# A subordinate clause opening a few words before: "who had been", "when two Americans had returned".
_SUBORDINATE_BEFORE = re.compile(rf"\b(?:{'|'.join(lexicon.grammar()['subordinators'])})\b(?:\s+\S+){{0,3}}\s+$")
# A stated duration ("for 10 years", "for up to five months"): with "will", a term that has been
# set ("The embargo will stand for five years"), which is news, not a forecast.
_TERM_DURATION = re.compile(rf"\bfor (?:up to |at least )?(?:\d+|{'|'.join(lexicon.grammar()['number_words'])})"
                            r"[ -](?:year|month|decade|week)s?\b")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")  # the year _YEAR needs: a quick search rules most sentences out


_EVALUATIVE_STANCES = frozenset(lexicon.load("reporting.yml")["evaluative_stances"])


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What attribution found in a sentence, as the classifier needs it."""

    party_voice: bool  # a state, organisation or person speaking for one is the subject
    person_voice: bool  # a named person (or a pronoun resolved to one) is the subject of a reporting verb
    reporting: bool  # a reporting verb is used as a verb outside quotes, whoever its subject
    quoted: bool  # the sentence is mostly inside a direct quotation
    sets_terms: bool = False  # a binding text (agreement, law) is the subject of a reporting verb
    stance: str | None = None  # the voice's stance class (reporting.yml), when a party or person speaks
    article_year: int | None
    reported_from: int | None = None  # offset in the sentence after a voiced reporting verb: the reported clause
    position: float = 0.0  # where the sentence stands in the article, 0 (lede) to 1 (last)


@dataclass(frozen=True, slots=True)
class _Word:
    """What a phrase of the word pass stands for: a cue, and the grammar it signals."""

    cue: tuple[str, float] | None  # (section, weight) of a sections.yml cue phrase
    past_tense: bool = False  # a sections.yml past_tense form
    modal: bool = False  # one of _MODALS
    voice_noun: bool = False  # a commentator noun of unnamed_voice_pattern()


@cache
def _word_automaton() -> ahocorasick.Automaton:
    """Cue phrases, past tense forms, modals and commentator nouns in one automaton: one pass of
    it over a sentence replaces a regex search per kind, which scans every character in Python's re."""
    cues = dict(lexicon.section_cue_automaton().values())  # a phrase listed twice has its last weight
    words = set(cues) | set(lexicon.past_tense_forms()) | set(_MODALS) | set(lexicon.unnamed_voice_words())
    return lexicon.phrase_automaton(
        (word, _Word(cue=cues.get(word), past_tense=word in lexicon.past_tense_forms(), modal=word in _MODALS,
                     voice_noun=word in lexicon.unnamed_voice_words()))
        for word in words)


# In "Lavrov said Russia had promoted a solution" or "Yeutter said ministers have reached a
# deal", what the speaker says is news or history only as the speaker tells it: after a
# voiced reporting verb, cues for those two count half.
_REPORTED_CLAUSE_WEIGHT = 0.5
_TOLD_SECTIONS = frozenset({"development", "background"})


def score(text: str, evidence: Evidence) -> dict[str, float]:
    lowered = text.lower()
    scores = {"development": 0.5, "background": 0.0, "position": 0.0, "outlook": 0.0}
    # One pass finds every phrase anywhere, also inside words; the tests below keep whole words.
    # Cues stop at letters, digits, '-' and '_'; the past tense forms and modals, as in the
    # regular expressions they replace, at \w (letters, digits and '_').
    padded = f" {lowered} "  # every phrase has a character on either side
    seen: dict[str, int] = {}
    reported_from = None if evidence.reported_from is None else evidence.reported_from + 1  # in padded
    past_tense = modal_future = voice_noun = False
    for last, (phrase, word) in _word_automaton().iter(padded):
        before, after = padded[last - len(phrase)], padded[last + 1]
        voice_noun = voice_noun or word.voice_noun  # anywhere, as may_contain() would find it
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        if word.cue and before != "-" and after != "-":
            seen[phrase] = seen.get(phrase, 0) + 1
            if seen[phrase] <= 2:  # a cue repeated in one sentence counts twice at most
                section, weight = word.cue
                if reported_from is not None and last - len(phrase) >= reported_from and section in _TOLD_SECTIONS:
                    weight *= _REPORTED_CLAUSE_WEIGHT
                scores[section] += weight
        past_tense = past_tense or word.past_tense
        # 'would have' looks back on what did not happen
        modal_future = modal_future or word.modal and padded[last + 1:last + 6] != " have"
    if evidence.party_voice or evidence.person_voice:
        scores["position"] += 4.0
        if evidence.stance in _EVALUATIVE_STANCES:
            scores["position"] += 2.0  # "praised the deal on Tuesday": a judgement, whatever else it tells
    elif evidence.reporting:
        scores["position"] += 2.0
        if evidence.stance in _EVALUATIVE_STANCES:
            scores["position"] += 2.0  # "Anti-Castro Republicans attacked the announcement": a judgement
    if evidence.quoted:
        scores["position"] += 3.0
    if evidence.sets_terms:
        scores["development"] += 2.5
    # Each search below runs only when the sentence has the words or digits it needs: most have none.
    opening = text[:60]
    # A commentator noun in the opening is in the sentence's lower case, where the word pass found
    # it, unless it is spelt with a non-ASCII letter that re.IGNORECASE equates with an ASCII one.
    # ("Analysts say …"; not "Like other critics, Boehner said …", where a named person speaks)
    if (not evidence.quoted and not evidence.person_voice
            and (voice_noun or not opening.isascii() and lexicon.may_contain(opening, lexicon.unnamed_voice_words()))
            and lexicon.unnamed_voice_pattern().search(opening)):
        scores["position"] -= 2.0
    perfect = not evidence.reporting and "had " in lowered and _PAST_PERFECT.search(lowered)
    if perfect and not _SUBORDINATE_BEFORE.search(lowered, max(0, perfect.start() - 40), perfect.start()):
        # after a reporting verb the past perfect is only backshift ("Lavrov said Russia had
        # promoted a solution"): the sentence reports a stance, not earlier history; nor does it
        # make the news of the main clause history in "Cubans who had been convicted … were sent home"
        scores["background"] += 1.5
    # A year starts with 1 or 2: two one-character `in` tests are far quicker than any regex search.
    has_year = ("1" in lowered or "2" in lowered) and _YEAR_DIGITS.search(lowered)
    for year in _YEAR.findall(lowered) if has_year else ():
        if evidence.article_year is None or int(year) < evidence.article_year:
            scores["background"] += 2.0
    if not has_year and _MONTH_ALONE.search(lowered) and not modal_future:
        scores["background"] += 1.0
    if modal_future:
        scores["outlook"] += 0.5
        if " for " in lowered and _TERM_DURATION.search(lowered):
            scores["development"] += 1.5
    elif past_tense:
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
