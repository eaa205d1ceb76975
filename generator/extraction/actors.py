"""Mentions of states and organisations, found with the gazetteer automaton."""
from __future__ import annotations

from typing import NamedTuple

from .. import lexicon


class Mention(NamedTuple):
    """An actor named in a text: tens are made per article, and a NamedTuple is made several
    times faster than a frozen dataclass (whose __init__ sets each field through object.__setattr__)."""

    start: int
    end: int
    code: str
    kind: str  # name, demonym, capital, metonym, organisation
    form: str


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Leftmost-longest actor mentions on word boundaries, in text order."""
    mentions: list[Mention] = []
    for first, stop, form in lexicon.phrase_matches(lexicon.actor_automaton(), text, start, end):
        if form.code is None or (form.ambiguous and _part_of_a_name(text, first, stop)):
            continue  # an outlet or non-actor phrase, or 'Washington' in 'George Washington'
        mentions.append(Mention(start=first, end=stop, code=form.code, kind=form.kind, form=form.form))
    return mentions


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """'George Washington', 'Washington Post', 'Jordan Peterson': a capitalised word touches it."""
    after = text[end:end + 2]
    before = text[max(0, start - 2):start]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return True
    if before.endswith(" ") and start >= 2:
        word_start = text.rfind(" ", 0, start - 1) + 1
        previous = text[word_start:start - 1]
        if previous[:1].isupper() and previous.isalpha() and previous not in lexicon.not_names():
            return True
    return False
