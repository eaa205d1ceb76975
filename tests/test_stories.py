"""Grouping articles into stories by event, on short articles written for these tests."""
from __future__ import annotations

from generator.extraction.analyse import analyse
from generator.extraction.reading import parse_article
from generator.briefing.stories import article_label, group


def grouped(*texts: str) -> list[list[str]]:
    analyses = [analyse(parse_article(text, path=f"{n}.md")) for n, text in enumerate(texts)]
    return sorted(sorted(a.article.source_id for a in story.analyses) for story in group(analyses))


QUOTA_TALKS = ("Norway and Chile agreed on Tuesday to cut the salmon quota in the Tolvik fjord by a third after "
               "the algae bloom killed two million fish at the Tolvik farms. "
               "Norway's Foreign Minister {minister} said the quota cut would last until the bloom ends. "
               "Chile said its farms in the fjord would close for the winter.\n")
TARIFF_ROW = ("Norway and Chile traded accusations on Friday over copper tariffs, as Chile's customs agency "
              "doubled the duty on Norwegian cables at the port of Antofagasta. "
              "Norway's Foreign Minister Ola Berg said the tariffs broke the trade agreement. "
              "Chile said the duty on cables would stay until the dispute panel rules.\n")


def front(date: str, body: str) -> str:
    return f"---\ndate: {date}\n---\n\n{body}"


def test_reports_of_one_event_group_and_the_same_cast_in_another_event_does_not():
    first = QUOTA_TALKS.format(minister="Ola Berg")
    second = ("The salmon quota in the Tolvik fjord is to be cut by a third, Norway and Chile said, after an algae "
              "bloom killed two million fish at the Tolvik farms. Foreign Minister Ola Berg of Norway said the "
              "quota cut would hold until the bloom ends.\n")
    assert grouped(first, second, TARIFF_ROW) == [["0", "1"], ["2"]]


def test_different_holders_of_one_office_mean_different_times():
    # The same event words, but Norway's foreign minister is another person: a story of another year.
    assert grouped(QUOTA_TALKS.format(minister="Ola Berg"), QUOTA_TALKS.format(minister="Kari Lunde")) == [["0"], ["1"]]
    # A name written two ways is one holder.
    assert grouped(QUOTA_TALKS.format(minister="Ola Berg"), QUOTA_TALKS.format(minister="Ola Berge")) == [["0", "1"]]


def test_articles_dated_far_apart_are_different_stories():
    text = QUOTA_TALKS.format(minister="Ola Berg")
    assert grouped(front("2024-03-01", text), front("2024-03-03", text)) == [["0", "1"]]
    assert grouped(front("2024-03-01", text), front("2024-06-01", text)) == [["0"], ["1"]]


def label(text: str) -> str:
    return article_label(analyse(parse_article(text, path="h.txt")))


def test_a_wire_headline_in_capitals_keeps_abbreviations_codes_and_names():
    assert label("U.S. SAYS NO SIGNAL IN SHIP MOVES\n    MANAMA, March 3 - The U.S. Navy said its ships in the Gulf "
                 "sent no signal to Iran, the official said.\n") == "U.S. says no signal in ship moves"
    assert label("NEXT TRADE ROUND MUST SUCCEED - NZ\n    TAUPO, March 22 - Ministers were told the GATT round "
                 "would be the last.\n") == "Next trade round must succeed - NZ"
    # The body writes "Iran" and "GATT" so: the headline does too; "Minister" stays as the body prints it.
    assert label("IRAN WANTS GATT SEAT, TRADE MINISTER SAYS\n    TEHRAN, March 2 - Iran wants a seat at GATT, "
                 "the trade minister said.\n") == "Iran wants GATT seat, trade minister says"
