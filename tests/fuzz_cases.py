"""Hostile input made by Hypothesis, and what must hold for every one (tests/test_fuzz.py, bench/fuzz.py).

Four kinds of input: article text, front matter, `date` headers with relative days, and
override files. Strategies draw from fragments that broke the site before (runs of dots,
reporting verbs, markup, control characters, nesting, aliases, impossible dates) mixed with
arbitrary text. `check_article` and `check_override` run one input through the public
pipeline (extract, then build_site on that extraction) and raise AssertionError when a
property does not hold: every problem is one line naming the file; no page carries live
HTML; no page lies outside the output folder; one input takes at most CASE_SECONDS.
"""
from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import markdown
from hypothesis import strategies as st

from generator import pipeline

CASE_SECONDS = 5.0  # far above any case's cost (tens of ms); a runaway input takes minutes
SLUG = "norway-and-sweden-reopen-talks-on-the-kessel-dam"  # the briefing the fuzzed overrides edit

_FRAGMENTS = [
    "Iran", " said", " told reporters", " warned", "Foreign Minister Abbas Araghchi", "Turkey", "U.S.", "Mr.",
    "J.", ".", "...", "!", "?", ",", ";", ":", " ", "  ", "\n", "\n\n", "\t", "\r\n", '"', "“", "”", "‘", "’",
    "'", "(", ")", "[", "]", "{", "}", "<", ">", "&", "|", "*", "_", "`", "#", "\\", "-", "—", "=", "~",
    "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "[x](javascript:alert(3))", "{{ config }}",
    "{% if x %}", "{: onclick=alert(4) }", "---", "***", "1.", "- ", "> ", "<!--", "&lt;", "&#124;",
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\u202e", "\u200b", "İ", "ß", "北京",
    "on Tuesday", " yesterday", " tomorrow", "March 3, 2026", "2026-02-30", "31 December 9999",
    "REUTERS", "By Jane Doe", "(Reuters) -", "PARIS, May 2, 2019 (AFP) -", "Photograph: X/EPA", "[O/R]",
]


@st.composite
def article_text(draw, longest_run: int = 300) -> str:
    """Fragments and arbitrary text, some repeated into runs of up to longest_run (quadratic
    costs show at a few hundred; bench/hostile_shapes.py measures runs of megabytes)."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.text(max_size=20),
        st.tuples(st.sampled_from(_FRAGMENTS), st.integers(2, longest_run)).map(lambda t: t[0] * t[1]),
    ), max_size=30))
    return "".join(pieces)


_YAML_SCALARS = st.one_of(
    st.sampled_from(["2026-13-40", "2026-02-30", "2026-02-03T10:00:00+99:00", "0001-01-01", "9999-12-31",
                     "9" * 5000, "1e999", "-.inf", ".nan", "0x1F", "yes", "~", "null", "''", '""', "!!python/none x",
                     "!custom x", "&a x", "*a", "*b", "[", "]", "{", "}", "|", ">", "'unclosed", '"\\x01\\ud800"',
                     "x" * 3000, "<script>alert(1)</script>", "../../etc/passwd", "/etc/passwd", "s-00000000"]),
    st.text(max_size=30).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.integers(-10**6, 10**6).map(str),
)


@st.composite
def yaml_document(draw, keys: list[str]) -> str:
    """YAML text: known and unknown keys, scalars, lists, nesting, anchors and aliases, broken syntax."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        key = draw(st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=10)))
        key = key if key.isidentifier() else '"' + key.replace("\\", "").replace('"', "") + '"'
        shape = draw(st.sampled_from(["scalar", "list", "deep", "bomb", "block"]))
        if shape == "scalar":
            value = draw(_YAML_SCALARS)
        elif shape == "list":
            value = "[" + ", ".join(draw(st.lists(_YAML_SCALARS, max_size=5))) + "]"
        elif shape == "deep":
            depth = draw(st.integers(1, 2000))
            value = "[" * depth + draw(_YAML_SCALARS) + "]" * depth
        elif shape == "bomb":
            value = "&a [x, x, x, x, x, x, x, x, x, x]"
            lines.append(f"{key}: {value}")
            for level in range(draw(st.integers(1, 9))):
                lines.append(f"l{level}: &{'b' if level % 2 else 'a'} [" + ", ".join([f"*{'a' if level % 2 else 'b'}"] * 10) + "]")
            continue
        else:
            value = "\n" + "\n".join(f"  - {draw(_YAML_SCALARS)}" for _ in range(draw(st.integers(0, 4))))
        lines.append(f"{key}: {value}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\x00", "\n\t", "\n  bad: indent"]))


@st.composite
def front_matter_article(draw) -> str:
    keys = ["title", "date", "source", "url"]
    return "---\n" + draw(yaml_document(keys)) + "\n---\n" + draw(article_text())


@st.composite
def dated_article(draw) -> str:
    year = draw(st.sampled_from([1, 2, 1969, 2026, 9998, 9999]))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 31))
    relative = draw(st.lists(st.sampled_from(["yesterday", "today", "tomorrow", "on Monday", "next Sunday",
                                              "last Friday", "December 31", "January 1", "March 3, 2026"]),
                             min_size=1, max_size=4))
    return (f"date {year:04d}-{month:02d}-{day:02d}\n\nTalks At The End Of The Calendar\n\n"
            f"Officials said the talks end {' and '.join(relative)}. " + draw(article_text()))


OVERRIDE_KEYS = ["title", "date", "status", "slug", "tags", "remove", "articles", "merge_with", "hide", "move",
                 "pin", "order", "annotate", "bottom_line", "developments", "background", "outlook", "timeline",
                 "notes", "positions", "actors", "people"]


def override_text():
    return yaml_document(OVERRIDE_KEYS)


# ------------------------------------------------------------------ properties


class _LiveMarkup(HTMLParser):
    """Tags and attributes in a page's HTML that the renderer itself does not write."""

    OWN_TAGS = {"h1", "h2", "h3", "h4", "p", "a", "small", "sup", "ul", "ol", "li", "blockquote", "em", "strong",
                "div", "span", "br", "hr", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "details", "summary"}

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.OWN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_comment(self, data):
        self.found.append(f"<!--{data[:20]}")


_MARKDOWN = markdown.Markdown(extensions=["toc", "tables", "attr_list", "md_in_html", "admonition"])


def _check_pages(site: pipeline.Site, out: Path) -> None:
    for uri, page in site.pages.items():
        target = (out / uri).resolve()
        assert out in target.parents, f"page outside the output folder: {uri!r}"
        assert all(0 < len(part.encode("utf-8")) <= 255 for part in PurePosixPath(uri).parts), uri
        if uri.endswith(".md") and (uri.startswith(("articles/", "briefings/"))):
            body = page.split("\n---\n", 1)[-1]  # past the front matter
            parser = _LiveMarkup()
            parser.feed(_MARKDOWN.reset().convert(body))
            assert not parser.found, (uri, parser.found[:3])


def _check_problems(problems: tuple[str, ...], names: tuple[str, ...]) -> None:
    for problem in problems:
        assert "\n" not in problem and problem.startswith(names), problem
        assert "Traceback" not in problem and "this is a bug" not in problem, problem


def check_article(project: Path, name: str, text: str | bytes) -> float:
    """One article beside the newsroom's; returns its seconds. An AssertionError says which property failed."""
    path = project / "seeds" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    start = time.perf_counter()
    extraction = pipeline.extract([path], relative_to=project)
    site = pipeline.build_site(project / "seeds", project / "briefings", root=project, extraction=extraction)
    seconds = time.perf_counter() - start
    path.unlink()
    _check_problems(site.problems, (f"seeds/{name}:", f"seeds/{name} "))
    _check_pages(site, (project / "out").resolve())
    assert seconds < CASE_SECONDS, f"{seconds:.1f} s"
    return seconds


def check_override(project: Path, extraction: pipeline.Extraction, text: str) -> float:
    path = project / "briefings" / f"{SLUG}.yml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    start = time.perf_counter()
    site = pipeline.build_site(project / "seeds", project / "briefings", root=project, extraction=extraction)
    seconds = time.perf_counter() - start
    path.unlink()
    _check_problems(site.problems, (f"briefings/{SLUG}.yml:",))
    _check_pages(site, (project / "out").resolve())
    assert seconds < CASE_SECONDS, f"{seconds:.1f} s"
    return seconds
