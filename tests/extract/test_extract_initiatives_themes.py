"""Initiatives launched at events, and the themes a text says an event covered."""

from __future__ import annotations

SUMMIT = "Global AI Ethics Summit"


def initiatives(facts, text: str) -> list[tuple]:
    return [(f["initiative"], f.get("type"), f.get("event")) for f in facts(text, kind="initiative")]


def themes(facts, text: str) -> list[tuple[str, str]]:
    return [(f["event"], f["theme"]) for f in facts(text, kind="theme")]


def test_named_initiative_launched_at_an_event(facts) -> None:
    text = (
        "At the Global AI Ethics Summit, Kenya launched the Open Models Fund, a fund for public-interest AI."
    )
    assert initiatives(facts, text) == [("Open Models Fund", "fund", SUMMIT)]


def test_initiative_type_from_an_apposition(facts) -> None:
    text = "At the summit, France announced the Public Interest AI Partnership, a fund for open-source tools."
    assert initiatives(facts, text) == [("Public Interest AI Partnership", "fund", None)]


def test_launch_of_a_named_initiative(facts) -> None:
    text = "The Global AI Ethics Summit saw the launch of the African Compute Initiative."
    assert initiatives(facts, text) == [("African Compute Initiative", "initiative", SUMMIT)]


def test_unnamed_initiative_object_of_a_launch(facts) -> None:
    text = "Norway announced a new partnership on climate data."
    [(name, kind, _event)] = initiatives(facts, text)
    assert name == "new partnership on climate data"
    assert kind == "partnership"


def test_no_initiative_without_a_launch_or_a_strong_head(facts) -> None:
    assert facts("Ministers visited the Kenyatta Convention Centre on Monday.", kind="initiative") == []


def test_known_organisation_is_no_initiative(facts) -> None:
    text = "The Global Partnership on Artificial Intelligence met in Delhi."
    assert facts(text, kind="initiative") == []


def test_themes_listed_after_a_cue(facts) -> None:
    text = "The Global AI Ethics Summit focused on safety, jobs and the digital divide."
    # ethics: the theme the summit's own name announces
    expected = [(SUMMIT, "safety"), (SUMMIT, "jobs"), (SUMMIT, "inclusion"), (SUMMIT, "ethics")]
    assert themes(facts, text) == expected


def test_themes_of_the_main_event_from_a_later_sentence(facts) -> None:
    text = "The Oslo AI Forum opened on Monday. Its agenda covered health and education."
    assert themes(facts, text) == [("Oslo AI Forum", "health"), ("Oslo AI Forum", "education")]


def test_theme_announced_by_the_event_name(facts) -> None:
    text = "The Summit on Lawful AI in Military Affairs met in Seoul."
    assert themes(facts, text) == [("Summit on Lawful AI in Military Affairs", "military")]


def test_no_theme_without_a_cue(facts) -> None:
    assert facts("The Oslo AI Forum opened with music. Delegates ate lunch.", kind="theme") == []


def test_no_theme_without_an_event(facts) -> None:
    assert facts("The talks focused on safety and jobs.", kind="theme") == []


def test_every_theme_is_in_the_vocabulary(facts) -> None:
    vocabulary = {
        "safety",
        "security",
        "public_interest",
        "jobs",
        "investment",
        "ethics",
        "regulation",
        "innovation",
        "sustainability",
        "competition",
        "inclusion",
        "health",
        "education",
        "culture",
        "military",
        "human_rights",
    }
    text = (
        "The Oslo AI Forum focused on security, investment, innovation, climate, competition, "
        "culture, human rights, the public interest and regulation."
    )
    found = {theme for _, theme in themes(facts, text)}
    assert found <= vocabulary
    assert len(found) >= 8


def test_unnamed_initiative_stops_before_the_event(facts) -> None:
    text = "Norway announced a new partnership on climate data at the Global AI Ethics Summit."
    assert initiatives(facts, text) == [("new partnership on climate data", "partnership", SUMMIT)]


def test_event_name_after_a_cue_is_not_a_theme(facts) -> None:
    text = "The agenda of the Global AI Ethics Summit covered health, education and human rights."
    found = themes(facts, text)
    assert found[:3] == [(SUMMIT, "health"), (SUMMIT, "education"), (SUMMIT, "human_rights")]
    assert found[3:] == [(SUMMIT, "ethics")]  # from the name as a name, not as a word after the cue


def test_themes_a_gathering_prioritised(facts) -> None:
    text = "Ministers met at the Ocean Data Summit, where states agreed to prioritize safety and inclusion."
    found = {(f["event"], f["theme"]) for f in facts(text, kind="theme")}
    assert found == {("Ocean Data Summit", "safety"), ("Ocean Data Summit", "inclusion")}


def test_themes_the_participants_discussed(facts) -> None:
    text = (
        "The Ocean Data Talks opened in Lisbon. The two leaders affirmed the need to improve AI safety "
        "and to develop AI technology in the military field responsibly."
    )
    found = {theme for _, theme in {(f["event"], f["theme"]) for f in facts(text, kind="theme")}}
    assert found == {"safety", "military"}


def test_what_participants_said_about_something_else_is_no_theme(facts) -> None:
    text = (
        "The Ocean Data Talks opened in Lisbon. On fisheries, both sides affirmed the importance of "
        "regulatory actions and health checks."
    )
    assert facts(text, kind="theme") == []


def test_a_list_that_describes_another_noun_is_no_theme(facts) -> None:
    text = (
        "At the Ocean Data Summit, ministers launched an institute focused on education and health, "
        "a first for the region."
    )
    assert facts(text, kind="theme") == []


def test_an_event_named_in_passing_gives_no_theme_by_its_name(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon. Delegates recalled the Global Health Forum once. "
        "The summit ended on Friday."
    )
    found = {(f["event"], f["theme"]) for f in facts(text, kind="theme")}
    assert ("Global Health Forum", "health") not in found


def test_the_main_event_s_name_gives_its_theme(facts) -> None:
    text = "The Global Forum on the Ethics of Ocean Data opened in Lisbon. The forum ended on Friday."
    assert ("Global Forum on the Ethics of Ocean Data", "ethics") in {
        (f["event"], f["theme"]) for f in facts(text, kind="theme")
    }


def test_themes_of_an_agreement_the_event_reached(facts) -> None:
    text = (
        "President Ana Costa opened the Ocean Data Summit in Lisbon, reaching an agreement that "
        "focused on three principles: safety, innovation and inclusivity."
    )
    found = {theme for _, theme in themes(facts, text)}
    assert found == {"safety", "innovation", "inclusion"}
    other = "At the Ocean Data Summit, Ana Costa praised a think tank focused on safety and innovation."
    assert themes(facts, other) == []


def test_themes_nations_agreed_to_prioritise(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Tuesday. Chile's presidential office said nations "
        "had agreed to prioritise AI safety, innovation and inclusivity."
    )
    assert {theme for _, theme in themes(facts, text)} == {"safety", "innovation", "inclusion"}


def test_what_a_text_endorsed_at_the_event_governs(facts) -> None:
    text = (
        "The Harbour Defence Forum opened in Tallinn on Monday. Forty states endorsed a "
        '"code of conduct" to govern the use of AI in the military on Tuesday, but two did not.'
    )
    assert ("Harbour Defence Forum", "military") in themes(facts, text)


def test_what_an_adopted_resolution_is_on(facts) -> None:
    text = "The Ocean Assembly adopted a resolution on autonomous weapons at its session in Lisbon."
    assert ("Ocean Assembly", "military") in themes(facts, text)


def test_the_words_after_another_clause_are_not_the_text_s_subject(facts) -> None:
    text = (
        "The Harbour Forum opened in Tallinn on Monday. Forty states endorsed the Tallinn Charter "
        "on Tuesday, while military officers watched."
    )
    assert ("Harbour Forum", "military") not in themes(facts, text)


def test_a_text_merely_named_gives_its_event_no_theme(facts) -> None:
    text = (
        "The Harbour Forum opened in Tallinn on Monday. Delegates recalled the Charter on Military "
        "Data, written in 2019."
    )
    assert ("Harbour Forum", "military") not in themes(facts, text)


def test_a_cue_in_a_clause_before_the_events_is_about_something_else(facts) -> None:
    text = (
        "Monday (March 3): MPs debate the Border Security and Asylum Bill; Spain hosts the Ocean "
        "Data Summit; new duties on grain come into effect."
    )
    assert themes(facts, text) == []


def test_a_clause_after_the_events_may_give_its_agenda(facts) -> None:
    text = "Spain hosts the Ocean Data Summit; the agenda covers security and jobs; markets were calm."
    assert sorted(themes(facts, text)) == [("Ocean Data Summit", "jobs"), ("Ocean Data Summit", "security")]


def test_what_a_passive_says_was_discussed_at_the_event_are_its_themes(facts) -> None:
    text = (
        "The Lisbon summit brought together ministers from 20 countries. During the summit, "
        "regulatory and ethical initiatives for AI were discussed."
    )
    assert {f["theme"] for f in facts(text, kind="theme")} == {"ethics", "regulation"}


def test_talks_on_an_event_s_programme_are_its_themes(facts) -> None:
    text = (
        "Lisbon is hosting the meeting of the region's digital ministers, with the two-day event featuring "
        "talks on AI governance, online scams and the need to strengthen cybersecurity."
    )
    assert "security" in {f["theme"] for f in facts(text, kind="theme")}


def test_a_list_a_colon_opens_runs_past_its_semicolons(facts) -> None:
    text = (
        "Ocean news\nThe Ocean Data Forum opened in Lima on Monday. The programme features 90 sessions, "
        "with three sub-themes: (1) harnessing innovation at sea; (2) climate and sustainability; "
        "(3) human rights and inclusion on the coast."
    )
    themes = {f["theme"] for f in facts(text, kind="theme")}
    assert {"innovation", "sustainability", "human_rights", "inclusion"} <= themes
