"""Who says what: direct quotes, their speakers, and reported speech.

Ordered rules, the most precise first, as in CoreNLP's sieves and the
GenderGapTracker: each quote records the rule that attributed it, and a quote
is left unattributed rather than attributed wrongly.

1. `after`: the speaker follows the closing mark ("...," Erdogan told reporters / said the minister).
2. `before`: a reporting verb and its subject precede the opening mark in the sentence.
3. `according`: "according to X" in the quote's sentence.
4. `colon`: the person opening a sentence that introduces the quote with a colon.
5. `floating`: a quote right after an attributed quote inherits its speaker.
6. `subject`: the person opening the quote's sentence (GenderGapTracker's heuristic quotes).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from .actors import Mention
from ..model import Person
from .people import PeopleIndex, PersonMention, _clean_name, surname
from .segment import Span

_OPENING = "\"“"
_CLOSING = "\"”"
_QUOTE_MARKS = "\"“”"
_QUOTE_MARK = re.compile(f"[{_QUOTE_MARKS}]")


@dataclass(frozen=True, kw_only=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark (or the paragraph end when it is never closed)
    open_mark: int  # offset of the opening mark


@dataclass(frozen=True, kw_only=True)
class Voice:
    """Who a quote or a sentence is attributed to."""

    speaker: Person | None
    actor: str | None
    stance: str | None
    rule: str


NOBODY = Voice(speaker=None, actor=None, stance=None, rule="")


# ------------------------------------------------------------------ quote spans


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Double-quoted spans, pairing marks per paragraph.

    News style leaves a quote open at the end of a paragraph when the next
    paragraph goes on with it (and opens with a mark again): such a quote
    is one span across the paragraphs."""
    marks = _quote_marks(text)
    quotes: list[QuoteSpan] = []
    open_at: int | None = None
    for number, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        if open_at is not None:
            if text[p_start] in _OPENING:
                pos = p_start + 1  # the continuation's opening mark
            else:
                quotes.append(QuoteSpan(start=open_at + 1, end=paragraphs[number - 1][1], open_mark=open_at))
                open_at = None
        for i in marks[bisect.bisect_left(marks, pos):bisect.bisect_left(marks, p_end)]:
            ch = text[i]
            if open_at is None and ch in _OPENING:
                open_at = i
            elif open_at is not None and _reopens(text, i):
                # '"… he would walk away. "The American people …"': the closing mark was left out
                quotes.append(QuoteSpan(start=open_at + 1, end=len(text[:i].rstrip()), open_mark=open_at))
                open_at = i
            elif open_at is not None and ch in _CLOSING:
                quotes.append(QuoteSpan(start=open_at + 1, end=i, open_mark=open_at))
                open_at = None
    if open_at is not None and paragraphs:
        quotes.append(QuoteSpan(start=open_at + 1, end=paragraphs[-1][1], open_mark=open_at))
    # At least four words; splitting stops at the fourth rather than splitting the whole quote.
    return [q for q in quotes if len(text[q.start:q.end].split(None, 3)) >= 4]


def _reopens(text: str, mark: int) -> bool:
    """Does this mark, inside an open quote, open another? It does when it stands between a
    sentence's end and a new sentence ('walk away. "The American …'): a closing mark follows
    the sentence's punctuation directly."""
    return (text[mark] in _OPENING and 2 <= mark < len(text) - 1 and text[mark - 1] == " "
            and text[mark - 2] in ".!?" and text[mark + 1].isupper())


def _quote_marks(text: str) -> list[int]:
    """The offsets of the double quotation marks, in order. str.find jumps from one mark to the
    next; a regex scanning the paragraphs for them tests every character."""
    offsets = []
    for mark in _QUOTE_MARKS:
        at = text.find(mark)
        while at >= 0:
            offsets.append(at)
            at = text.find(mark, at + 1)
    offsets.sort()
    return offsets


def opening_with(openings: str, pattern: str) -> str:
    """The pattern behind a lookahead for the characters all its matches open with (a regex
    character class's contents): a search then gives up at once at every other character,
    where it would have tried each of the pattern's branches."""
    return f"(?=[{openings}])(?:{pattern})"


# ------------------------------------------------------------------ resolving a speaker phrase


@cache
def _follow_up_pattern() -> re.Pattern:
    nouns = lexicon.longest_first_alternation(lexicon.roles()["follow_ups"])
    return re.compile(opening_with("oOtT", r"\b(?P<det>(?i:the|these|those|one of the|one)) (?:(?P<adj>[\w.-]+) ){0,2}?"
                                           r"(?P<noun>" + nouns + r")s?\b"))


# Words between a subject and its verb that are not part of the subject: "he also said", "Kim had said".
_FILLERS = lexicon.grammar()["subject_fillers"]
_TRAILING_FILLER = re.compile(rf"(?:\s+(?:{lexicon.longest_first_alternation(_FILLERS, ignore_case=True)}|\w+ly))+\s*$",
                              re.I)


def _without_trailing_filler(phrase: str) -> str:
    """The phrase without _TRAILING_FILLER ('Kim had' → 'Kim').

    The pattern can only match where the phrase's last word is a filler or an
    -ly adverb (or has letters that re.IGNORECASE equates with ASCII ones), so
    that word is looked at first: searching tries every character."""
    written = phrase.rsplit(None, 1)[-1] if phrase.strip() else ""
    last = written.lower()
    if last in _FILLERS or last.endswith("ly") and not written[:1].isupper() or not last.isascii():  # not "People's Daily"
        return _TRAILING_FILLER.sub("", phrase)
    return phrase


@cache
def _name_pattern() -> re.Pattern:
    """A run of capitalised words, optionally after one or two honorifics: 'Mr. Kim', 'Sen. Rob Portman',
    'Lt. Col. Dan Morrow'."""
    honorific_words = [h.rstrip(".") for h in lexicon.roles()["honorifics"] + lexicon.roles()["title_abbreviations"]]
    honorifics = "|".join(re.escape(h) for h in honorific_words)
    particles = lexicon.roles()["name_particles"]
    # an honorific's, a particle's ("al-Ansi says") or a capital
    openings = "A-Z" + "".join(sorted({re.escape(w[0]) for w in honorific_words + particles}))
    token = rf"(?:(?:{'|'.join(particles)})-)?(?:[A-Z][\w'’-]+|[A-Z]\.)"
    return re.compile(opening_with(openings, rf"(?:\b(?:{honorifics})\.?\s+){{0,2}}(?P<name>{token}(?:\s+{token}){{0,3}})"))


# "Sen. Claire McCaskill (D-Mo.)": the label of a party and a state after a name.
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)$")
_SALIENCE_WINDOW = 600  # characters: about the last two or three paragraphs
# How far back of one another speakers may be remembered (a sentence's quotes before the sentence)
_SPEAKERS_OUT_OF_ORDER = 2000
_GENDERED_REACH = 2 * _SALIENCE_WINDOW  # how far back "she" finds the last woman named before an unmarked person
_ANTECEDENT_REACH = 60  # characters either side of an antecedent noun where its actor is named
# A subject that is a definite noun phrase: "the editorial", "the state newspaper".
_DEFINITE_NOUN = re.compile(r"(?i:the)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})")


class Resolver:
    """Resolves a phrase such as 'he', 'the Turkish leader' or 'Iran' to a voice."""

    def __init__(self, text: str, index: PeopleIndex, person_mentions: list[PersonMention],
                 mentions: list[Mention], quotes: list[QuoteSpan], *, home: str | None = None):
        self.text = text
        self.home = home  # the state unqualified officials speak for: the dateline's, else the outlet's
        self.verbs = lexicon.ReportingVerbs(text)
        self.index = index
        # A person named inside a quotation is talked about, not talking: "he" never refers to them.
        # Quotes are in text order and do not overlap: only the last one opening before a mention can hold it.
        quote_starts = [q.start for q in quotes]
        self.person_mentions = []
        for mention in person_mentions:
            last = bisect.bisect_right(quote_starts, mention.start) - 1
            if last < 0 or mention.start >= quotes[last].end:
                self.person_mentions.append(mention)
        self.all_person_mentions = person_mentions
        self.mentions = mentions
        self.speakers: list[tuple[int, Person]] = []  # resolved speakers by offset, for pronouns
        self._speakers_by_offset: list[tuple[int, int, Person]] = []  # (offset, order remembered, person)
        self.party_voices: list[tuple[int, str]] = []  # voices of a party and no person by offset, for "it"
        # Unnamed voices with an actor ("a South Korean diplomat said"): (offset, role noun as written, actor)
        self.unnamed: list[tuple[int, str, str]] = []
        # Mentions of each kind are in text order and do not overlap, so their starts and their
        # ends both increase: the mentions within a phrase are found by bisection.
        self._person_starts = [m.start for m in person_mentions]
        self._person_ends = [m.end for m in person_mentions]
        self._quiet_person_starts = [m.start for m in self.person_mentions]
        self._mention_starts = [m.start for m in mentions]
        self._mention_ends = [m.end for m in mentions]
        # is_verb() and has_complement() of reporting verbs by offset: each verb is asked
        # about for its quote, its sentence and the sentence's classification.
        self._verb_uses: dict[int, bool] = {}
        self._complements: dict[int, bool] = {}
        self._genders: dict[str, str] = {}  # surname → gender, as the text gives it (learn_genders)

    def learn_genders(self, sentences: list[Span], quotes: list[QuoteSpan]) -> None:
        """Each person's gender as the text gives it: an honorific before their name ("Ms. Haley"),
        a role word ("spokeswoman"), the pronouns after their name in a sentence that names them
        and nobody else (outside quotation marks: "…," Haley said, noting that she …). Unknown
        when the clues disagree."""
        cues = lexicon.genders()
        votes: dict[str, set] = {}

        canonical: dict[str, str] = {}  # a person's name → the surname of the person the index has

        def key(person: Person) -> str:
            if person.name not in canonical:
                canonical[person.name] = surname(self._canonical(person).name)
            return canonical[person.name]

        def vote(person: Person, gender: str) -> None:
            votes.setdefault(key(person), set()).add(gender)

        roles_seen = set()
        for mention in self.all_person_mentions:
            before = self.text[max(0, mention.start - 10):mention.start].split()
            for gender, words in cues.items():
                if before and before[-1] in words["honorifics"]:
                    vote(mention.person, gender)
            if mention.person.role and mention.person not in roles_seen:
                roles_seen.add(mention.person)
                role = mention.person.role.lower()
                for gender, words in cues.items():
                    if any(r in role for r in words["roles"]):
                        vote(mention.person, gender)
        quote_starts = [q.start for q in quotes]
        pronoun_gender = {pronoun: gender for gender, cue in cues.items() for pronoun in cue["pronouns"]}
        pronouns = [(m.start(), pronoun_gender[m.group(0).lower()])
                    for m in _gendered_pronoun_pattern().finditer(self.text)]  # one pass
        for sentence in sentences:
            at = bisect.bisect_left(pronouns, (sentence.start,))
            if at == len(pronouns) or pronouns[at][0] >= sentence.end:
                continue  # no pronoun of a gender
            first_mention = bisect.bisect_left(self._quiet_person_starts, sentence.start)
            people = {key(m.person): m.person for m in
                      self.person_mentions[first_mention:bisect.bisect_left(self._quiet_person_starts, sentence.end)]}
            if len(people) != 1:
                continue
            # the pronouns after the name ("Haley said, noting that she …"; not "She will see Idrissi"),
            # outside quotation marks
            first = self.person_mentions[first_mention]
            found = {gender for offset, gender in pronouns[bisect.bisect_left(pronouns, (first.end,)):
                                                          bisect.bisect_left(pronouns, (sentence.end,))]
                     if not _in_quote(offset, quotes, quote_starts)}
            if len(found) == 1:
                vote(next(iter(people.values())), found.pop())
        self._genders = {name: genders.pop() for name, genders in votes.items() if len(genders) == 1}

    def _canonical(self, person: Person) -> Person:
        return self.index.get(person.name) or person

    def _pronoun_antecedent(self, before: int, pronoun: str) -> tuple[int, Person] | None:
        """The person a pronoun before an offset refers to: the most salient one the text does not
        give the other gender; for a gender that prefers the known (roles.yml genders), the most
        salient one the text gives that gender in the salience window, if any ("she added" after
        Haley, not the Maduro named since)."""
        gender = next((g for g, cue in lexicon.genders().items() if pronoun in cue["pronouns"]), None)
        if gender is None:
            return self._last_person_at(before)

        if not self._genders:
            return self._last_person_at(before)

        def known(person: Person) -> str | None:
            return self._genders.get(surname(self._canonical(person).name))

        named = self._last_person_at(before, lambda person: known(person) in (None, gender))
        if (named and known(named[1]) is None and lexicon.genders()[gender]["prefer_known"]
                and gender in self._genders.values()):
            same = self._last_person_at(before, lambda person: known(person) == gender)
            if same and before - same[0] < _GENDERED_REACH:
                return same
        return named

    def is_verb(self, verb: lexicon.VerbMatch) -> bool:
        """is_verb() for a reporting verb of this text."""
        used = self._verb_uses.get(verb.first)
        if used is None:
            used = self._verb_uses[verb.first] = is_verb(self.text, verb)
        return used

    def has_complement(self, verb: lexicon.VerbMatch) -> bool:
        """has_complement() for a reporting verb of this text."""
        found = self._complements.get(verb.first)
        if found is None:
            found = self._complements[verb.first] = has_complement(self.text, verb)
        return found

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The actor mentions inside text[start:end]."""
        return self.mentions[bisect.bisect_left(self._mention_starts, start):
                             bisect.bisect_right(self._mention_ends, end)]

    def person_mentions_within(self, start: int, end: int) -> list[PersonMention]:
        """The person mentions inside text[start:end], quoted or not."""
        return self.all_person_mentions[bisect.bisect_left(self._person_starts, start):
                                        bisect.bisect_right(self._person_ends, end)]

    def remember(self, offset: int, person: Person | None) -> None:
        if person is not None:
            self.speakers.append((offset, person))
            # by offset, equal offsets in the order remembered, for _last_person_at's walk back
            bisect.insort(self._speakers_by_offset, (offset, len(self.speakers), person), key=lambda s: s[0])

    def _last_person_at(self, before: int, fits=lambda p: True) -> tuple[int, Person] | None:
        """The most salient person before an offset, and where: a recent speaker, else the last person named."""
        for offset, person in reversed(self.speakers):  # the last remembered in the window that fits
            if before - _SALIENCE_WINDOW < offset < before and fits(person):
                return offset, self.index.get(person.name) or person
            if offset < before - _SALIENCE_WINDOW - _SPEAKERS_OUT_OF_ORDER:
                break  # speakers are remembered sentence by sentence: none later in the window
        # Else the last person named or remembered before the offset that fits, walking back through
        # both lists by offset (a speaker before a mention at the same offset)
        mentions = bisect.bisect_left(self._quiet_person_starts, before) - 1
        speakers = bisect.bisect_left(self._speakers_by_offset, before, key=lambda s: s[0]) - 1
        while mentions >= 0 or speakers >= 0:
            mention = self.person_mentions[mentions] if mentions >= 0 else None
            speaker = self._speakers_by_offset[speakers] if speakers >= 0 else None
            if speaker is not None and (mention is None or speaker[0] >= mention.start):
                offset, person = speaker[0], speaker[2]
                speakers -= 1
            else:
                offset, person = mention.start, mention.person
                mentions -= 1
            if fits(person):
                return offset, self.index.get(person.name) or person
        return None

    def unnamed_subject_in(self, start: int, end: int) -> bool:
        """Was an unnamed voice with a role ("the country's top diplomat") found in text[start:end]?
        Unnamed voices are remembered in text order, as sentences are attributed."""
        return bool(self.unnamed) and start <= self.unnamed[-1][0] < end

    def _last_unnamed_at(self, before: int, noun: str | None = None, *,
                         number: str | None = None) -> tuple[int, str] | None:
        """The last unnamed voice in the salience window with this role noun (any, when None)
        and, when number is given, in the "singular" ('he', 'she') or the "plural" ('they'): (offset, actor)."""
        for offset, role, actor in reversed(self.unnamed):
            if not before - _SALIENCE_WINDOW < offset < before:
                continue
            role_number = "singular" if role == _singular(role) else "plural"
            if (noun is None or _singular(role) == _singular(noun)) and number in (None, role_number):
                return offset, actor
        return None

    def _actor_at_antecedent(self, before: int, noun: str) -> str | None:
        """The actor named next to the last earlier mention of a noun ('China's demands in an editorial')."""
        window_start = max(0, before - _SALIENCE_WINDOW)
        antecedents = list(re.finditer(rf"\b{re.escape(noun)}\b", self.text[window_start:before], re.I))
        if not antecedents:
            return None
        at = window_start + antecedents[-1].start()
        near = self.mentions_within(at - _ANTECEDENT_REACH, at + _ANTECEDENT_REACH)
        return min(near, key=lambda m: abs(m.start - at)).code if near else None

    def _names_an_outlet(self, start: int, end: int) -> bool:
        """Does an outlet's name overlap text[start:end] ("People’s" in "People’s Daily said")?"""
        window = lexicon.phrase_matches(lexicon.outlet_automaton(), self.text, max(0, start - _LONGEST_OUTLET_NAME),
                                        min(len(self.text), end + _LONGEST_OUTLET_NAME))
        return any(first < end and start < stop for first, stop, _ in window)

    def is_outlet(self, start: int, end: int) -> bool:
        """Is text[start:end], a verb's subject, an outlet ("The Times", "the BBC", "the paper")?"""
        core = _without_trailing_filler(self.text[start:end]).strip(" ,\n")
        return bool(_OUTLET_SUBJECT.fullmatch(core) or lexicon.outlet_pattern().fullmatch(core)
                    or lexicon.outlet_pattern().fullmatch(core.removeprefix("The ").removeprefix("the ")))

    def _last_outlet_actor_at(self, before: int) -> str | None:
        """The state of the last outlet named before an offset, if a state's own (a state agency)."""
        window_start = max(0, before - _SALIENCE_WINDOW)
        outlets = list(lexicon.outlet_pattern().finditer(self.text, window_start, before))
        if not outlets:
            return None
        at = outlets[-1].start()
        return next((m.code for m in self.mentions_within(at, outlets[-1].end()) if m.start == at), None)

    def remember_first_person_named(self, start: int, end: int) -> None:
        """Remember the first person named in text[start:end] outside quotation marks, where named:
        a pronoun before the name in the same sentence ("In Paris, he will meet Saud al-Faisal")
        is not that person."""
        first = bisect.bisect_left(self._quiet_person_starts, start)
        if first < len(self.person_mentions) and self.person_mentions[first].start < end:
            mention = self.person_mentions[first]
            self.remember(mention.start, self.index.get(mention.person.name) or mention.person)

    def person_before(self, start: int, before: int) -> Person | None:
        """The last person named in text[start:before]: the antecedent of 'who said'."""
        inside = self.person_mentions_within(start, before)
        return (self.index.get(inside[-1].person.name) or inside[-1].person) if inside else None

    def resolve(self, start: int, end: int, *, create: bool = True) -> tuple[Person | None, str | None]:
        """(speaker, actor) for the phrase text[start:end], the subject of a reporting verb.

        With create, a name the article never introduced becomes a new person (the
        subject of 'said' is someone); without it, only known people are found."""
        phrase = self.text[start:end]
        core = _without_trailing_filler(phrase).rstrip(" ,")
        if core.endswith(")"):
            core = _TRAILING_PARENTHESIS.sub("", core)
        introduction = _introductory_phrase_length(core)
        if introduction:  # "In a memorandum to GATT, China said": neither GATT nor anyone in it speaks
            start, core = start + introduction, core[introduction:]
        stop = start + len(core)
        last_comma = core.rfind(",")
        inside = self.person_mentions_within(start, stop)
        if last_comma >= 0 and core[last_comma + 1:].lstrip()[:1].islower():
            # not a person inside a descriptive appositive's own phrase ("Ms. Ruiz, a former
            # trade minister under Mr. Alves, said"; but "…, Deputy Under Secretary of
            # Commerce Bruce Smart said" has the speaker's title)
            inside = [m for m in inside if m.start < start + last_comma
                      or not _APPOSITIVE_PREPOSITIONS.intersection(self.text[start + last_comma:m.start].lower().split())]
        if inside:
            represented = self._represented_by_unnamed(core, start, inside)
            if represented is not None:
                return None, represented.actor
            # "Iran's envoy, Ali Bagheri, said": after an appositive comma the person there is the
            # subject; but in a list ("Le Drian, Angela Merkel and the IAEA said") the first named.
            # ("Le Drian, Angela Merkel and the IAEA", "Sens. Ann Lee, R-Ohio, and Tom Wu";
            # not "Kerry and Lavrov's talks …, with Brahimi calling them")
            second = inside[1] if len(inside) > 1 else None
            listing = "," not in core[:inside[0].start - start] and (
                " and " in core[last_comma:]
                or second is not None and " and " in self.text[inside[0].end:second.start]
                and not _POSSESSIVE_MARK.match(self.text, second.end)
            ) or second is not None and ", and " in self.text[inside[0].end:second.start]
            # ("the US president, Dan Avery, and his counterpart, Moon Jae-in, agreed": both, the first named)
            after_comma = [m for m in inside if m.start > start + last_comma]
            chosen = inside[0] if listing else (after_comma or inside)[0]
            person = self._role_holder_after(chosen.end, stop, create) or self.index.get(chosen.person.name) or chosen.person
            return person, person.actor
        words = core.strip().lower().split()
        if words and words[-1] in lexicon.pronouns():  # a nominative pronoun right before the verb is its subject
            named = self._pronoun_antecedent(start, words[-1])
            unnamed = self._last_unnamed_at(start, number="singular")
            if unnamed and (named is None or unnamed[0] > named[0]):
                return None, unnamed[1]
            return (named[1], named[1].actor) if named else (None, None)
        actors_inside = self.mentions_within(start, stop)
        actor = actors_inside[0].code if actors_inside else None
        follow = _follow_up_pattern().search(core)
        if follow:
            noun = follow.group("noun")
            # "one official said" is one of the unnamed officials of before, never a named person;
            # nor are "the officials": a plural is never one person
            plural = follow.end() > follow.end("noun")
            definite_singular = follow.group("det").lower() == "the" and not plural
            named = self._last_person_at(start, _fits_role(noun, actor)) if definite_singular else None
            unnamed = self._last_unnamed_at(start, noun)
            # at one offset the unnamed voice, the subject, is more salient than the person its
            # sentence names ("An official said Reyes had …. The official said …")
            if unnamed and (named is None or unnamed[0] >= named[0]):
                return None, unnamed[1]
            if named:
                return named[1], named[1].actor or actor
        # The pattern can only match at the end (or before a final line break): most phrases
        # end with no role noun, which str.endswith tells far faster than a search.
        unnamed_role = (_unnamed_role_pattern().search(core)
                        if core.removesuffix("\n").endswith(_role_endings()) else None)
        if unnamed_role:
            # The role's own actor, named right before it ("U.S. defense officials", "Iran's foreign
            # ministry officials"); in "Iran has attacked ships and U.S. officials have said" or "talks
            # were held in Canada, the officials said" the first actor named is not theirs.
            nearest = actors_inside[-1] if actors_inside else None
            if nearest and _MODIFIER_GAP.fullmatch(self.text, nearest.end, start + unnamed_role.start()):
                actor = nearest.code
            elif self.home and unqualified_voice().search(self._common_noun_opening(core)):
                actor = self.home  # "a senior administration official said"
            else:
                actor = None
            # of no party too ("another diplomat said"): "the diplomat" later is that voice, not a person named
            self.unnamed.append((start, unnamed_role.group(0), actor))
        if words and words[0] in lexicon.group_pronouns():
            if words == ["they"] and actor is None:  # "Officials said … They said …": those officials' party
                unnamed = self._last_unnamed_at(start, number="plural")
                actor = unnamed[1] if unnamed else None
            if words == ["it"] and actor is None:  # "The Egyptian military said … It said …": that body's party
                actor = next((a for o, a in reversed(self.party_voices) if before_window(o, start)), None)
            return None, actor
        if lexicon.is_binding_text_subject(core + " "):
            return None, None  # "the agreement calls for …" sets terms; nobody speaks
        definite = _DEFINITE_NOUN.fullmatch(core.strip())
        if definite and actor is None and not follow:
            # "the editorial said": the actor named where the editorial was first mentioned (not
            # "the officials said" with no officials before: that is the home state's, see analyse)
            if definite.group("noun") in lexicon.outlet_nouns():  # "the paper said": the last outlet named
                return None, self._last_outlet_actor_at(start)
            return None, self._actor_at_antecedent(start, definite.group("noun"))
        for match in _name_pattern().finditer(core):
            # a name right before the verb, or one that opens the phrase and is followed by
            # an appositive ("Lena Holt, the bloc's spokeswoman,"), not by more of the subject
            # ("Regional dynamics have added")
            opens_the_phrase = match.start() == 0 and match.group("name").split()[0].lower() not in _PLACE_PREPOSITIONS and (
                core[match.end():].startswith(",")  # not "In Western Europe, the approach …"
                or core[match.end():].startswith(" of ") and " " in match.group("name"))  # "Sokeel Park of Liberty in …"
            if match.end() != len(core) and not opens_the_phrase:
                continue
            if not opens_the_phrase and _AFTER_PLACE_PREPOSITION.search(core, 0, match.start()):
                continue  # "Fishermen in Cadiz protested": the name is a preposition's object, not the subject
            name_start = start + match.start("name")
            if any(m.start < name_start + len(match.group("name")) and name_start < m.end for m in actors_inside):
                continue
            if self._names_an_outlet(name_start, start + match.end("name")):
                continue  # "The Times reports", "the BBC said": an outlet, no person
            cleaned = _clean_name(match.group("name"))
            known = (self.index.get(cleaned) or self._by_given_name(cleaned)) if cleaned else None
            owned = _POSSESSIVE.split(match.group("name"))[-1]
            if owned != match.group("name") and self.index.get(owned):
                known = self.index.get(owned)  # "Jardine Fleming's Edwards": the firm's Edwards, met before
            if known or (cleaned and create):
                person = known or self.index.add(Person(name=self._introduced_as(cleaned, name_start)))
                return person, person.actor
        return None, actor

    def is_unnamed_voice(self, start: int, end: int) -> bool:
        """Is text[start:end], a reporting verb's subject in which resolve() found no person and no
        party, still a voice, one nobody names? A group pronoun ('…," it said'), a text or a group
        (reporting.yml impersonal_voices: 'the statement', 'a coalition of farm groups'), a
        lower-case plural ('opposition lawmakers', 'analysts'), a role noun with no article
        ('another diplomat') or one that refers back to such a voice ('the diplomat'). Such a
        voice takes over a run of quotes from the person quoted before it."""
        core = _without_trailing_filler(self.text[start:end]).strip(" ,\n")
        words = core.split()
        if (not words or len(words) > _LONGEST_UNNAMED_VOICE or "," in core or self.person_mentions_within(start, end)
                or self.verbs.within(start, end)):
            return False  # a person, or a clause ("Ansi called the two brothers, Said …")
        if len(words) == 1 and words[0].lower() in lexicon.group_pronouns():
            return True
        # the head: the last word, or the word before the phrase's first preposition ("a coalition of …")
        heads = [words[-1]]
        preposition = next((n for n, word in enumerate(words) if word in _APPOSITIVE_PREPOSITIONS), 0)
        if preposition:
            heads.append(words[preposition - 1])
        for n, head in enumerate(heads):
            if not (head.islower() or head[1:].islower() and core.startswith(head)):
                continue  # a name or an acronym, or a capitalised word inside the phrase
            noun = head.lower().strip(".,;:")
            singular = _singular(noun)
            if singular in lexicon.impersonal_voices() or noun in _COMMENTATORS:
                return True
            if singular in _FOLLOW_UPS:
                definite = words[0].lower() in ("the", "this", "that")
                # "the diplomat" only after "another diplomat": else it may mean a person named before
                return noun != singular or not definite or self._last_unnamed_at(start, singular) is not None
            if n == 0 and noun != singular and len(singular) > 2 and not noun.endswith(("us", "is", "ss")):
                return True  # a plural: many voices, no one person
        return False

    def _represented_by_unnamed(self, core: str, start: int, inside: list[PersonMention]) -> Person | None:
        """The person an unnamed voice speaks for, when the subject is that voice: "Theresa May's
        spokesman", "a senior Obama administration official", "a spokesman for Secretary-General
        Ban Ki-moon". Not "Iran's envoy, Ali Bagheri" nor "Putin spokesman Dmitry Peskov", where
        a name follows the role."""
        last = inside[-1]
        after = self.text[last.end:start + len(core)]
        if after and core.removesuffix("\n").endswith(_role_endings()) and "," not in after \
                and not _name_pattern().search(after) and _unnamed_role_pattern().search(core):
            return self.index.get(last.person.name) or last.person
        head = _ROLE_FOR.match(core)
        if head and start + head.end() <= inside[0].start and "," not in self.text[start + head.end():inside[0].start]:
            # not "the Chilean envoy to the WTO, Ana Soto": an apposition names the role's holder
            return self.index.get(inside[0].person.name) or inside[0].person
        return None

    def _introduced_as(self, name: str, before: int) -> str:
        """The full name a one-word name was introduced by earlier in the text ("Nasr al-Ansi, a top
        commander of …" before "Ansi said"), else the name itself."""
        if " " in name:
            return name
        at = self.text.find(name, 0, before)  # str.find, then a look at the words before each
        while at >= 0:
            words = _WORDS_BEFORE_A_SURNAME.search(self.text, max(0, at - _LONGEST_GIVEN_NAMES), at)
            if words and _WORD_END.match(self.text, at + len(name)):
                full = _clean_name(words.group(0) + name)
                if full and " " in full and full.split()[-1] in (name, f"{words.group('particle') or ''}{name}"):
                    return full
            at = self.text.find(name, at + 1, before)
        return name

    def names_partyless_officials(self, start: int, end: int) -> bool:
        """Is text[start:end], up to a verb, officials of no state the gazetteer knows ("European
        diplomats", "Western officials")?"""
        match = _PARTYLESS_OFFICIALS.match(self.text, start, end)
        return match is not None and not self.mentions_within(match.start("modifier"), match.end("modifier"))

    def _common_noun_opening(self, phrase: str) -> str:
        """The phrase with its first letter in lower case when the article uses that first word in
        lower case elsewhere: "Administration officials said" opens a sentence, but "the Obama
        administration" shows the word is no name ("Western officials" stays capitalised)."""
        first = phrase.split(None, 1)[0] if phrase[:1].isupper() else ""
        if first and first[1:].islower() and re.search(rf"\b{re.escape(first.lower())}\b", self.text):
            return phrase[:1].lower() + phrase[1:]
        return phrase

    def _role_holder_after(self, end: int, stop: int, create: bool) -> Person | None:
        """The person named right after a role of the person named before `end` ("Putin
        spokesman Dmitry Peskov", "Idrissi's envoy Karim Alaoui"): the head of the phrase."""
        name = _name_pattern().search(self.text, end, stop)
        if not name or not _is_role_between(self.text[end:name.start()]):
            return None
        cleaned = _clean_name(name.group("name"))
        known = self.index.get(cleaned) if cleaned else None
        if known or (cleaned and create):
            return known or self.index.add(Person(name=cleaned))
        return None

    def _by_given_name(self, name: str) -> Person | None:
        """'Emily says': the one person of the article whose given name this is, if only one."""
        if " " in name:
            return None
        people = [p for p in self.index.people() if " " in p.name and p.name.split()[0] == name]
        return people[0] if len(people) == 1 else None


_LONGEST_UNNAMED_VOICE = 12  # words: a longer subject is more likely a clause than a voice
_FOLLOW_UPS = frozenset(lexicon.roles()["follow_ups"])
_COMMENTATORS = frozenset(lexicon.roles()["unnamed_voices"])
_LONGEST_OUTLET_NAME = 40  # characters: how far around a name an outlet's name that holds it may reach
_OUTLET_SUBJECT = re.compile(rf"(?i:the)\s+(?:{'|'.join(sorted(lexicon.outlet_nouns()))})")


# An unnamed voice for someone: "a spokesman for", "an adviser to".
_ROLE_FOR = re.compile(rf"(?i:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?"
                       rf"(?:{lexicon.longest_first_alternation(lexicon.roles()['follow_ups'])})s?\s+(?:for|to)\s")


@cache
def _gendered_pronoun_pattern() -> re.Pattern:
    pronouns = sorted(set().union(*(cue["pronouns"] for cue in lexicon.genders().values())), key=len, reverse=True)
    openings = "".join(sorted({p[0] + p[0].upper() for p in pronouns}))
    return re.compile(opening_with(openings, rf"\b(?i:{'|'.join(pronouns)})\b"))


def _in_quote(offset: int, quotes: list[QuoteSpan], quote_starts: list[int]) -> bool:
    """Is the offset inside a quotation? Quotes are in text order and do not overlap."""
    number = bisect.bisect_right(quote_starts, offset) - 1
    return number >= 0 and offset < quotes[number].end


def before_window(offset: int, before: int) -> bool:
    """Is an offset in the salience window before another?"""
    return before - _SALIENCE_WINDOW < offset < before


# Up to three capitalised words before a surname, which may have a particle ("Nasr al-Ansi").
_WORDS_BEFORE_A_SURNAME = re.compile(rf"\b(?:[A-Z][\w'’.-]*\s){{1,3}}(?P<particle>(?:{'|'.join(lexicon.roles()['name_particles'])})-)?$")
_LONGEST_GIVEN_NAMES = 50
_WORD_END = re.compile(r"\b(?!-)")


_PLACE_PREPOSITIONS = lexicon.grammar()["place_prepositions"]
_AFTER_PLACE_PREPOSITION = re.compile(rf"\b(?:{'|'.join(_PLACE_PREPOSITIONS)})\s+$")
_APPOSITIVE_PREPOSITIONS = frozenset(lexicon.grammar()["appositive_prepositions"])
_ROLE_HEADS = frozenset(head.lower() for head in lexicon.roles()["heads"])
_POSSESSIVE_MARK = re.compile(r"['’]s\b")


def _is_role_between(gap: str) -> bool:
    """Is the text between two names a role of the first's ("Putin spokesman ", "Obama's envoy ")?"""
    words = gap[2:].lower().split() if _POSSESSIVE_MARK.match(gap) else gap.lower().split()
    return 0 < len(words) <= 2 and words[-1] in _ROLE_HEADS


_INTRODUCTORY_OPENERS = frozenset(lexicon.grammar()["introductory_prepositions"] + lexicon.grammar()["clause_openers"])


def _introductory_phrase_length(subject: str) -> int:
    """Length of the introductory phrases opening a subject ("In an interview with Russian
    television, he …", "Speaking to reporters, Kerry …", "At the same time, and as strikes
    loomed, Moscow …") up to the comma that ends them, else 0. Each phrase ends at its first
    comma: after it come the subject's own ("On Friday, Sen. John Cornyn, R-Texas, wrote")."""
    length = 0
    while True:
        rest = subject[length:]
        words = rest.split(None, 2)
        if words and words[0].lower() in ("and", "but") and len(words) > 1:
            words = words[1:]  # "…, and as the threat loomed, …": one more phrase
        first = words[0] if words else ""
        comma = rest.find(",")
        if comma <= 0 or first.lower() not in _INTRODUCTORY_OPENERS and not (
                first[:1].isupper() and first.endswith("ing")) and not _past_participle_phrase(words):
            return length
        length += len(rest) - len(rest[comma + 1:].lstrip())


_PARTICIPLE_OBJECTS = _INTRODUCTORY_OPENERS | frozenset(lexicon.grammar()["question_words"])


def _past_participle_phrase(words: list[str]) -> bool:
    """Do the words open with a past participle and its preposition ("Asked about the talks, …",
    "Faced with protests, …")? Not a name ending in -ed ("Mohammed bin Salman")."""
    return (len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower() and words[0].endswith("ed")
            and words[1] in _PARTICIPLE_OBJECTS)


_POSSESSIVE = re.compile(r"['’]s\s+")
# Between an actor and the role it qualifies: at most two more modifiers ("U.S. defense officials",
# "Iran's foreign ministry officials").
_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w.-]+){0,2}\s+")


@cache
def _unnamed_role_pattern() -> re.Pattern:
    """'a South Korean diplomat', 'U.S. officials', 'one official': a role noun with no name after it."""
    nouns = sorted(lexicon.roles()["follow_ups"], key=len, reverse=True)
    return re.compile(r"\b(?P<noun>" + "|".join(re.escape(n) for n in nouns) + r")s?$")


# Role nouns qualified by one capitalised word that may name no state ("European diplomats").
_PARTYLESS_OFFICIALS = re.compile(
    rf"(?i:(?:{'|'.join(lexicon.grammar()['subject_determiners'])})\s+)?"
    rf"(?!(?i:{'|'.join(lexicon.grammar()['noun_markers'])})\s)(?P<modifier>[A-Z][a-z]+)\s+"  # not "Another diplomat"
    rf"(?:{lexicon.longest_first_alternation(lexicon.roles()['follow_ups'])})s?\s+$")


@cache
def _role_endings() -> tuple[str, ...]:
    """The ends of the phrases _unnamed_role_pattern() matches: a role noun, maybe in the plural."""
    nouns = lexicon.roles()["follow_ups"]
    return tuple(nouns) + tuple(noun + "s" for noun in nouns)


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _fits_role(noun: str, actor: str | None):
    """Does a person fit 'the <actor> <noun>'? Synonyms come from roles.yml ('leader' → president, ...)."""
    names = [noun, *lexicon.roles()["follow_up_synonyms"].get(noun, ())]

    def fits(person: Person) -> bool:
        role = (person.role or "").lower()
        if actor and person.actor and person.actor != actor:
            return False
        return any(name in role for name in names)
    return fits


# ------------------------------------------------------------------ rules


@cache
def unqualified_voice() -> re.Pattern:
    """An unnamed official with no party named ("officials said", "a senior defense official"), up to its verb."""
    nouns = lexicon.longest_first_alternation(lexicon.roles()["unqualified_voices"], ignore_case=True)
    # Modifiers are lower-case words or acronyms ("senior defense", "MITI"): a capitalised
    # word ("Western officials") may name another party, so it does not qualify.
    return re.compile(rf"(?:^|[,;]\s|\bthat\s)(?i:but\s+|and\s+|yet\s+)?(?i:(?:{'|'.join(lexicon.grammar()['subject_determiners'])})\s+)?"
                      rf"(?:(?:[a-z][\w-]*|[A-Z]{{2,}})\s+){{0,2}}(?i:{nouns})(?:\s+here|\s+there)?\s*(?:\w+ly\s+)?"
                      rf"(?:have\s+|had\s+|has\s+)?$")


def may_be_unqualified_voice(phrase: str) -> bool:
    """Might unqualified_voice() match this phrase, which ends with no whitespace? Then the
    phrase ends with one of its nouns, or with 'here' or 'there' after one: a test of the
    end that spares most searches, which try every character."""
    if phrase.endswith(("here", "there")):
        return True
    nouns, longest = _unqualified_voice_nouns()
    tail = phrase[-longest:]
    # re.IGNORECASE equates some other letters with ASCII ones ('ſ' with 's'), lower() does not
    return not tail.isascii() or tail.lower().endswith(nouns)


@cache
def _unqualified_voice_nouns() -> tuple[tuple[str, ...], int]:
    """unqualified_voice()'s nouns in lower case, and the length of the longest."""
    nouns = tuple(noun.lower() for noun in lexicon.roles()["unqualified_voices"])
    return nouns, max(map(len, nouns))


@cache
def _abbreviations() -> list[str]:
    """Words whose period ends no speaker phrase ("Lt. Col. Dan Morrow", "John D. Fields")."""
    words = lexicon.roles()["honorifics"] + lexicon.roles()["title_abbreviations"]
    return sorted({re.escape(a.rstrip(".")) for a in words})


@cache
def _who() -> str:
    """A speaker phrase: up to a dozen words with no clause punctuation, except abbreviation periods."""
    # the period first: the lookbehinds are tried only at a period
    periods = r"\.(?:" + "|".join([rf"(?<=\b{a}\.)" for a in _abbreviations()] + [r"(?<=\b[A-Z]\.)"]) + ")"
    # a parenthesis after a name gives a party and a state ("Sen. Claire McCaskill (D-Mo.) said")
    return rf"(?:[^,.;:\"“”\n(]|\([^()\"“”\n]{{1,40}}\)|{periods})"


@cache
def _who_end() -> str:
    """The punctuation that ends a speaker phrase after its verb: not an abbreviation's period."""
    not_abbreviated = "".join(rf"(?<!\b{a}\.)" for a in _abbreviations()) + r"(?<!\b[A-Z]\.)"
    return rf"(?:[,;:]|\.{not_abbreviated}|$)"  # the period first: the lookbehinds are tried only at a period


@cache
def _after_patterns() -> tuple[tuple[str, int, re.Pattern], ...]:
    """Attributions right after a closing mark, most specific first:
    '," said the minister', '," the minister said', '," Maja Kocijancic, EU spokeswoman, told reporters'.

    Each comes with a string and how many of it the pattern needs ("", 0 for
    none), counted first: trying the pattern costs far more."""
    verbs = lexicon.reporting_verb_alternation()
    who = _who()
    filler = r"(?:(?:was|were|has|had|also|then|later|again|\w+ly)\s+)*"
    # A new clause ('…" and Pyongyang's position would not change', '…," when Ruiz attacked him')
    # is no attribution.
    conjunctions = "|".join(sorted({"and", "but", "or", *lexicon.grammar()["clause_openers"]}))
    normal = rf"\s*+,?\s*+(?!\s|(?:{conjunctions})\s)(?P<who>{who}{{1,70}}?)\s+{filler}(?P<verb>{verbs})\b"
    # one or two appositives: "Lena Holt, the bloc's spokeswoman, said"; "Rep. Ann Kay, R-Ohio, chair of …, said"
    appositive = rf"\s*+,?\s*+(?P<who>{who}{{3,50}}?)(?:,[^,\"“”\n]{{2,90}}?){{1,2}},\s+{filler}(?P<verb>{verbs})\b"
    quoted_as = rf"\s*+,?\s*+{who}{{1,40}}?\s(?P<verb>quoted)\s+(?P<who>{who}{{2,50}}?)\s+as\s+(?:saying|telling)\b"
    return (("quoted", 1, re.compile(quoted_as)), ("", 0, _inverted_pattern()), ("", 0, re.compile(normal)),
            (",", 2, re.compile(appositive)))  # the commas around the appositive; rare after a quote


# How a subject after its verb opens ("said the officials", "said Pope Francis"), unlike
# an object or an infinitive ("refused to assign blame"). The verb is not lower-cased here.
_SUBJECT_OPENING = re.compile(rf"(?:{'|'.join(lexicon.grammar()['subject_determiners'])})\s|[A-Z]")


@cache
def _inverted_pattern() -> re.Pattern:
    """A reporting verb before its subject: '," said the minister', '…, said the officials, who …'."""
    return re.compile(rf"\s*+,?\s*+(?P<verb>{lexicon.reporting_verb_alternation()})\s+(?P<who>{_who()}{{2,60}}?)\s*{_who_end()}",
                      re.I)


def _stance(verb: str) -> str | None:
    entry = lexicon.reporting_verbs().get(" ".join(verb.lower().split()))
    return entry[1] if entry else None


def stance_of(verb: lexicon.VerbMatch) -> str | None:
    """The stance class of a reporting verb found in the text."""
    return _stance(verb.group(0))


_WORDS_BEFORE_A_LATE_ATTRIBUTION = 8
# A speaker signed under or after a quote with a dash: '"…"\n— Tariq Haddad, Reuters', '"…," — Jane Doe.'
_SIGNATURE = re.compile(r"[ \t]*+[,.]?[ \t]*+\n?[ \t]*+(?:—|–|--)[ \t]*(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                        r"[ \t]*(?=[,.]|\n|$)")


def after_quote(resolver: Resolver, close: int, sentence: Span, next_sentence: Span | None) -> Voice:
    """The speaker named after the closing mark, in the same sentence or, when the
    quote ends its sentence, in a bare attribution right after it ('..." Johnson said Monday.')."""
    text = resolver.text
    signature = _SIGNATURE.match(text, close + 1)
    if signature:  # a quote on its own line, then "— Name, Outlet"
        speaker, actor = resolver.resolve(signature.start("who"), signature.end("who"))
        if speaker:
            return Voice(speaker=speaker, actor=actor, stance="statement", rule="after")
    next_mark = _QUOTE_MARK.search(text, close + 1, sentence.end)
    stop = next_mark.start() if next_mark else sentence.end
    starts = [(close + 1, stop)]
    # '"…" between Europe and Iran, said Tony Blinken': the sentence's words after the quote
    # run on to a comma, then the attribution
    comma = text.find(",", close + 1, stop)
    if comma > 0 and len(text[close + 1:comma].split()) <= _WORDS_BEFORE_A_LATE_ATTRIBUTION:
        starts.append((comma, stop))
    if (not text[close + 1:sentence.end].strip(" .") and next_sentence is not None
            and next_sentence.paragraph == sentence.paragraph
            and len(text[next_sentence.start:next_sentence.end].split()) <= 8):
        starts.append((next_sentence.start, next_sentence.end))
    for start, end in starts:
        for needed, times, pattern in _after_patterns():
            if times and text.count(needed, start, end) < times:
                continue
            match = pattern.match(text, start, end)
            if not match:
                continue
            speaker, actor = resolver.resolve(match.start("who"), match.end("who"))
            if speaker or actor or resolver.is_outlet(match.start("who"), match.end("who")):
                return Voice(speaker=speaker, actor=actor, stance=_stance(match.group("verb")), rule="after")
            if resolver.is_unnamed_voice(match.start("who"), match.end("who")):
                return Voice(speaker=None, actor=None, stance=_stance(match.group("verb")), rule="unnamed")
    return NOBODY


def reported_speech(resolver: Resolver, start: int, end: int, *, rule: str = "before",
                    nearest_first: bool = True, unnamed: bool = False) -> Voice:
    """The subject of a reporting verb in text[start:end], outside quotes.

    Before a quote the verb nearest the quote introduces it; for a sentence
    on its own the first verb is the main clause's. With unnamed, a subject that
    is a voice nobody names (Resolver.is_unnamed_voice) gives a voice of no one,
    rule "unnamed"."""
    text = resolver.text
    verbs = [m for m in resolver.verbs.within(start, end)
             if not inside_quote_marks(text, start, m.start()) and resolver.is_verb(m)
             and not after_prospective(text, start, m.start())
             and (m.end() >= end - 2 or resolver.has_complement(m) or _QUOTED_AS.match(text, m.start(), end))]
    for verb in (reversed(verbs) if nearest_first else verbs):
        if verb is not verbs[0] and _COORDINATED.search(text, start, verb.start()):
            continue  # "He said Iraq's Saddam Hussein was to blame and said …": the earlier verb's subject
        if (not nearest_first and verb.group(0).split()[0].endswith("ing")
                and _GERUND_AFTER_PREPOSITION.search(text, start, verb.start())):
            continue  # "not least by Washington threatening to …": a gerund, not the sentence's verb
        stance = _stance(verb.group(0))
        quoted_as = _QUOTED_AS.match(text, verb.start(), end)
        if quoted_as:
            # "…, the news agency quoted government spokeswoman Isabel Moreno as saying": his words
            speaker, actor = resolver.resolve(quoted_as.start("who"), quoted_as.end("who"))
            if speaker or actor:
                return Voice(speaker=speaker, actor=actor, stance=stance, rule=rule)
        if _RELATIVE_WHO.search(text, start, verb.start()):
            # "Sen. Ann Lee, an Ohio Democrat, who said it ...": the antecedent speaks
            person = resolver.person_before(start, verb.start())
            if person:
                return Voice(speaker=person, actor=person.actor, stance=stance, rule=rule)
            continue
        if (text[start:verb.start()].rstrip().endswith(",") and not verb.group(0).split()[0].endswith("ing")
                and not _RELATIVE_CLAUSE.search(text, start, verb.start())  # "Ruiz, who led the talks, called"
                and not _opens_with_a_person(resolver, start, verb.start())):  # "Reyes, a Republican who …, said"
            # "The go-between was the Swiss envoy, said the officials": the subject follows the verb
            inverted = _inverted_pattern().match(text, verb.start(), end)
            if inverted and _SUBJECT_OPENING.match(inverted.group("who")):
                speaker, actor = resolver.resolve(inverted.start("who"), inverted.end("who"))
                if speaker or actor:
                    return Voice(speaker=speaker, actor=actor, stance=stance, rule=rule)
        subject_end = verb.start()
        relative = _RELATIVE_CLAUSE.search(text, start, verb.start())
        if relative:  # "Mr. Kerry, who led the U.S. team, called ...": the subject is before the clause
            subject_end = relative.start()
        clause = _clause_start(text, start, subject_end)
        if text[clause:subject_end].strip().lower() == "to":
            continue  # "To support the claim that …, Pyongyang cites …": an infinitive has no subject
        opener = _subordinate_clause_subject(resolver, start, clause, subject_end)
        if opener is not None:
            return Voice(speaker=opener, actor=opener.actor, stance=stance, rule=rule)
        speaker, actor = resolver.resolve(clause, subject_end)
        if speaker or actor or resolver.is_outlet(clause, subject_end):
            # an outlet of no state is a voice of no party: it takes over from the voice before it
            return Voice(speaker=speaker, actor=actor, stance=stance, rule=rule)
        if unnamed and resolver.is_unnamed_voice(clause, subject_end):
            return Voice(speaker=None, actor=None, stance=stance, rule="unnamed")
    return NOBODY


_WORDS_BEFORE_AN_OPENING_NAME = 4


def _opens_with_a_person(resolver: Resolver, start: int, end: int) -> bool:
    """Does text[start:end] open with a person, within its first few words ("Senate Minority Leader
    Tom Reyes, a Texas Republican who …,")? Then a verb after it has that subject."""
    inside = resolver.person_mentions_within(start, end)
    # not after a verb: in "The go-between was Pope Leo, said the officials" the officials speak
    return (bool(inside) and len(resolver.text[start:inside[0].start].split()) <= _WORDS_BEFORE_AN_OPENING_NAME
            and not _SUBJECT_END.search(resolver.text, start, inside[0].start))


# "quoted X as saying": X speaks, not whoever quotes.
_QUOTED_AS = re.compile(r"quoted\s+(?P<who>[^,.;:\"“”]{2,80}?)\s+as\s+(?:saying|telling)\b", re.I)


def _subordinate_clause_subject(resolver: Resolver, start: int, clause: int, subject_end: int) -> Person | None:
    """The person who opens a sentence's subordinate clause when the main clause's subject is a
    lone pronoun: in "When Zarif announced that … Mogherini had delivered …, he added" the "he"
    is Zarif, not the last person named."""
    text = resolver.text
    main_subject = text[clause:subject_end]
    if "," not in main_subject and clause == start:
        return None  # no subordinate clause before the subject
    if not _PRONOUN_SUBJECT.fullmatch(main_subject.rsplit(",", 1)[-1].strip()):
        return None
    opening = _SUBORDINATE_OPENING.match(text, start, subject_end)
    if opening is None:
        return None
    first = resolver.person_mentions_within(opening.end(), subject_end)
    if not first or first[0].start != opening.end():
        return None
    return resolver.index.get(first[0].person.name) or first[0].person


# A sentence opening with a subordinator of time or concession, then its subject.
_SUBORDINATE_OPENING = re.compile(rf"(?:{'|'.join(w.capitalize() for w in lexicon.grammar()['clause_openers'])})\s+")


# The contexts of a form that is_verb() reads end where the form starts. A search for a
# pattern ending in $ tries it at every character of that text; these are written backwards
# instead, to be matched once at the start of the text spelt backwards: "the news " is
# " swen eht". (\b is the same either way round.)


def _backwards(words: tuple[str, ...]) -> str:
    """A regex alternation of the words spelt backwards."""
    return lexicon.longest_first_alternation([w[::-1] for w in words], ignore_case=True)


_NOUN_MARKERS = lexicon.grammar()["noun_markers"]
# A determiner right before the form, or one word before it: "a video report", "the news reports",
# but also "the official said", where a past form after the noun is its verb.
_NOUN_CONTEXT = re.compile(rf"\s+(?:(?P<noun>\w+)\s+)?(?:{_backwards(_NOUN_MARKERS)})\b", re.I)
# A preposition (and maybe one modifier) before a form that could be a plural noun; past
# forms ("Jim Wright of Texas told") are verbs whatever comes before them.
_AFTER_PREPOSITION = re.compile(rf"\s+(?:\w+\s+)?(?:{_backwards(lexicon.grammar()['noun_prepositions'])})\b", re.I)
# A pronoun, an auxiliary, a plural or a negation before a base form: "they say", "officials claim".
_VERB_CONTEXT = re.compile(rf"\W*(?:(?:{_backwards(lexicon.grammar()['verb_openers'])})\b|s\w|t'n\w)", re.I)
_BE_FORMS = lexicon.grammar()["be_forms"]
_PASSIVE_AUXILIARY = re.compile(rf"\s+(?:yl\w+\s+)?(?:{_backwards(_BE_FORMS)})\b", re.I)
# Adverbs between those words and a base form ("they also say", "officials, however, say"),
# read forwards; _ENDS_SKIPPABLE, backwards, tells whether the text ends with one.
_SKIPPABLE_ADVERBS = lexicon.longest_first_alternation(lexicon.grammar()["skippable_adverbs"], ignore_case=True)
_SKIPPABLE = re.compile(rf"(?:,?\s*\b(?:{_SKIPPABLE_ADVERBS}|\w+ly)\b,?)+\s*$", re.I)
_ENDS_SKIPPABLE = re.compile(rf"\s*,?\b(?:{_backwards(lexicon.grammar()['skippable_adverbs'])}|yl\w+)\b", re.I)


def is_verb(text: str, match: re.Match) -> bool:
    """Is this reporting-verb form used as a verb? Many are also nouns ('a video report',
    'the claims'). A bare base form needs a plural subject, a pronoun or an auxiliary
    before it; any form right after a determiner is a noun."""
    before = text[max(0, match.start() - 40):match.start()]
    backwards = before[::-1]  # for the context patterns, written backwards
    word = match.group(0).split()[0]
    base = lexicon.reporting_verbs()[match.group(0)][0].split()[0]
    determined = _NOUN_CONTEXT.match(backwards)
    if determined:
        noun = determined.group("noun")  # spelt backwards
        past = word not in (base, base + "s", base + "es") and not word.endswith("ing")
        named = bool(noun) and noun[-1].isupper() and word != base and text[match.start()].islower()  # "The Times reports"
        # "issued a statement saying": the text speaks for whoever issued it
        text_speaks = bool(noun) and word.endswith("ing") and noun[::-1].lower() in lexicon.impersonal_voices()
        if not (past and noun and not noun[::-1].lower().endswith("ly")) and not named and not text_speaks:
            return False  # but "the ministry said", "the official warned": a noun, then its past-tense verb
    if match.group(0).endswith("ed") and _PASSIVE_AUXILIARY.match(backwards):
        return False  # 'tankers could be threatened by missiles': the subject is not the speaker
    if word in (base, base + "s", base + "es") and _AFTER_PREPOSITION.match(backwards):
        return False  # "an investigation of American claims": a noun
    if word != base:
        return True
    if _ENDS_SKIPPABLE.match(backwards):
        backwards = _SKIPPABLE.sub("", before)[::-1]
    return bool(_VERB_CONTEXT.match(backwards))


# After a verb that needs one: 'that', or a quotation or colon after a few words ("called the
# fishing talks “useful”"), or a comma after up to three ("added, …").
# A verb's object: a determiner, then up to three words ("the new peace plan").
_OBJECT_PHRASE = re.compile(rf"\s+((?:(?i:{'|'.join(_NOUN_MARKERS)})\s+)?(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)")
_COMPLEMENT = re.compile(r"\s*(?:\w+ly\s+)?(?:(?:(?:to\s+)?(?:the\s+|a\s+)?[\w.'’-]+\s+){0,3}?(?:that\b|[,:\"“])"
                         r"|(?:[\w.'’-]+\s+){4,7}?[:\"“])")


def has_complement(text: str, match: re.Match) -> bool:
    """Verbs that report only with a complement ('added that …', 'noted: "…"') have one here.

    'Regional dynamics have added urgency' is not speech; reporting.yml lists
    the verbs that need this check."""
    base = lexicon.reporting_verbs()[match.group(0).lower()][0]
    if base not in lexicon.verbs_needing_complement():
        return True
    if _COMPLEMENT.match(text, match.end()):
        return True
    # A judgement's object can be a policy ("backed a deal", "attacked the announcement"),
    # where "backed a car" or "attacked the base" is no stance
    object_phrase = _OBJECT_PHRASE.match(text, match.end())
    return bool(object_phrase) and base in lexicon.verbs_taking_stance_objects() and any(
        word.lower() in lexicon.stance_objects() for word in object_phrase.group(1).split())


# A preposition and up to three words before an -ing form ("by Washington threatening", "in front
# of the assembly warning"); "with Kerry telling reporters" is a voice, so "with" is not one.
_GERUND_AFTER_PREPOSITION = re.compile(rf"\b(?:{'|'.join(lexicon.grammar()['gerund_prepositions'])})\s+"
                                       r"(?:[\w.'’-]+\s+){0,3}$")
_COORDINATED = re.compile(r"\b(?:and|,\s*but)\s+(?:\w+ly\s+|also\s+)?$")
_RELATIVE_WHO = re.compile(r",\s(?:who|which)\s+(?:\w+ly\s+)?$")
_RELATIVE_CLAUSE = re.compile(r",\s(?:who|which)\s[^,;\"“”]*,\s*$")


def after_introduction(text: str, start: int, end: int) -> int:
    """Where the subject of the sentence text[start:end] starts: after its introductory phrases
    when a name or a pronoun follows them ("At a briefing after the talks broke up,
    Ruiz remained …": the phrase's "talks broke" is no subject and verb of the sentence)."""
    introduction = _introductory_phrase_length(text[start:end])
    if introduction and _NAME_OR_PRONOUN.match(text, start + introduction):
        return start + introduction
    return start


def sentence_subject(resolver: Resolver, start: int, open_mark: int, rule: str, *, known_only: bool = False) -> Voice:
    """The person who opens the sentence, for quotes introduced without a reporting verb
    ('Khamenei appeared skeptical: "..."', 'He likened the move to ... "...").

    Only a person counts: an actor alone is too weak a clue for a direct quote.
    With known_only, a capitalised word is not taken for a new person ('As
    Istanbul prepares …'): only people the article already introduced count."""
    start = after_introduction(resolver.text, start, open_mark)
    pronoun = _PRONOUN_SUBJECT.match(resolver.text, start, open_mark)
    verb = _SUBJECT_END.search(resolver.text, start, open_mark)
    if not verb or _PASSIVE.match(resolver.text, verb.start(), open_mark):
        return NOBODY  # "he was convicted for … "…"": a passive subject neither acts nor speaks
    # "she gave her deputy a week": a pronoun opening the clause is its whole subject, whatever verb follows
    speaker, actor = resolver.resolve(start, pronoun.end() if pronoun else verb.start(), create=not known_only)
    if speaker is None:
        return NOBODY
    return Voice(speaker=speaker, actor=actor, stance=None, rule=rule)


# "was convicted", not "was expected to assure", where the subject still acts
_PASSIVE = re.compile(rf"\s(?:{'|'.join(_BE_FORMS)})\s+(?:\w+ly\s+)?\w+(?:ed|en)\b(?!\s+to\b)")
_PRONOUN_SUBJECT = re.compile(rf"(?:{'|'.join(lexicon.pronouns())})\b", re.I)
_NAME_OR_PRONOUN = re.compile(rf"[A-Z]|(?:{'|'.join(lexicon.pronouns())})\b")
# The first verb-like word: an -ed or -s form (not "his", "this", nor "business", "press"), an auxiliary ("couldn’t" too)
# or an irregular past form ("Johnson went on Fox News").
_SUBJECT_END = re.compile(rf"\s(?:(?!(?:{'|'.join(lexicon.grammar()['never_verbs_in_s'])})\b)[a-z]+(?:ed|(?<!s)s)"
                          rf"|(?:{'|'.join(lexicon.grammar()['auxiliaries'])})(?:n['’]t)?"
                          rf"|{'|'.join(lexicon.past_tense_forms())})\b")


def according_to(resolver: Resolver, start: int, end: int) -> Voice:
    text = resolver.text
    if not lexicon.may_contain(text[start:end], lexicon.according_to_words()):
        return NOBODY  # most sentences: not worth a case-insensitive search
    match = lexicon.according_to_pattern().search(text, start, end)
    if not match:
        return NOBODY
    stop = match.end()
    while stop < end and (text[stop] not in ",.;:\"“”" or text[stop] == "." and _initial_before(text, stop)):
        stop += 1  # not at the period of an initial: "according to a U.S. official"
    speaker, actor = resolver.resolve(match.end(), stop)
    if speaker or actor:
        return Voice(speaker=speaker, actor=actor, stance="statement", rule="according")
    return NOBODY


def _initial_before(text: str, period: int) -> bool:
    """Does the period end an initial, a capital letter on its own ("U.S.", "John F. Kerry")?"""
    return period >= 1 and text[period - 1].isupper() and (period < 2 or not text[period - 2].isalpha())


def after_prospective(text: str, start: int, verb_start: int) -> bool:
    """'… is expected to ' right before a reporting verb: speech still to come (lexicon.prospective_pattern)."""
    return (text[start:verb_start].rstrip().endswith("to")  # a cheap test first: most verbs have no 'to' before them
            and bool(lexicon.prospective_pattern().search(text, start, verb_start)))


def inside_quote_marks(text: str, start: int, pos: int) -> bool:
    marks = text.count("\"", start, pos) + text.count("“", start, pos) + text.count("”", start, pos)
    return marks % 2 == 1


_CLAUSE_BREAK = re.compile(opening_with(";:\"“”,t", r"[;:\"“”]|,\s(?:and|but|while|as)\s|\bthat\b"))


def _clause_start(text: str, start: int, verb_start: int) -> int:
    """Start of the verb's clause: after the last ';', ':', quote mark, 'that' or ', and' (or
    ', but' …) that follows a clause and opens one with a subject. After names alone ("Sens.
    Ann Lee, R-Ohio, and Tom Wu, D-Ore., said") ', and' joins subjects: no
    lower-case word, so no verb, before it."""
    clause = start
    for match in _CLAUSE_BREAK.finditer(text, start, verb_start):
        if match.group(0).startswith(",") and (
                not _LOWER_CASE_WORD.search(text, clause, match.start())
                or _NO_SUBJECT.fullmatch(text, match.end(), verb_start)
                # "the US president, Dan Avery, and his counterpart, …, agreed": no verb before ', and'
                or match.group(0).startswith(", and") and not _SUBJECT_END.search(text, clause, match.start())):
            continue  # "Weinberger declined to discuss specifics, but said …": the verb shares the subject
        clause = match.end()
    return clause


_NO_SUBJECT = re.compile(rf"\s*(?:(?:{_SKIPPABLE_ADVERBS}|\w+ly)\s+)?", re.I)


_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")


def attribute(resolver: Resolver, quotes: list[QuoteSpan], sentences: list[Span],
              quotes_by_sentence: list[range]) -> tuple[list[Voice], list[Voice], list[Person | None]]:
    """Voices for every quote and every sentence, worked out in text order, and for each sentence
    with no speaker the known person who is its subject, if any; quotes_by_sentence is
    overlapping(quotes, sentences).

    Order matters: each speaker found is remembered, so that a later "he" or
    "the minister" refers to the person who spoke last, not merely to the
    last person named."""
    by_offset = _Sentences(sentences)
    resolver.learn_genders(sentences, quotes)
    quote_voices: dict[int, Voice] = {}
    sentence_voices: list[Voice] = []
    subjects: list[Person | None] = []
    previous: Voice = NOBODY
    previous_end = -1
    listing: Voice = NOBODY  # the voice of a sentence ending in a colon, for the list items after it
    next_quote = 0  # quotes are in text order: each is attributed with the sentence it opens in
    for sentence, quotes_in_sentence in zip(sentences, quotes_by_sentence):
        while next_quote < len(quotes) and quotes[next_quote].open_mark < sentence.end:
            quote = quotes[next_quote]
            voice = _quote_voice(resolver, quote, by_offset, previous, previous_end)
            quote_voices[next_quote] = voice
            if voice.rule:
                resolver.remember(sentence.start, voice.speaker)
                previous, previous_end = voice, quote.end
            next_quote += 1
        voice = _sentence_voice(resolver, sentence, quotes, quotes_in_sentence, quote_voices)
        text = resolver.text
        if _LIST_ITEM.match(text, sentence.start, sentence.end):
            if not voice.rule and listing.rule:
                # "Kerry also said the deal:" then "-- Allows Iran to enrich …": the list is his
                voice = Voice(speaker=listing.speaker, actor=listing.actor, stance=listing.stance, rule="list")
        elif text[sentence.start:sentence.end].endswith(":"):
            earlier = sentence_voices[-1] if sentence_voices else NOBODY
            if not voice.rule and earlier.rule and _BACK_REFERENCE.match(text, sentence.start, sentence.end):
                # "He cited weaknesses in the deal. Those include:" then a list: still his
                voice = Voice(speaker=earlier.speaker, actor=earlier.actor, stance=earlier.stance, rule="list")
            listing = voice
        else:
            listing = NOBODY
        subject = None
        if voice.actor is not None and voice.speaker is None:
            resolver.party_voices.append((sentence.start, voice.actor))
        if voice.rule == "reported" and voice.speaker is None:
            # 'The ministry said …' then a bare quote paragraph: the ministry's, not the person quoted before
            previous, previous_end = voice, sentence.end
        elif not voice.rule and previous.speaker is not None and _follows_closely(text, previous_end, sentence.start):
            # 'Opposition lawmakers said …': a voice nobody names takes over the run of quotes
            takeover = reported_speech(resolver, sentence.start, sentence.end, rule="reported",
                                       nearest_first=False, unnamed=True)
            if takeover.rule == "unnamed":
                previous, previous_end = takeover, sentence.end
        if voice.speaker is not None:
            resolver.remember(sentence.start, voice.speaker)
            if voice.rule == "reported":  # 'Dawkins said …' then a bare quote paragraph: Dawkins goes on
                previous, previous_end = voice, sentence.end
        else:
            # 'Moon Jae-in used a speech to … "…," he said': the person a sentence is about, its
            # subject, else the first person it names, is who a following "he" most likely means
            # ("He will go to Paris to see Laurent Fabius. In Paris, he will …" is still him)
            subject = sentence_subject(resolver, sentence.start, sentence.end, "subject", known_only=True).speaker
            if subject is not None:
                resolver.remember(sentence.start, subject)
                if not voice.rule:
                    # 'Lind called her a tough negotiator.' then a bare quote: Lind goes on
                    previous, previous_end = Voice(speaker=subject, actor=subject.actor, stance=None,
                                                   rule="subject"), sentence.end
            elif not voice.rule and not resolver.unnamed_subject_in(sentence.start, sentence.end):
                # (after an unnamed voice or a party, the person its sentence names is talked about:
                # "An official said Reyes had …" then "The official said" is that official; "The
                # country's top diplomat held a briefing to challenge Mr. Reyes's account." then "He
                # said" is the diplomat)
                resolver.remember_first_person_named(sentence.start, sentence.end)
        sentence_voices.append(voice)
        subjects.append(subject)
    return [quote_voices.get(n, NOBODY) for n in range(len(quotes))], sentence_voices, subjects


# A sentence opening with a word that points back ("Those include:", "They are:").
_BACK_REFERENCE = re.compile(rf"(?i:{'|'.join(lexicon.grammar()['back_references'])})\b")
_LIST_ITEM = re.compile(r"(?:--?|[•·*–—])\s")  # a sentence opening with a list marker


def _quote_voice(resolver: Resolver, quote: QuoteSpan, sentences: _Sentences, previous: Voice,
                 previous_end: int) -> Voice:
    """The ordered rules for one quote; the first that finds a speaker or an actor wins."""
    text = resolver.text
    closing = sentences.at(quote.end)
    opening = sentences.at(quote.open_mark)
    voice = NOBODY
    if opening is not None and opening.start < quote.open_mark and _PRONOUN_AFTER.match(text, quote.end + 1):
        # 'Sen. Claire McCaskill scolded him: "…," she said': the sentence's subject is who the
        # pronoun after the quote most likely means
        resolver.remember(opening.start, sentence_subject(resolver, opening.start, quote.open_mark, "subject",
                                                          known_only=True).speaker)
    elif opening is not None and opening.start < quote.open_mark and _IT_AFTER.match(text, quote.end + 1):
        # 'The Security Council "strongly condemned …," it said': the body opening the sentence
        body = _opening_body(resolver, opening.start, quote.open_mark)
        if body is not None:
            resolver.party_voices.append((opening.start, body))
    if closing is not None:
        voice = after_quote(resolver, quote.end, closing, sentences.after(closing))
    if not voice.rule and opening is not None:
        voice = reported_speech(resolver, opening.start, quote.open_mark, unnamed=True)
    if not voice.rule and opening is not None:
        voice = according_to(resolver, opening.start, opening.end)
    if not voice.rule and opening is not None and text[:quote.open_mark].rstrip().endswith(":"):
        voice = sentence_subject(resolver, opening.start, quote.open_mark, "colon")
    if not voice.rule and previous.rule and _follows_closely(text, previous_end, quote.open_mark) and (
            previous.rule != "subject" or not text[previous_end:quote.open_mark].strip()):
        voice = Voice(speaker=previous.speaker, actor=previous.actor, stance=previous.stance, rule="floating")
    if not voice.rule and opening is not None and opening.start < quote.open_mark:
        voice = sentence_subject(resolver, opening.start, quote.open_mark, "subject")
    return voice


# "it" right after a closing mark: '…," it said'.
_IT_AFTER = re.compile(r"[,.!?]?[”\"]?\s*(?i:it)\s")
_DETERMINER_OPENING = re.compile(r"(?:(?i:the)\s+)?")


def _opening_body(resolver: Resolver, start: int, end: int) -> str | None:
    """The party named by the actor mention that opens text[start:end] after its introductory
    phrases ("The U.N. Security Council meanwhile …"), if one does."""
    start = after_introduction(resolver.text, start, end)
    mentions = resolver.mentions_within(start, end)
    if mentions and mentions[0].start == _DETERMINER_OPENING.match(resolver.text, start, end).end():
        return mentions[0].code
    return None


# A pronoun right after a closing mark: '…," she said'.
_PRONOUN_AFTER = re.compile(rf"[,.!?]?[”\"]?\s*(?:{'|'.join(lexicon.pronouns())})\b", re.I)


def _sentence_voice(resolver: Resolver, sentence: Span, quotes: list[QuoteSpan], quotes_in_sentence: range,
                    quote_voices: dict[int, Voice]) -> Voice:
    """A sentence speaks with the voice of the quote it mostly holds, else its own reported speech."""
    best, best_overlap = NOBODY, 0
    for n in quotes_in_sentence:
        quote = quotes[n]
        overlap = min(sentence.end, quote.end) - max(sentence.start, quote.start)
        voice = quote_voices.get(n, NOBODY)
        if overlap > best_overlap and voice.rule and voice.rule != "unnamed":
            # (a voice nobody names is the quote's; the sentence may still have a party's)
            best, best_overlap = voice, overlap
    if best.rule:
        return best
    voice = reported_speech(resolver, sentence.start, sentence.end, rule="reported", nearest_first=False)
    return voice if voice.rule else according_to(resolver, sentence.start, sentence.end)


def overlapping(quotes: list[QuoteSpan], spans: list[Span]) -> list[range]:
    """For each span, the indexes of the quotes that overlap it; quotes are sorted and do not overlap."""
    starts = [q.start for q in quotes]
    ends = [q.end for q in quotes]
    found = []
    for span in spans:
        first = bisect.bisect_right(ends, span.start)
        last = bisect.bisect_left(starts, span.end)
        found.append(range(first, max(first, last)))
    return found


def _follows_closely(text: str, previous_end: int, open_mark: int) -> bool:
    """The quote opens within two paragraphs (and 400 characters) of the previous attributed quote.

    Paragraphs are blank-line separated, or one per line in files without blank lines."""
    if previous_end < 0:
        return False
    between = text[previous_end:open_mark]
    breaks = between.count("\n\n") or between.count("\n")
    return breaks <= 2 and len(between) < 400


class _Sentences:
    """Sentence spans found by offset. They are in text order and do not overlap, so their
    starts and their ends both increase: each quote's sentences are found by bisection."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]

    def at(self, offset: int) -> Span | None:
        """The first sentence with the offset in it, its end included."""
        number = bisect.bisect_left(self._ends, offset)  # the first sentence not ending before it
        if number < len(self.spans) and self.spans[number].start <= offset:
            return self.spans[number]
        return None

    def after(self, sentence: Span) -> Span | None:
        """The first sentence starting at or after the end of this one."""
        number = bisect.bisect_left(self._starts, sentence.end)
        return self.spans[number] if number < len(self.spans) else None
