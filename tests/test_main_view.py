"""The main view of a briefing: what a reader sees without expanding anything, and the full record under it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import write
from generator import cli, pipeline
from generator.site.briefing_json import briefing_items
from generator.briefing.compose import compose
from generator.briefing.main_view import budget, choose
from generator.model import ActorPosition, Briefing, Citation, Item, SourceRef

# Three outlets report one fictional story, each in its own words, each with a tail of detail.
HARBOUR = {
    "harbour-a.md": """\
---
title: Estonia and Latvia Agree to Share the Riga Harbour Pilots
date: 2026-04-02
source: Baltic Wire
---
Estonia and Latvia agreed on Tuesday to share harbour pilots in the Gulf of Riga, ending a dispute that had closed the port to large tankers for three weeks.
The accord, signed in Parnu by the two transport ministers, takes effect on May 1.
Refresh this page for the latest:
He said the arrangement would be reviewed after a year.
Latvian Transport Minister Ilze Ozola said the deal protects jobs in both ports.
The pilots will be paid from a joint fund of 4 million euros.
Fishermen in the gulf had complained about the tanker queues for weeks.
Harbour masters in both countries met twice in March to prepare the text.
The port of Riga handled 20 million tonnes of cargo last year.
Traffic on the coastal road near the port was slow on Tuesday morning.
Estonian Prime Minister Kaja Tamm welcomed the accord as a model for the Baltic.
""",
    "harbour-b.md": """\
---
title: Baltic Neighbours End Pilot Dispute
date: 2026-04-02
source: Nordic Post
---
Latvia and Estonia struck a deal on Tuesday to share harbour pilots in the Gulf of Riga after a three-week dispute kept large tankers out of the port.
The ministers signed the accord in the Estonian resort of Parnu.
The pilots will be paid from a joint fund of 5 million euros, officials said.
Shipping companies said the closure had cost them millions.
Analysts said the deal could serve as a model for other shared waters.
Weather in the gulf was calm on Tuesday.
""",
    "harbour-c.md": """\
---
title: Pilots Deal Reopens Riga to Tankers
date: 2026-04-03
source: Harbour Daily
---
Large tankers can return to the port of Riga after Estonia and Latvia agreed to share harbour pilots in the gulf, ending a three-week dispute.
The deal takes effect on May 1, port officials said.
Russia's foreign ministry criticised the accord, saying it ignored Russian shipping in the gulf.
Dock workers in Riga celebrated the news on Wednesday.
""",
}


def project_of(articles: dict[str, str], folder: Path) -> Path:
    """A project folder with these articles as seeds and no overrides."""
    for name, text in articles.items():
        write(folder / "seeds", name, text)
    (folder / "briefings").mkdir()
    return folder


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    return project_of(HARBOUR, tmp_path)


def the_briefing(project: Path):
    (story,) = pipeline.extract([project / "seeds"], relative_to=project).stories
    return compose(story)


def main_lines(briefing) -> list[tuple[str, str | None, object]]:
    return [(section, actor, item) for section, actor, item in briefing_items(briefing) if item.main]


def test_one_statement_in_three_wordings_is_one_line_citing_all_three(harbour: Path):
    briefing = the_briefing(harbour)
    ledes = [item for _, _, item in main_lines(briefing) if "pilots" in item.text and "dispute" in item.text]
    assert len(ledes) == 1  # said three times, in three wordings, shown once
    assert {c.source for c in ledes[0].citations} == {1, 2, 3}
    page = pipeline.build_site(harbour / "seeds", harbour / "briefings", root=harbour).pages
    (uri,) = [u for u in page if u.startswith("briefings/") and u.endswith(".md")]
    assert "<small>(3 sources)</small>" in page[uri]


def test_the_main_view_keeps_to_its_budget_and_leaves_out_what_cannot_stand_alone(harbour: Path):
    briefing = the_briefing(harbour)
    shown = main_lines(briefing)
    assert 0 < sum(len(item.text.split()) for _, _, item in shown) <= budget(len(briefing.sources))
    texts = [item.text for _, _, item in shown]
    assert not any(t.startswith("He said") for t in texts)  # nobody a reader can see
    assert not any("Refresh this page" in t for t in texts)  # page furniture
    assert all(item.main is False for item in briefing.timeline)


def test_each_main_actor_has_its_stance_in_the_main_view(harbour: Path):
    briefing = the_briefing(harbour)
    actors = {actor for section, actor, _ in main_lines(briefing) if section == "position"}
    assert {"LVA", "RUS"} <= actors  # a minister's statement, and the one critic


def test_every_line_stays_on_the_page_the_rest_collapsed_under_its_section(harbour: Path):
    site = pipeline.build_site(harbour / "seeds", harbour / "briefings", root=harbour)
    (briefing,) = site.briefings
    (uri,) = [u for u in site.pages if u.startswith("briefings/") and u.endswith(".md")]
    page = site.pages[uri]
    for _, _, item in briefing_items(briefing):
        assert f"{{: #{item.id} }}" in page
    assert re.search(r'^\?\?\? note "Full record: \d+ more lines?"$', page, flags=re.M)
    collapsed = page[page.index("??? note"):]
    hidden = [item for _, _, item in briefing_items(briefing) if not item.main and item not in briefing.timeline]
    assert hidden and all(f"    {{: #{item.id} }}" in page or f"      {{: #{item.id} }}" in collapsed for item in hidden)
    document = json.loads(site.pages[uri.replace(".md", ".json")])
    assert {i["id"] for i in document["items"] if i["main"]} == {item.id for _, _, item in main_lines(briefing)}


def test_the_same_inputs_give_the_same_main_view(harbour: Path):
    first = [(s, a, i.id) for s, a, i in main_lines(the_briefing(harbour))]
    assert first == [(s, a, i.id) for s, a, i in main_lines(the_briefing(harbour))]


def test_editors_promote_and_demote_lines_and_overrides_ids_shows_the_view(harbour: Path, capsys):
    briefing = the_briefing(harbour)
    shown = next(i for s, _, i in main_lines(briefing) if s != "bottom_line")
    record = next(i for s, _, i in briefing_items(briefing) if not i.main and s not in ("timeline", "bottom_line"))
    slug = briefing.slug
    write(harbour / "briefings", f"{slug}.yml", f"promote: [{record.id}]\ndemote: [{shown.id}]\n")
    site = pipeline.build_site(harbour / "seeds", harbour / "briefings", root=harbour)
    assert site.problems == ()
    items = {i.id: i for _, _, i in briefing_items(site.briefings[0])}
    assert items[record.id].main and not items[shown.id].main
    assert cli.main(["overrides", "ids", slug, "--root", str(harbour)]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"^{record.id}  \S+ +main +.*\[promoted\]$", out, flags=re.M)
    assert re.search(rf"^{shown.id}  \S+ +record +.*\[demoted\]$", out, flags=re.M)


def test_contradictory_or_stale_view_choices_are_reported(harbour: Path):
    briefing = the_briefing(harbour)
    line = next(i for s, _, i in main_lines(briefing) if s != "bottom_line")
    write(harbour / "briefings", f"{briefing.slug}.yml",
          f"promote: [{line.id}, s-00000000]\ndemote: [{line.id}]\n")
    problems = pipeline.build_site(harbour / "seeds", harbour / "briefings", root=harbour).problems
    assert any("demote[0]" in p and "also promoted (promote[0])" in p for p in problems)
    assert any("promote[1]" in p and "no generated item has id 's-00000000'" in p for p in problems)


def test_where_sources_give_different_figures_the_line_shows_both_with_citations(harbour: Path):
    briefing = the_briefing(harbour)
    (fund,) = [item for _, _, item in briefing_items(briefing) if "joint fund" in item.text and item.main]
    assert sorted((v.value, v.citation.source) for v in fund.differs) == [("4 million", 1), ("5 million", 2)]
    site = pipeline.build_site(harbour / "seeds", harbour / "briefings", root=harbour)
    (uri,) = [u for u in site.pages if u.startswith("briefings/") and u.endswith(".md")]
    line = next(row for row in site.pages[uri].splitlines() if "joint fund" in row)
    assert re.search(r"Sources differ: \d million <sup>.*#s\d+.*</sup>; \d million <sup>.*#s\d+.*</sup>", line)
    # the two wordings stay two lines of the full record: neither is dropped for the other
    assert len([i for _, _, i in briefing_items(briefing) if "joint fund" in i.text]) == 2


def test_lines_that_share_only_names_are_not_one_statement():
    from generator.briefing.main_view import content_weights, same_statement
    a = content_weights("Speaking from Vienna, John Kerry agreed with President Barack Obama.")
    b = content_weights("John Kerry and Barack Obama met Congress leaders in Washington on the budget.")
    c = content_weights("Kerry agreed with Obama, speaking in Vienna.")
    assert same_statement(a, b) == 0.0
    assert same_statement(a, c) >= 0.4


# Two dated reports of one story, written for the lines-that-stand-alone and what-is-new tests.
SALMON = {
    "salmon-a.md": """\
---
title: Norway and Chile Sign Salmon Accord
date: 2026-03-10
source: Test Wire
---
Norway and Chile signed a salmon accord in Oslo on Monday.
Norwegian Foreign Minister Espen Barth Eide welcomed the accord.
He said the accord would protect the salmon stocks for a generation.
Secretary of State John F. Kerry told reporters the United States supports the accord.
The accord sets three conditions:
Fishing fleets must report every catch to a joint registry.
""",
    "salmon-b.md": """\
---
title: Salmon Accord Takes Shape
date: 2026-03-12
source: Other Wire
---
Norway and Chile signed a salmon accord in Oslo on Monday, officials said.
John Kerry said the United States would help fund the joint registry.
Chilean fishermen protested outside the parliament in Santiago on Wednesday against the accord.
""",
}


@pytest.fixture
def salmon(tmp_path: Path) -> Path:
    return project_of(SALMON, tmp_path)


def test_a_line_ending_in_a_colon_joins_what_it_introduces(salmon: Path):
    texts = [item.text for _, _, item in briefing_items(the_briefing(salmon))]
    assert "The accord sets three conditions: Fishing fleets must report every catch to a joint registry." in texts
    assert not any(t.endswith(":") for t in texts)


def test_a_line_opening_with_a_pronoun_names_its_speaker(salmon: Path):
    (line,) = [i for _, _, i in briefing_items(the_briefing(salmon)) if i.text.startswith("He said")]
    assert line.speaker == "Espen Barth Eide"
    site = pipeline.build_site(salmon / "seeds", salmon / "briefings", root=salmon)
    (uri,) = [u for u in site.pages if u.startswith("briefings/") and u.endswith(".md")]
    assert re.search(r"He said the accord would protect the salmon stocks for a generation\. — Espen Barth Eide",
                     site.pages[uri])


def test_one_person_named_two_ways_is_one_speaker_and_one_key_person(salmon: Path):
    briefing = the_briefing(salmon)
    (usa,) = [p for p in briefing.positions if p.actor == "USA"]
    assert usa.people == ("John F. Kerry",)
    assert [p.name for p in briefing.people if p.name.endswith("Kerry")] == ["John F. Kerry"]


def test_lines_only_the_newest_source_carries_are_marked_new(salmon: Path):
    briefing = the_briefing(salmon)
    lines = {i.text: i for _, _, i in briefing_items(briefing) if i not in briefing.timeline}
    assert lines["Chilean fishermen protested outside the parliament in Santiago on Wednesday against the accord."].new
    assert not lines["Norway and Chile signed a salmon accord in Oslo on Monday."].new  # both carry it
    assert not lines["Norwegian Foreign Minister Espen Barth Eide welcomed the accord."].new
    assert briefing.date == "2026-03-12"  # the feed's entry: the newest source's date
    single = SALMON["salmon-a.md"]
    assert not any(i.new for _, _, i in briefing_items(compose(pipeline.extract([write(salmon / "one", "a.md", single)]).stories[0])))


def test_sources_are_listed_with_outlet_and_date_and_articles_link_back_by_title(salmon: Path):
    write(salmon / "seeds", "tea.txt", "Farmers in the Kenyan highlands harvested a record tea crop this season.\n")
    site = pipeline.build_site(salmon / "seeds", salmon / "briefings", root=salmon)
    briefing = next(b for b in site.briefings if b.slug == "norway-and-chile-sign-salmon-accord")
    page = site.pages[f"briefings/{briefing.slug}.md"]
    assert "(../articles/salmon-a.md), Test Wire, 2026-03-10" in page
    article = site.pages["articles/salmon-b.md"]
    assert f"Part of the briefing [Norway and Chile Sign Salmon Accord](../briefings/{briefing.slug}.md)." in article
    lone = next(b for b in site.briefings if b is not briefing)
    assert "outlet not stated, undated" in site.pages[f"briefings/{lone.slug}.md"]
    assert "2 briefings, newest first, undated ones last." in site.pages["index.md"]


def test_a_country_named_once_is_no_tag(salmon: Path):
    write(salmon / "seeds", "salmon-a.md", SALMON["salmon-a.md"].replace(
        "in Oslo on Monday.", "in Oslo on Monday, a week after talks in Peru."))
    tags = the_briefing(salmon).tags
    assert {"Norway", "Chile"} <= set(tags) and "Peru" not in tags


def test_a_quote_split_by_its_attribution_is_one_line(tmp_path: Path):
    write(tmp_path / "seeds", "q.md", "---\ntitle: Oslo Harbour Talks\ndate: 2026-06-01\n---\n"
          "Norway and Sweden opened harbour talks in Oslo on Monday.\n\n"
          "\"This accord protects the fishermen of both countries,\" Swedish Foreign Minister Anna Berg said. "
          "\"We will sign it in June.\"\n")
    quotes = [i for _, _, i in briefing_items(the_briefing(tmp_path)) if i.quote]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("This accord protects the fishermen of both countries … We will sign it in June.", "Anna Berg")]


def one_source_briefing(positions: dict[str, list[tuple[str | None, str]]], *, people: tuple[str, ...] = (),
                        developments: tuple[str, ...] = ()) -> Briefing:
    """A briefing as compose() hands it to the main view: one source, lines in article order (developments
    first), each position line (speaker or None, text); a line with a speaker is a quote."""
    def cite(n: int) -> tuple[Citation, ...]:
        return (Citation(source=1, sentence=n, start=10 * n, end=10 * n + 9),)
    news = tuple(Item(id=f"s-{n:08x}", text=text, citations=cite(n)) for n, text in enumerate(developments))
    sentence = len(news) + 1  # positions start below the ledes (a source's first two sentences)
    stances = []
    for actor, lines in positions.items():
        items = []
        for speaker, text in lines:
            sentence += 1
            items.append(Item(id=f"s-{sentence:08x}", text=text, speaker=speaker, quote=bool(speaker),
                              citations=cite(sentence)))
        stances.append(ActorPosition(actor=actor, label=actor, flag="", people=people, items=tuple(items)))
    return Briefing(slug="test", title="Test", date=None, developments=news, positions=tuple(stances),
                    sources=(SourceRef(number=1, path="a.md", source_id="a", title=None, label="a", outlet=None,
                                       date=None, url=None),))


def shown(briefing: Briefing) -> list[str]:
    return [item.text for _, _, item in briefing_items(choose(briefing)) if item.main]


def test_a_speaker_the_main_view_already_shows_gives_way_to_another_voice_of_the_same_party():
    briefing = one_source_briefing({"PRT": [
        (None, "Environment Minister Rui Costa said Spain had held back the river water that farmers need this summer."),
        (None, "Rui Costa warned that Lisbon would take the river dispute to the European Commission in August."),
        (None, "Rui Costa added that the reservoirs of the south were at their lowest level for decades."),
        (None, "Prime Minister Helena Matos said the government would stand by the farmers of the south this summer."),
    ]}, people=("Rui Costa", "Helena Matos"))
    portugal = [text for text in shown(briefing) if "Costa" in text or "Matos" in text]
    assert len(portugal) == 2  # the party's share of the main view...
    assert any("Matos" in text for text in portugal)  # ...holds both its voices, not the same minister twice


def test_two_parties_saying_alike_things_are_two_stances_not_one_statement():
    briefing = one_source_briefing({
        "TUR": [(None, "Turkish officials said the door to dialogue and diplomacy between the two sides remains open.")],
        "IRN": [(None, "Iranian officials said the door to dialogue and diplomacy with Washington remains open.")],
    })
    actors = {actor for section, actor, item in briefing_items(choose(briefing)) if item.main and section == "position"}
    assert actors == {"TUR", "IRN"}


def test_each_party_shows_its_strongest_quote_also_where_it_says_what_the_bottom_line_reports():
    briefing = one_source_briefing({"FIN": [
        (None, "President Aino Virtanen welcomed the offer and urged both governments to send delegations."),
        ("Aino Virtanen", "Finland will host talks between Norway and Russia on the Arctic fishing quotas"),
    ]}, people=("Aino Virtanen",), developments=(
        "Finland offered on Monday to host talks between Norway and Russia on Arctic fishing quotas.",))
    texts = shown(briefing)
    assert texts[0].startswith("Finland offered on Monday")  # the bottom line reports it...
    assert "Finland will host talks between Norway and Russia on the Arctic fishing quotas" in texts  # ...she says it


LONG_QUOTE = """\
---
title: Finland Offers to Host Arctic Fisheries Talks
date: 2026-05-04
source: Test Wire
---
Finland offered on Monday to host talks between Norway and Russia on Arctic fishing quotas.
"We are doing everything we can to keep the dispute over the Barents Sea quotas from turning into a confrontation at sea. We have told both capitals plainly that we oppose any naval escort of the trawlers. Both sides have told us they want to talk, and that is encouraging. The answer lies in science and in shared quotas, not in patrol boats," Finnish President Aino Virtanen told reporters.
"""


def test_a_long_quotation_is_shown_in_parts_of_whole_sentences_each_citing_its_own_words(tmp_path: Path):
    path = write(tmp_path / "seeds", "speech.md", LONG_QUOTE)
    text = pipeline.extract([path]).stories[0].analyses[0].article.text
    quotes = [i for _, _, i in briefing_items(the_briefing(tmp_path)) if i.quote]
    assert [q.text for q in quotes] == [
        "We are doing everything we can to keep the dispute over the Barents Sea quotas from turning into a "
        "confrontation at sea. We have told both capitals plainly that we oppose any naval escort of the trawlers.",
        "Both sides have told us they want to talk, and that is encouraging. The answer lies in science and in "
        "shared quotas, not in patrol boats"]
    assert all(q.speaker == "Aino Virtanen" for q in quotes)
    for quote in quotes:  # each part cites exactly its own words, so a reader lands on them
        (citation,) = quote.citations
        assert " ".join(text[citation.start:citation.end].split()).rstrip(",") == quote.text
