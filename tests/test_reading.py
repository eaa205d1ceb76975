"""Every article shape the reader accepts, and the ones it refuses."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import lexicon
from generator.extraction.reading import ArticleError, decode, parse_article, read_article


def body(article) -> str:
    return article.text[article.body_start:article.body_end]


def test_glued_headline_is_split_from_the_first_sentence():
    text = "Leaders Gather in Geneva for Climate Finance Talks- Delegates from forty countries met on Monday.\nMore text follows here."
    article = parse_article(text, path="a.txt")
    assert article.title == "Leaders Gather in Geneva for Climate Finance Talks"
    assert body(article).startswith("Delegates from forty countries")
    assert article.date is None and article.dateline is None


def test_date_header_and_tass_dateline():
    text = " date 2026-03-09 MOSCOW, March 9. /TASS/. The Russian foreign ministry said talks would resume."
    article = parse_article(text, path="b.txt")
    assert article.date == "2026-03-09"
    assert article.dateline == "MOSCOW"
    assert article.source == "TASS"
    assert article.title is None
    assert body(article).startswith("The Russian foreign ministry")


def test_title_line_followed_by_blank_line():
    text = "Talks on Grain Corridor Resume in Istanbul\n\nNegotiators returned to the table on Friday.\n"
    article = parse_article(text, path="c.txt")
    assert article.title == "Talks on Grain Corridor Resume in Istanbul"
    assert body(article) == "Negotiators returned to the table on Friday."


def test_all_caps_wire_headline_dateline_and_signature():
    text = ("OFFICIALS SAY GRAIN TALKS TO RESUME\n    CAIRO, April 2 - Egyptian officials said on\n"
            "Thursday that talks would resume.\n    They gave no date.\n REUTER\n")
    article = parse_article(text, path="d.txt")
    assert article.title == "OFFICIALS SAY GRAIN TALKS TO RESUME"
    assert article.dateline == "CAIRO"
    assert article.source == "Reuters"
    assert body(article).endswith("They gave no date.")


def test_front_matter_wins_over_detection():
    text = ("---\ntitle: The Real Title\ndate: 2025-12-01\nsource: Example Wire\nurl: https://example.org/a\n---\n"
            "ANKARA, December 1. /TASS/. Turkish officials said the meeting went well.\n")
    article = parse_article(text, path="e.md")
    assert (article.title, article.date, article.source, article.url) == (
        "The Real Title", "2025-12-01", "Example Wire", "https://example.org/a")
    assert article.dateline == "ANKARA"
    assert body(article).startswith("Turkish officials")


def test_bom_and_crlf_are_normalised():
    text = decode("\ufeffHeadline About Port Strikes Spreading\r\n\r\nDockers walked out.\r\n".encode("utf-8"), "f.txt")
    assert text == "Headline About Port Strikes Spreading\n\nDockers walked out.\n"


@pytest.mark.parametrize("raw, reason", [
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
    (b"   \n\n", "empty"),
])
def test_unreadable_files_get_a_clear_error_naming_them(tmp_path: Path, raw: bytes, reason: str):
    path = tmp_path / "broken.txt"
    path.write_bytes(raw)
    with pytest.raises(ArticleError) as err:
        read_article(path, "seeds/broken.txt")
    assert str(err.value).startswith("seeds/broken.txt:")
    assert reason in str(err.value)


def test_bad_front_matter_names_the_line(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody text here.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"x.md:\d+:\d+: the YAML front matter is not valid"):
        read_article(path, "x.md")


@pytest.mark.parametrize("dateline, city, source", [
    ("LONDON, Jan 5 (Reuters) - ", "LONDON", "Reuters"),
    ("BEIJING, March 3 (Xinhua) -- ", "BEIJING", "Xinhua"),
    ("PARIS, May 2, 2019 (AFP) - ", "PARIS", "Agence France-Presse"),
])
def test_sentence_case_headline_and_a_dated_agency_dateline(dateline, city, source):
    article = parse_article(f"Oil prices rise as talks stall\n\n{dateline}Oil prices rose on Monday.\n", path="c.txt")
    assert article.title == "Oil prices rise as talks stall"
    assert (article.dateline, article.source) == (city, source)
    assert body(article).startswith("Oil prices rose")


def test_a_first_line_with_pieces_run_together_is_no_sentence_case_headline():
    article = parse_article("Story highlights The ministry announces a new levy\n\nThe levy starts in May.\n", path="d.txt")
    assert article.title is None


def sentence_texts(text: str) -> list[str]:
    """The sentences the extractor makes of an article's text."""
    from generator.extraction.analyse import analyse

    return [s.text for s in analyse(parse_article(text, path="t.txt")).sentences]


def test_web_page_clutter_does_not_become_sentences():
    text = ("Iran and US agree to resume talks in Oman\n\n"
            "Iran and the United States agreed on Monday to resume talks in Oman, officials said.\n\n"
            "Advertisement\n\nImage caption Foreign ministers met in Muscat on Monday\n\n"
            "Media playback is unsupported on your device\n\nRead more: Why the talks matter\n\n"
            "Enlarge this image toggle caption AP\n\n"
            "The talks will resume next week, the foreign ministry said.\n\n"
            "Sign up for our morning newsletter.\n\nFollow us on Twitter\n\nShare this with Facebook\n\n"
            "Copyright 2019 The Associated Press. All rights reserved.\n\nRelated Topics\n\n"
            "The ministers in Muscat. Photograph: Ali Haider/EPA\n\nFirst published on Mon 5 Mar 2020 09.00 GMT\n\n"
            "Reporting by Jan Novak; Editing by Alex Smith\n\nReuse this content\n")
    assert sentence_texts(text) == ["Iran and the United States agreed on Monday to resume talks in Oman, officials said.",
                                    "The talks will resume next week, the foreign ministry said."]


@pytest.mark.parametrize("date_line", [
    "3 March 2019", "Published On 3 Mar 2019", "Mon 3 Mar 2019 10.32 GMT", "March 3, 2019 at 5:01 p.m. EST",
    "Updated: 2019-03-03T10:00:00Z",
])
def test_a_published_date_line_under_the_headline_gives_the_date(date_line):
    article = parse_article(f"Fishing talks stall in Rabat\n\n{date_line}\n\nSpain and Morocco failed to agree on quotas.\n",
                            path="d.txt")
    assert (article.title, article.date) == ("Fishing talks stall in Rabat", "2019-03-03")
    assert body(article).startswith("Spain and Morocco")


def test_an_impossible_date_line_gives_no_date_and_stays_in_the_body():
    article = parse_article("Fishing talks stall in Rabat\n\n31 February 2019\n\nSpain and Morocco failed to agree.\n",
                            path="d.txt")
    assert article.date is None
    assert body(article).startswith("31 February 2019")


def test_a_headline_with_the_byline_right_under_it():
    article = parse_article("Fishing talks stall in Rabat\nBy Ana Ortiz\n\nMADRID (Reuters) - Spain and Morocco failed to agree.\n",
                            path="e.txt")
    assert (article.title, article.dateline, article.source) == ("Fishing talks stall in Rabat", "MADRID", "Reuters")


@pytest.mark.parametrize("dateline, date, source", [
    ("PARIS, May 2, 2019 (AFP) - ", "2019-05-02", "Agence France-Presse"),
    ("PARIS, May 2 (AFP) - ", None, "Agence France-Presse"),  # no year printed: no date guessed
    ("Berlin (dpa) - ", None, "dpa"),
    ("WASHINGTON, March 3 (UPI) -- ", None, "United Press International"),
])
def test_a_dateline_gives_the_date_only_with_its_year_and_names_more_agencies(dateline, date, source):
    article = parse_article(f"{dateline}Spain and Morocco failed to agree on quotas.\n", path="f.txt")
    assert (article.date, article.source) == (date, source)


def test_a_sentence_opening_with_by_is_no_byline():
    article = parse_article("Fishing talks stall in Rabat\n\nBy Monday, the talks had collapsed.\n\nSpain blamed Morocco.\n",
                            path="g.txt")
    assert article.title == "Fishing talks stall in Rabat"
    assert body(article).startswith("By Monday, the talks had collapsed.")


@pytest.mark.parametrize("byline, source", [
    ("By Lorne Cook and Samuel Petrequin", None), ("By Ann Lee, Tom Wu and Jo Park", None),
    ("By Jane Doe and John Roe, Reuters", "Reuters"), ("By Jane Doe, Associated Press", "Associated Press"),
])
def test_bylines_of_several_reporters_and_the_date_line_under_them(byline, source):
    article = parse_article(f"Fishing talks stall in Rabat\n\n{byline}\nJune 2, 2017 at 4:12 p.m. EDT\n\n"
                            "Spain and Morocco failed to agree.\n", path="h.txt")
    assert (article.title, article.date, article.source) == ("Fishing talks stall in Rabat", "2017-06-02", source)
    assert body(article).startswith("Spain and Morocco")


def test_a_date_line_after_a_byline_without_by_still_dates_the_article():
    article = parse_article("Fishing talks stall in Rabat\n\nAna Ortiz Diplomatic editor\nMon 23 Nov 2020 18.01 GMT\n\n"
                            "Spain and Morocco failed to agree on quotas on Monday.\n", path="i.txt")
    assert article.date == "2020-11-23"


def test_a_source_line_at_the_foot_names_the_outlet():
    article = parse_article("Fishing talks stall in Rabat\n\nSpain and Morocco failed to agree on quotas on Monday.\n\n"
                            "Source: Al Jazeera and news agencies\n", path="j.txt")
    assert article.source == "Al Jazeera"


def test_wire_picture_captions_and_topic_codes_are_clutter():
    text = ("Ports reopen in Chittagong\n\n"
            "DHAKA (Reuters) - Bangladesh reopened its main port on Tuesday. Freight rates fell 3 percent. [O/R]\n\n"
            "Dock workers unload a ship at the port of Chittagong, Bangladesh, June 4, 2019. REUTERS/Mohammad Ponir Hossain\n\n"
            "A crane moves containers in Chittagong on Monday. REUTERS/Staff/File Photo\n\n"
            "Trucks queue at the port gate in Chittagong on June 3, 2019. (AP Photo/Al-emrun Garjon)\n\n"
            "Workers wait at the gate in Chittagong. AFP/Getty Images\n\n"
            "A Reuters/Ipsos poll found most traders expect delays. Shipping lines said [the backlog] would clear.\n")
    assert sentence_texts(text) == [
        "Bangladesh reopened its main port on Tuesday.", "Freight rates fell 3 percent.",
        "A Reuters/Ipsos poll found most traders expect delays.", "Shipping lines said [the backlog] would clear."]


def test_embedded_posts_audio_players_and_footers_are_clutter():
    text = ("Chile and Peru sign a fisheries pact\n\n"
            "Chile and Peru signed a fisheries pact on Monday.\n\n"
            "A fair deal for both fleets. We thank Lima. — Ministerio de Pesca (@PescaChile) May 4, 2020\n\n"
            "Chile And Peru Sign A Fisheries Pact After Years Of Talks Listen · 3:12 3:12\n\n"
            "Why the two fleets kept clashing over the anchovy catch in the south\n\n"
            "The pact takes effect in June.\n\n"
            "⦁ Ana Ruiz reported from Santiago for this article.\n\n"
            "⦁ This story is based on news agency reports.\n")
    assert sentence_texts(text) == [
        "Chile and Peru signed a fisheries pact on Monday.", "The pact takes effect in June."]


def test_video_and_link_teasers_are_clutter():
    text = ("Fishing talks stall in Rabat\n\nSpain and Morocco failed to agree on quotas on Monday.\n\n"
            "JUST WATCHED Fishermen protest in Cadiz Replay More Videos ... MUST WATCH Fishermen protest in Cadiz 01:08\n\n"
            "SEE ALSO: Morocco seizes two trawlers off Tangier\n\n"
            "Read More: Spain's fleet waits in port as talks drag on\n\n"
            "The talks resume next week.\n")
    assert sentence_texts(text) == [
        "Spain and Morocco failed to agree on quotas on Monday.", "The talks resume next week."]


@pytest.mark.parametrize("bar", ["SHARE THIS ARTICLE Share Tweet Post Email", "Share Tweet Email",
                                 "This article is more than 3 years old",
                                 "A daily roundup of fishing and port news"])
def test_share_bars_age_warnings_and_series_taglines_are_no_title(bar):
    text = f"{bar}\n\nSpain and Morocco failed to agree on fishing quotas on Monday.\n\nThe talks resume next week.\n"
    assert parse_article(text, path="k.txt").title is None
    assert sentence_texts(text) == ["Spain and Morocco failed to agree on fishing quotas on Monday.",
                                    "The talks resume next week."]


@pytest.mark.parametrize("credit, source", [
    ("Contributing: Ana Ruiz, USA TODAY; Associated Press", "USA TODAY"),
    ("(Reporting by Ana Ruiz; Additional reporting by Tom Wu; Editing by Jo Park)", "Reuters"),
    ("NPR's Ana Ruiz says the fleets will wait in port.", "NPR"),
    ("The Christian Science Monitor’s Rabat correspondent reported Friday that the fleets will wait.",
     "The Christian Science Monitor"),
    ("More from Fox News:", "Fox News"),
])
def test_a_credit_line_names_the_source(credit, source):
    article = parse_article("Spain and Morocco failed to agree on fishing quotas on Monday.\n\n"
                            f"{credit}\n\nThe talks resume next week.\n", path="l.txt")
    assert article.source == source


def test_a_credit_line_naming_no_outlet_gives_no_source():
    article = parse_article("Spain and Morocco failed to agree on fishing quotas on Monday.\n\n"
                            "Ana Ruiz says the fleets will wait in port.\n", path="m.txt")
    assert article.source is None


def test_a_title_case_headline_with_a_full_stop_is_the_title_and_a_short_lede_is_not():
    article = parse_article("Spain and Morocco Fail to Agree on Fishing Quotas.\n\n"
                            "The two governments ended their talks in Rabat on Monday.\n", path="n.txt")
    assert article.title == "Spain and Morocco Fail to Agree on Fishing Quotas."
    assert body(article).startswith("The two governments")
    for lede in ("Spain and Morocco failed to agree on quotas.",
                 "Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi on Monday."):
        assert parse_article(f"{lede}\n\nThe talks resume next week.\n", path="o.txt").title is None


@pytest.mark.parametrize("pattern, required", [
    (r"(?m)^[^\n]*(?:Photo|Image): [^\n]{1,80}$", [{"Photo", "Image"}, {": "}]),
    (r"[ \t]*+\[(?:ID:)?n[A-Z0-9]{8,}\]", [{"["}, {"n"}, {"]"}]),
    (r"(?:ab)?cd|e(?:f|gh)+", [{"cd", "e"}]),  # each alternative's longest string
    (r"(?i:share) this\b", [{" this"}]),  # a case-insensitive part needs no string as written
    (r"(?i)share this", []),
])
def test_the_strings_every_match_of_a_pattern_needs(pattern, required):
    """What lets the reader skip a clutter pattern's search in an article that lacks one of them."""
    assert [set(s) for s in lexicon.required_substrings(re.compile(pattern))] == required
