"""One article in, its analysis out: sentences with sections, actors and speakers;
quotes with speakers; people; dated events."""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicon
from . import attribution, segment
from .actors import Mention, find_mentions
from .dates import dates_in, parse_iso
from ..model import Analysis, Article, Event, Quote, Sentence
from .people import JOURNALIST, find_people, holds_state_voice_role
from .reading import ArticleError
from .sections import Evidence, classify_article


# Only where the first one starts counts, so the order the words are tried in does not matter.
_AUXILIARY_OR_PAST = re.compile(rf"\b(?:{lexicon.longest_first_alternation(lexicon.grammar()['auxiliaries'])}|[a-z]+ed)\b")


def _subject_actor(resolver: attribution.Resolver, start: int, end: int, mentions: list[Mention],
                   verbs: list[lexicon.VerbMatch]) -> str | None:
    """The first actor named after any introductory phrase and before the first verb: a rough
    grammatical subject.

    verbs: the reporting verbs in text[start:end]."""
    if not mentions:
        return None
    start = attribution.after_introduction(resolver.text, start, end)
    verb = _AUXILIARY_OR_PAST.search(resolver.text, start, end)
    limit = verb.start() if verb else min(end, start + 60)
    for reporting in verbs:
        if reporting.first >= limit:
            break
        if reporting.last <= limit:
            limit = reporting.first
            break
    for mention in mentions:
        if start <= mention.start and mention.end <= limit:
            return mention.code
    return None


_SHORT_SUBJECT_WORDS = 6
# The last words of a subject that refers back to a voice: "it", "they", a role or a body, an outlet.
_BACK_REFERRING_HEADS = frozenset(
    {"it", "they"} | {noun + ending for noun in [*lexicon.roles()["follow_ups"], *lexicon.roles()["unqualified_voices"],
                                                 *lexicon.outlet_nouns()] for ending in ("", "s")})
# A subject that may refer back: a determiner, "it" or "they" first.
_BACK_REFERENCE_OPENING = re.compile(r"(?i:the|these|those|this|that|it|they)\b")


def _unnamed_subject_actor(resolver: attribution.Resolver, span) -> str | None:
    """The party of a sentence's short subject that refers back to an unnamed voice or a body
    ("These officials have …", "The ministry has …"), resolved as a speaker phrase would be."""
    start = attribution.after_introduction(resolver.text, span.start, span.end)
    if not _BACK_REFERENCE_OPENING.match(resolver.text, start, span.end):
        return None
    verb = _AUXILIARY_OR_PAST.search(resolver.text, start, span.end)
    if verb is None:
        return None
    words = resolver.text[start:verb.start()].lower().split()
    if not words or len(words) > _SHORT_SUBJECT_WORDS or words[-1] not in _BACK_REFERRING_HEADS:
        return None  # "The talks have …": no voice to refer back to
    return resolver.resolve(start, verb.start(), create=False)[1]


_SUBORDINATORS = lexicon.grammar()["subordinators"]
_SUBORDINATE = re.compile(attribution.opening_with("".join(sorted({w[0] for w in _SUBORDINATORS})),
                                                   rf"\b(?:{lexicon.longest_first_alternation(_SUBORDINATORS, ignore_case=True)})\b"),
                          re.I)  # only whether it matches counts


def _reporting_evidence(resolver: attribution.Resolver, span,
                        verbs: list[lexicon.VerbMatch]) -> tuple[lexicon.VerbMatch | None, bool]:
    """Two clues from one walk over the sentence's reporting verbs (verbs) outside quote marks:

    - the reporting verb: the first in the main clause, with a subject that is not an unnamed commentator.
      'Officials said …' and '…, the officials said' count; 'levels that Western governments
      argue exceed …' (a subordinate clause) and 'Analysts say …' do not.
    - sets terms: 'The agreement calls for Tehran to reduce …', a binding text as the subject
      of one. No is_verb check here: right after such a noun the word is its verb, though
      'the agreement calls' looks like a determiner and a noun to that test."""
    text = resolver.text
    reporting: lexicon.VerbMatch | None = None
    sets_terms = False
    for match in verbs:
        if attribution.inside_quote_marks(text, span.start, match.start()):
            continue
        before = text[span.start:match.start()]
        if lexicon.is_binding_text_subject(before):
            sets_terms = True  # a text speaks here, not a voice: not reporting
        elif reporting is None and _reports_in_main_clause(resolver, span.start, match, before):
            reporting = match
        if reporting and sets_terms:
            break
    return reporting, sets_terms


def _reports_in_main_clause(resolver: attribution.Resolver, start: int, match: lexicon.VerbMatch, before: str) -> bool:
    """Does this reporting verb report, in the main clause, for a subject that is not an unnamed
    commentator? before: the sentence up to it, from start."""
    if not resolver.is_verb(match) or not resolver.has_complement(match):
        return False
    # Commentators ("analysts say") are looked for in this phrase alone: few verbs get this far,
    # and finding their nouns in the whole text once costs more (lower-casing it all).
    if lexicon.names_commentators(before):
        return False
    if attribution.after_prospective(resolver.text, start, match.start()):
        return False
    return not (_SUBORDINATE.search(before) and not before.rstrip().endswith(","))


_COMMENTATOR_SUBJECT_LENGTH = 60  # characters: the sentence's opening, as sections.score reads it


def _commentators_speak(resolver: attribution.Resolver, span, verbs: list[lexicon.VerbMatch]) -> bool:
    """Does the sentence open with an unnamed voice that is no party as the subject of a reporting
    verb ("Analysts said the US exit could …", "Critics of the deal in Tehran said …", "European
    diplomats said …")? Then the states it names are not its actor. Not at the end: in "The
    Japanese government has little to offer, trade analysts said" the stance described is Japan's."""
    text = resolver.text
    for verb in verbs:
        if verb.start() - span.start > _COMMENTATOR_SUBJECT_LENGTH:
            break
        before = text[span.start:verb.start()]
        if attribution.inside_quote_marks(text, span.start, verb.start()):
            continue
        if lexicon.names_commentators(before):
            return True
        if resolver.names_partyless_officials(span.start, verb.start()):
            return True
    return False


def _dateline_actor(article: Article) -> str | None:
    if not article.dateline:
        return None
    city = article.dateline.split("/")[0].strip().title()
    found = find_mentions(city) or find_mentions(article.dateline_region or "")
    return found[0].code if found else None


def _home_voice(resolver: attribution.Resolver, span, voice, verbs: list[lexicon.VerbMatch]) -> str | None:
    """'Officials said …', '…, the officials said': an unnamed official speaks for the home state.

    verbs: the sentence's reporting verbs."""
    if resolver.home is None or voice.actor or voice.speaker:
        return None
    for verb in verbs:
        subject = resolver.text[span.start:verb.start()].rstrip()
        if attribution.may_be_unqualified_voice(subject) and attribution.unqualified_voice().search(subject):
            return resolver.home
    return None


# A news article has tens of sentences, a very long one a few hundred; each costs about a
# millisecond to analyse and render, so an article of more is refused (bench/hostile_shapes.py).
MAX_SENTENCES = 2_000


def analyse(article: Article) -> Analysis:
    return analyse_with_evidence(article)[0]


def analyse_with_evidence(article: Article) -> tuple[Analysis, tuple[Evidence, ...]]:
    """The analysis, and the evidence its sections were predicted from, one per sentence (what
    the section model is trained on: generator/training/sections.py)."""
    paragraphs = segment.paragraphs(article)
    # Same offsets as the article text; sentence texts are cut from it too.
    text = segment.double_quoted(segment.unwrapped(article.text, paragraphs))
    spans = segment.sentences(article, paragraphs)
    if len(spans) > MAX_SENTENCES:
        raise ArticleError(f"{article.path}: has {len(spans):,} sentences, more than the {MAX_SENTENCES:,} an "
                           "article may have; split it into articles or remove it from the seeds folder")
    mentions = find_mentions(text, article.body_start, article.body_end)
    dateline_actor = _dateline_actor(article)
    home = dateline_actor or lexicon.outlet_country(article.source)
    index, person_mentions = find_people(text, [(s.start, s.end) for s in spans], mentions, dateline_actor)
    quote_spans = attribution.find_quotes(text, paragraphs)
    resolver = attribution.Resolver(text, index, person_mentions, mentions, quote_spans, home=home)
    quotes_by_sentence = attribution.overlapping(quote_spans, spans)
    voices, sentence_voices, subjects = attribution.attribute(resolver, quote_spans, spans, quotes_by_sentence)
    quotes = tuple(
        Quote(start=q.start, end=q.end, text=text[q.start:q.end],
              speaker=v.speaker.name if v.speaker else None, actor=v.actor, rule=v.rule)
        for q, v in zip(quote_spans, voices)
    )

    anchor = parse_iso(article.date)
    sentences: list[dict] = []  # Sentence fields but the section, which needs every sentence's evidence
    evidences: list[Evidence] = []
    events: list[Event] = []
    run_actor: str | None = None  # the party of the run of speech the sentence may go on with
    block: tuple[int, str | None] = (-1, None)  # (paragraph, party) of a statement quoted as a block after a colon
    for number, (span, quotes_in_span) in enumerate(zip(spans, quotes_by_sentence)):
        sentence_mentions = resolver.mentions_within(span.start, span.end)
        verbs = resolver.verbs.within(span.start, span.end)  # found once for the several tests below
        quoted_chars = sum(min(span.end, quote_spans[n].end) - max(span.start, quote_spans[n].start)
                           for n in quotes_in_span)
        in_quote = quoted_chars >= 0.5 * (span.end - span.start)
        voice = sentence_voices[number]
        speaker = voice.speaker
        voice_actor = voice.actor or (speaker.actor if speaker else None) or _home_voice(resolver, span, voice, verbs)
        actor = voice_actor
        # A voice that is no party makes the sentence no party's stance, whatever parties it names:
        # commentators opening it ("Analysts said …"), or a named person who speaks for no state
        # ("…, said Ana Vidal, director of studies at …"; a journalist only narrates)
        no_party_speaks = actor is None and (
            (speaker is not None and speaker.role != JOURNALIST and not holds_state_voice_role(speaker.role))
            or _commentators_speak(resolver, span, verbs))
        if actor is None and not no_party_speaks and span.paragraph == block[0]:
            actor = block[1]  # 'From his speech at the White House:' then the speech's paragraph
        if actor is None and not no_party_speaks:
            # "Mr. Obama hailed the deal", "Lam cited growing clashes": a person as the subject speaks for their state
            doer = subjects[number] if speaker is None else attribution.sentence_subject(
                resolver, span.start, span.end, "subject", known_only=True).speaker
            actor = doer.actor if doer else None
            if not actor:  # only now is the rough grammatical subject, a search through the sentence, needed
                actor = _subject_actor(resolver, span.start, span.end, sentence_mentions, verbs)
            if not actor:  # "These officials have no expectations …": the unnamed voice met before
                actor = _unnamed_subject_actor(resolver, span)
            if actor is None and sentence_mentions:
                actor = sentence_mentions[0].code  # the first party named, for want of a better voice
            if (actor is None and not sentence_mentions and not voice.rule and number
                    and spans[number - 1].paragraph == span.paragraph):
                actor = run_actor  # after "Kerry said the deal was fair." in its paragraph: that voice goes on
        if voice.rule or actor != run_actor:
            run_actor = voice_actor  # a voice of its own, or a sentence that is no part of the run
        if text[span.start:span.end].rstrip().endswith(":") and number + 1 < len(spans) \
                and spans[number + 1].paragraph != span.paragraph and text[spans[number + 1].start] not in "\"“":
            block = (spans[number + 1].paragraph, voice_actor or actor)
        sentence_text = text[span.start:span.end]
        reporting, sets_terms = _reporting_evidence(resolver, span, verbs)
        stated = dates_in(sentence_text, anchor)
        evidences.append(Evidence(
            party_voice=voice_actor is not None,
            person_voice=speaker is not None and speaker.role != JOURNALIST,
            reporting=reporting is not None,
            reported_from=reporting.end() - span.start if reporting is not None and (voice_actor or speaker) else None,
            sets_terms=sets_terms,
            stance=(voice.stance if voice_actor is not None or speaker is not None
                    else attribution.stance_of(reporting) if reporting is not None else None),
            quoted=in_quote,
            partly_quoted=quoted_chars > 0 and not in_quote,
            article_year=anchor.year if anchor else None,
            position=number / max(1, len(spans) - 1),
            index=number,
            paragraph_start=number == 0 or spans[number - 1].paragraph != span.paragraph,
            days_from_article=tuple((date - anchor).days for date in stated) if anchor else (),
            reporting_verb=reporting.group(0) if reporting is not None else None,
        ))
        sentences.append(dict(
            index=number, start=span.start, end=span.end, text=sentence_text, paragraph=span.paragraph,
            actor=actor, speaker=speaker.name if speaker else None, stance=voice.stance, in_quote=in_quote,
        ))
        if stated and not in_quote:
            events.append(Event(date=stated[0].isoformat(), sentence=number, text=sentence_text))
    sections = classify_article([s["text"] for s in sentences], evidences)

    counts = Counter(m.code for m in mentions)
    return Analysis(
        article=article,
        sentences=tuple(Sentence(section=section, **fields) for fields, section in zip(sentences, sections)),
        quotes=quotes,
        people=index.people(),
        events=tuple(events),
        actors=tuple(code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    ), tuple(evidences)
