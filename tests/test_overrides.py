"""Editors' overrides: every editing operation, and every problem reported as file:line:col → key → message.

Most tests use the small newsroom of conftest.py (a story in two articles, and
one unrelated article), address items by the ids their text gives them, and
never depend on the section the extractor puts a sentence in.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DAM, HARVEST, REPO, write
from generator import cli, pipeline, yamlfile
from generator.briefing import overrides
from generator.briefing.compose import item_id

SEED_SLUG = "turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional"
FILE = f"briefings/{DAM}.yml"

DIVIDED = "The dam on the Kessel river has divided the two neighbours for a decade."
ENGINEERS = "Engineers from both sides inspected the reservoir last week."
RESERVOIR = "The Kessel reservoir holds water for both Norway and Sweden."
INSISTS = "Norway insists the dam is needed for electricity."
MEDIATORS = "Mediators hope to close the Kessel dam file before the summer."
BERG = "Swedish Foreign Minister Anna Berg said the dam threatens farmers downstream."


def s(text: str) -> str:
    return item_id("s", text)


def build(project: Path, **options) -> pipeline.Site:
    return pipeline.build_site(project / "seeds", project / "briefings", root=project, **options)


def edit(project: Path, text: str, slug: str = DAM) -> pipeline.Site:
    write(project / "briefings", f"{slug}.yml", text)
    return build(project)


def briefing(site: pipeline.Site, slug: str = DAM):
    [found] = [b for b in site.briefings if b.slug == slug]
    return found


def place_of(b, wanted: str) -> list[str]:
    """Every place an id appears in: a section name, positions.<CODE> or people."""
    places = [name for name in overrides.SECTIONS for i in getattr(b, name) if i.id == wanted]
    places += [f"positions.{p.actor}" for p in b.positions for i in p.items if i.id == wanted]
    return places + ["people" for p in b.people if p.id == wanted]


def item(b, wanted: str):
    [found] = [i for name in overrides.SECTIONS for i in getattr(b, name) if i.id == wanted] + [
        i for p in b.positions for i in p.items if i.id == wanted]
    return found


def section_ids(b, name: str) -> list[str]:
    if name.startswith("positions."):
        [position] = [p for p in b.positions if p.actor == name.split(".")[1]]
        return [i.id for i in position.items]
    return [i.id for i in getattr(b, name)]


# ------------------------------------------------------------------ scalars and lists


def test_scalars_replace_and_a_plain_list_adds(newsroom: Path):
    generated = briefing(build(newsroom))
    site = edit(newsroom, "title: Kessel dam talks resume\ndate: 2026-03-09\nstatus: reviewed\ntags: [Water]\n")
    merged = briefing(site)
    assert site.problems == ()
    assert (merged.title, merged.date, merged.status) == ("Kessel dam talks resume", "2026-03-09", "reviewed")
    assert merged.tags == generated.tags + ("Water",)
    assert merged.override_file == FILE


def test_a_list_is_replaced_or_trimmed_and_a_key_removed(newsroom: Path):
    generated = briefing(build(newsroom))
    assert "Norway" in generated.tags and generated.date is not None
    assert briefing(edit(newsroom, "tags: {replace: [Water, Energy]}\n")).tags == ("Water", "Energy")
    assert "Norway" not in briefing(edit(newsroom, "tags: {remove: [Norway], add: [Water]}\n")).tags
    removed = briefing(edit(newsroom, "remove: [date, tags]\n"))
    assert (removed.date, removed.tags) == (None, ())


def test_the_bottom_line_is_replaced(newsroom: Path):
    merged = briefing(edit(newsroom, "bottom_line:\n  replace:\n    - One sentence.\n    - Another one.\n"))
    assert [i.text for i in merged.bottom_line] == ["One sentence.", "Another one."]
    assert all(i.editorial for i in merged.bottom_line)


def test_a_new_slug_moves_the_page_and_the_links_to_it(newsroom: Path):
    site = edit(newsroom, "slug: kessel-dam-talks\n")
    assert site.problems == ()
    assert "briefings/kessel-dam-talks.md" in site.pages and f"briefings/{DAM}.md" not in site.pages
    assert "(../briefings/kessel-dam-talks.md)" in site.pages["articles/dam-a.md"]


# ------------------------------------------------------------------ items


def test_hide_leaves_an_item_out_wherever_it_is(newsroom: Path):
    person = briefing(build(newsroom)).people[0].id
    merged = briefing(edit(newsroom, f"hide: [{s(ENGINEERS)}, {person}]\n"))
    assert place_of(merged, s(ENGINEERS)) == [] and place_of(merged, person) == []
    assert merged.hidden == tuple(sorted([s(ENGINEERS), person]))


def test_move_to_another_section_and_to_other_actors(newsroom: Path):
    merged = briefing(edit(newsroom, f"move:\n  {s(ENGINEERS)}: background\n  {s(DIVIDED)}: positions.SWE\n"
                                     f"  {s(INSISTS)}: positions.DNK\n"))
    assert place_of(merged, s(ENGINEERS)) == ["background"]
    assert place_of(merged, s(DIVIDED)) == ["positions.SWE"]
    assert place_of(merged, s(INSISTS)) == ["positions.DNK"]  # an actor the briefing did not have
    [denmark] = [p for p in merged.positions if p.actor == "DNK"]
    assert (denmark.label, denmark.flag) == ("Denmark", "🇩🇰")


def test_pin_puts_items_first_in_the_listed_order(newsroom: Path):
    merged = briefing(edit(newsroom, f"move: {{{s(ENGINEERS)}: outlook, {s(DIVIDED)}: outlook}}\n"
                                     f"pin: [{s(DIVIDED)}, {s(ENGINEERS)}]\n"))
    assert section_ids(merged, "outlook")[:2] == [s(DIVIDED), s(ENGINEERS)]
    assert item(merged, s(DIVIDED)).pinned and not item(merged, s(MEDIATORS)).pinned


def test_order_swaps_items_in_the_places_they_hold(newsroom: Path):
    place = "notes"  # a section the generator leaves empty, so the test knows everything in it
    moved = f"move: {{{s(ENGINEERS)}: {place}, {s(DIVIDED)}: {place}, {s(RESERVOIR)}: {place}}}\n"
    before = briefing(edit(newsroom, moved))
    assert section_ids(before, place) == [s(ENGINEERS), s(DIVIDED), s(RESERVOIR)]
    after = briefing(edit(newsroom, moved + f"order: [{s(RESERVOIR)}, {s(ENGINEERS)}]\n"))
    assert section_ids(after, place) == [s(RESERVOIR), s(DIVIDED), s(ENGINEERS)]


def test_annotate_adds_a_note_to_an_item(newsroom: Path):
    merged = briefing(edit(newsroom, f"annotate:\n  {s(MEDIATORS)}: No date was named.\n"))
    assert item(merged, s(MEDIATORS)).note == "No date was named."


def test_editors_add_lines_with_citations_and_notes(newsroom: Path):
    site = edit(newsroom, """\
developments:
  - Both delegations agreed to meet again in April.
  - text: The reservoir was filled in 2016.
    cite: {article: seeds/dam-b.md, sentence: 2}
  - text: A court ruling is pending.
    cite: {url: "https://example.org/ruling?id=7", title: Court docket}
positions:
  NOR:
    - {text: Norway wants a joint monitoring body., speaker: Per Olsen}
timeline:
  - {text: The treaty was signed., date: 2016-06-01}
notes:
  - text: Figures checked against the treaty.
    pin: true
""")
    assert site.problems == ()
    merged = briefing(site)
    april, filled, ruling = merged.developments[-3:]
    assert (april.text, april.editorial, april.citations, april.link) == (
        "Both delegations agreed to meet again in April.", True, (), None)
    number = next(src.number for src in merged.sources if src.path == "seeds/dam-b.md")
    assert [(c.source, c.sentence) for c in filled.citations] == [(number, 1)]
    assert (ruling.link.url, ruling.link.title) == ("https://example.org/ruling?id=7", "Court docket")
    [norway] = [p for p in merged.positions if p.actor == "NOR"]
    assert norway.items[-1].speaker == "Per Olsen" and "Per Olsen" in norway.people
    assert merged.timeline[0].text == "The treaty was signed." and merged.timeline[0].date == "2016-06-01"
    assert [(n.text, n.pinned) for n in merged.notes] == [("Figures checked against the treaty.", True)]
    page = site.pages[f"briefings/{DAM}.md"]
    assert "A court ruling is pending. <small>(editor)</small> <sup>[\\[Court docket\\]](https://example.org/ruling?id=7)</sup>" in page


def test_editorial_text_stays_text(newsroom: Path):
    site = edit(newsroom, "title: '<script>alert(1)</script> Dam'\nnotes:\n  - '<img src=x onerror=alert(2)> [x](javascript:alert(3))'\n")
    page = site.pages[f"briefings/{DAM}.md"]
    assert "\n# ‹script›alert(1)‹/script› Dam\n" in page  # through render.plain_label and md_text
    assert "- &lt;img src=x onerror=alert(2)&gt; \\[x\\](javascript:alert(3)) <small>(editor)</small>" in page


# ------------------------------------------------------------------ articles and stories


def test_an_article_is_added_and_its_old_briefing_disappears(newsroom: Path):
    site = edit(newsroom, "articles: [seeds/harvest.md]\n")
    assert site.problems == ()
    assert [b.slug for b in site.briefings] == [DAM]
    assert sorted(src.path for src in briefing(site).sources) == ["seeds/dam-a.md", "seeds/dam-b.md", "seeds/harvest.md"]
    assert f"(../briefings/{DAM}.md)" in site.pages["articles/harvest.md"]


def test_merge_with_takes_every_article_of_another_briefing(newsroom: Path):
    site = edit(newsroom, f"merge_with: [{HARVEST}]\n")
    assert site.problems == ()
    assert [b.slug for b in site.briefings] == [DAM]
    assert len(briefing(site).sources) == 3


def test_removed_articles_are_split_off_into_a_briefing_of_their_own(newsroom: Path):
    site = edit(newsroom, "articles: {remove: [dam-b]}\n")
    assert site.problems == ()
    assert [b.slug for b in site.briefings] == ["kessel-dam-talks-continue-in-geneva", DAM, HARVEST]
    assert [src.path for src in briefing(site).sources] == ["seeds/dam-a.md"]
    assert [src.path for src in briefing(site, "kessel-dam-talks-continue-in-geneva").sources] == ["seeds/dam-b.md"]


def test_replace_sets_the_articles_and_splits_off_those_left_out(newsroom: Path):
    site = edit(newsroom, "articles: {replace: [seeds/dam-a.md, harvest]}\n")
    assert site.problems == ()
    assert [b.slug for b in site.briefings] == ["kessel-dam-talks-continue-in-geneva", DAM]
    assert sorted(src.path for src in briefing(site).sources) == ["seeds/dam-a.md", "seeds/harvest.md"]


def test_a_briefing_that_was_merged_away_reports_its_override(newsroom: Path):
    write(newsroom / "briefings", f"{HARVEST}.yml", "status: reviewed\n")
    assert edit(newsroom, f"merge_with: [{HARVEST}]\n").problems == (
        f"briefings/{HARVEST}.yml:1:1 → the briefing '{HARVEST}' was merged into '{DAM}'; "
        f"move these edits to briefings/{DAM}.yml and delete this file",)


# ------------------------------------------------------------------ names: site-wide and per briefing


def test_the_site_wide_file_renames_for_every_briefing_and_the_briefing_wins(newsroom: Path):
    write(newsroom / "briefings", "_site.yml", """\
actors:
  NOR: {name: Kingdom of Norway}
people:
  Anna B. Berg:
    aliases: [Anna Berg]
    role: Minister for Foreign Affairs
""")
    site = build(newsroom)
    assert site.problems == ()
    merged = briefing(site)
    [norway] = [p for p in merged.positions if p.actor == "NOR"]
    assert norway.label == "Kingdom of Norway" and "Kingdom of Norway" in merged.tags and "Norway" not in merged.tags
    [berg] = merged.people
    assert (berg.name, berg.role, berg.actor) == ("Anna B. Berg", "Minister for Foreign Affairs", "SWE")
    speakers = {n for p in merged.positions for n in p.people}
    assert "Anna Berg" not in speakers
    # The briefing's own file wins over the site-wide one: a value set, a value removed.
    site = edit(newsroom, "actors:\n  NOR: {name: Norge}\npeople:\n  Anna B. Berg: {remove: [role]}\n")
    assert site.problems == ()
    merged = briefing(site)
    assert [p.label for p in merged.positions if p.actor == "NOR"] == ["Norge"]
    assert merged.people[0].role is None


def test_an_actor_alias_merges_two_positions(newsroom: Path):
    generated = briefing(build(newsroom))
    sweden = [i.id for p in generated.positions if p.actor == "SWE" for i in p.items]
    merged = briefing(edit(newsroom, "actors:\n  NOR: {aliases: [SWE]}\n"))
    assert [p.actor for p in merged.positions] == ["NOR"]
    assert set(sweden) <= set(section_ids(merged, "positions.NOR"))
    assert merged.people[0].actor == "NOR"


# ------------------------------------------------------------------ problems


def test_every_problem_is_reported_with_file_line_and_key(newsroom: Path):
    site = edit(newsroom, """\
titel: typo
status: final
tags: Water
date: 2026-02-30
slug: Kessel Dam
people:
  Anna Berg: {rol: Minister}
hide: [s-00000000, nonsense]
pin: true
""")
    assert site.problems == (
        f"{FILE}:1:1 → titel → unknown key 'titel'; did you mean 'title'?",
        f"{FILE}:2:9 → status → 'final' is not allowed; input should be 'draft', 'reviewed' or 'published'",
        f"{FILE}:3:7 → tags → expected a list, or a mapping with add:, remove: or replace:, got 'Water'",
        f"{FILE}:4:7 → date → '2026-02-30' is not a day of the calendar; write a real date as YYYY-MM-DD",
        f"{FILE}:5:7 → slug → 'Kessel Dam' is not a slug; write lowercase letters and digits, words joined by "
        "hyphens (like 'talks-in-istanbul')",
        f"{FILE}:7:15 → people.Anna Berg.rol → unknown key 'rol'; did you mean 'role'?",
        f"{FILE}:8:8 → hide[0] → no generated item has id 's-00000000' (its article changed or left the briefing?); "
        f"`python -m generator overrides ids {DAM}` lists the current ids",
        f"{FILE}:8:20 → hide[1] → 'nonsense' is not an item id; ids look like s-83dc4010 (the #anchor of a line on "
        f"the page, or `python -m generator overrides ids {DAM}`)",
        f"{FILE}:9:6 → pin → expected a list, got True",
    )


def test_a_file_with_a_problem_is_not_applied_at_all(newsroom: Path):
    site = edit(newsroom, "title: A new title\narticles: {remove: [dam-b]}\nhide: [s-00000000]\n")
    assert len(site.problems) == 1
    assert briefing(site).title == "Norway and Sweden Reopen Talks on the Kessel Dam"
    assert len(briefing(site).sources) == 2  # not even its choice of articles


def test_stale_ids_are_reported_wherever_they_are_used(newsroom: Path):
    stale = "s-00000000"
    site = edit(newsroom, f"move: {{{stale}: outlook}}\npin: [{stale}]\norder: [{stale}]\nannotate: {{{stale}: x}}\n")
    assert [p.split(" → ")[:2] for p in site.problems] == [
        [f"{FILE}:1:8", f"move.{stale}"], [f"{FILE}:2:7", "pin[0]"], [f"{FILE}:3:9", "order[0]"],
        [f"{FILE}:4:12", f"annotate.{stale}"]]
    assert all(f"no generated item has id '{stale}'" in p for p in site.problems)


def test_places_actors_and_people_that_do_not_exist(newsroom: Path):
    site = edit(newsroom, f"""\
move:
  {s(ENGINEERS)}: backgrund
  {s(DIVIDED)}: positions.Sweden
  {s(RESERVOIR)}: positions.XYZ
people:
  Ana Berg: {{role: Minister}}
actors:
  NRW: {{name: Norge}}
""")
    assert site.problems == (
        f"{FILE}:2:15 → move.{s(ENGINEERS)} → 'backgrund' is not a place in a briefing; did you mean 'background'? "
        "places are bottom_line, developments, background, outlook, timeline, notes, positions.<ACTOR CODE> "
        "(like positions.IRN)",
        f"{FILE}:3:15 → move.{s(DIVIDED)} → 'Sweden' is a name; actors are written by code: did you mean 'SWE'?",
        f"{FILE}:4:15 → move.{s(RESERVOIR)} → no actor 'XYZ'; actors in this briefing: NOR (Norway), SWE (Sweden)",
        f"{FILE}:6:3 → people.Ana Berg → no person 'Ana Berg' (or an alias) in this briefing; did you mean 'Anna Berg'?",
        f"{FILE}:8:3 → actors.NRW → the briefing shows no actor 'NRW' (or an alias); did you mean 'NOR'? "
        "actors here: NOR (Norway), SWE (Sweden)",
    )


def test_articles_that_do_not_exist_or_do_not_belong(newsroom: Path):
    site = edit(newsroom, f"""\
articles:
  add: [seeds/dam-c.md]
  remove: [seeds/harvest.md]
merge_with: [record-wheat-harvest, {DAM}]
developments:
  - text: A line.
    cite: {{article: seeds/harvest.md, sentence: 1}}
  - text: Another line.
    cite: {{article: dam-b, sentence: 9}}
""")
    assert site.problems == (
        f"{FILE}:2:9 → articles.add[0] → no article 'seeds/dam-c.md'; did you mean 'seeds/dam-b.md'?",
        f"{FILE}:3:12 → articles.remove[0] → 'seeds/harvest.md' is not part of this briefing; "
        "only its own articles can be removed",
        f"{FILE}:4:14 → merge_with[0] → no briefing has the slug 'record-wheat-harvest'; did you mean '{HARVEST}'?",
        f"{FILE}:4:36 → merge_with[1] → a briefing cannot merge with itself",
        f"{FILE}:7:21 → developments[0].cite.article → 'seeds/harvest.md' is not one of this briefing's articles "
        "(they are: seeds/dam-a.md, seeds/dam-b.md); add it under articles: first, or cite it with url:",
        f"{FILE}:9:38 → developments[1].cite.sentence → 'seeds/dam-b.md' has 4 sentences; "
        "choose one from 1 to 4 (the #s numbers on its page)",
    )


def test_an_article_belongs_to_one_briefing(newsroom: Path):
    write(newsroom / "briefings", f"{HARVEST}.yml", "articles: [seeds/dam-b.md]\n")
    site = edit(newsroom, "articles: {replace: [seeds/dam-a.md, seeds/dam-b.md]}\n")
    assert site.problems == (
        f"briefings/{HARVEST}.yml:1:12 → articles[0] → 'seeds/dam-b.md' is also taken by {FILE}:1:38; "
        "an article belongs to one briefing",)


def test_a_slug_that_would_take_another_page(newsroom: Path):
    write(newsroom / "docs" / "briefings", "about.md", "# About briefings\n")
    for wanted, problem in (
        (HARVEST, f"'{HARVEST}' is already the address of another briefing; choose another slug"),
        ("about", "'about' would take the address of the page briefings/about.md; choose another slug"),
    ):
        write(newsroom / "briefings", f"{DAM}.yml", f"slug: {wanted}\n")
        site = build(newsroom, existing_pages=["briefings/about.md"])
        assert site.problems == (f"{FILE}:1:7 → slug → {problem}",)
        assert f"briefings/{DAM}.md" in site.pages  # the page stays where it was


def test_contradictions_within_a_file(newsroom: Path):
    site = edit(newsroom, f"""\
date: 2026-03-09
remove: [date]
hide: [{s(ENGINEERS)}, {s(ENGINEERS)}]
pin: [{s(ENGINEERS)}]
timeline:
  - Undated line.
tags: {{replace: [A], add: [B]}}
""")
    assert site.problems == (
        f"{FILE}:2:10 → remove[0] → 'date' is both set and removed here; keep one",
        f"{FILE}:3:20 → hide[1] → '{s(ENGINEERS)}' is listed twice (also hide[0]); keep one",
        f"{FILE}:4:7 → pin[0] → '{s(ENGINEERS)}' is hidden (hide[0]), so it cannot be pinned; keep one of the two",
        f"{FILE}:6:5 → timeline[0] → a timeline entry needs a date: write it with date: YYYY-MM-DD",
        f"{FILE}:7:7 → tags → replace: sets the whole list, so add: or remove: beside it would change nothing; keep one",
    )


def test_wrong_types_name_what_is_expected(newsroom: Path):
    site = edit(newsroom, """\
title: 2026
status:
date:
developments:
  - 5
  - text: x
    cite: {url: 'javascript:alert(1)'}
  - cite: {url: 'https://example.org'}
people:
  Anna Berg: {actor: Swedn}
""")
    assert site.problems == (
        f"{FILE}:1:8 → title → expected text, got 2026; put it in quotes to make it text",
        f"{FILE}:2:8 → status → is empty; write a value (or delete the line)",
        f"{FILE}:3:6 → date → is empty; list it under remove: to drop the value, or write a value (or delete the line)",
        f"{FILE}:5:5 → developments[0] → expected text, or a mapping with text: and optionally cite:, speaker:, "
        "date:, pin:, got 5",
        f"{FILE}:7:17 → developments[1].cite.url → 'javascript:alert(1)' is not a web address this site links to; "
        "write it in full, starting with https://, with spaces, quotes, brackets and parentheses %-encoded "
        "(%20, %22, %5B, %28…)",
        f"{FILE}:8:5 → developments[2].text → the key 'text' is missing (expected text, or a mapping with text: "
        "and optionally cite:, speaker:, date:, pin:)",
        f"{FILE}:10:22 → people.Anna Berg.actor → no actor 'Swedn'; did you mean 'SWE' (Sweden)? "
        "actors in this briefing: NOR (Norway), SWE (Sweden)",
    )


def test_yaml_syntax_error_names_the_line(newsroom: Path):
    assert edit(newsroom, "title: ok\nhide: [a, b\n").problems == (
        f"{FILE}:3:1 → YAML syntax error: expected ',' or ']', but got '<stream end>'; "
        "fix the file's indentation or quoting",)


def test_object_constructing_tags_are_all_refused(newsroom: Path):
    site = edit(newsroom, "title: !!python/object/apply:os.system ['echo hi']\nstatus: !custom reviewed\n")
    assert site.problems == (
        f"{FILE}:1:8 → title → the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
        "only plain YAML values are (remove the '!…' and write the value as text)",
        f"{FILE}:2:9 → status → the tag '!custom' is not allowed; only plain YAML values are "
        "(remove the '!…' and write the value as text)",
    )


def test_alias_bombs_and_deep_nesting_are_refused(newsroom: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for previous, name in zip("abcdef", "bcdefg"):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    assert edit(newsroom, bomb).problems == (
        f"{FILE}:1:35 → d[7][8][8][9] → expands to more than 10000 values (aliases?); "
        "write the values out instead of using anchors and aliases",)
    [problem] = edit(newsroom, "notes: " + "[" * 30 + "]" * 30 + "\n").problems
    assert problem == f"{FILE}:1:28 → notes[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] → " \
                      "nested deeper than 20 levels; an override file is flat"


def test_a_repeated_key_is_reported(newsroom: Path):
    assert edit(newsroom, "title: one\ntitle: two\n").problems == (
        f"{FILE}:2:1 → title → the key 'title' appears twice; keep one",)


def test_files_that_name_no_briefing(newsroom: Path):
    write(newsroom / "briefings", "norway-and-sweden.yml", "title: x\n")
    write(newsroom / "briefings", "_shared.yml", "title: x\n")
    assert build(newsroom).problems == (
        "briefings/_shared.yml:1:1 → unknown shared file; the site-wide file is briefings/_site.yml",
        f"briefings/norway-and-sweden.yml:1:1 → no briefing has the slug 'norway-and-sweden'; did you mean '{DAM}.yml'?",
    )


def test_site_wide_entries_that_name_nothing_are_reported(newsroom: Path):
    write(newsroom / "briefings", "_site.yml", "actors:\n  XYZ: {name: Nobody}\n  IRN: {name: Iran}\n"
                                               "people:\n  Anna Bergg: {role: Minister}\n")
    site = build(newsroom)
    assert site.problems == (
        "briefings/_site.yml:2:3 → actors.XYZ → no briefing has an actor 'XYZ' and the generator knows no such code; "
        "check the spelling, or remove the entry",
        "briefings/_site.yml:5:3 → people.Anna Bergg → no briefing names 'Anna Bergg' (or its aliases); "
        "did you mean 'Anna Berg'?",
    )  # IRN is a code the generator knows: a standing choice, not a mistake
    assert site.good == {}  # a problem in the site-wide file holds back every briefing


# ------------------------------------------------------------------ the shipped files and the schema


def yaml_examples(text: str) -> list[str]:
    """The ```yaml blocks of a Markdown text that are override files (they start with the $schema comment)."""
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    return [b for b in blocks if b.startswith("# yaml-language-server: $schema=")]


def schema_for(text: str) -> dict:
    name = re.match(r"# yaml-language-server: \$schema=\S*/([\w.]+\.json)", text).group(1)
    return json.loads((REPO / "generator" / "schema" / name).read_text(encoding="utf-8"))


def test_the_schema_files_are_current(tmp_path: Path):
    assert cli.main(["schema", "--out", str(tmp_path)]) == 0
    for name in overrides.SCHEMAS:
        shipped = (REPO / "generator" / "schema" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, \
            f"{name} is stale: run python -m generator schema"


def test_every_example_override_is_valid_against_the_schema():
    examples = [p.read_text(encoding="utf-8") for p in sorted((REPO / "briefings").glob("*.yml"))]
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        examples += yaml_examples(page.read_text(encoding="utf-8"))
    assert len(examples) >= 4  # the seed override, the site-wide file, and the README's examples
    for text in examples:
        jsonschema.validate(yamlfile.load(text, "example").data, schema_for(text))


def test_the_schema_refuses_what_the_checks_refuse():
    schema = schema_for("# yaml-language-server: $schema=x/override.schema.json")
    for wrong in ({"titel": "x"}, {"hide": ["nonsense"]}, {"move": {"s-83dc4010": "backgrund"}},
                  {"developments": [{"text": "x", "cite": {"url": "https://x.org", "article": "a"}}]},
                  {"tags": {"replace": ["a"], "extra": 1}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)
    jsonschema.validate({"tags": ["a"], "developments": ["x", {"text": "y", "cite": {"url": "https://x.org"}}],
                         "move": {"s-83dc4010": "positions.TUR"}}, schema)


def test_the_readme_worked_example_is_the_seed_override_and_checks_clean(project: Path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shipped = (REPO / "briefings" / f"{SEED_SLUG}.yml").read_text(encoding="utf-8")
    assert shipped in yaml_examples(readme)
    site = build(project)
    assert site.problems == ()
    assert set(site.good) == {SEED_SLUG}


# ------------------------------------------------------------------ the command line


def test_check_reports_every_problem_and_exits_non_zero(newsroom: Path, capsys):
    write(newsroom / "briefings", f"{DAM}.yml", "titel: x\nhide: [s-00000000]\n")
    assert cli.main(["check", "--root", str(newsroom)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{FILE}:1:1 → titel → unknown key 'titel'; did you mean 'title'?"
    assert err[1].startswith(f"{FILE}:2:8 → hide[0] → no generated item has id 's-00000000'")
    assert err[2] == "2 problem(s) found"
    (newsroom / "briefings" / f"{DAM}.yml").unlink()
    assert cli.main(["check", "--root", str(newsroom)]) == 0


def test_overrides_new_lists_the_ids_and_never_overwrites(newsroom: Path, capsys):
    assert cli.main(["overrides", "new", DAM, "--root", str(newsroom)]) == 0
    target = newsroom / "briefings" / f"{DAM}.yml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../generator/schema/override.schema.json\n")
    assert yaml.safe_load(text) is None  # all comments: checks clean until the editor uncomments something
    generated = briefing(build(newsroom))
    for wanted in overrides.item_ids(generated):
        assert re.search(rf"^#   {wanted}  \S+ +\S", text, flags=re.M), wanted
    assert re.search(rf"^#   {s(ENGINEERS)}  \S+ +(main|record) +Engineers from both sides inspected the reservoir last week\.$",
                     text, flags=re.M)
    target.write_text("title: mine\n", encoding="utf-8")
    assert cli.main(["overrides", "new", DAM, "--root", str(newsroom)]) == 1
    assert target.read_text(encoding="utf-8") == "title: mine\n"
    assert capsys.readouterr().err.startswith(f"briefings/{DAM}.yml already exists; edit it")
    assert cli.main(["overrides", "new", "norway", "--root", str(newsroom)]) == 1
    assert capsys.readouterr().err == (f"no briefing has the slug 'norway'; "
                                       f"briefings: {DAM}, {HARVEST}\n")


def test_overrides_ids_marks_what_the_override_does(newsroom: Path, capsys):
    write(newsroom / "briefings", f"{DAM}.yml", f"hide: [{s(ENGINEERS)}]\nmove: {{{s(DIVIDED)}: outlook}}\n")
    assert cli.main(["overrides", "ids", DAM, "--root", str(newsroom)]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"^{s(ENGINEERS)}  \S+ +(main|record) +Engineers from both sides inspected the reservoir last week\.  \[hidden\]$",
                     out, flags=re.M)
    assert re.search(rf"^{s(DIVIDED)} .*  \[moved to outlook\]$", out, flags=re.M)
