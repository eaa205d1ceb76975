"""Paragraphs and sentences, as character spans of the article text.

A rule-based splitter with abbreviation lists (generator/data/segmentation.yml):
it runs offline, keeps exact offsets and is fast enough for thousands of
articles a second, which maintained segmenters with offsets (pysbd) are not.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .. import lexicon
from ..model import Article


class Span(NamedTuple):
    """A sentence: tens are made per article, and a NamedTuple is made several times faster
    than a frozen dataclass (whose __init__ sets each field through object.__setattr__)."""

    start: int
    end: int
    paragraph: int


_INDENTED_PARAGRAPH = re.compile(r"\n[ \t]{2,}(?=\S)")
# Where a paragraph ends: in hard-wrapped wire copy at a blank line or an indented line,
# elsewhere at every line break.
_WRAPPED_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)")
_LINE_BREAK = re.compile(r"\n\s*")
# Closing punctuation, then the white space and first character of a new sentence (group 1).
# '[.!?][.!?]*' rather than '[.!?]+': a pattern opening with a plain character set lets
# the regex engine skip in C to the next such character. A match starts only where a run of
# punctuation starts, and takes the run and its closing marks whole (possessive '*+'): what
# follows the run decides, so no shorter piece of it could match, and trying every one made a
# run of n dots cost n² steps.
# A sentence end: punctuation, closing marks, then space and a capital or digit; or a full stop
# after a lower-case word with the next word's capital right after it, where scraping or the
# wire lost the space ("he said.Basically, …"; not "Amazon.com").
_CANDIDATE = re.compile(r"[.!?](?<![.!?].)[.!?]*+[\"”’')\]]*+(?=(\s+[\"“‘(\[]?[A-Z0-9]|(?<=[a-z][a-z]\.)[A-Z][a-z]))")
_WORD_REVERSED = re.compile(r"[\w.'’-]*")  # a word that may hold '.', apostrophes and '-', read backwards


def body_segments(article: Article) -> list[tuple[int, int]]:
    """The body with page clutter cut out, as (start, end) pieces."""
    pieces = [(article.body_start, article.body_end)]
    for c_start, c_end in sorted(article.clutter):
        next_pieces = []
        for start, end in pieces:
            if c_end <= start or c_start >= end:
                next_pieces.append((start, end))
                continue
            if start < c_start:
                next_pieces.append((start, c_start))
            if c_end < end:
                next_pieces.append((c_end, end))
        pieces = next_pieces
    return pieces


def paragraphs(article: Article) -> list[tuple[int, int]]:
    """Paragraph spans, trimmed of surrounding white space.

    Wire copy hard-wraps lines and indents each paragraph; other text starts
    a paragraph on every line. Which convention a file uses is decided once
    per file."""
    text = article.text
    body = text[article.body_start:article.body_end]
    wrapped = len(_INDENTED_PARAGRAPH.findall(body)) >= 2
    breaker = _WRAPPED_PARAGRAPH_BREAK if wrapped else _LINE_BREAK
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in body_segments(article):
        pos = seg_start
        for match in breaker.finditer(text, seg_start, seg_end):
            spans.append((pos, match.start()))
            pos = match.end()
        spans.append((pos, seg_end))
    return [t for t in (_trim(text, s, e) for s, e in spans) if t]


def unwrapped(text: str, paragraph_spans: list[tuple[int, int]]) -> str:
    """The text with line breaks inside a paragraph (wire copy's hard wraps) made spaces.

    One character for one, so every offset still points at the same place; the
    patterns that find roles and speakers then read "Trade Minister\nJohn Dawkins"
    as the phrase it is. The spans are paragraphs(): in text order, not overlapping."""
    pieces = []
    copied_to = 0
    for start, end in paragraph_spans:
        pieces.append(text[copied_to:start])
        pieces.append(text[start:end].replace("\n", " "))
        copied_to = end
    pieces.append(text[copied_to:])
    return "".join(pieces)


# A quotation in single curly marks: the closing mark is not followed by a letter, as an
# apostrophe inside it is ("‘It’s over,’ she said").
_SINGLE_QUOTED = re.compile(r"‘(?=\S)((?:[^‘’\n]|’(?=\w))*?)’(?!\w)")


def double_quoted(text: str) -> str:
    """Quotations in the single-quote house style (‘…’, common in British papers) with
    double marks, one character for one, so that they are found like any other; only in
    a text with no double quotation marks, where single marks cannot be quotes inside quotes."""
    if "‘" not in text or any(mark in text for mark in '"“”'):
        return text
    return _SINGLE_QUOTED.sub(lambda m: f"“{m.group(1)}”", text)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]  # str.strip() removes exactly the characters str.isspace() accepts
    first = len(piece) - len(piece.lstrip())
    stop = len(piece.rstrip())
    return (start + first, start + stop) if stop > first else None


def sentences(article: Article, article_paragraphs: list[tuple[int, int]]) -> list[Span]:
    """Sentence spans of the article, given its paragraphs()."""
    text = article.text
    wire_capitals = bool(lexicon.wire_capitals_pattern().search(text))
    spans: list[Span] = []
    for number, (p_start, p_end) in enumerate(article_paragraphs):
        if _is_subheading(text[p_start:p_end]):
            continue
        start = p_start
        for end in _boundaries(text, p_start, p_end, wire_capitals):
            trimmed = _trim(text, start, end)
            if trimmed:
                spans.append(Span(start=trimmed[0], end=trimmed[1], paragraph=number))
            start = end
        trimmed = _trim(text, start, p_end)
        if trimmed:
            spans.append(Span(start=trimmed[0], end=trimmed[1], paragraph=number))
    return spans


# A paragraph of a few words that does not end as a sentence ends is a subheading ("Smiles and
# setbacks", "COMPLYING WITH DEAL", "Why the two fleets kept clashing over the catch"), a picture
# credit ("REUTERS/Jonathan Ernst") or a caption fragment: page structure, not a sentence of the
# reporting. List items are sentences. Headlines run to about fourteen words; a longer paragraph
# with no sentence end is more likely reporting cut short by the scraper, and stays.
_MAX_SUBHEADING_WORDS = 14
_SENTENCE_END = (".", "!", "?", ":", ";", ",")
_CLOSING_MARKS = "\"”’')]"
_LIST_MARKERS = ("-", "–", "—", "•", "⦁", "*", "·")


def _is_subheading(paragraph: str) -> bool:
    if "\n" in paragraph or len(paragraph.split()) > _MAX_SUBHEADING_WORDS:
        return False
    return not paragraph.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_END) and not paragraph.startswith(_LIST_MARKERS)


def _boundaries(text: str, start: int, end: int, wire_capitals: bool):
    """Offsets inside [start, end) where a sentence ends."""
    for match in _CANDIDATE.finditer(text, start, end):
        if text[match.start()] == "." and not _period_ends_sentence(text, start, match, wire_capitals):
            continue
        yield match.end()


def _word_before(text: str, start: int, end: int) -> str:
    """The word that text[start:end] ends with: its letters, digits, '_', '.', apostrophes and '-'.

    Read backwards from end in a short window, where a regex finds it in one match;
    only a word that fills the window is read again from the paragraph's start."""
    window = max(start, end - 40)
    length = _WORD_REVERSED.match(text[window:end][::-1]).end()
    if length == end - window and window > start:
        length = _WORD_REVERSED.match(text[start:end][::-1]).end()
    return text[end - length:end]


def _period_ends_sentence(text: str, start: int, match: re.Match, wire_capitals: bool) -> bool:
    word = _word_before(text, start, match.start()).rsplit("-", 1)[-1]  # "non-U.S." is "U.S."
    if not word:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if word in lexicon.abbreviations() or word.lower() in lexicon.abbreviations():
        if word in lexicon.sentence_final_abbreviations():
            if wire_capitals:
                return False  # "the U.S. And other countries": the article capitalises after "U.S."
            next_word = re.match(r"[\"“‘(\[]?(\w+)", text[match.end(1) - 1:match.end(1) + 30])
            return bool(next_word) and next_word.group(1) in lexicon.sentence_openers()
        return False
    return True
