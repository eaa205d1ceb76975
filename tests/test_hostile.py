"""Hostile and unlucky input: one bad file gets one problem naming it (and its line, for YAML),
and every other briefing still builds; nothing from an article runs away or crashes a build.

Each case here crashed `extract`, `check` and the site build before it was fixed (issue 15).
"""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DAM, HARVEST, write
from generator import cli, pipeline

BODY = "Norway and Sweden signed a water accord in Oslo, officials said.\n"


def build(project: Path) -> pipeline.Site:
    return pipeline.build_site(project / "seeds", project / "briefings", root=project)


def slugs(site: pipeline.Site) -> set[str]:
    return {b.slug for b in site.briefings}


def assert_set_aside(project: Path, name: str, text: str, expected: str) -> str:
    """The file gets exactly one problem, which starts as expected; the newsroom's briefings still build."""
    write(project / "seeds", name, text)
    site = build(project)
    [problem] = site.problems
    assert problem.startswith(expected), problem
    assert "\n" not in problem
    assert {DAM, HARVEST} <= slugs(site)
    assert f"articles/{Path(name).stem}.md" not in site.pages
    return problem


@pytest.mark.parametrize("date, line", [
    ("2026-13-40", 3), ("2026-02-30", 3), ("2026-02-03T10:00:00+99:00", 3),
])
def test_an_impossible_front_matter_date_is_one_problem(newsroom: Path, date: str, line: int):
    problem = assert_set_aside(newsroom, "bad.md", f"---\ntitle: Talks\ndate: {date}\n---\n{BODY}",
                               f"seeds/bad.md:{line}")
    assert "YYYY-MM-DD" in problem


def test_a_front_matter_date_with_a_time_still_gives_the_day(newsroom: Path):
    write(newsroom / "seeds", "timed.md", f"---\ntitle: Talks in Oslo\ndate: 2026-02-03T10:00:00+01:00\n---\n{BODY}")
    [analysis] = [a for a in pipeline.extract([newsroom / "seeds" / "timed.md"]).analyses]
    assert analysis.article.date == "2026-02-03"


def test_a_number_of_thousands_of_digits_is_one_problem(newsroom: Path):
    assert_set_aside(newsroom, "digits.md", f"---\ntitle: {'9' * 5000}\n---\n{BODY}",
                     "seeds/digits.md:2:8: the YAML front matter is not valid (title): is 5,000 characters long")


def test_nesting_a_thousand_deep_in_front_matter_is_one_problem(newsroom: Path):
    assert_set_aside(newsroom, "deep.md", f"---\ntitle: {'[' * 1000}{']' * 1000}\n---\n{BODY}",
                     "seeds/deep.md:2:")


def test_an_alias_bomb_in_front_matter_is_refused(newsroom: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for previous, name in zip("abcdefgh", "bcdefghi"):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    problem = assert_set_aside(newsroom, "bomb.md", f"---\n{bomb}title: *i\n---\n{BODY}", "seeds/bomb.md:")
    assert "expands to more than 10000 values" in problem


@pytest.mark.parametrize("header, sentence", [
    ("date 9999-12-31", "The talks resume tomorrow, officials said."),
    ("date 0001-01-01", "The minister spoke on Tuesday and yesterday, officials said."),
    ("date 0001-01-01", "The talks start next Tuesday, officials said."),
])
def test_relative_days_past_the_calendar_ends_give_no_date(newsroom: Path, header: str, sentence: str):
    write(newsroom / "seeds", "edge.txt", f"{header}\n\nTalks At The End Of Time\n\n{sentence}\n")
    site = build(newsroom)
    assert site.problems == ()
    [edge] = [a for a in pipeline.extract([newsroom / "seeds" / "edge.txt"]).analyses]
    assert [s.text for s in edge.sentences] == [sentence]


def test_control_characters_reach_neither_pages_nor_feed(newsroom: Path):
    write(newsroom / "seeds", "ctrl.txt",
          "date 2026-02-03\n\nNorway\x01 And Chile Sign\x1b Fisheries Accord\n\n"
          "Norway and Chile\x01 signed a fisheries\x1b accord\x7f in Oslo on Tuesday, officials said.\n")
    write(newsroom / "briefings", f"{DAM}.yml", 'title: "Dam\\x01 talks"\nnotes: ["\\x02 note"]\n')
    site = build(newsroom)
    assert site.problems == ()
    feed = ET.fromstring(site.pages["feed.xml"])  # lxml refused to write it before
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Norway And Chile Sign Fisheries Accord" in titles and "Dam talks" in titles
    for uri, page in site.pages.items():
        bad = [c for c in page if (ord(c) < 32 and c not in "\t\n\r") or 0x7f <= ord(c) <= 0x9f or 0xd800 <= ord(c) <= 0xdfff]
        assert not bad, (uri, bad)


def test_nesting_a_thousand_deep_in_an_override_is_one_problem(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", "title: x\nnotes: " + "[" * 1000 + "]" * 1000 + "\n")
    site = build(newsroom)
    assert site.problems == (f"briefings/{DAM}.yml:2:107 → nested deeper than 20 levels; an override file is flat",)
    assert {DAM, HARVEST} <= slugs(site)


def test_a_nul_byte_in_an_override_is_one_line(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", "title: Dam talks\nnotes:\n  - a\x00b\n")
    assert build(newsroom).problems == (
        f"briefings/{DAM}.yml:3:6 → the control character U+0000 is not allowed in YAML; "
        "remove it (save the file as plain text)",)


def test_check_reports_a_bad_article_and_exits_1(newsroom: Path, capsys):
    write(newsroom / "seeds", "bad.md", f"---\ndate: 2026-02-30\n---\n{BODY}")
    assert cli.main(["check", "--root", str(newsroom)]) == 1
    err = capsys.readouterr().err
    assert "seeds/bad.md:2: front matter date '2026-02-30' is not a date of the calendar" in err
    assert "Traceback" not in err


def test_a_bug_met_on_one_article_is_a_problem_naming_it_and_its_exception(newsroom: Path, monkeypatch):
    real = pipeline.analyse

    def failing_on_the_harvest(article):
        if article.path.endswith("harvest.md"):
            raise ZeroDivisionError("division by zero")
        return real(article)

    monkeypatch.setattr(pipeline, "analyse", failing_on_the_harvest)
    site = build(newsroom)
    assert site.problems == ("seeds/harvest.md: could not be read or analysed (ZeroDivisionError: division by zero); "
                             "the article is left out; this is a bug in the generator: please report it with the file",)
    assert slugs(site) == {DAM}


def test_extract_json_text_is_the_files_text_between_the_offsets(tmp_path: Path, capsys):
    text = ("Title Of A Wrapped Wire Story\n\n"
            "    The minister said on Monday that the talks with Sweden\nwould resume next week in Oslo.\n"
            "    ‘We are ready to sign the accord,’ the minister told reporters\nafter the meeting.\n"
            "    Officials from both sides said the deal\nwas close.\n")
    path = write(tmp_path, "wrapped.txt", text)
    assert cli.main(["extract", str(path), "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)["articles"]
    spans = article["sentences"] + article["quotes"]
    assert any("\n" in s["text"] for s in spans) and any("‘" in s["text"] for s in spans)
    for span in spans:
        assert span["text"] == text[span["start"]:span["end"]]


# ------------------------------------------------------------------ bounded cost

def extract_one(tmp_path: Path, name: str, text: str) -> pipeline.Extraction:
    return pipeline.extract([write(tmp_path, name, text)])


@pytest.mark.parametrize("body", [
    "Officials said" + "." * 50_000 + " Then they left.",  # a run of dots: n² in sentence splitting
    "Officials said " + "said " * 20_000 + "today.",  # reporting verbs: n² in reported speech
    "Officials said" + " " * 50_000 + "[O/R] today.",  # spaces before a topic code: n² in a clutter pattern
])
def test_pathological_runs_are_read_in_linear_time(tmp_path: Path, body: str):
    result = extract_one(tmp_path, "run.txt", f"Title Of A Hostile Story\n\n{body}\n")
    assert result.problems == () and len(result.analyses) == 1  # minutes each before


def test_an_article_over_the_size_limit_is_refused_unread(tmp_path: Path):
    result = extract_one(tmp_path, "huge.txt", "Iran said it would talk. " * 20_000)
    assert result.problems == (f"{tmp_path}/huge.txt: is larger than the 256,000 bytes an article may have; "
                               "split it into articles or remove it from the seeds folder",)


def test_an_article_of_too_many_sentences_is_refused(tmp_path: Path):
    result = extract_one(tmp_path, "many.txt", "Title Of Many\n\n" + "Iran said so. " * 3_000)
    [problem] = result.problems
    assert problem.startswith(f"{tmp_path}/many.txt: has 3,000 sentences, more than the 2,000 an article may have")


def test_markup_runs_render_as_inert_look_alikes(newsroom: Path):
    """60,000 underscores made Python-Markdown take minutes: its cost is the square of the escapes in a block."""
    write(newsroom / "seeds", "marks.txt", "Title Of A Marked Story\n\nOfficials said " + "_*<[" * 15_000 + " today.\n")
    site = build(newsroom)
    assert site.problems == ()
    page = site.pages["articles/marks.md"]
    assert "＿∗‹［" * 100 in page and "\\_" not in page and "<[" not in page


def test_an_override_of_50_mb_is_refused_unread(newsroom: Path):
    (newsroom / "briefings" / f"{DAM}.yml").write_bytes(b"title: " + b"x" * 50_000_000 + b"\n")
    assert build(newsroom).problems == (
        f"briefings/{DAM}.yml:1:1 → is larger than the 100,000 characters an override file may have; keep it short",)


def test_a_long_override_title_is_refused(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", "title: " + "x" * 5_000 + "\n")
    assert build(newsroom).problems == (
        f"briefings/{DAM}.yml:1:8 → title → is 5,000 characters long, more than the 2,000 a value may have; shorten it",)


# ------------------------------------------------------------------ names and check

def test_names_from_content_are_bounded_and_the_build_writes_them(newsroom: Path, capsys):
    long_name = "北京" * 40  # 240 bytes: a legal file name, whose slug is 359 characters
    write(newsroom / "seeds", f"{long_name}.txt", "Beijing Hosts Water Talks\n\nChina said on Tuesday it would host talks.\n")
    write(newsroom / "briefings", f"{DAM}.yml",
          f"tags: [{'Water ' * 60}]\nactors:\n  NOR: {{name: {'Kingdom of Norway ' * 20}}}\n")
    site = build(newsroom)
    assert site.problems == ()
    assert all(len(part.encode("utf-8")) <= 84 for uri in site.pages for part in uri.split("/")), \
        max(site.pages, key=len)
    assert cli.main(["build", "--root", str(newsroom), "--out", str(newsroom / "out")]) == 0  # File name too long before
    again = build(newsroom)
    assert sorted(again.pages) == sorted(site.pages)  # the short form is stable


def test_check_refuses_a_slug_the_build_could_not_write(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", f"slug: {'-'.join(['dam'] * 100)}\n")
    [problem] = build(newsroom).problems
    assert problem.startswith(f"briefings/{DAM}.yml:1:7 → slug → ") and "80" in problem


def test_check_refuses_briefings_that_merge_with_each_other(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", f"merge_with: [{HARVEST}]\n")
    write(newsroom / "briefings", f"{HARVEST}.yml", f"merge_with: [{DAM}]\n")
    site = build(newsroom)
    assert site.problems == (
        f"briefings/{DAM}.yml:1:14 → merge_with[0] → '{HARVEST}' merges back into this briefing "
        f"({DAM} → {HARVEST} → {DAM}); keep merge_with in one file only",
        f"briefings/{HARVEST}.yml:1:14 → merge_with[0] → '{DAM}' merges back into this briefing "
        f"({HARVEST} → {DAM} → {HARVEST}); keep merge_with in one file only",
    )
    sources = {b.slug: sorted(s.path for s in b.sources) for b in site.briefings}
    assert sources[HARVEST] == ["seeds/harvest.md"]  # not swapped with the dam's articles


# ------------------------------------------------------------------ links and special files

def test_links_outside_the_project_and_special_files_are_reported(newsroom: Path, tmp_path_factory):
    secret = write(tmp_path_factory.mktemp("elsewhere"), "secret.txt", "Secret Plans Of The Machine\n\nThe password is hunter2.\n")
    seeds = newsroom / "seeds"
    (seeds / "outside.txt").symlink_to(secret)
    (seeds / "dangling.txt").symlink_to(newsroom / "nothing.txt")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    os.mkfifo(seeds / "pipe.txt")
    write(newsroom, "drafts/inside.txt", "Oslo Hosts Fishing Talks\n\nNorway said on Tuesday it would host talks.\n")
    (seeds / "inside.txt").symlink_to(newsroom / "drafts" / "inside.txt")
    site = build(newsroom)  # a FIFO was waited on forever: it is never opened
    assert sorted(site.problems) == [
        "seeds/dangling.txt: is a link to " + str(newsroom / "nothing.txt") + ", which does not exist; "
        "remove the link or restore its file",
        "seeds/loop.txt: is a link that leads back to itself (a loop); remove it",
        f"seeds/outside.txt: is a link to {secret}, outside the project folder; its text would be published: "
        "copy the file here instead",
        "seeds/pipe.txt: is a FIFO, not a file; remove it",
    ]
    assert not any("hunter2" in page for page in site.pages.values())
    assert "articles/inside.md" in site.pages  # a link inside the project folder is followed
    assert {DAM, HARVEST} <= slugs(site)


def test_override_links_outside_the_project_and_fifos_are_reported(newsroom: Path, tmp_path_factory):
    outside = write(tmp_path_factory.mktemp("elsewhere"), "x.yml", "title: From elsewhere\n")
    (newsroom / "briefings" / f"{DAM}.yml").symlink_to(outside)
    os.mkfifo(newsroom / "briefings" / f"{HARVEST}.yml")
    assert build(newsroom).problems == (
        f"briefings/{DAM}.yml:1:1 → is a link to {outside}, outside the project folder; its text would be "
        "published: copy the file here instead",
        f"briefings/{HARVEST}.yml:1:1 → is a FIFO, not a file; remove it",
    )
