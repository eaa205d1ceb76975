"""Linguistic knowledge, loaded from the data files in `generator/data/`.

The code asks questions ("which actor is 'Tehran'?", "what stance has
'urged'?"); the answers live in YAML files that editors and linguists can
extend without touching code. Everything is loaded once and cached.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick
import pycountry
import yaml


_DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # without libyaml, PyYAML's own


@cache
def load(name: str) -> dict:
    """A data file from generator/data, parsed."""
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    # libyaml's parser (PyYAML's C loader, the same safe constructors) reads the data files into the same
    # values as the pure-Python one in a sixth of the time: about 0.4 s less in every process that
    # loads them, the build's and each worker's.
    return yaml.load(text, Loader=_DATA_LOADER) or {}


@cache
def grammar() -> dict[str, tuple[str, ...]]:
    """The closed-class word lists of grammar.yml, by name."""
    lists = load("grammar.yml")
    for name, words in lists.items():
        for word in words:
            if not isinstance(word, str):  # YAML reads a bare no, on or yes as a boolean
                raise ValueError(f"generator/data/grammar.yml → {name} → {word!r} is not a word: quote it")
    return {name: tuple(words) for name, words in lists.items()}


def phrase_automaton(entries) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over (phrase, payload) pairs: fast multi-phrase search."""
    automaton = ahocorasick.Automaton()
    for phrase, payload in entries:
        automaton.add_word(phrase, (phrase, payload))
    automaton.make_automaton()
    return automaton


def phrase_matches(automaton: ahocorasick.Automaton, text: str, start: int = 0, end: int | None = None,
                   *, overlapping: bool = False) -> list[tuple[int, int, object]]:
    """(start, end, payload) of the automaton's phrases found on word boundaries in text[start:end].

    By default leftmost-longest and non-overlapping, in text order ('United States'
    wins over 'United'); with overlapping, every match counts. A phrase ending in
    punctuation ('U.S.') may touch the next word."""
    end = len(text) if end is None else end
    if end <= start:
        return []
    found = _on_word_boundaries(automaton.iter(text, start, end), text)
    return found if overlapping else _leftmost_longest(found)


def phrase_hits_in_spans(hits, text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int, object]]]:
    """phrase_matches(automaton, text, start, end) for each (start, end) of spans, which are in
    text order and do not overlap, given the hits (last, (phrase, payload)) of the automaton's
    one pass over text[spans[0][0]:spans[-1][1]]: the caller's pass may find other phrases too."""
    by_span: list[list[tuple[int, int, object]]] = [[] for _ in spans]
    if not spans:
        return by_span
    starts = [start for start, _ in spans]
    for first, stop, payload in _on_word_boundaries(hits, text):
        number = bisect.bisect_right(starts, first) - 1
        if number >= 0 and stop <= spans[number][1]:
            by_span[number].append((first, stop, payload))
    return [_leftmost_longest(found) if found else found for found in by_span]


def _on_word_boundaries(hits, text: str) -> list[tuple[int, int, object]]:
    """(start, end, payload) of the automaton hits (last, (phrase, payload)) on word boundaries in text."""
    found = []
    length = len(text)
    for last, (phrase, payload) in hits:
        first = last - len(phrase) + 1
        # Word characters are letters, digits, '-' and '_'; tested inline, as this loop
        # runs for every phrase found in every article.
        if first > 0:
            before = text[first - 1]
            if before.isalnum() or before in "-_":
                continue
        if last + 1 < length and phrase[-1].isalnum():
            after = text[last + 1]
            if after.isalnum() or after in "-_":
                continue
        found.append((first, last + 1, payload))
    return found


def _leftmost_longest(found: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    found.sort(key=lambda m: (m[0], m[0] - m[1]))
    kept: list[tuple[int, int, object]] = []
    for match in found:
        if not kept or match[0] >= kept[-1][1]:
            kept.append(match)
    return kept


def required_substrings(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Sets of strings, every match of the pattern containing at least one string of each set:
    '(?m)^[^\\n]*(?:Photo|Image): [^\\n]+$' gives ({'Photo', 'Image'}, {': '}). A text that lacks
    every string of one of the sets has no match, which str.find tells far faster than a search
    of the pattern, tried at every character. Read from the pattern's parse by Python's own
    regex parser; case-insensitive parts, classes and optional parts give no strings."""
    parsed = re._parser.parse(pattern.pattern, pattern.flags)
    return tuple(_required_in(list(parsed), bool(parsed.state.flags & re.IGNORECASE)))


def _required_in(items: list, ignore_case: bool) -> list[frozenset[str]]:
    """required_substrings() of a parsed sequence of regex items."""
    ops = re._constants
    found: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters

    def close_run() -> None:
        if run:
            found.append(frozenset({"".join(run)}))
            run.clear()

    for op, argument in items:
        if op is ops.LITERAL and not ignore_case:
            run.append(chr(argument))
            continue
        close_run()
        if op is ops.SUBPATTERN:
            _, added, removed, body = argument
            found.extend(_required_in(list(body), (ignore_case or bool(added & re.IGNORECASE))
                                      and not removed & re.IGNORECASE))
        elif op is ops.ATOMIC_GROUP:
            found.extend(_required_in(list(argument), ignore_case))
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT) and argument[0] >= 1:
            found.extend(_required_in(list(argument[2]), ignore_case))
        elif op is ops.BRANCH:
            # each alternative's most telling set (longest shortest string), all of them together
            alternatives = [_required_in(list(branch), ignore_case) for branch in argument[1]]
            if all(alternatives):
                found.append(frozenset().union(*(max(sets, key=lambda s: min(map(len, s)))
                                                 for sets in alternatives)))
        # anything else (a class, an anchor, an assertion, an optional part) needs no literal
    close_run()
    return found


def longest_first_alternation(words, *, ignore_case: bool = False) -> str:
    """A regex matching any of the words, trying longer ones first at each position,
    exactly as "|".join(sorted(words, key=len, reverse=True)) of escaped words would.

    Python's re tries the alternatives of a flat alternation one by one, so a list
    of hundreds of words is slow; as a trie ('sa(?:id|ys?)') each character is tried
    once. Where several words match, the longer one is still tried first: a group
    that continues a shorter word is optional and greedy. The trie needs sibling
    branches that never match the same character, which letters of one case
    guarantee; for a case-insensitive pattern with other words, the flat
    alternation is returned."""
    words = sorted(set(words), key=len, reverse=True)
    if ignore_case and any(w != w.lower() or not w.isascii() for w in words):
        return "|".join(re.escape(w) for w in words)
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branches(node: dict) -> str:
        options = [re.escape(ch) + branches(child) for ch, child in node.items() if ch]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body

    return branches(trie)


# Characters that re.IGNORECASE equates with an ASCII letter but str.lower() does not lower to it.
_IGNORECASE_ODDITIES = re.compile("[İıſ]")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """Might a case-insensitive pattern find one of these lower-case words in text?

    A cheap test that rules most sentences out before a slow search: never
    False where a re.IGNORECASE search for the words would succeed."""
    if not text.isascii() and _IGNORECASE_ODDITIES.search(text):
        return True
    lowered = text.lower()
    for word in words:  # a plain loop: any() over a generator costs more than the tests
        if word in lowered:
            return True
    return False


# ------------------------------------------------------------------ articles


@cache
def outlet_forms() -> dict[str, str]:
    """Surface form (as printed) → outlet display name."""
    forms: dict[str, str] = {}
    for display, variants in load("articles.yml")["outlets"].items():
        for form in [display, *variants]:
            forms[form] = display
            forms[form.casefold()] = display
    return forms


def outlet_name(form: str) -> str | None:
    form = form.strip().strip(".,;:")
    forms = outlet_forms()
    return forms.get(form) or forms.get(form.casefold())


@cache
def printed_outlet_forms() -> tuple[str, ...]:
    """Outlet forms as printed (not their lower-case lookup keys), longest first."""
    return tuple(sorted({f for f in outlet_forms() if not f.islower() or f.isupper()}, key=len, reverse=True))


@cache
def outlet_pattern() -> re.Pattern:
    """Any outlet form as printed, on word boundaries, longest first."""
    return re.compile(r"(?<![\w])(?:" + longest_first_alternation(printed_outlet_forms()) + r")(?![\w])")


@cache
def outlet_automaton() -> ahocorasick.Automaton:
    """outlet_pattern()'s forms in an Aho-Corasick automaton: one pass finds them all."""
    return phrase_automaton((form, form) for form in printed_outlet_forms())


@cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that refer back to an outlet ("the paper said"), articles.yml outlet_nouns."""
    return frozenset(load("articles.yml")["outlet_nouns"])


def outlet_country(outlet: str | None) -> str | None:
    return load("articles.yml")["outlet_countries"].get(outlet) if outlet else None


@cache
def headline_small_words() -> frozenset[str]:
    return frozenset(load("articles.yml")["headline_small_words"])


@cache
def dateline_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load("articles.yml")["datelines"])


@cache
def date_line_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load("articles.yml")["date_lines"])


@cache
def signatures() -> tuple[tuple[re.Pattern, str | None], ...]:
    return tuple((re.compile(s["pattern"], re.I), s.get("outlet")) for s in load("articles.yml")["signatures"])


@cache
def credit_patterns() -> tuple[tuple[re.Pattern, str | None], ...]:
    """Credit lines, each with the outlet it implies when it names none (else None)."""
    return tuple((re.compile(c), None) if isinstance(c, str) else (re.compile(c["pattern"]), c["outlet"])
                 for c in load("articles.yml")["credits"])


@cache
def clutter_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load("articles.yml")["clutter"])


# ------------------------------------------------------------------ segmentation


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(load("segmentation.yml")["abbreviations"])


@cache
def sentence_final_abbreviations() -> frozenset[str]:
    return frozenset(load("segmentation.yml")["sentence_final_abbreviations"])


@cache
def sentence_openers() -> frozenset[str]:
    return frozenset(load("segmentation.yml")["sentence_openers"])


@cache
def wire_capitals_pattern() -> re.Pattern:
    """A sentence-final abbreviation followed by a capitalised function word ("U.S. Would"):
    segmentation.yml function_words, the sign of older wire copy's capitals."""
    # The pattern opens with the literal ". ", which the regex engine skips to in C, and looks
    # back from there for the abbreviation; a look-behind needs one width, hence a group per length.
    by_length: dict[int, list[str]] = {}
    for abbreviation in load("segmentation.yml")["sentence_final_abbreviations"]:
        by_length.setdefault(len(abbreviation), []).append(rf"\b{re.escape(abbreviation)}\. ")
    abbreviations = "|".join(f"(?<={'|'.join(group)})" for group in by_length.values())
    words = "|".join(w.capitalize() for w in load("segmentation.yml")["function_words"])
    return re.compile(rf"\. (?:{abbreviations})(?:{words})\b")


# ------------------------------------------------------------------ actors


@dataclass(frozen=True, kw_only=True)
class ActorInfo:
    code: str
    name: str
    kind: str  # "state" or "organisation"
    flag: str  # emoji flag for states, "" otherwise


@dataclass(frozen=True, kw_only=True)
class ActorForm:
    """One way an actor is written: 'Tehran' → IRN as a capital."""

    code: str | None  # None for outlets and not_actors.yml phrases: matched only to be dropped
    form: str
    kind: str  # name, demonym, capital, metonym, organisation, outlet
    ambiguous: bool = False


def _flag(alpha_2: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in alpha_2.upper())


@cache
def actors() -> dict[str, ActorInfo]:
    """Every known actor by code: states (ISO alpha-3) and organisations."""
    table: dict[str, ActorInfo] = {}
    for code, entry in load("countries.yml").items():
        country = pycountry.countries.get(alpha_3=code)
        flag = _flag(country.alpha_2) if country else ""
        table[code] = ActorInfo(code=code, name=entry["name"], kind="state", flag=flag)
    for code, entry in load("organisations.yml").items():
        table[code] = ActorInfo(code=code, name=entry["name"], kind="organisation", flag="")
    return table


def actor_label(code: str | None) -> str | None:
    if code is None:
        return None
    info = actors().get(code)
    return info.name if info else code


def _country_forms() -> list[ActorForm]:
    forms: list[ActorForm] = []
    for code, entry in load("countries.yml").items():
        ambiguous = set(entry.get("ambiguous") or ())
        country = pycountry.countries.get(alpha_3=code)
        official = []
        if country is not None:
            official = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
        groups = {
            "name": [*entry.get("names", ()), *(n for n in official if n)],
            "demonym": entry.get("demonyms", ()),
            "capital": entry.get("capitals", ()),
            "metonym": entry.get("metonyms", ()),
        }
        for kind, names in groups.items():
            for form in names:
                forms.append(ActorForm(code=code, form=form, kind=kind, ambiguous=form in ambiguous))
    return forms


def _organisation_forms() -> list[ActorForm]:
    forms: list[ActorForm] = []
    for code, entry in load("organisations.yml").items():
        ambiguous = set(entry.get("ambiguous") or ())
        for kind, names in (("organisation", [entry["name"], *entry.get("names", ())]),
                            ("metonym", entry.get("metonyms", ()))):
            for form in names:
                forms.append(ActorForm(code=code, form=form, kind=kind, ambiguous=form in ambiguous))
    return forms


@cache
def actor_forms() -> tuple[ActorForm, ...]:
    """Every way the gazetteers write a state or an organisation."""
    return tuple(_country_forms() + _organisation_forms())


@cache
def actor_automaton() -> ahocorasick.Automaton:
    """Aho-Corasick automaton over every actor and outlet form (case-sensitive).

    Outlets and not_actors.yml phrases are in it with no code, so that 'The
    Washington Times' is read as a newspaper and 'South America' as a
    continent; the longest match wins."""
    entries: dict[str, ActorForm] = {}
    for form in _country_forms() + _organisation_forms():
        previous = entries.get(form.form)
        if previous and previous.code != form.code:
            # Two actors claim one form: keep the first, marked ambiguous.
            entries[form.form] = ActorForm(code=previous.code, form=form.form, kind=previous.kind, ambiguous=True)
        elif previous is None or previous.kind != "name" and form.kind == "name":
            entries[form.form] = form
    layout = load("articles.yml")
    for display in layout["state_agencies"]:
        for phrase in [display, *layout["outlets"][display]]:
            if len(phrase) > 3 and phrase not in entries:
                entries[phrase] = ActorForm(code=layout["outlet_countries"][display], form=phrase, kind="metonym")
    blockers = [phrase for display, variants in layout["outlets"].items()
                for phrase in [display, *variants] if len(phrase) > 3]
    blockers += load("not_actors.yml")["phrases"]
    for phrase in blockers:  # a str, unlike the ActorForm `form` above
        if phrase not in entries:
            entries[phrase] = ActorForm(code=None, form=phrase, kind="not an actor")
    return phrase_automaton(entries.items())


# ------------------------------------------------------------------ reporting verbs


def _inflections(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in set("aeiou"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        # Consonant doubling for short stressed endings: admit → admitted, plan → planned.
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@cache
def reporting_verbs() -> dict[str, tuple[str, str]]:
    """Lower-case verb form (possibly several words) → (base form, stance class)."""
    data = load("reporting.yml")
    irregular = data.get("irregular", {})
    table: dict[str, tuple[str, str]] = {}
    for stance, bases in data["stances"].items():
        for base in bases:
            head, _, rest = base.partition(" ")
            heads = _inflections(head) | set(irregular.get(head, ()))
            for form in heads:
                phrase = f"{form} {rest}".strip()
                table.setdefault(phrase, (base, stance))
    return table


class VerbMatch:
    """A reporting verb found in a text, with the re.Match methods the callers use.

    A plain class with slots: tens are made per article, and a frozen dataclass's
    __init__ costs several times more."""

    __slots__ = ("first", "last", "phrase")

    def __init__(self, first: int, last: int, phrase: str):
        self.first = first
        self.last = last
        self.phrase = phrase  # lower case, words joined by single spaces: a key of reporting_verbs()

    def __repr__(self) -> str:
        return f"VerbMatch({self.first}, {self.last}, {self.phrase!r})"

    def start(self, _group: int = 0) -> int:
        return self.first

    def end(self, _group: int = 0) -> int:
        return self.last

    def group(self, _group: int = 0) -> str:
        return self.phrase


def lower_keeping_offsets(text: str) -> str:
    """text.lower() with one character for each character, so offsets into it hold in text:
    'İ'.lower() is two characters, and becomes 'i' here."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered


@cache
def _reporting_verb_automaton() -> ahocorasick.Automaton:
    return phrase_automaton((phrase, phrase) for phrase in reporting_verbs())


MAX_VERBS_SEEN = 16


class ReportingVerbs:
    """Every reporting verb form in one text, found once with an Aho-Corasick automaton
    over its lower-cased words: far faster than a regex alternation of a thousand
    inflected forms, which matters at thousands of articles a second."""

    def __init__(self, text: str):
        # Line breaks and tabs become spaces (same length: offsets stay valid across wrapped
        # lines); str.replace is much faster than str.translate.
        lowered = lower_keeping_offsets(text).replace("\n", " ").replace("\t", " ").replace("\r", " ")
        self._verbs = [VerbMatch(first, stop, phrase)
                       for first, stop, phrase in phrase_matches(_reporting_verb_automaton(), lowered)]
        self._firsts = [v.first for v in self._verbs]  # for bisection

    def within(self, start: int, end: int) -> list[VerbMatch]:
        """Reporting verb forms in text[start:end], longest phrase first at each word.

        At most the first and the last MAX_VERBS_SEEN // 2: callers read the phrase before
        each verb, so a sentence of n verbs ("said said said …") cost n² (the most in any
        dev or PolNeAR sentence is 7)."""
        lo = bisect.bisect_left(self._firsts, start)
        hi = bisect.bisect_left(self._firsts, end, lo)
        if hi - lo > MAX_VERBS_SEEN:
            half = MAX_VERBS_SEEN // 2
            return [v for v in self._verbs[lo:lo + half] + self._verbs[hi - half:hi] if v.last <= end]
        return [v for v in self._verbs[lo:hi] if v.last <= end]


@cache
def reporting_verb_alternation() -> str:
    """A regex alternation of every reporting verb form, longest first."""
    return longest_first_alternation(reporting_verbs(), ignore_case=True)


@cache
def verbs_needing_complement() -> frozenset[str]:
    return frozenset(load("reporting.yml")["needs_complement"])


@cache
def binding_text_subject() -> re.Pattern:
    """A subject headed by a binding text ('The agreement', 'the 1996 act also'), up to its verb;
    not one that only mentions it ('opponents of the agreement')."""
    nouns = "|".join(re.escape(n) for n in load("reporting.yml")["binding_texts"])
    return re.compile(rf"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?:(?:the|this|that|its|their|an?)\s+)?"
                      rf"(?:[\w.-]+\s+){{0,2}}?(?:{nouns})\s+(?:also\s+|\w+ly\s+)?$", re.I)


@cache
def _binding_text_nouns() -> frozenset[str]:
    return frozenset(n.lower() for n in load("reporting.yml")["binding_texts"])


def is_binding_text_subject(phrase: str) -> bool:
    """Does binding_text_subject() match the phrase before a verb? Its noun is the last word or
    the one before 'also' or an adverb, so the slow search runs only when one of those is one."""
    last_words = phrase.rsplit(None, 2)[-2:]
    if not any(word.lower() in _binding_text_nouns() or not word.isascii() for word in last_words):
        return False
    return bool(binding_text_subject().search(phrase))


@cache
def stance_objects() -> frozenset[str]:
    """Nouns for what a party can back or attack (reporting.yml stance_objects)."""
    return frozenset(load("reporting.yml")["stance_objects"]["nouns"])


@cache
def verbs_taking_stance_objects() -> frozenset[str]:
    return frozenset(load("reporting.yml")["stance_objects"]["verbs"])


@cache
def prospective_pattern() -> re.Pattern:
    """'… is expected to ' right before a reporting verb (reporting.yml prospective)."""
    words = "|".join(re.escape(w) for w in load("reporting.yml")["prospective"])
    return re.compile(rf"\b(?:{words})\s+to\s+$")


@cache
def according_to_pattern() -> re.Pattern:
    phrases = load("reporting.yml")["according_to"]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


@cache
def according_to_words() -> tuple[str, ...]:
    """The according_to_pattern() phrases in lower case, for may_contain()."""
    return tuple(p.lower() for p in load("reporting.yml")["according_to"])


@cache
def pronouns() -> frozenset[str]:
    return frozenset(load("reporting.yml")["pronouns"])


@cache
def genders() -> dict[str, dict]:
    """Gender → {"pronouns", "honorifics", "roles": frozenset, "prefer_known": bool} (roles.yml genders)."""
    return {gender: {kind: (frozenset(words) if isinstance(words, list) else words) for kind, words in cues.items()}
            for gender, cues in roles()["genders"].items()}


@cache
def group_pronouns() -> frozenset[str]:
    return frozenset(load("reporting.yml")["group_pronouns"])


@cache
def impersonal_voices() -> frozenset[str]:
    """Texts and groups that speak with no person named (reporting.yml impersonal_voices)."""
    return frozenset(load("reporting.yml")["impersonal_voices"])


# ------------------------------------------------------------------ roles


@cache
def roles() -> dict:
    return load("roles.yml")


@cache
def unnamed_voice_pattern() -> re.Pattern:
    """Any commentator noun of roles.yml's unnamed_voices, on word boundaries."""
    nouns = longest_first_alternation(roles()["unnamed_voices"], ignore_case=True)
    return re.compile(r"\b(?:" + nouns + r")\b", re.I)


def names_commentators(phrase: str) -> bool:
    """Does the phrase name commentators who are no party ("Analysts", "some critics")? Their nouns
    are looked for with may_contain first: most phrases have none, and the pattern is slow."""
    return may_contain(phrase, unnamed_voice_words()) and bool(unnamed_voice_pattern().search(phrase))


@cache
def unnamed_voice_words() -> tuple[str, ...]:
    """The unnamed_voice_pattern() nouns in lower case, for may_contain()."""
    return tuple(n.lower() for n in roles()["unnamed_voices"])


@cache
def not_names() -> frozenset[str]:
    return frozenset(roles()["not_names"])


# ------------------------------------------------------------------ sections


@cache
def section_cue_automaton() -> ahocorasick.Automaton:
    """Every cue phrase (lower case) → the name of its list as a section model feature
    ("cue:outlook:strong"), for one pass over a sentence."""
    return phrase_automaton((phrase, f"cue:{section}:{strength}")
                            for section, lists in load("sections.yml")["cues"].items()
                            for strength, phrases in lists.items() for phrase in phrases)


@cache
def past_tense_forms() -> tuple[str, ...]:
    """The sections.yml past_tense forms, for a word search of one's own."""
    return tuple(load("sections.yml")["past_tense"])
