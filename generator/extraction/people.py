"""People named in an article, with their roles and the actor they speak for.

People are found where the text introduces them with a role ("Iranian Foreign
Minister Abbas Araghchi", "Yukiya Amano, the chief of the IAEA"), or by a
name known from generator/data/people.yml. Later mentions by surname, by
pronoun or by role ("the Turkish leader") are resolved to the last person
that fits, in text order.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import ahocorasick

from .. import lexicon
from .actors import Mention, find_mentions
from ..model import Person

# A capitalised word, which may have one more capital inside ("McKeon", "DeSantis", "O'Brien").
_NAME_TOKEN = (rf"(?:(?:{'|'.join(lexicon.roles()['name_particles'])})[- ])?"
               r"(?:[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z]?[a-zà-ÿ]+)?|[A-Z]\.)")
_NAME_PARTICLES = frozenset(lexicon.roles()["name_particles"])
_NAME = rf"{_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,4}}"
# Every character _NAME can match (keep the two in step): the appositive search relies on it.
_NAME_CHARACTERS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                    + "".join(map(chr, range(ord("à"), ord("ÿ") + 1))) + "'’.- ")


@cache
def _role_pattern() -> re.Pattern:
    data = lexicon.roles()
    heads = lexicon.longest_first_alternation(data["heads"])
    any_case_heads = lexicon.longest_first_alternation(data["heads"] + [h.lower() for h in data["government_roles"]])
    mod = "(?:" + lexicon.longest_first_alternation(data["modifiers"]) + ")"
    # "Secretary of State", "Minister for Foreign Affairs", "Deputy Secretary of Fisheries": a listed
    # department, else one capitalised word, so that the name after it keeps all its words
    departments = lexicon.longest_first_alternation(data["departments"])
    tail = rf"(?: (?:of|for) (?:{departments}|(?:the )?[A-Z][a-z]+)(?=[ ,]))?"
    role = rf"(?:{mod}(?: and {mod})? ){{0,4}}(?:{any_case_heads})(?: (?:{heads}))?{tail}"
    return re.compile(rf"\b(?P<role>{role}),? (?P<name>{_NAME})")


@cache
def _appositive_role() -> str:
    """The part of _appositive_pattern() from the comma after the name to the role's end."""
    head = "(?:" + lexicon.longest_first_alternation(lexicon.roles()["follow_ups"]) + ")"
    # the role ends the appositive: not "Europe, the general approach"
    return (rf", (?:the |a |an |its |his |her )?(?:[\w.'’-]+ ){{0,4}}?(?P<role>{head})\b"
            r"(?=[,.;:)]|\s+(?:of|at|for|in|with|to)\s|\s*$)")


@cache
def _appositive_role_pattern() -> re.Pattern:
    """_appositive_role() alone: it opens with the literal ", ", which the engine skips to in C."""
    return re.compile(_appositive_role())


@cache
def _appositive_pattern() -> re.Pattern:
    return re.compile(
        rf"\b(?P<name>{_NAME}){_appositive_role()}"
        r"(?: (?:of|at|for) (?:the )?(?P<org>[A-Z][\w.-]*(?: (?:of |for |and )?[A-Z][\w.-]*){0,6}))?"
    )


@cache
def _lower_role_pattern() -> re.Pattern:
    """'the North Korean foreign minister, Ri Yong Ho,': a lower-case role, then the name."""
    head = "(?:" + lexicon.longest_first_alternation(lexicon.roles()["follow_ups"]) + ")"
    return re.compile(rf"(?:\b(?:the|its|their|his|her)|'s|’s) (?:[\w.-]+ ){{0,3}}?(?P<role>{head}), (?P<name>{_NAME}),")


# The characters of the words _lower_role_then_name_pattern() allows before the role's head.
_LOWER_ROLE_WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def _lower_role_then_name_pattern() -> re.Pattern:
    """'Pentagon spokesman Fred Hoffmann', 'Iranian foreign minister Ali Velayati', 'spokeswoman
    Rosa Vela': a lower-case role, maybe right after an actor's name, then the name."""
    head = "(?:" + lexicon.longest_first_alternation(lexicon.roles()["follow_ups"]) + ")"
    return re.compile(rf"(?<= )(?P<role>(?:[{_LOWER_ROLE_WORD_CHARACTERS}]+ ){{0,2}}?{head}),? (?P<name>{_NAME})")


@cache
def _lower_role_then_name_head_pattern() -> re.Pattern:
    """The role's head and the name of _lower_role_then_name_pattern(), after the space before the
    head: it opens with that space, which the engine skips to in C."""
    head = "(?:" + lexicon.longest_first_alternation(lexicon.roles()["follow_ups"]) + ")"
    return re.compile(rf" {head},? {_NAME}")


@cache
def _adjective_heads() -> frozenset[str]:
    return frozenset(lexicon.roles()["adjective_heads"])


JOURNALIST = "journalist"  # the role of a reporter named by their outlet: a narrator, not a party


@cache
def _journalist_pattern() -> re.Pattern:
    """"NPR's Emily Harris", "CNN's Nick Paton Walsh": a reporter, named with the outlet's possessive."""
    return re.compile(rf"(?:{lexicon.outlet_pattern().pattern})(?:'s|’s) (?P<name>{_NAME})")


class PersonMention(NamedTuple):
    """A person named in a text; a NamedTuple, as actors.Mention is, for speed."""

    start: int
    end: int
    person: Person


@dataclass(frozen=True, kw_only=True)
class KnownPerson:
    name: str
    actor: str | None
    role: str | None
    forms: tuple[str, ...]


@cache
def known_people() -> dict[str, KnownPerson]:
    """Form as written (full name or alias) → known person, from people.yml."""
    table: dict[str, KnownPerson] = {}
    for name, entry in (lexicon.load("people.yml") or {}).items():
        entry = entry or {}
        forms = (name, *entry.get("aliases", ()))
        person = KnownPerson(name=name, actor=entry.get("actor"), role=entry.get("role"), forms=forms)
        for form in forms:
            table.setdefault(form, person)
    return table


@cache
def known_surnames() -> dict[str, str | None]:
    """Surname → the actor all known people of that surname speak for (None when they differ).

    'Mr. Obama' alone then still speaks for the USA, and so does 'Bush', whichever Bush."""
    actors: dict[str, set] = {}
    for person in known_people().values():
        actors.setdefault(person.name.split()[-1], set()).add(person.actor)
    return {name: next(iter(codes)) if len(codes) == 1 else None for name, codes in actors.items()}


def surname(name: str) -> str:
    return name.split()[-1]


@cache
def _not_name_words() -> frozenset[str]:
    data = lexicon.roles()
    words = set(data["honorifics"]) | {w for phrase in data["heads"] + data["modifiers"] for w in phrase.split()}
    words |= {head + "s" for head in data["heads"]}  # "U.S. Officials said": a role in the plural is no name either
    return lexicon.not_names() | frozenset(words)


def _clean_name(name: str) -> str | None:
    """Drop leading/trailing words that cannot be part of a name.

    A possessive splits the run: in "NPR's Emily Harris" the name follows it,
    in "Netanyahu's Likud" it precedes it."""
    words = name.split()
    for n, word in enumerate(words):
        if word.endswith(("'s", "’s")):
            after, before = words[n + 1:], words[:n] + [word[:-2]]
            words = after if len(after) >= 2 else before
            break
    blocked = _not_name_words()
    while words and (words[0] in blocked or lexicon.actor_automaton().exists(words[0])):
        words.pop(0)
    while words and (words[-1] in blocked or lexicon.actor_automaton().exists(words[-1])):
        words.pop()
    if not words or any(w in blocked for w in words) or any(_is_compound_modifier(w) for w in words):
        return None
    return " ".join(words)


_COMPOUND_PREFIXES = frozenset(lexicon.grammar()["compound_prefixes"])


def _is_compound_modifier(word: str) -> bool:
    """'Anti-Castro', 'Pro-Kremlin': a prefix and a name make an adjective, not a name."""
    prefix, hyphen, _ = word.partition("-")
    return bool(hyphen) and prefix.lower() in _COMPOUND_PREFIXES


def family_names(person: Person) -> list[str]:
    """The words a person is referred back to by: the surname, also without its particle
    ("Nouri al-Maliki" is "Maliki" and "Al-Maliki" later); for names written family name
    first ("Kim Jong-un", "Ri Yong-ho") and for names with a patronymic ("Abdullah bin
    Zayed", who is "Sheikh Abdullah" later) the first word too."""
    words = person.name.split()
    keys = [words[-1]]
    bare = without_particle(words[-1])
    if bare != words[-1]:
        keys.append(bare)
    if len(words) > 2 and any(word in _PATRONYMIC_PARTICLES for word in words[1:-1]):
        keys.append(words[0])
    # Korean romanisation writes the given name hyphenated last ("Ban Ki-moon"), whatever
    # the person's actor, so that form tells the order too.
    korean_given_name = re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]) is not None
    if len(words) > 1 and (person.actor in lexicon.roles()["family_name_first"] or korean_given_name):
        keys.append(words[0])
    return keys


_PATRONYMIC_PARTICLES = frozenset(lexicon.roles()["patronymic_particles"])


def without_particle(word: str) -> str:
    """A surname without the particle that opens it, in either case: "al-Maliki", "Al-Maliki",
    "el-Sissi" → "Maliki", "Sissi"; other words as they are."""
    prefix, hyphen, rest = word.partition("-")
    if hyphen and prefix.lower() in _NAME_PARTICLES and rest[:1].isupper():
        return rest
    return word


def _one_holds_the_other(words: list[str], other: list[str]) -> bool:
    return set(words) <= set(other) or set(other) <= set(words)


@dataclass
class PeopleIndex:
    """The people of one article, in the order they were introduced."""

    by_surname: dict[str, Person] = field(default_factory=dict)
    order: list[Person] = field(default_factory=list)

    def add(self, person: Person) -> Person:
        if person.actor is None and len(person.name.split()) == 1:  # "Mr. Obama": a bare surname
            person = Person(name=person.name, role=person.role,
                            actor=known_surnames().get(person.name.split()[-1]))
        known = self.get(person.name)
        if known:
            person = Person(name=person.name if len(person.name) > len(known.name) else known.name,
                            role=known.role or person.role, actor=known.actor or person.actor)
        if legislative_role(person.role):
            # the first role the text gives: "Sen. Marco Rubio" speaks for no state, whatever post people.yml knows him in
            person = Person(name=person.name, role=person.role, actor=None)
        if known:
            for key, value in list(self.by_surname.items()):
                if value is known:
                    self.by_surname[key] = person
            for key in family_names(person):
                self.by_surname[key] = person
            self.order = [person if p is known else p for p in self.order]
            return person
        for key in family_names(person):
            self.by_surname.setdefault(key, person)
        self.order.append(person)
        return person

    def get(self, name: str) -> Person | None:
        words = name.split()
        found = self.by_surname.get(words[-1]) or self.by_surname.get(without_particle(words[-1]))
        if found is None and len(words) > 1:
            # "Kim Min-su" is not "Kim Jong Un": a full name found by its first word is that person
            # only when one name holds the other's words ("Ri Yong Ho" and "Ri")
            found = self.by_surname.get(words[0])
            if found is not None and not _one_holds_the_other(words, found.name.split()):
                found = None
        return found

    def people(self) -> tuple[Person, ...]:
        return tuple(self.order)


class _ActorMentions:
    """An article's actor mentions as find_mentions() gives them, in text order and not
    overlapping (so their ends are in order too), looked up by bisection."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions
        self.ends = [mention.end for mention in mentions]

    def actor_before(self, start: int) -> str | None:
        """The actor written just before a role: "Iranian Foreign Minister", "Japan's Prime Minister"."""
        number = bisect.bisect_right(self.ends, start) - 1  # the last mention ending by start
        if number < 0:
            return None
        mention = self.mentions[number]
        return mention.code if self.text[mention.end:start] in ("", " ", "'s ", "’s ") else None

    def body_actor_before(self, start: int) -> str | None:
        """The actor of a state body written just before a role, the body's words in lower case:
        "the Indian foreign ministry's spokesman", "Chinese commerce ministry spokesman"."""
        number = bisect.bisect_right(self.ends, start) - 1
        if number < 0:
            return None
        mention = self.mentions[number]
        return mention.code if _BODY_GAP.fullmatch(self.text, mention.end, start) else None

    def first_in(self, start: int, end: int) -> str | None:
        """The actor of the first mention inside text[start:end]."""
        number = bisect.bisect_right(self.ends, start)  # the first mention ending after start
        while number < len(self.mentions) and self.mentions[number].start < start:
            number += 1
        if number < len(self.mentions) and self.mentions[number].end <= end:
            return self.mentions[number].code
        return None

    def actor_in(self, start: int, end: int) -> str | None:
        """The actor of the last mention inside text[start:end]."""
        number = bisect.bisect_right(self.ends, end) - 1  # the last mention ending by end
        if number < 0 or self.mentions[number].start < start:
            return None
        return self.mentions[number].code


# Between a state's name and a role: up to two lower-case words naming one of its bodies ("foreign
# ministry", "state news agency"), maybe with a possessive; no determiner, preposition or conjunction
# ("Iran and the spokesman" is no body of Iran's).
_BODY_GAP = re.compile(rf"(?:['’]s)?(?: (?!(?:{'|'.join(lexicon.grammar()['noun_markers'] + lexicon.grammar()['appositive_prepositions'])}"
                       r"|and|or|but)\b)[a-z]+){0,2}(?:['’]s)? ")


def _org_actor(org: str | None) -> str | None:
    if not org:
        return None
    found = find_mentions(org)
    return found[0].code if found else None


@cache
def _phrase_automaton() -> ahocorasick.Automaton:
    """Known people's names and the person patterns' cues, in one automaton: an article is
    searched for both in one pass, which costs as much as a pass for either.

    A phrase's payload is (phrase, (the known person's form or None, the patterns it cues)).
    The cues are strings that every match of a person pattern contains: trying the long
    role alternations at every character is slow, and a sentence with none of a
    pattern's cues is not searched with it."""
    roles = lexicon.roles()
    # Patterns are named by their (cached) functions: hashing a compiled pattern is slow.
    cues: dict[str, set] = {}
    for head in roles["heads"] + [role.lower() for role in roles["government_roles"]]:
        cues.setdefault(head, set()).add(_role_pattern)
    for outlet in lexicon.printed_outlet_forms():
        for possessive in ("'s ", "’s "):
            cues.setdefault(outlet + possessive, set()).add(_journalist_pattern)
    for head in roles["follow_ups"]:
        # In these patterns a space comes before the role: ' king' is rarer than 'king' ('making').
        cues.setdefault(f" {head}, ", set()).add(_lower_role_pattern)
        cues.setdefault(f" {head}", set()).add(_appositive_pattern)
        cues.setdefault(f" {head}", set()).add(_lower_role_then_name_pattern)
    automaton = ahocorasick.Automaton()
    for phrase in cues.keys() | known_people().keys():
        form = phrase if phrase in known_people() else None
        automaton.add_word(phrase, (phrase, (form, frozenset(cues.get(phrase, ())))))
    automaton.make_automaton()
    return automaton


def _scan_spans(text: str, spans: list[tuple[int, int]]) -> tuple[list[set], list[list]]:
    """For each span, the person patterns whose cues it contains, and the known people's
    names in it as lexicon.phrase_matches finds them; one pass over the text."""
    cued: list[set] = [set() for _ in spans]
    if not spans:
        return cued, []
    starts = [start for start, _ in spans]
    known_hits = []
    for hit in _phrase_automaton().iter(text, spans[0][0], spans[-1][1]):
        last, (phrase, (form, patterns)) = hit
        if patterns:
            number = bisect.bisect_right(starts, last - len(phrase) + 1) - 1
            if number >= 0 and last < spans[number][1]:
                cued[number] |= patterns
        if form is not None:
            known_hits.append((last, (phrase, form)))
    return cued, lexicon.phrase_hits_in_spans(known_hits, text, spans)


def _cued_finditer(pattern, cued: set, text: str, start: int, end: int):
    """pattern().finditer over text[start:end], or nothing when the span lacks the pattern's cues."""
    return pattern().finditer(text, start, end) if pattern in cued else ()


_WORD_START = re.compile(r"\b\w")


def _anchored_matches(pattern: re.Pattern, anchor: re.Pattern, lead_characters: str,
                      text: str, start: int, end: int):
    """The matches of pattern.finditer(text, start, end), found without trying the pattern at
    every character, for a pattern whose every match starts at a word start with a lead of
    lead_characters, followed by what anchor matches from the lead's end or from one
    character before it; anchor opens with a literal character that the engine skips to in C.

    Each match of anchor tells where a match may be: the pattern is tried at the word starts
    of the run of lead characters before it, in text order, as finditer would try them; where
    none matches, the next anchor is looked for."""
    untried = start  # where a match may start: finditer's position, or past the words tried
    while True:
        found = anchor.search(text, max(untried - 1, 0), end)
        if found is None:
            return
        at = found.start()
        lead_start = untried + len(text[untried:at].rstrip(lead_characters))
        for word in _WORD_START.finditer(text, lead_start, min(at + 2, end)):
            match = pattern.match(text, word.start(), end)
            if match:
                yield match
                untried = match.end()
                break
        else:
            untried = max(untried, at + 2)


def _appositive_matches(text: str, start: int, end: int):
    """_appositive_pattern().finditer(text, start, end): a match is a name (of _NAME_CHARACTERS,
    no comma) and then _appositive_role(), which opens with the first ", " after the name."""
    return _anchored_matches(_appositive_pattern(), _appositive_role_pattern(), _NAME_CHARACTERS,
                             text, start, end)


def _lower_role_then_name_matches(text: str, start: int, end: int):
    """_lower_role_then_name_pattern().finditer(text, start, end): a match is up to two lower-case
    words, then a space and what _lower_role_then_name_head_pattern() matches, or that after a space."""
    return _anchored_matches(_lower_role_then_name_pattern(), _lower_role_then_name_head_pattern(),
                             _LOWER_ROLE_WORD_CHARACTERS + " ", text, start, end)


def _outranked_by_role(known: KnownPerson, role: str) -> bool:
    """A government role in the text ('Trade minister Mike Moore') outranks an organisation
    that people.yml gives the person: the text tells what they were when it was written."""
    info = lexicon.actors().get(known.actor or "")
    government_roles = {r.lower() for r in lexicon.roles()["government_roles"]}
    return bool(info and info.kind == "organisation"
                and any(role.lower().endswith(r) for r in government_roles))


def holds_state_voice_role(role: str | None) -> bool:
    """Does the role speak for a state when the text ties it to one (roles.yml state_voices):
    "Secretary of Commerce", "spokeswoman"; not "analyst", "director of studies" or a
    legislator's role ("Senate Majority Leader")."""
    return (bool(role) and role.split(" of ")[0].split()[-1].lower() in _state_voices()
            and not legislative_role(role))


def legislative_role(role: str | None) -> bool:
    """A legislator's role ("Sen.", "House Speaker", "Senate Democratic Leader"): a party inside a
    country, which speaks for no state (roles.yml legislative)."""
    if not role:
        return False
    words, phrases = _legislative_words_and_phrases()
    lowered = role.lower()
    return any(word in words for word in lowered.split()) or any(phrase in lowered for phrase in phrases)


@cache
def _state_voices() -> frozenset[str]:
    return frozenset(role.lower() for role in lexicon.roles()["state_voices"])


@cache
def _legislative_words_and_phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    entries = [entry.lower() for entry in lexicon.roles()["legislative"]]
    return frozenset(e for e in entries if " " not in e), tuple(e for e in entries if " " in e)


def find_people(text: str, spans: list[tuple[int, int]], mentions: list[Mention],
                home_actor: str | None) -> tuple[PeopleIndex, list[PersonMention]]:
    """Every person mention in the given spans, with people introduced in text order.

    home_actor (the dateline's country) is the actor of an unqualified head of
    government ("Prime Minister Yasuhiro Nakasone" in a Tokyo dateline)."""
    index = PeopleIndex()
    found: list[PersonMention] = []
    actor_mentions = _ActorMentions(text, mentions)
    cued, known_by_span = _scan_spans(text, spans)
    for (span_start, span_end), patterns, known_matches in zip(spans, cued, known_by_span):
        if not patterns and not known_matches:
            continue
        for match in _cued_finditer(_role_pattern, patterns, text, span_start, span_end):
            name = _clean_name(match.group("name"))
            if not name:
                continue
            role = match.group("role")
            # "Iranian Foreign Minister …", else "the foreign minister of Qatar, …"
            actor = actor_mentions.actor_before(match.start()) or actor_mentions.actor_in(match.start("role"), match.end("role"))
            known = known_people().get(name)
            if actor is None and known and not _outranked_by_role(known, role):
                actor = known.actor
            if actor is None and len(name.split()) == 1:
                actor = known_surnames().get(name)
            if actor is None and holds_state_voice_role(role):  # "Secretary of Commerce"
                actor = home_actor
            person = index.add(Person(name=name, role=role, actor=actor))
            name_start = match.start("name") + match.group("name").find(name)
            found.append(PersonMention(start=name_start, end=name_start + len(name), person=person))
        for match in (_lower_role_then_name_matches(text, span_start, span_end)
                      if _lower_role_then_name_pattern in patterns else ()):
            actor = actor_mentions.actor_before(match.start())
            if actor is None and holds_state_voice_role(match.group("role").split()[-1]):
                actor = actor_mentions.body_actor_before(match.start())
            name = _clean_name(match.group("name"))
            if not name or index.get(name):
                continue
            # "IRNA quoted government spokesman …": the role starts after a verb
            words = match.group("role").split()
            role = " ".join(itertools.dropwhile(lambda w: w in lexicon.reporting_verbs(), words))
            if actor is None:
                if name in known_people() or role.split()[-1] in _adjective_heads():
                    # people.yml knows their role and party better than a bare "spokesman"; and
                    # "the official International Business newspaper" names no official
                    continue
                # "spokeswoman Rosa Vela said": with no party before it, only the head is surely
                # the role ("at a briefing spokeswoman …" is no "briefing spokeswoman")
                role = role.split()[-1]
                if holds_state_voice_role(role) and _INTRODUCTORY_PLACE.fullmatch(text, span_start, match.start()):
                    # "At the Foreign Ministry on Monday, spokeswoman Rosa Vela said": that body's
                    actor = actor_mentions.actor_in(span_start, match.start())
            person = index.add(Person(name=name, role=role, actor=actor))
            found.append(PersonMention(start=match.start("name"), end=match.end("name"), person=person))
        for match in _cued_finditer(_journalist_pattern, patterns, text, span_start, span_end):
            name = _clean_name(match.group("name"))
            if name and not index.get(name):
                person = index.add(Person(name=name, role=JOURNALIST))
                found.append(PersonMention(start=match.start("name"), end=match.end("name"), person=person))
        for match in _cued_finditer(_lower_role_pattern, patterns, text, span_start, span_end):
            name = _clean_name(match.group("name"))
            if not name or index.get(name):
                continue
            actor = (actor_mentions.actor_in(match.start(), match.start("role"))
                     or actor_mentions.actor_before(match.start())  # "Hong Kong's chief executive, Carrie Lam,"
                     or (actor_mentions.body_actor_before(match.start("role"))
                         if holds_state_voice_role(match.group("role")) else None))  # "the Indian foreign ministry's spokesman"
            person = index.add(Person(name=name, role=match.group("role"), actor=actor))
            found.append(PersonMention(start=match.start("name"), end=match.end("name"), person=person))
        for match in (_appositive_matches(text, span_start, span_end) if _appositive_pattern in patterns else ()):
            name = _clean_name(match.group("name"))
            if not name or index.get(name):
                continue
            actor = _org_actor(match.group("org")) or actor_mentions.actor_before(match.start("role")) or (
                actor_mentions.body_actor_before(match.start("role"))  # "Spain's trade minister"
                if holds_state_voice_role(match.group("role")) else None)
            person = index.add(Person(name=name, role=match.group("role"), actor=actor))
            found.append(PersonMention(start=match.start("name"), end=match.end("name"), person=person))
        for first, last, form in known_matches:
            known = known_people()[form]
            # the name as this article writes it: scorers and readers match the text's spelling
            person = index.add(Person(name=form, role=known.role, actor=known.actor))
            found.append(PersonMention(start=first, end=last, person=person))
    found.extend(_described_people(text, spans, index, found, actor_mentions))
    found.extend(_surname_mentions(text, spans, index, found))
    found.sort(key=lambda m: m.start)
    return index, _without_overlaps(found)


# A name of two words or more set off by commas, and a description next to it: "Her former business
# partner at Ardent, Paul R. Lind, called …"; "Tariq Haddad, a professor of economics, said".
_NAME_IN_COMMAS = re.compile(rf", (?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,4}}),")
_DESCRIPTION_BEFORE = re.compile(r"(?:\b(?:(?i:the|a|an|his|her|its|their)(?: [A-Z][\w.-]*)?|[A-Z][\w.-]*['’]s)|^)"
                                 r"(?: (?:[a-z][\w-]*|(?:at|of|for|in|to) (?:the |its |their )?[A-Z][\w.&-]*(?:['’]s)?(?: [A-Z][\w.&-]*){0,3})){1,6}$")
# The description after the name (searched for first: it opens with the literal ", "), and the name
# before it, which opens a sentence.
_DESCRIPTION_AFTER = re.compile(r", (?:a|an|the) (?:[\w’'-]+ ){0,8}?(?P<head>[a-z][\w-]+)(?= (?:of|at|for|in|with|to|who)\b|,)")
_NAME_OPENING_A_SENTENCE = re.compile(rf"(?:^|(?<=[.!?”\"] )|(?<=\n))(?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,4}})$")
_LONGEST_NAME = 60


def _description_head(description: str) -> str:
    """The noun a description ends with before its prepositional phrase: "partner" in "his
    former business partner at Ardent"."""
    head = re.split(r" (?:at|of|for|in|to) (?:the |its |their )?[A-Z]", description, maxsplit=1)[0]
    return head.split()[-1]


def _described_people(text: str, spans, index: PeopleIndex, found: list[PersonMention],
                      actor_mentions: _ActorMentions) -> list[PersonMention]:
    """People no data file knows and no role word introduces, named with a description beside
    them: the description's head is their role; they speak for the state named before it when
    the role is a state's voice ("the Chilean envoy to the WTO, Ana Soto,"), else for none."""
    taken = sorted((m.start, m.end) for m in found)
    extra = []

    def add(name_text: str, start: int, role: str, role_start: int = -1, role_end: int = -1,
            body: tuple[int, int] = (-1, -1)) -> None:
        name = _clean_name(name_text)
        if not name or " " not in name or index.get(name) or name in lexicon.not_names():
            return
        at = start + name_text.find(name)
        number = bisect.bisect_right(taken, (at, len(text)))
        if number and taken[number - 1][1] > at or number < len(taken) and taken[number][0] < at + len(name):
            return  # a person or a name found already
        actor = None
        if role_start >= 0 and holds_state_voice_role(role):
            actor = actor_mentions.actor_in(role_start, role_end) or (
                actor_mentions.first_in(*body) if body[0] >= 0 else None)
        person = index.add(Person(name=name, role=role, actor=actor))
        extra.append(PersonMention(start=at, end=at + len(name), person=person))

    for span_start, span_end in spans:
        for match in _NAME_IN_COMMAS.finditer(text, span_start, span_end):
            description = _DESCRIPTION_BEFORE.search(text, max(span_start, match.start() - 80), match.start())
            head = _description_head(description.group(0)) if description and description.group(0).strip() else ""
            if head.islower():
                head_end = description.start() + description.group(0).find(head) + len(head)
                # the state before the head ("the Chilean envoy to the WTO"), else the one its body is
                # named by ("a spokesman for Germany's foreign ministry")
                body = (head_end, match.start()) if _FOR_A_BODY.match(text, head_end, match.start()) else (-1, -1)
                add(match.group("name"), match.start("name"), head, description.start(), head_end, body)
        for match in _DESCRIPTION_AFTER.finditer(text, span_start, span_end):
            name = _NAME_OPENING_A_SENTENCE.search(text, max(span_start, match.start() - _LONGEST_NAME), match.start())
            if name:
                add(name.group("name"), name.start("name"), match.group("head"))
    return extra


# "for"/"of" and a state's body after a role: "a spokesman for Germany's foreign ministry", "the minister of
# trade of Peru"; the body's state speaks.
_FOR_A_BODY = re.compile(r" (?:for|of) (?:the )?[A-Z]")

# A sentence's introductory phrase of place, up to its comma: "At the State Department on Friday, ".
_INTRODUCTORY_PLACE = re.compile(r"(?:At|In|From|Inside) [^,;:\"“”]{2,60}, ?")

_WORD_BOUNDARY = re.compile(r"\b")
_SURNAME_END = re.compile(r"\b(?!-)")  # not 'Kim' in 'Kim-Jong'


def _in_compound(text: str, at: int) -> bool:
    """Is the name at `at` the second half of a compound ("Anti-Castro Republicans", "pro-Trump
    rally")? Not after a name particle ("al-Assad")."""
    if at < 2 or text[at - 1] != "-":
        return False
    prefix_start = at - 1
    while prefix_start > 0 and text[prefix_start - 1].isalpha():
        prefix_start -= 1
    return text[prefix_start:at - 1].lower() not in _NAME_PARTICLES


def _surname_mentions(text: str, spans, index: PeopleIndex, found: list[PersonMention]):
    """The matches of r"\b(?:surname|surname…)\b(?!-)" in each span, as re.finditer finds them.

    The surnames differ from article to article, and compiling that pattern for each
    costs more than finding them: str.find locates each surname, and the pattern's
    boundary tests decide which occurrences it would match."""
    if not index.by_surname or not spans:
        return []
    region_start, region_end = spans[0][0], spans[-1][1]
    occurrences = []  # (start, the surname's place among the pattern's alternatives, surname)
    for rank, name in enumerate(index.by_surname):
        at = text.find(name, region_start, region_end)
        while at != -1:
            occurrences.append((at, rank, name))
            at = text.find(name, at + 1, region_end)
    occurrences.sort()
    span_starts = [start for start, _ in spans]
    # A match starting inside any mention found so far is taken; those mentions may overlap,
    # so the test is whether the furthest end among mentions starting at or before it lies beyond it.
    taken = sorted((m.start, m.end) for m in found)
    taken_starts = [start for start, _ in taken]
    taken_reach = list(itertools.accumulate((end for _, end in taken), max))
    extra = []
    searched_to = region_start  # finditer goes on where its last match ended
    for at, _, name in occurrences:
        if at < searched_to:
            continue
        span_end = spans[bisect.bisect_right(span_starts, at) - 1][1]
        stop = at + len(name)
        if (stop > span_end or not _WORD_BOUNDARY.match(text, at, span_end)
                or not _SURNAME_END.match(text, stop, span_end) or _in_compound(text, at)):
            continue
        searched_to = stop
        before = bisect.bisect_right(taken_starts, at)
        if before and taken_reach[before - 1] > at:
            continue
        person = index.by_surname[name]
        if _opens_another_name(text, stop, span_end, person):
            continue
        extra.append(PersonMention(start=at, end=stop, person=person))
    return extra


_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w'’-]+)")


def _opens_another_name(text: str, stop: int, span_end: int, person: Person) -> bool:
    """A family name written first, then a given name that is not this person's: "Kim Min-su" or
    "Kim Yong Chol" after "Kim Jong Un" is someone else."""
    words = person.name.split()
    if len(words) < 2 or text[stop - len(words[0]):stop] != words[0]:
        return False
    following = _NEXT_NAME_WORD.match(text, stop, span_end)
    return (bool(following) and following.group(1) not in words and following.group(1) not in _not_name_words()
            and not lexicon.actor_automaton().exists(following.group(1)))


def _without_overlaps(mentions: list[PersonMention]) -> list[PersonMention]:
    kept: list[PersonMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
