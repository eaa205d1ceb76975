"""Reading article files: decode, normalise, and split off the header.

An article arrives as scraped text in one of several shapes (see the README):
a title line, a glued "Title- Body" first line, an all-caps wire headline, a
`date YYYY-MM-DD` header, a wire dateline, or Markdown with YAML front matter.
The reader finds those header fields and where the body starts and ends; it
never rewrites the text, so every offset stays valid for the whole pipeline.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import lexicon, yamlfile
from .dates import MONTHS, dates_in
from ..model import Article
from ..names import page_name

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class ArticleError(Exception):
    """An article that cannot be read; the message names the file and what to do."""


@dataclass(frozen=True, kw_only=True)
class _Header:
    """Header fields found so far and where the body starts."""

    pos: int
    title: str | None = None
    date: str | None = None
    dateline: str | None = None
    dateline_region: str | None = None
    source: str | None = None
    url: str | None = None

    def but(self, **changes) -> "_Header":
        return _Header(**{**self.__dict__, **changes})


def find_article_files(paths: list[Path]) -> list[Path]:
    """Article files named directly or found in folders, in a stable order.

    Whatever has an article's name is listed, links and special files too (not folders), so
    that read_article can say why one cannot be read instead of skipping it silently."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".") and not p.is_dir()
            )
        else:
            found.append(path)
    return found


def check_inside(path: Path, shown: str, folders: list[Path]) -> None:
    """A file found in a folder that is a link to a file outside the given folders (the project
    folder, the seeds folder) is refused: its text would be published."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise ArticleError(f"{shown}: is a link to {os.readlink(path)}, which does not exist; "
                           "remove the link or restore its file") from None
    except (RuntimeError, OSError):  # a loop of links
        raise ArticleError(f"{shown}: is a link that leads back to itself (a loop); remove it") from None
    if not any(target.is_relative_to(folder.resolve()) for folder in folders):
        raise ArticleError(f"{shown}: is a link to {target}, outside the project folder; its text would be "
                           "published: copy the file here instead")


def decode(raw: bytes, path: str) -> str:
    """UTF-8 with or without BOM, newlines normalised to LF."""
    if b"\x00" in raw:
        raise ArticleError(f"{path}: looks like a binary file, not an article; remove it from the seeds folder")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"{path}: is not valid UTF-8 (byte {err.start}); save it as UTF-8 and rebuild"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: is empty; add the article's text or remove the file")
    return text


# A long news article is 50 KB and a very long one 150 KB; past this, reading, analysing and
# rendering one file would take seconds (bench/hostile_shapes.py), so it is refused unread.
MAX_ARTICLE_BYTES = 256_000


def read_article(path: Path, display_path: str | None = None) -> Article:
    shown = display_path or str(path)
    return parse_article(decode(read_raw(path, shown), shown), path=shown)


def read_raw(path: Path, shown: str) -> bytes:
    """The file's bytes; ArticleError naming the file if it cannot be an article."""
    raw = read_file(path, shown, MAX_ARTICLE_BYTES)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{shown}: is larger than the {MAX_ARTICLE_BYTES:,} bytes an article may have; "
                           "split it into articles or remove it from the seeds folder")
    return raw


def article_identity(path: str) -> dict[str, str]:
    """The fields of an Article that come from its file's name rather than its text."""
    return {"path": path, "source_id": page_name(Path(path).stem) or "article"}


def read_file(path: Path, shown: str, limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file (more than limit: too large); ArticleError
    naming the file for anything else, a FIFO (which would wait for a writer forever), a
    socket, a device, a link to nothing or a file that cannot be opened."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
            raise ArticleError(f"{shown}: is {kind}, not a file; remove it")
        with path.open("rb") as file:
            return file.read(limit + 1)
    except FileNotFoundError:
        raise ArticleError(f"{shown}: does not exist (a link to a missing file?); remove it or restore "
                           "its file") from None
    except OSError as err:
        raise ArticleError(f"{shown}: cannot be read ({err.strerror}); check the file's permissions") from None


def parse_article(text: str, *, path: str) -> Article:
    """Split normalised text into header fields, body range and clutter."""
    header = _Header(pos=0)
    header = _front_matter(text, header, path)
    header = _skip_blank(text, header)
    header = _date_header(text, header)
    header = _date_line(text, header)
    header = _skip_blank(text, _outlet_byline(text, header))
    header = _skip_blank(text, _title(text, header))
    header = _skip_blank(text, _byline(text, header))
    header = _date_line(text, header)
    lead = header.pos
    header = _dateline(text, header)
    header = _skip_blank(text, _lead_furniture(text, header))
    header = _lead_date(text, header, lead)
    body_end, signature_source = _signature(text, header.pos)
    clutter = tuple(_clutter_spans(text, header.pos, body_end))
    source = header.source or signature_source or _footer_source(text, header.pos)
    return Article(
        **article_identity(path),
        text=text,
        body_start=header.pos,
        body_end=body_end,
        title=header.title,
        date=header.date,
        dateline=header.dateline,
        dateline_region=header.dateline_region,
        source=source,
        url=header.url,
        clutter=clutter,
    )


# ------------------------------------------------------------------ header


def _skip_blank(text: str, header: _Header) -> _Header:
    pos = header.pos
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return header.but(pos=pos)


_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|$)", re.S)


def _front_matter(text: str, header: _Header, path: str) -> _Header:
    """YAML front matter wins over anything detected in the text.

    Read as override files are (yamlfile): plain values only, bounded in size, depth and
    expansion, with every problem named by its line."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return header
    try:
        document = yamlfile.load(match.group(1) or "", path, first_line=2, what="front matter")
    except yamlfile.YamlError as err:
        raise ArticleError(_front_matter_problem(err.problem)) from None
    if document.problems:
        raise ArticleError(_front_matter_problem(document.problems[0]))
    meta = document.data
    if not isinstance(meta, dict):
        raise ArticleError(f"{path}:2: the front matter must be a mapping of keys like title: and date:")
    fields = {}
    for key in ("title", "source", "url"):
        if meta.get(key) is not None:
            fields[key] = str(meta[key]).strip()
    if meta.get("date") is not None:
        line, _ = document.mark(("date",))
        fields["date"] = _iso_date(meta["date"], f"{path}:{line}")
    pos = match.end()
    # A Markdown heading right after the front matter is the title when none was given.
    heading = re.compile(r"\s*#\s+(.+?)\s*#*\s*(?:\n|$)").match(text, pos)
    if heading:
        fields.setdefault("title", heading.group(1))
        pos = heading.end()
    return header.but(pos=pos, **fields)


def _front_matter_problem(problem: yamlfile.Problem) -> str:
    where = f"{problem.file}:{problem.line}:{problem.column}"
    key = f" ({problem.path})" if problem.path else ""
    return f"{where}: the YAML front matter is not valid{key}: {problem.message}"


def _iso_date(value, where: str) -> str:
    """A front matter date, written YYYY-MM-DD (yamlfile keeps timestamps as the text written),
    or as a date and time; anything else, such as '2026-02-30', is reported."""
    written = str(value).strip()
    try:
        return dt.date.fromisoformat(written).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(written).date().isoformat()
    except ValueError:
        raise ArticleError(f"{where}: front matter date {written[:40]!r} is not a date of the calendar; "
                           "write it as YYYY-MM-DD") from None


_DATE_HEADER = re.compile(r"date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*", re.I)


def _date_header(text: str, header: _Header) -> _Header:
    match = _DATE_HEADER.match(text, header.pos)
    if not match:
        return header
    try:
        date = dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return header
    return _skip_blank(text, header.but(pos=match.end(), date=header.date or date))


def _date_line(text: str, header: _Header) -> _Header:
    """A line that only says when the article was published ("3 March 2019"): its date, skipped."""
    line, end = _line_at(text, header.pos)
    for pattern in lexicon.date_line_patterns():
        match = pattern.match(line.strip())
        if match:
            date = _calendar_date(match.group("year"), match.group("month"), match.group("day"))
            if date:
                return _skip_blank(text, header.but(pos=end, date=header.date or date))
    return header


def _calendar_date(year: str, month: str, day: str) -> str | None:
    """The ISO date of a year, a month (name, abbreviation or number) and a day, if there is one."""
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    try:
        return dt.date(int(year), number, int(day)).isoformat() if number else None
    except ValueError:
        return None


def _line_at(text: str, pos: int) -> tuple[str, int]:
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[pos:end], end


def _is_title_case(words: list[str]) -> bool:
    """Most words capitalised, as headlines are written."""
    small = lexicon.headline_small_words()
    content = [w for w in words if w.lower() not in small]
    if len(content) < 3:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return capitalised / len(content) >= 0.8


def _every_long_word_capitalised(words: list[str]) -> bool:
    small = lexicon.headline_small_words()
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words if len(w) > 2 and w.lower() not in small)


def _has_capitalised_small_word(words: list[str]) -> bool:
    small = lexicon.headline_small_words()
    return any(w[:1].isupper() and w.lower() in small for w in words)


def _is_all_caps(line: str) -> bool:
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) >= 0.9


_GLUED_TITLE = re.compile(r"(?P<title>[^\n]{12,250}?[^\s-])- (?=[\"“‘A-Z0-9])")


_MAX_SENTENCE_CASE_TITLE_WORDS = 15


def _title(text: str, header: _Header) -> _Header:
    if header.title:
        return header
    line, end = _line_at(text, header.pos)
    stripped = line.strip()
    words = stripped.split()
    if not words:
        return header
    if _is_clutter_line(stripped):  # a share bar in capitals is no headline
        return header
    if _is_all_caps(stripped) and len(words) >= 3 and len(stripped) <= 200:
        return header.but(pos=end, title=stripped)
    if _looks_like_dateline(stripped):
        return header
    # the headline's own paragraph, or a line of its own with the byline or the date under it
    next_blank = (text[end:end + 2] == "\n\n" or end == len(text)
                  or _byline_at(text, end + 1) is not None or _date_line(text, _Header(pos=end + 1)).date is not None)
    if (next_blank and 3 <= len(words) <= 30 and _is_title_case(words)
            and not stripped.endswith((".", ":", ",", ";"))):
        return header.but(pos=end, title=stripped)
    if (next_blank and 3 <= len(words) <= 30 and stripped.endswith(".") and not stripped.endswith("..")
            and ". " not in stripped and _is_title_case(words) and _every_long_word_capitalised(words)):
        # A headline with a full stop after it, as some archives print them ("Senate Delays Vote
        # On Farm Bill As Drought Spreads Across Plains."); a sentence that names many
        # people ("Iranian Foreign Minister Abbas Araghchi arrived in Oslo.") has a verb in lower case.
        return header.but(pos=end, title=stripped)
    if (next_blank and end < len(text) and 3 <= len(words) <= _MAX_SENTENCE_CASE_TITLE_WORDS
            and stripped[0].isupper() and not stripped.startswith("By ")
            and not stripped.endswith((".", ":", ",", ";", '"', "”")) and ". " not in stripped
            and not _has_capitalised_small_word(words[1:])):
        # A sentence-case headline ("Oil prices rise as talks stall"): a short first paragraph
        # that is no sentence, followed by the body; a capitalised "The" inside shows two
        # pieces run together ("Story highlights The Obama administration announces …").
        return header.but(pos=end, title=stripped)
    glued = _GLUED_TITLE.match(line.lstrip())
    if glued and _is_title_case(glued.group("title").split()):
        offset = header.pos + (len(line) - len(line.lstrip()))
        return header.but(pos=offset + glued.end(), title=glued.group("title").strip())
    return header


# "By Jane Doe", "By Lorne Cook and Samuel Petrequin", "By Ann Lee, Tom Wu and Jo Park",
# "By Jane Doe, Associated Press": names, then maybe an affiliation after a comma.
_BYLINE_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_BYLINE = re.compile(rf"[ \t]*By {_BYLINE_NAME}(?:, {_BYLINE_NAME}(?=,? and ))*(?:,? and {_BYLINE_NAME})?"
                     r"(?:, (?P<outlet>[^\n]+))?[ \t]*\n")


def _byline_at(text: str, pos: int) -> re.Match | None:
    """A byline line at pos: "By Jane Doe" or "By Jane Doe, Associated Press"; not a sentence that
    opens with "By" ("By Monday, the talks had collapsed.")."""
    match = _BYLINE.match(text, pos)
    if match and match.group("outlet") and not lexicon.outlet_name(match.group("outlet")) \
            and match.group("outlet").rstrip().endswith((".", "!", "?")):
        return None
    return match


def _byline(text: str, header: _Header) -> _Header:
    match = _byline_at(text, header.pos)
    if not match:
        return header
    outlet = lexicon.outlet_name(match.group("outlet") or "")
    return header.but(pos=match.end(), source=header.source or outlet)


def _is_clutter_line(line: str) -> bool:
    return any(p.match(line) for p in lexicon.clutter_patterns())


_OUTLET_BYLINE = re.compile(
    r"(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:,? and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})?)"
    r"[ \t]*\n\s*\n[ \t]*(?P<outlet>[^\n]{2,40}?)[ \t]*\n")


def _outlet_byline(text: str, header: _Header) -> _Header:
    """'Oren Dorell' / blank line / 'USA TODAY': reporters' names, then their outlet."""
    match = _OUTLET_BYLINE.match(text, header.pos)
    if not match:
        return header
    outlet = lexicon.outlet_name(match.group("outlet"))
    if not outlet:
        return header
    return header.but(pos=match.end(), source=header.source or outlet)


_PARAGRAPH = re.compile(r"[^\n]+")
_LEAD_PARAGRAPHS = 6  # a dateline further down than this is not the article's opening


def _lead_furniture(text: str, header: _Header) -> _Header:
    """Captions, highlights and share prompts before the first paragraph of reporting.

    When one of the first paragraphs opens with a dateline, the body starts
    there; otherwise leading 'Story highlights' blocks are skipped."""
    paragraphs = [m for _, m in zip(range(_LEAD_PARAGRAPHS), _PARAGRAPH.finditer(text, header.pos))]
    if header.dateline is None:
        for paragraph in paragraphs[1:]:
            moved = _dateline(text, header.but(pos=paragraph.start()))
            if moved.dateline:
                return moved
    pos = header.pos
    in_highlights = False
    for paragraph in paragraphs:
        line = paragraph.group(0).strip()
        if line.lower().startswith("story highlights"):
            in_highlights = True
        elif not in_highlights or line.endswith((".", "!", "?", "\"", "”")):
            break
        pos = paragraph.end()
    return header.but(pos=pos)


def _lead_date(text: str, header: _Header, lead: int) -> _Header:
    """The date of a date line among the first paragraphs after the headline, when the header gave
    none ("Patrick Wintour Diplomatic editor" / "Mon 23 Nov 2020 18.01 GMT"). The line itself is
    no sentence: it does not end as one."""
    if header.date:
        return header
    for _, paragraph in zip(range(_LEAD_PARAGRAPHS), _PARAGRAPH.finditer(text, lead)):
        dated = _date_line(text, _Header(pos=paragraph.start()))
        if dated.date:
            return header.but(date=dated.date)
    return header


def _looks_like_dateline(line: str) -> bool:
    return any(p.match(line) for p in lexicon.dateline_patterns())


def _dateline(text: str, header: _Header) -> _Header:
    for pattern in lexicon.dateline_patterns():
        match = pattern.match(text, header.pos)
        if match:
            fields = match.groupdict()
            outlet = lexicon.outlet_name(fields.get("agency") or "")
            return header.but(
                pos=match.end(),
                date=header.date or _dateline_date(fields.get("date")),
                dateline=header.dateline or fields["city"].strip(),
                dateline_region=header.dateline_region or fields.get("region"),
                source=header.source or outlet,
            )
    return header


def _dateline_date(printed: str | None) -> str | None:
    """The date of a dateline that prints its year ("PARIS, May 2, 2019 (AFP) -"); without a
    year ("TOKYO, March 28 -") the date is unknown, not guessed: dates_in needs an anchor for it."""
    found = dates_in(printed, None) if printed else []
    return found[0].isoformat() if found else None


# ------------------------------------------------------------------ footer


def _signature(text: str, body_start: int) -> tuple[int, str | None]:
    """Where the body ends, cutting a trailing wire signature such as 'REUTER'."""
    end = len(text.rstrip())
    for pattern, outlet in lexicon.signatures():
        match = pattern.search(text, body_start, end)
        if match and match.end() == end:
            return match.start(), outlet
    return end, None


def _footer_source(text: str, body_start: int) -> str | None:
    """The first outlet named in a credit or copyright line of the body."""
    for pattern, implied in _credit_patterns():
        for start, end in pattern.spans(text, body_start, len(text)):
            named = lexicon.outlet_pattern().search(text[start:end])
            if named:
                return lexicon.outlet_name(named.group(0))
            if implied:
                return implied
    return None


def _clutter_spans(text: str, start: int, end: int):
    """Paragraphs or lines that are page furniture, not reporting."""
    for pattern in _clutter_patterns():
        yield from pattern.spans(text, start, end)


_LINE_START = "(?m)^"
_WORD_START = "\\b"
_WORD_BOUNDARY = re.compile(r"\b")


class _SearchPattern:
    """A data file's pattern, searched for with finditer's results, but faster where it
    opens with (?m)^ or \\b: the regex engine tries such a pattern at every character.

    After '(?m)^' the rest is searched for after a line break: a pattern that opens
    with a literal character lets the engine skip to it in C, and a match at a line
    break is the pattern's match at the next character. After '\\b' the rest is
    searched for alone ('told …' opens with literal characters too), and a match
    counts where the boundary test holds. (The rest must not look behind its start:
    none of the data's do.)"""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        # Most articles lack a string every match needs ('Listen · ', '(@'): then no search at all.
        # Only the sets of a few strings: a text that lacks a string is read whole to tell.
        self.required = [strings for strings in lexicon.required_substrings(pattern) if len(strings) <= 3]
        self.after_line_break = self.after_word_boundary = None
        if pattern.pattern.startswith(_LINE_START):
            self.after_line_break = re.compile("\n(?:" + pattern.pattern[len(_LINE_START):] + ")", pattern.flags)
        elif pattern.pattern.startswith(_WORD_START):
            self.after_word_boundary = re.compile(pattern.pattern[len(_WORD_START):], pattern.flags)

    def spans(self, text: str, start: int, end: int):
        """(start, end) of each match of self.pattern.finditer(text, start, end)."""
        end = min(end, len(text))  # as finditer reads an end beyond the text
        for strings in self.required:
            if all(text.find(string, start, end) < 0 for string in strings):
                return
        if self.after_line_break is not None:
            yield from self._spans_at_line_starts(text, start, end)
        elif self.after_word_boundary is not None:
            yield from self._spans_at_word_boundaries(text, start, end)
        else:
            for match in self.pattern.finditer(text, start, end):
                yield match.span()

    def _spans_at_line_starts(self, text: str, start: int, end: int):
        pos = start
        if pos == 0:  # the first line has no line break before it
            match = self.pattern.match(text, 0, end)
            if match:
                yield match.span()
                pos = max(match.end(), 1)  # past an empty match, as finditer moves on
        while True:
            # From pos - 1: a line break there means a line starts at pos.
            match = self.after_line_break.search(text, max(pos - 1, 0), end)
            if not match:
                return
            line_start = match.start() + 1
            yield line_start, match.end()
            pos = max(match.end(), line_start + 1)

    def _spans_at_word_boundaries(self, text: str, start: int, end: int):
        pos = start
        while pos <= end:
            match = self.after_word_boundary.search(text, pos, end)
            if not match:
                return
            if _WORD_BOUNDARY.match(text, match.start(), end):  # \b as the pattern tests it there
                yield match.span()
                pos = max(match.end(), match.start() + 1)
            else:
                pos = match.start() + 1


@cache
def _clutter_patterns() -> tuple[_SearchPattern, ...]:
    return tuple(_SearchPattern(p) for p in lexicon.clutter_patterns())


@cache
def _credit_patterns() -> tuple[tuple[_SearchPattern, str | None], ...]:
    return tuple((_SearchPattern(p), implied) for p, implied in lexicon.credit_patterns())
