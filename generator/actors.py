"""Mentions of states and organisations, found with the gazetteer automaton."""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon


@dataclass(frozen=True, kw_only=True)
class Mention:
    start: int
    end: int
    code: str
    kind: str  # name, demonym, capital, metonym, organisation
    form: str


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Leftmost-longest actor mentions on word boundaries, in text order."""
    end = len(text) if end is None else end
    if end <= start:
        return []
    candidates = []
    for last, form in lexicon.actor_automaton().iter(text, start, end):
        first = last - len(form.form) + 1
        before = text[first - 1] if first > 0 else " "
        after = text[last + 1] if last + 1 < len(text) else " "
        if _is_word_char(before) or (_is_word_char(after) and form.form[-1].isalnum()):
            continue
        candidates.append((first, last + 1, form))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    mentions: list[Mention] = []
    taken_until = start
    for first, stop, form in candidates:
        if first < taken_until:
            continue
        taken_until = stop
        if form.code is None or (form.ambiguous and _part_of_a_name(text, first, stop)):
            continue
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
