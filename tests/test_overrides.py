"""Editors' overrides: merging, and errors that point at file, line and key."""
from __future__ import annotations

from pathlib import Path

from generator import overrides, pipeline
from conftest import write

SLUG = "turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional"


def site(project: Path):
    return pipeline.build_site(project / "seeds", project / "briefings", root=project)


def the_briefing(result):
    [briefing] = [b for b in result.briefings if b.slug == SLUG]
    return briefing


def test_title_bottom_line_and_hide_are_merged(project: Path):
    generated = the_briefing(site(project))
    target = generated.outlook[0].id
    write(project / "briefings", f"{SLUG}.yml",
          f"title: A better title\nbottom_line:\n  - One sentence.\n  - Another one.\nhide:\n  - {target}\n")
    result = site(project)
    briefing = the_briefing(result)
    assert result.problems == ()
    assert briefing.title == "A better title"
    assert [i.text for i in briefing.bottom_line] == ["One sentence.", "Another one."]
    assert target not in overrides.item_ids(briefing)


def test_every_problem_is_reported_with_file_line_and_key(project: Path):
    write(project / "briefings", f"{SLUG}.yml", "titel: typo\nstatus: final\nhide: [no-such-id]\n")
    result = site(project)
    assert result.problems == (
        f"briefings/{SLUG}.yml:1:1 → titel → unknown key 'titel'; did you mean 'title'?",
        f"briefings/{SLUG}.yml:2:9 → status → 'final' is not allowed; input should be 'draft', 'reviewed' or 'published'",
    )


def test_stale_id_is_reported_not_ignored(project: Path):
    write(project / "briefings", f"{SLUG}.yml", "hide:\n  - s-00000000\n")
    [problem] = site(project).problems
    assert problem.startswith(f"briefings/{SLUG}.yml:2:5 → hide[0] → no generated item has id 's-00000000'")


def test_yaml_syntax_error_names_the_line(project: Path):
    write(project / "briefings", f"{SLUG}.yml", "title: ok\nhide: [a, b\n")
    [problem] = site(project).problems
    assert problem.startswith(f"briefings/{SLUG}.yml:3:1 → YAML syntax error")


def test_object_constructing_tags_are_refused(project: Path):
    write(project / "briefings", f"{SLUG}.yml", "title: !!python/object/apply:os.system ['echo hi']\n")
    [problem] = site(project).problems
    assert "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in problem
    assert problem.startswith(f"briefings/{SLUG}.yml:1:8 → title →")


def test_alias_bombs_are_refused(project: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n, name in enumerate("bcdefg"):
        prev = "abcdefg"[n]
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    write(project / "briefings", f"{SLUG}.yml", bomb)
    [problem] = site(project).problems
    assert "expands to more than 10000 values" in problem


def test_override_for_a_missing_briefing_is_reported(project: Path):
    write(project / "briefings", "turkey-prepares-to-host.yml", "title: x\n")
    problems = site(project).problems
    assert ("briefings/turkey-prepares-to-host.yml:1:1 → no briefing has the slug 'turkey-prepares-to-host'; "
            f"did you mean '{SLUG}.yml'?") in problems


def test_the_shipped_override_is_valid_against_the_schema():
    import json

    import jsonschema

    from conftest import REPO
    from generator import yamlfile

    schema = json.loads((REPO / "generator" / "schema" / "override.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(overrides.json_schema(), sort_keys=True)), \
        "schema file is stale: run python -m generator schema > generator/schema/override.schema.json"
    for path in sorted((REPO / "briefings").glob("*.yml")):
        jsonschema.validate(yamlfile.load(path.read_text(encoding="utf-8"), str(path)).data, schema)
