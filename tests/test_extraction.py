"""Extraction rules on short articles written for these tests."""
from __future__ import annotations

import pytest

from generator.extraction.analyse import analyse
from generator.extraction.reading import parse_article


# Sections the guidelines call for on these short articles, which the hand-weighted rules gave and the
# learned section model (generator/data/section_model.json) does not yet: in articles of two to seven
# sentences a sentence has little evidence, and the model's prior for its place in the article wins.
# Strict: a retrained model that gets one right makes its test pass, and then the mark must go.
_SECTION_MODEL_MISSES = pytest.mark.xfail(strict=True, reason="learned section model misses this short article")


def run(text: str, path: str = "t.txt"):
    return analyse(parse_article(text, path=path))


def sentence_with(analysis, words: str):
    return next(s for s in analysis.sentences if words in s.text)


def test_sentences_keep_offsets_and_do_not_split_abbreviations():
    a = run("Talks Resume in Vienna Over Nuclear File\n\nThe U.S. delegation arrived on Monday. Mr. Smith led it.\n")
    texts = [s.text for s in a.sentences]
    assert texts == ["The U.S. delegation arrived on Monday.", "Mr. Smith led it."]
    for s in a.sentences:
        assert a.article.text[s.start:s.end] == s.text


def test_a_prefixed_abbreviation_and_a_missing_space_after_a_full_stop():
    a = run("CHIP TALKS STALL\n\nTOKYO, March 3 - Japan is still selling chips below cost in non-U.S. Markets, "
            "the U.S. Says. Talks are stuck, Smith said.Basically, both sides want time. "
            "Shares of Amazon.com rose.\n")
    assert [s.text for s in a.sentences] == [
        "Japan is still selling chips below cost in non-U.S. Markets, the U.S. Says.",
        "Talks are stuck, Smith said.", "Basically, both sides want time.", "Shares of Amazon.com rose."]


def test_quote_with_speaker_after_and_role_follow_up():
    a = run('Iranian Foreign Minister Abbas Araghchi arrived in Oslo.\n\n'
            '"We are ready to talk about every issue on the table," the Iranian minister said.\n')
    [quote] = a.quotes
    assert quote.text == "We are ready to talk about every issue on the table,"
    assert quote.speaker == "Abbas Araghchi"
    assert quote.actor == "IRN"


def test_multi_sentence_and_multi_paragraph_quote_is_one_quote():
    a = run('German Chancellor Olaf Scholz spoke on Friday.\n\n'
            '"We will not accept this. The border must stay open.\n\n'
            '"Nobody gains from a closed border," Scholz said.\n')
    [quote] = a.quotes
    assert quote.text.startswith("We will not accept this.")
    assert quote.text.endswith("closed border,")
    assert quote.speaker == "Olaf Scholz"
    assert quote.actor == "DEU"


def test_speaker_before_the_quote_and_pronoun():
    a = run('Brazilian President Maria Souza addressed parliament.\n\n'
            'She said: "Our farmers deserve fair prices in every market."\n')
    [quote] = a.quotes
    assert quote.speaker == "Maria Souza"
    assert quote.actor == "BRA"


def test_scare_quotes_are_not_quotes():
    a = run('Officials called the plan "a mistake" on Monday.\n')
    assert a.quotes == ()


def test_metonyms_and_demonyms_give_state_actors():
    a = run("Washington insists that sanctions stay in place.\n"
            "Tehran rejected the demand.\n"
            "Turkish officials urged both sides to show restraint.\n")
    assert [s.actor for s in a.sentences] == ["USA", "IRN", "TUR"]
    assert all(s.section == "position" for s in a.sentences)


def test_people_with_roles_and_countries():
    a = run("Japanese Prime Minister Aiko Tanaka met Canadian Foreign Minister Paul Roy in Tokyo.\n")
    people = {p.name: (p.role, p.actor) for p in a.people}
    assert people["Aiko Tanaka"] == ("Prime Minister", "JPN")
    assert people["Paul Roy"] == ("Foreign Minister", "CAN")


def test_sections_from_cues_and_grammar():
    a = run("The two delegations met in Geneva on Tuesday.\n"
            "The countries have had no diplomatic relations since 1980.\n"
            "Analysts expect the talks to be difficult and a deal is unlikely before the deadline.\n"
            "The foreign ministry said it rejects any preconditions.\n")
    assert [s.section for s in a.sentences] == ["development", "background", "outlook", "position"]


def test_relative_dates_resolve_only_against_a_dated_article():
    dated = run("date 2026-02-05\nThe ministers met on Tuesday in Ankara.\n")
    assert [e.date for e in dated.events] == ["2026-02-03"]
    undated = run("The ministers met on Tuesday in Ankara.\n")
    assert undated.events == ()


def test_explicit_dates_with_a_year_need_no_anchor():
    a = run("The agreement was signed on July 14, 2015 in Vienna.\n")
    assert [e.date for e in a.events] == ["2015-07-14"]


def test_speaker_with_an_honorific_after_the_quote():
    a = run('"We will not sign anything that harms our farmers," Mr. Okafor said on Monday.\n')
    [quote] = a.quotes
    assert quote.speaker == "Okafor"


def test_speaker_in_an_appositive_after_the_quote():
    a = run('"We are working on plans to protect our companies," Lena Holt, the bloc\'s trade spokeswoman, '
            'told reporters.\n')
    assert a.quotes[0].speaker == "Lena Holt"


def test_quote_introduced_by_a_colon_and_a_following_quote_inherit_the_speaker():
    a = run("Iranian Foreign Minister Reza Karimi appeared doubtful: \"I do not trust these three countries.\"\n\n"
            "\"They have broken every promise they ever made to us,\" he added.\n")
    assert [q.speaker for q in a.quotes] == ["Reza Karimi", "Reza Karimi"]
    assert {q.actor for q in a.quotes} == {"IRN"}


def test_family_name_first_names_are_referred_back_to_by_the_family_name():
    a = run("North Korean Foreign Minister Ri Son Gwon spoke in Pyongyang.\n\n"
            "Mr. Ri said, \"The door to talks is closed for now.\"\n")
    [quote] = a.quotes
    assert quote.speaker == "Ri Son Gwon"
    assert quote.actor == "PRK"


def test_bare_attribution_in_the_next_short_sentence():
    a = run('Trade Secretary Paul Dunn spoke after the vote.\n\n'
            '"The market will adjust to these rules within a year." Dunn said Monday.\n')
    assert a.quotes[0].speaker == "Paul Dunn"


def test_unnamed_officials_speak_for_the_dateline_state():
    a = run("OFFICIALS SAY TALKS WILL GO ON\n    CAIRO, April 2 - Officials said the talks would go on next week.\n REUTER\n")
    assert a.sentences[0].actor == "EGY"
    assert a.sentences[0].section == "position"


def test_a_reporter_named_by_the_outlet_is_not_a_party():
    a = run("The vote count is slow. NPR's Dana Wells reports that results may take days.\n")
    reporter = next(p for p in a.people if p.name == "Dana Wells")
    assert reporter.role == "journalist"


def test_a_verb_used_as_a_noun_is_not_attribution():
    a = run("Regional dynamics have added urgency to the diplomatic push.\n")
    assert a.sentences[0].section != "position"
    assert a.sentences[0].speaker is None


def test_a_qualified_but_unnamed_official_speaks_for_the_home_state_and_a_capitalised_one_does_not():
    a = run("TALKS TO RESUME, OFFICIALS SAY\n    TOKYO, May 4 - A senior trade official said Japan would reply soon.\n"
            "    Western officials said they expected more.\n REUTER\n")
    assert [s.actor for s in a.sentences] == ["JPN", None]


def test_korean_names_are_referred_back_to_by_the_family_name_whatever_the_actor():
    a = run("United Nations Secretary-General Park Min-jun arrived in Geneva.\n\n"
            "Park said, \"Every side must return to the table now.\"\n")
    assert a.quotes[0].speaker == "Park Min-jun"
    assert a.quotes[0].actor == "UN"


WIRE = "    "  # wire copy indents every paragraph and hard-wraps its lines


def test_a_role_wrapped_over_two_lines_still_names_the_person():
    a = run("FARM TRADE TALKS OPEN\n"
            f"{WIRE}OSLO, March 3 - Chilean Agriculture\nMinister Pedro Alvarado said the talks\nwould fail without reform.\n"
            f'{WIRE}"We cannot wait another decade," the\nminister said.\n'
            f"{WIRE}The talks end on Friday.\n")
    assert sentence_with(a, "would fail").speaker == "Pedro Alvarado"
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Pedro Alvarado", "CHL")


def test_dateline_region_is_the_home_state_of_an_unqualified_minister():
    a = run("TRADE TALKS OPEN\n"
            f"{WIRE}TAUPO, New Zealand, March 22 - Trade minister Helen Parata told\n"
            "delegates that the round must not fail.\n"
            f'{WIRE}"We live in dangerous times for trade," she said.\n'
            f"{WIRE}The talks end on Friday.\n")
    assert a.article.dateline == "TAUPO"
    assert sentence_with(a, "must not fail").actor == "NZL"
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Helen Parata", "NZL")


def test_a_government_role_in_the_text_outranks_an_organisation_in_people_yml():
    # people.yml knows Mike Moore as WTO Director General; in 1987 copy he is a minister
    a = run("TRADE TALKS OPEN\n"
            f"{WIRE}TAUPO, New Zealand, March 22 - Trade minister Mike Moore said\nthe round must not fail.\n"
            f"{WIRE}The talks end on Friday.\n"
            f"{WIRE}Twenty states take part.\n")
    assert sentence_with(a, "must not fail").actor == "NZL"


def test_a_follow_up_refers_to_the_unnamed_voice_not_an_earlier_named_person():
    a = run("Secretary of State Mike Pompeo left the talks early.\n\n"
            "A South Korean diplomat said Seoul had not been told in advance. "
            "“We are trying to understand what happened,” the diplomat said.\n")
    [quote] = a.quotes
    assert quote.speaker is None
    assert quote.actor == "KOR"


def test_a_pronoun_after_a_sentence_about_a_person_refers_to_that_person():
    a = run("President Donald Trump said the talks had failed.\n\n"
            "On Friday, South Korea’s president, Moon Jae-in, gave a holiday speech. "
            "“We have to do more now to keep the talks going,” he said.\n")
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Moon Jae-in", "KOR")


def test_a_voice_nobody_names_takes_over_a_run_of_quotes():
    a = run('German Chancellor Olaf Scholz spoke in Berlin on Monday.\n\n'
            '"We will not give in to pressure on this," Scholz said.\n\n'
            'Opposition lawmakers said the plan would cost jobs and called it "a gift to the big exporters."\n\n'
            '"This plan will hurt every family in the country," the lawmakers said in a letter.\n\n'
            '"Nobody asked the unions what they think of it."\n')
    first, gift, letter, bare = a.quotes
    assert (first.speaker, first.actor) == ("Olaf Scholz", "DEU")
    assert [(q.speaker, q.actor) for q in (gift, letter, bare)] == [(None, None)] * 3


def test_a_party_speaking_between_quotes_takes_over_the_run():
    a = run('Japanese Prime Minister Taro Sato visited Seoul.\n\n'
            '"Our two nations share a future," Sato said.\n\n'
            'The Chinese foreign ministry said the visit was a threat to the region.\n\n'
            '"Tokyo must not build a military bloc in Asia."\n')
    first, bare = a.quotes
    assert (first.speaker, first.actor) == ("Taro Sato", "JPN")
    assert (bare.speaker, bare.actor) == (None, "CHN")


def test_the_role_noun_refers_back_to_the_unnamed_voice_not_the_person_it_named():
    a = run('Canadian Prime Minister Tom Reyes met the rebels on Monday.\n\n'
            'A senior Iraqi official told reporters that Reyes had broken the rules.\n\n'
            'The official said Mr. Reyes had "lost his mind and lives on another planet."\n')
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == (None, "IRQ")


def test_the_diplomat_after_another_diplomat_is_not_the_minister_quoted_before():
    a = run('Secretary of State Mark Hollis met Chinese officials in Peking.\n\n'
            '"We have made progress on textiles," Hollis said.\n\n'
            'Another diplomat said the talks would go on.\n\n'
            '"China can upset the world markets in textiles," the diplomat said.\n')
    first, second = a.quotes
    assert first.speaker == "Mark Hollis"
    assert second.speaker is None


def test_it_after_a_quote_is_the_body_that_opens_its_sentence():
    a = run('French President Paul Moreau spoke on Tuesday.\n\n'
            '"We condemn this attack in the strongest terms," Moreau said.\n\n'
            'The European Commission meanwhile "deeply regrets the loss of life in the city," it said.\n')
    first, second = a.quotes
    assert (first.speaker, first.actor) == ("Paul Moreau", "FRA")
    assert (second.speaker, second.actor) == (None, "EU")


def test_coordinated_subjects_with_appositions_speak_by_the_first():
    a = run('In a call on Monday, the US president, Dan Avery, and his South Korean counterpart, Moon Jae-in, '
            'agreed that the programmes "pose a grave and growing threat to peace."\n')
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Dan Avery", "USA")


def test_a_state_named_in_an_apposition_gives_the_person_their_party():
    a = run("Ana Soto, Chile's envoy to the WTO, spoke in Geneva.\n\n"
            '"We reject these tariffs on copper," Soto said.\n')
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Ana Soto", "CHL")


def test_a_state_body_before_a_role_gives_the_person_their_party():
    a = run("The Indian foreign ministry's spokesman, Arun Rao, said the talks \"were held in a constructive mood.\"\n\n"
            '"We want peace on the border," Rao added.\n')
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Arun Rao", "IND")] * 2


def test_a_diplomat_described_before_the_name_speaks_for_the_state_named_there():
    a = run("The weekly ran a column from Peru's farm counsellor at its London mission, Luis Paz, "
            "who wrote that \"new rules on fruit imports\" were costing growers dearly.\n")
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Luis Paz", "PER")


def test_according_to_reads_past_the_periods_of_initials():
    a = run("Peru freed two fishermen held since May, according to a U.S. official.\n")
    assert a.sentences[0].actor == "USA"


def test_a_past_participle_phrase_before_the_subject_is_no_part_of_it():
    a = run("Faced with what it calls threats from Tokyo, China says it has every right to build more ships.\n")
    assert a.sentences[0].actor == "CHN"


def test_a_person_after_the_verb_is_not_the_subject_of_an_inverted_attribution():
    a = run("WASHINGTON — A surprise go-between was Ban Ki-moon, said the officials, who would not give their names.\n")
    assert (a.sentences[0].speaker, a.sentences[0].actor) == (None, "USA")


def test_an_infinitive_has_no_subject():
    a = run("To support the claim that it is under threat, Pyongyang cites the drills near its border.\n")
    assert a.sentences[0].speaker is None
    assert a.sentences[0].actor == "PRK"


def test_a_subordinate_clause_after_a_quote_is_no_attribution():
    a = run("The spot ends with footage of Mayor Ann Kroll saying at the rally, “That is just how it works,” "
            "when Judge Tom Reyes attacked her for the remark.\n")
    [quote] = a.quotes
    assert quote.speaker == "Ann Kroll"


def test_a_spokesman_for_a_state_body_speaks_for_that_state():
    a = run("A spokesman for Germany's foreign ministry, Jan Vogel, said the envoy \"was called in for talks on Monday.\"\n\n"
            "Ms. Dana Ruiz, Spain's trade minister, met him later. \"We want a fair deal for our farmers,\" she said.\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Jan Vogel", "DEU"), ("Dana Ruiz", "ESP")]


def test_a_statement_saying_speaks_for_whoever_issued_it():
    a = run('Mexican Foreign Minister Ana Ruiz spoke on Tuesday.\n\n"We want the border open for trade," Ruiz said.\n\n'
            'But a coalition of farm groups in the north issued a statement saying the closure '
            'would "ruin a whole harvest season."\n\n'
            'The Egyptian military issued a statement saying the raids "hit all their targets in the city."\n')
    first, harvest, raids = a.quotes
    assert (first.speaker, first.actor) == ("Ana Ruiz", "MEX")
    assert (harvest.speaker, harvest.actor) == (None, None)
    assert (raids.speaker, raids.actor) == (None, "EGY")


def test_he_after_an_unnamed_official_as_subject_is_that_official_not_the_person_named_after():
    a = run("President Dan Avery said the talks had gone well.\n\n"
            "But in a sign of trouble ahead, North Korea's top diplomat gave a late-night briefing "
            "to question Mr. Avery's account of the talks.\n\n"
            "He said Pyongyang had never asked for every sanction to be lifted.\n")
    assert (a.sentences[2].speaker, a.sentences[2].actor) == (None, "PRK")


def test_a_bare_quote_paragraph_continues_the_reported_speaker():
    a = run("Canadian Trade Minister Ann Leclerc said the round was a chance for reform.\n\n"
            "Leclerc said the first meetings had gone well.\n\n"
            "“We must see that the commitments are carried into practice.”\n")
    [quote] = a.quotes
    assert (quote.speaker, quote.actor, quote.rule) == ("Ann Leclerc", "CAN", "floating")


def test_lower_case_role_after_an_actor_and_inverted_subject():
    a = run("Pentagon spokesman Fred Holm said the fleet was on routine patrol.\n\n"
            "A surprise go-between was the Vatican envoy, said the Cuban officials, who asked not to be named.\n")
    assert (sentence_with(a, "routine patrol").speaker, sentence_with(a, "routine patrol").actor) == ("Fred Holm", "USA")
    assert sentence_with(a, "go-between").actor == "CUB"


def test_passive_reporting_verb_is_not_speech_and_officials_take_their_own_actor():
    a = run("Kuwaiti tankers could be threatened by Iranian missiles, U.S. defense officials said today.\n")
    assert sentence_with(a, "tankers").actor == "USA"


def test_the_editorial_speaks_for_the_actor_named_with_it():
    a = run("The state newspaper published China's demands in an editorial on Monday.\n\n"
            '"The United States should quickly discard its prejudice against our goods," the editorial said.\n')
    [quote] = a.quotes
    assert quote.actor == "CHN"


def test_an_agreement_that_calls_for_something_sets_terms_not_a_stance():
    a = run("Iran and six powers signed the accord in Vienna on Tuesday.\n\n"
            "The agreement also calls for Tehran to cut its stockpile of enriched uranium.\n\n"
            "Opponents of the agreement conceded that it would pass.\n")
    terms = sentence_with(a, "calls for Tehran")
    assert terms.section == "development"
    assert terms.speaker is None


def test_past_perfect_after_a_reporting_verb_is_backshift_not_background():
    a = run("Talks Resume\n\nForeign Minister Sergei Lavrov said Russia had always argued for a negotiated settlement.\n")
    assert sentence_with(a, "negotiated settlement").section == "position"


def test_speech_still_expected_is_no_stance_yet_and_a_plural_noun_after_of_is_no_verb():
    a = run("Chip Talks\n\nTokyo is expected to propose a joint inquiry into American claims that prices are too low.\n")
    expected = sentence_with(a, "expected to propose")
    # A lede about what is expected this news cycle: development and outlook are both defensible (GUIDELINES)
    assert expected.section in {"development", "outlook"}
    assert expected.speaker is None


def test_past_outlook_words_do_not_make_a_forecast():
    a = run("Summit Ends\n\nThe two leaders met on Thursday.\n\n"
            "The meeting fell short of expectations after a breakthrough summit last year.\n")
    assert sentence_with(a, "fell short").section != "outlook"


def test_a_noun_then_a_past_tense_reporting_verb_is_attribution():
    # "the ministry said": a determiner and a noun before a past form do not make it a noun
    a = run("QUOTA TO STAY\n    OSLO, June 3 - The ministry said on Monday that the fishing quota would stay unchanged.\n"
            " REUTER\n")
    assert a.sentences[0].actor == "NOR"  # the ministry speaks; as an unqualified voice, for the dateline's state


def test_a_sentence_opening_with_the_role_refers_to_the_unnamed_voice():
    a = run("TRADE TALKS STALL\n    GENEVA, July 8 - A Peruvian trade official said talks with Chile had stalled.\n"
            "    Santiago wants lower tariffs on copper and fruit.\n"
            "    The official said Chile's offer was not acceptable as it stood.\n REUTER\n")
    assert a.sentences[2].actor == "PER"


def test_plural_officials_are_never_a_single_named_person():
    a = run("Spanish Trade Secretary Ana Ruiz met her French counterpart on Monday.\n\n"
            "\"The talks ran late into the night,\" the officials said.\n")
    assert a.quotes[0].speaker is None


def test_an_actor_earlier_in_the_clause_is_not_the_unnamed_officials_party():
    a = run("TALKS GO ON\n    MADRID, May 2 - Earlier rounds of the talks were held in Canada, officials said.\n REUTER\n")
    assert a.sentences[0].actor == "ESP"


def test_another_unnamed_official_after_a_quote_speaks_for_the_home_state():
    a = run("DRAFT TREATY REJECTED\n    WARSAW, March 9 - \"We will not sign this draft,\" another senior government official said.\n"
            " REUTER\n")
    assert a.quotes[0].actor == "POL"
    assert a.sentences[0].actor == "POL"


def test_a_dotted_capital_i_does_not_shift_where_reporting_verbs_are_found():
    # 'İ'.lower() is two characters; offsets found in the lowered text must still fit the text
    a = run("Crowds in İzmir, İstanbul, İzmit, İskenderun and İnegöl protested on Sunday.\n\n"
            "Foreign Minister Ali Demir said no.\n")
    assert a.sentences[1].speaker == "Ali Demir"


def test_a_given_name_alone_refers_to_the_one_person_with_it():
    a = run("As NPR's Lena Okafor reports from Lagos, counting is slow.\n\n"
            "Lena says: \"Results may take a week.\"\n")
    assert a.quotes[0].speaker == "Lena Okafor"


def test_a_speaker_with_two_appositives_after_the_quote():
    a = run("Senators pressed for a vote.\n\n"
            "\"They are stalling for time and everyone knows it,\" Sen. Mary Dunne, D-Vt., chair of the budget "
            "committee, told reporters.\n")
    assert a.quotes[0].speaker == "Mary Dunne"


def test_names_with_a_capital_inside_are_whole():
    a = run("Rep. Tom McAllister met the governor on Friday.\n\n"
            "\"We agreed on nothing,\" McAllister said.\n")
    assert [p.name for p in a.people] == ["Tom McAllister"]
    assert a.quotes[0].speaker == "Tom McAllister"


def test_a_second_reporting_verb_after_and_keeps_the_first_ones_subject():
    a = run("Jordanian Foreign Minister Omar Haddad spoke to reporters.\n\n"
            "He said Israeli Prime Minister Dan Avni was to blame and said: \"Jordan will never accept a plan drawn up "
            "without us.\"\n")
    assert a.quotes[0].speaker == "Omar Haddad"
    assert a.sentences[1].actor == "JOR"


def test_wire_copy_that_capitalises_after_us_is_not_split_there():
    wire = run("GULF TENSION RISES\n    BAHRAIN, May 3 - Iran warned the U.S. And other states not to interfere.\n"
               "    A spokesman said the U.S. Would regret any attack.\n REUTER\n")
    assert [s.text for s in wire.sentences] == ["Iran warned the U.S. And other states not to interfere.",
                                                "A spokesman said the U.S. Would regret any attack."]
    modern = run("Iran blamed the U.S. The talks ended early.\n")
    assert len(modern.sentences) == 2


@_SECTION_MODEL_MISSES
def test_a_named_speaker_is_not_discounted_for_a_commentator_noun_before_it():
    a = run("The vote is set for May.\n\nFarmers rallied in the capital on Sunday.\n\n"
            "Like many critics of the plan, Senator Ruth Alder said on Monday that the subsidy cut was a mistake.\n\n"
            "The ministry gave no figures.\n")
    assert sentence_with(a, "Ruth Alder").section == "position"


@_SECTION_MODEL_MISSES
def test_a_judgement_by_a_named_speaker_is_a_position_even_with_news_cues():
    a = run("Senator Ruth Alder praised the budget deal on Tuesday, saying it met the goals the party had set.\n\n"
            "The vote is due in May.\n")
    assert a.sentences[0].stance == "approval"
    assert a.sentences[0].section == "position"


def test_a_passive_subject_does_not_speak_the_quote_in_its_sentence():
    a = run("U.S. diplomat Tom Reyes arrived in Havana in 2019.\n\n"
            "In 2020, he was convicted of spying for spreading \"material hostile to the order of the state.\"\n")
    assert a.quotes[0].speaker is None


def test_a_reporting_gerund_after_a_preposition_is_not_the_sentences_voice():
    a = run("Talks resumed in Geneva on Monday.\n\n"
            "The sanctions were lifted within a year, helped by Moscow promising to cut its arms sales.\n")
    assert a.sentences[1].stance is None
    assert a.sentences[1].section != "position"


def test_a_speaker_named_with_an_affiliation_after_the_quote():
    a = run("Talks stalled on Friday.\n\n"
            "\"Nobody expected a deal this week,\" said Ana Silva of the Centre for Trade in Lisbon, a research group.\n")
    assert a.quotes[0].speaker == "Ana Silva"


def test_a_new_clause_after_a_quote_is_not_its_attribution():
    a = run("Foreign Minister Ri Chol of North Korea spoke in Hanoi.\n\n"
            "He said the US had wasted a chance that \"may not come again for many years\" and Pyongyang's position "
            "would not change even if Washington seeks more talks.\n")
    assert a.quotes[0].speaker == "Ri Chol"


def test_a_person_named_after_their_firms_possessive():
    a = run("Rates will stay high, said Nordic Capital analyst Eva Lind.\n\n"
            "\"The central bank has no room to move before the summer,\" Nordic Capital's Lind said.\n")
    assert a.quotes[0].speaker == "Eva Lind"


def test_list_items_after_a_colon_continue_the_voice_that_introduced_them():
    a = run("Foreign Minister Ana Ruiz of Spain outlined the accord on Monday.\n\n"
            "Spanish Foreign Minister Ana Ruiz said the accord:\n\n"
            "-- Caps Morocco's fishing catch at 40,000 tonnes a year.\n\n"
            "-- Lets Morocco inspect the fleet twice a year.\n\n"
            "The fishing fleet stayed in port on Tuesday.\n")
    items = [s for s in a.sentences if s.text.startswith("--")]
    assert [(s.speaker, s.actor) for s in items] == [("Ana Ruiz", "ESP")] * 2
    assert sentence_with(a, "fishing fleet").speaker is None


def test_a_place_after_a_preposition_is_not_taken_for_the_speaker():
    a = run("Fishermen in Cadiz protested on Tuesday against the new quotas.\n")
    assert a.sentences[0].speaker is None
    assert "Cadiz" not in {p.name for p in a.people}


def test_a_government_role_with_a_department_speaks_for_the_dateline_state():
    a = run("FARM TALKS RESUME\n    CANBERRA, June 2 - Deputy Secretary of Agriculture Dan Cole said wheat exports would rise.\n"
            "    \"We have the grain and the ships,\" Cole said.\n REUTER\n")
    assert a.quotes[0].actor == "AUS"
    assert a.sentences[0].actor == "AUS"


def test_they_after_unnamed_officials_speaks_for_their_party():
    a = run("Exporters waited for news on Monday.\n\n"
            "Chilean officials said the copper levy was under review.\n\n"
            "They said the cabinet would decide within a month.\n")
    assert a.sentences[2].actor == "CHL"


def test_an_introductory_place_phrase_and_a_role_word_used_as_an_adjective_make_no_person():
    a = run("Trade rows are common.\n\n"
            "In Western Europe, the general view is that tariffs hurt consumers, economists said.\n\n"
            "In Southern Asia, the approach to trade has been different, diplomats said.\n")
    assert {p.name for p in a.people} == set()


def test_quotes_in_single_curly_marks_are_quotes_in_a_text_without_double_ones():
    a = run("Talks stall in Vienna\n\n"
            "‘It’s too early to expect a deal on sanctions this week,’ Foreign Minister Ana Ruiz of Spain said.\n\n"
            "The officials’ statement gave no date.\n")
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("It’s too early to expect a deal on sanctions this week,", "Ana Ruiz")]


def test_an_introductory_phrase_before_the_subject_gives_neither_actor_nor_speaker():
    a = run("Brazilian Foreign Minister Paulo Mendes arrived in Geneva on Monday.\n\n"
            "In a letter sent to the United Nations last week, Chile said it would back the fishing treaty.\n\n"
            "In an interview with French television, he demanded an end to the tariffs.\n")
    assert a.sentences[1].actor == "CHL"
    assert (a.sentences[2].actor, a.sentences[2].speaker) == ("BRA", "Paulo Mendes")


def test_in_a_list_of_speakers_the_first_named_is_the_voice():
    a = run("Spanish Foreign Minister Ana Ruiz met her counterparts in Rome on Monday.\n\n"
            "Ruiz, German Chancellor Olaf Weber and the IAEA all said Iran was meeting its obligations.\n\n"
            "French Foreign Minister Jean Le Roux arrived later.\n\n"
            "Le Roux, Weber and the IAEA said the inspectors had full access.\n")
    assert (a.sentences[1].actor, a.sentences[1].speaker) == ("ESP", "Ana Ruiz")
    assert (a.sentences[3].actor, a.sentences[3].speaker) == ("FRA", "Jean Le Roux")


def test_the_subject_after_an_introductory_phrase_acts_for_its_state():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan officials on Monday.\n\n"
            "At a news conference after the talks broke down, Ruiz remained firm about Moroccan fishing quotas.\n")
    assert a.sentences[1].actor == "ESP"


def test_a_pronoun_refers_to_the_last_sentence_subject_not_to_a_person_named_after_it():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan officials on Monday.\n\n"
            "She will then fly to Rabat to see Moroccan Foreign Minister Omar Idrissi.\n\n"
            "In Rabat, she will also meet Algerian envoy Karim Bensaid.\n\n"
            "Despite Algeria being at the top of her list of priorities, she gave her deputy one week for the talks.\n")
    assert [s.actor for s in a.sentences[2:]] == ["ESP", "ESP"]


def test_a_verb_needing_a_complement_reports_a_quote_after_a_possessive_object():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi on Monday.\n\n"
            "“We want a fair share of the catch,” Idrissi said.\n\n"
            "Ruiz, who led the talks, called Mr. Idrissi’s proposal “a step backwards for everyone.”\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Omar Idrissi", "MAR"), ("Ana Ruiz", "ESP")]


def test_an_attribution_after_the_words_that_run_on_from_the_quote():
    a = run("Moroccan Foreign Minister Omar Idrissi said on Monday the quotas were fair.\n\n"
            "“We want a fair share of the catch,” Idrissi said.\n\n"
            "The new quotas “will have a chilling effect” on trade between both countries, said Ana Ruiz, "
            "who was Spain's trade minister until June.\n")
    assert [q.speaker for q in a.quotes] == ["Omar Idrissi", "Ana Ruiz"]


def test_a_person_inside_an_appositive_phrase_is_not_the_speaker():
    a = run("Talks on the fishing treaty resumed in Madrid on Monday.\n\n"
            "Ms. Ruiz, a former trade minister under Prime Minister Pablo Ortega, said she would be "
            "“fully committed to making the treaty work.”\n\n"
            "Asked whether Morocco would retaliate, Deputy Secretary of Fisheries Luis Mora said: “We expect the talks to stay calm.”\n")
    assert [q.speaker for q in a.quotes] == ["Ruiz", "Luis Mora"]


def test_a_department_of_two_words_stays_in_the_role():
    a = run("Spain and Morocco resumed fishing talks on Monday.\n\n"
            "Director of National Intelligence Marta Gil said the fleets were “not at any risk this year.”\n\n"
            "Minister of Public Security Karim Alaoui said: “We expect the talks to stay calm.”\n")
    assert [q.speaker for q in a.quotes] == ["Marta Gil", "Karim Alaoui"]
    assert {p.name: p.role for p in a.people} == {"Marta Gil": "Director of National Intelligence",
                                                  "Karim Alaoui": "Minister of Public Security"}


def test_a_named_speaker_of_no_party_gives_the_sentence_no_party():
    a = run("Spain and Morocco resumed fishing talks on Monday.\n\n"
            "“Morocco holds the stronger hand in these talks,” said Ana Vidal, director of studies at the Sea Policy Institute in Cadiz.\n\n"
            "Vidal said Spain's fleet could not wait much longer.\n\n"
            "At the Foreign Ministry in Madrid, spokeswoman Lucia Ortiz said Spain “will not accept any cut in the quotas.”\n")
    by_text = {s.text[:20]: s.actor for s in a.sentences}
    assert by_text["“Morocco holds the s"] is None  # an analyst's words are no state's stance
    assert by_text["Vidal said Spain's f"] is None
    assert by_text["At the Foreign Minis"] == "ESP"  # a spokeswoman speaks for the party named
    assert ("Lucia Ortiz", "spokeswoman") in {(p.name, p.role) for p in a.people}


def test_legislators_speak_for_no_state_but_the_white_house_does():
    a = run("WASHINGTON (Reuters) - The United States lifted tariffs on Cuban rum on Monday.\n\n"
            "Sen. Marco Rubio said the United States “should never have lifted these tariffs on rum.”\n\n"
            "House Speaker Ana Lopez said the move would help Florida.\n\n"
            "White House Press Secretary Tom Reyes said the United States “wants closer trade with Havana.”\n")
    by_text = {s.text[:12]: s.actor for s in a.sentences}
    # people.yml knows Rubio as Secretary of State; here the text makes him a senator
    assert (by_text["Sen. Marco R"], by_text["House Speake"], by_text["White House "]) == (None, None, "USA")


def test_lower_case_roles_and_adjectives_before_names():
    a = run("Iran and the IAEA resumed talks on Monday, the official Tehran Times newspaper reported.\n\n"
            "IRNA quoted government spokesman Ali Rabiei as saying the talks went well.\n\n"
            "The General Assembly will vote on Friday.\n")
    assert [(p.name, p.role) for p in a.people] == [("Ali Rabiei", "government spokesman")]


def test_a_person_named_as_a_modifier_of_a_role_is_not_the_speaker():
    a = run("Moroccan Foreign Minister Omar Idrissi spoke in Rabat on Monday.\n\n"
            "Idrissi spokesman Karim Alaoui said the ministry was “studying every option on the table.”\n\n"
            "Spanish Foreign Minister Ana Ruiz met with Idrissi in June and urged him “to keep the talks going.”\n")
    assert [q.speaker for q in a.quotes] == ["Karim Alaoui", "Ana Ruiz"]


def test_a_capitalised_common_word_opening_a_sentence_still_makes_an_unqualified_voice():
    a = run("BRASILIA, March 3 (Reuters) - The Lula administration raised steel tariffs on Chinese imports on Monday.\n\n"
            "Administration officials said China had been warned months ago.\n\n"
            "Western officials said China had not been warned.\n")
    assert a.sentences[1].actor == "BRA"
    assert a.sentences[2].actor != "BRA"  # "Western" names another party, and is never lower-case


def test_an_irregular_past_form_ends_the_subject():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi on Monday.\n\n"
            "Even Ruiz, who’s been eager for a deal, knew she couldn’t go that far.\n")
    assert a.sentences[1].actor == "ESP"


def test_a_negated_auxiliary_ends_the_subject():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi on Monday.\n\n"
            "The talks went on.\n\n"
            "Ruiz couldn’t go that far, a setback for Omar Idrissi.\n")
    assert a.sentences[2].actor == "ESP"


def test_a_state_news_agency_speaks_for_its_state_and_a_newspaper_for_nobody():
    a = run("Oil ministers met in Vienna on Monday.\n\n"
            "The Saudi Press Agency said Iran must cut its output first.\n\n"
            "Xinhua said Japan should wait.\n\n"
            "The Washington Post said the meeting was tense.\n")
    assert a.sentences[1].actor == "SAU"
    assert a.sentences[2].actor == "CHN"
    assert a.sentences[3].actor != "USA"


def test_news_and_history_inside_a_reported_clause_are_the_speakers_position():
    a = run("Fishing talks resumed in Rabat.\n\n"
            "The fleets waited in port for a week.\n\n"
            "Spanish Foreign Minister Ana Ruiz said the ministers had reached an agreement on quotas this week.\n\n"
            "Moroccan Foreign Minister Omar Idrissi said Morocco had long supported a fair deal for both fleets.\n")
    assert [s.section for s in a.sentences[2:]] == ["position", "position"]


def test_expressing_or_voicing_a_feeling_is_a_position():
    a = run("Fishing talks resumed in Rabat.\n\n"
            "The fleets waited in port for a week.\n\n"
            "Morocco has expressed doubts about the new quotas.\n\n"
            "Spanish Foreign Minister Ana Ruiz voiced her support for a longer season.\n")
    assert [(s.section, s.actor) for s in a.sentences[2:]] == [("position", "MAR"), ("position", "ESP")]


def test_subheadings_and_picture_credits_are_no_sentences_but_list_items_are():
    a = run("Spain and Morocco resumed fishing talks in Rabat on Monday.\n\n"
            "Smiles and setbacks\n\n"
            "The fleets waited in port.\n\n"
            "REUTERS/Ana Ortiz\n\n"
            "The proposals include:\n\n"
            "• Longer seasons for small boats\n\n"
            "The talks were the first since the fleets were barred from the southern grounds, according to a union leader who had\n")
    assert [s.text for s in a.sentences] == [
        "Spain and Morocco resumed fishing talks in Rabat on Monday.", "The fleets waited in port.",
        "The proposals include:", "• Longer seasons for small boats",
        # reporting that the scraper cut short is longer than any subheading, and stays
        "The talks were the first since the fleets were barred from the southern grounds, according to a union leader who had"]


def test_a_future_term_with_a_stated_duration_is_news_not_outlook():
    a = run("Spain and Morocco signed a fishing treaty in Rabat on Monday.\n\n"
            "The fleets waited in port for a week.\n\n"
            "The new quotas will stay in place for ten years.\n\n"
            "Inspections of the catch will last for up to 5 years.\n\n"
            "The treaty will probably face challenges in court.\n")
    assert [s.section for s in a.sentences[2:]] == ["development", "development", "outlook"]


@_SECTION_MODEL_MISSES
def test_a_month_named_without_a_day_places_an_event_before_the_news():
    a = run("Spain and Morocco signed a fishing treaty in Rabat on Monday.\n\n"
            "The ministers first discussed quotas at a summit in Tangier in June.\n")
    assert a.sentences[1].section == "background"


def test_two_senators_named_with_their_states_speak_as_the_first_named():
    a = run("The Senate debated the fishing treaty on Monday.\n\n"
            "Sens. Ann Kowalski, R-Ohio, and Tom Reyes, D-Texas, said in a joint statement that the treaty "
            "“will hurt American fishermen for years to come.”\n")
    assert len(a.sentences) == 2
    assert [q.speaker for q in a.quotes] == ["Ann Kowalski"]


def test_two_people_owning_a_noun_are_no_list_of_speakers():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi in Rabat.\n\n"
            "Ruiz and Idrissi's talks lifted the mood, with UN envoy Karl Brandt calling them “a real step forward for both.”\n")
    assert [q.speaker for q in a.quotes] == ["Karl Brandt"]


def test_a_quoted_description_several_words_after_the_verb_is_the_speakers():
    a = run("Spanish Foreign Minister Ana Ruiz met Moroccan Foreign Minister Omar Idrissi in Rabat on Monday.\n\n"
            "“We want a fair share of the catch,” Idrissi said.\n\n"
            "Ruiz called the talks about next year's fishing quotas “constructive and very useful.”\n")
    assert [q.speaker for q in a.quotes] == ["Omar Idrissi", "Ana Ruiz"]
    assert (a.sentences[2].section, a.sentences[2].actor) == ("position", "ESP")


def test_a_reporting_verb_after_but_shares_the_subject_before_it():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "The fleets waited in port for a week.\n\n"
            "Spanish Foreign Minister Ana Ruiz on Sunday declined to discuss details, but said Spain would protect its fleet.\n")
    assert (a.sentences[2].section, a.sentences[2].speaker) == ("position", "Ana Ruiz")


def test_doubting_is_a_concern_and_a_doubt_is_a_noun():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "Spanish Foreign Minister Ana Ruiz met her Moroccan counterpart.\n\n"
            "In addition, she doubted Morocco could meet the conditions of the treaty.\n\n"
            "There is little doubt about the outcome, economists agree.\n")
    assert (a.sentences[2].section, a.sentences[2].stance, a.sentences[2].actor) == ("position", "concern", "ESP")
    assert a.sentences[3].stance != "concern"


def test_citing_is_reporting_and_a_list_introduced_by_those_is_the_earlier_speakers():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "Spanish Foreign Minister Ana Ruiz cited weaknesses in the treaty that Moroccan officials have acknowledged.\n\n"
            "Those include:\n\n"
            "• Limiting the catch of small boats.\n\n"
            "• Ending checks in Moroccan ports.\n")
    assert [(s.section, s.actor) for s in a.sentences[1:]] == [("position", "ESP")] * 4


def test_two_introductory_phrases_before_a_state_as_subject():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "At the same time, and as the risk of Spanish sanctions rose, Rabat raised its offer on quotas.\n")
    assert a.sentences[1].actor == "MAR"


def test_a_quote_whose_closing_mark_was_left_out_ends_where_the_next_one_opens():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "In a written statement, Spanish Foreign Minister Ana Ruiz said:\n\n"
            "\"Morocco promised to open its ports to our fleet. It did not keep that promise. "
            "\"Our fishermen were counting on the treaty to save their season.\"\n")
    assert [q.text for q in a.quotes] == [
        "Morocco promised to open its ports to our fleet. It did not keep that promise.",
        "Our fishermen were counting on the treaty to save their season."]
    assert [q.speaker for q in a.quotes] == ["Ana Ruiz", "Ana Ruiz"]


@_SECTION_MODEL_MISSES
def test_the_past_perfect_of_a_subordinate_clause_does_not_make_the_news_history():
    a = run("Spain and Morocco signed a fishing treaty in Rabat on Monday.\n\n"
            "The treaty was finalized when two trawlers had returned to port.\n\n"
            "Morocco had seized the trawlers in a dispute over quotas.\n\n"
            "The fleets stayed in port.\n\n"
            "Prices of sardines rose.\n\n"
            "Markets in Cadiz were quiet.\n\n"
            "Buyers waited.\n")
    assert [s.section for s in a.sentences[1:3]] == ["development", "background"]


def test_commentators_opening_a_sentence_give_it_no_state_but_a_stance_they_describe_keeps_its_own():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "Analysts said the Spanish walkout could embolden other fleets.\n\n"
            "The Moroccan government has little new to offer on quotas, trade analysts said.\n")
    assert a.sentences[1].actor is None
    assert a.sentences[2].actor == "MAR"


def test_officials_of_no_state_the_gazetteer_knows_give_no_state():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "European diplomats said the talks could collapse if Morocco did not show flexibility.\n\n"
            "Moroccan officials said the talks could collapse if Spain did not show flexibility.\n")
    assert [s.actor for s in a.sentences[1:]] == [None, "MAR"]


def test_a_pronoun_after_an_opening_subordinate_clause_is_that_clauses_subject():
    a = run("Spanish Foreign Minister Ana Ruiz and Moroccan Foreign Minister Omar Idrissi met in Rabat on Monday.\n\n"
            "When Idrissi announced that he would read out the statement Ruiz had delivered in Spanish, "
            "he added: “Don't worry, it is the very same text.”\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Omar Idrissi", "MAR")]


def test_quoted_as_saying_gives_the_words_to_the_one_quoted():
    a = run("Fishing talks stalled in Rabat on Monday.\n\n"
            "Spain has prepared a “measured” answer to the Moroccan ban, the news agency EFE "
            "quoted government spokeswoman Isabel Moreno as saying.\n")
    assert (a.sentences[1].speaker, a.sentences[1].actor) == ("Isabel Moreno", "ESP")


def test_these_officials_are_the_officials_named_before():
    a = run("Fishing talks stalled on Monday.\n\n"
            "Moroccan officials said the talks would resume soon.\n\n"
            "These officials also said that Spain had not replied to the offer.\n")
    assert a.sentences[2].actor == "MAR"


@_SECTION_MODEL_MISSES
def test_backing_or_attacking_a_policy_is_a_stance_attacking_a_base_is_not():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "The fleets waited in port for a week.\n\n"
            "Leaders of the fishing nations have backed a deal that caps the catch for five years.\n\n"
            "Anti-Ruiz lawmakers, and some of her allies, attacked the announcement.\n\n"
            "Rebels attacked the base near the port.\n")
    assert [s.section for s in a.sentences[2:]] == ["position", "position", "development"]


def test_a_hyphenated_anti_name_is_no_person():
    a = run("Fishing talks resumed in Rabat on Monday.\n\n"
            "The fleets waited in port for a week.\n\n"
            "Anti-Ruiz lawmakers, and some of her allies, attacked the announcement.\n")
    assert "Anti-Ruiz" not in {p.name for p in a.people}


def test_a_surname_with_its_particle_dropped_or_capitalised_is_the_person_introduced():
    a = run("Iraqi Prime Minister Nouri al-Maliki spoke on Monday.\n\n"
            "“I will stay in office until the court rules,” Maliki said.\n\n"
            "Al-Maliki, however, vowed to fight the ruling in court.\n")
    [quote] = a.quotes
    assert (quote.speaker, quote.actor) == ("Nouri al-Maliki", "IRQ")
    vow = sentence_with(a, "vowed to fight")
    assert (vow.speaker, vow.actor) == ("Nouri al-Maliki", "IRQ")


def test_a_name_with_a_patronymic_is_referred_back_to_by_the_given_name():
    a = run("The foreign minister of Qatar, Sheikh Hamid bin Saleh Al Marri, spoke on Monday.\n\n"
            "Sheikh Hamid added that the talks must go on.\n")
    added = sentence_with(a, "added")
    assert added.speaker.endswith("Al Marri")
    assert added.actor == "QAT"


def test_a_person_no_data_file_knows_keeps_the_full_name_they_were_introduced_by():
    a = run("Tariq al-Harbi, a senior commander of the militia, appeared in a video on Tuesday.\n\n"
            "“We chose the target and we planned the attack,” al-Harbi says.\n\n"
            "“There will be more attacks on the city,” Harbi said.\n")
    assert [q.speaker for q in a.quotes] == ["Tariq al-Harbi", "Tariq al-Harbi"]


def test_ranks_before_a_name_and_a_party_label_after_it_are_not_the_name():
    a = run("“There has been a radical presence in the region for years,” said Lt. Col. Dan Morrow, "
            "a retired intelligence officer.\n\n"
            "“The governor was prepared and he was qualified,” Sen. Jane Fields (D-Mo.) said.\n")
    assert [q.speaker for q in a.quotes] == ["Dan Morrow", "Jane Fields"]


def test_a_family_name_written_first_before_another_given_name_is_another_person():
    a = run("North Korean leader Kim Jong Un fired a missile on Sunday.\n\n"
            "“It is a positive but very small step for both sides,” Kim Jin-ho, a professor at a "
            "university in Seoul, said of the meeting.\n\n"
            "“We will answer with force if we are attacked,” Kim said.\n")
    assert [q.speaker for q in a.quotes] == ["Kim Jin-ho", "Kim Jong Un"]


def test_an_unnamed_voice_for_a_named_person_is_unnamed_and_speaks_for_their_party():
    a = run("Canadian Prime Minister Anne Roy met the press on Monday.\n\n"
            "“We will study the terms before we say anything more about it,” Roy’s spokesman said.\n\n"
            "A spokesman for Prime Minister Anne Roy said on Tuesday: “The government will not change course.”\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [(None, "CAN"), (None, "CAN")]


def test_an_outlet_is_no_speaker_and_a_state_newspaper_speaks_for_its_state():
    a = run("In a commentary on Monday, the ruling party’s official People’s Daily said the new tariffs must be lifted.\n\n"
            "“Tariffs like these hurt farmers on both sides,” the paper said.\n\n"
            "The Times reports that “the raids point to a change in the group’s methods.”\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [(None, "CHN"), (None, None)]
    assert sentence_with(a, "must be lifted").actor == "CHN"


def test_she_refers_to_the_woman_the_text_named_not_to_a_man_named_since():
    a = run("Ambassador Jane Doyle of Canada spoke at the United Nations on Tuesday.\n\n"
            "“We are watching a crisis unfold,” Doyle said, noting that she had called a hearing.\n\n"
            "Protests have targeted President Pedro Alves of Brazil for months.\n\n"
            "“The council must act before the summer is over,” she added.\n")
    assert [q.speaker for q in a.quotes] == ["Jane Doyle", "Jane Doyle"]


def test_a_pronoun_never_refers_to_a_person_the_text_gives_the_other_gender():
    a = run("Chilean Foreign Minister Tom Reyes met Peruvian Trade Minister Lena Park on Monday. Ms. Park left early.\n\n"
            "“We will keep talking until there is a deal,” he said.\n")
    [quote] = a.quotes
    assert quote.speaker == "Tom Reyes"


def test_a_speaker_signed_under_a_quote_with_a_dash():
    a = run("Talks resumed in Geneva on Monday.\n\n"
            "“This is a very important step for the region and for the world.”\n— Tariq Haddad, Reuters\n")
    [quote] = a.quotes
    assert quote.speaker == "Tariq Haddad"


def test_a_statement_quoted_as_a_block_after_a_colon_is_the_voice_before_it():
    a = run("The Canadian government has repeatedly argued the campaign is working. From the prime minister's "
            "speech in Ottawa:\n\n"
            "Now, it will take time to finish this work. And any time we act, there are risks involved. "
            "This strategy is one that we have pursued in Mali for years.\n")
    assert [s.actor for s in a.sentences[2:]] == ["CAN", "CAN", "CAN"]


def test_a_sentence_with_no_voice_and_no_party_goes_on_with_the_voice_before_it_in_its_paragraph():
    a = run("Canadian Foreign Minister Anne Roy said the talks had been useful. It would take time to agree, "
            "but the work would go on.\n\n"
            "It would take time to agree.\n")
    assert [s.actor for s in a.sentences] == ["CAN", "CAN", None]


def test_a_person_no_data_file_knows_is_introduced_by_a_description_beside_the_name():
    a = run("Her former business partner at Ardent, Paul R. Lind, called her a master of the deal. "
            "\"She never left a meeting without getting what she came for.\"\n\n"
            "Tariq Haddad, a professor of political science at a university in Seoul, spoke on Monday.\n\n"
            "“It is a positive but very small step,” Haddad said.\n")
    people = {p.name: p.role for p in a.people}
    assert people == {"Paul R. Lind": "partner", "Tariq Haddad": "professor"}
    assert [q.speaker for q in a.quotes] == ["Paul R. Lind", "Tariq Haddad"]


def test_a_pronoun_after_a_quote_is_the_subject_of_the_quote_s_sentence():
    a = run("The president praised Dr. Mehmet Oz, a television host, on Monday.\n\n"
            "Democratic Sen. Jane Fields (D-Ore.) rebuked him: “The doctors in my state do not agree with "
            "a word of this,” she said.\n")
    [quote] = a.quotes
    assert quote.speaker == "Jane Fields"


def test_a_state_body_speaks_for_its_state_and_it_refers_to_the_last_party_that_spoke():
    a = run("Egyptian warplanes struck targets in Libya on Monday.\n\n"
            "The Egyptian military said the raids hit camps. It said the “precise strikes” were “an answer "
            "to the killings and a warning to the groups.”\n\n"
            "Peruvian police said three people were arrested.\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [(None, "EGY")]
    police = sentence_with(a, "arrested")
    assert (police.speaker, police.actor) == (None, "PER")


def test_a_spokesperson_after_an_introductory_place_speaks_for_that_body_s_state():
    a = run("At the Foreign Ministry in Lima on Friday, spokeswoman Rosa Vela said the talks would "
            "\"take a long time to finish\".\n\n"
            "\"If we keep moving forward, we will reach a deal before the summer,\" Vela said.\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Rosa Vela", "PER"), ("Rosa Vela", "PER")]


def test_a_short_subject_that_refers_back_to_unnamed_officials_is_their_party():
    a = run("U.S. officials said the talks were useful.\n\n"
            "These officials do not expect Russia to back a new text.\n")
    assert [s.actor for s in a.sentences] == ["USA", "USA"]


def test_an_outlet_s_voice_ends_the_run_of_the_voice_before_it():
    a = run("In an editorial, the state-run People’s Daily said the export curbs were unfair. "
            "The BBC reports that the curbs were \"aimed at chip makers and their suppliers\".\n")
    assert [s.actor for s in a.sentences] == ["CHN", None]


def test_an_apposition_names_the_holder_of_the_role_before_it():
    a = run("New tariffs were announced on Saturday.\n\n"
            "The Chilean ambassador to the WTO, Ana Soto, described the tariffs as “the worst blow to free trade in years”.\n\n"
            "Sen. Tom Reyes, a Texas Republican who often criticises the president, said Mr. Lang “was right "
            "to walk away from a bad deal.”\n")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Ana Soto", "CHL"), ("Tom Reyes", None)]
