"""Which edition follows which, as news says it."""

from __future__ import annotations


def sequence(facts, text: str) -> set[tuple[str, str]]:
    return {(f["event"], f["previous"]) for f in facts(text, kind="event_sequence")}


def test_consecutive_ordinals(facts) -> None:
    text = (
        "The Ocean Council held its fifth ministerial meeting in Lisbon. The sixth Ocean Council "
        "ministerial meeting will take place in Oslo."
    )
    expected = ("sixth Ocean Council ministerial meeting", "fifth ministerial meeting of Ocean Council")
    assert expected in sequence(facts, text)


def test_building_on_an_earlier_meeting(facts) -> None:
    text = (
        "The Ocean Data Dialogue met in Lisbon on Tuesday. Building on the progress from the May 2023 "
        "ocean ministerial meeting in Oslo, ministers agreed to share sensor data."
    )
    assert sequence(facts, text) == {("Ocean Data Dialogue", "May 2023 ocean ministerial meeting")}


def test_what_happened_at_an_event_is_not_built_on(facts) -> None:
    text = (
        "The Ocean Data Dialogue met in Lisbon on Tuesday. Building on their talks at the Blue Data "
        "Summit, ministers agreed to share sensor data."
    )
    assert sequence(facts, text) == set()


def test_a_meeting_followed_another(facts) -> None:
    text = "The Ocean Data Talks opened in Lisbon. This meeting followed the Blue Data Summit in November."
    assert sequence(facts, text) == {("Ocean Data Talks", "Blue Data Summit")}


def test_the_follow_up_to_a_place(facts) -> None:
    text = (
        "The Blue Data Summit was held in Oslo in 2023. Portugal will host the Ocean Data Summit in "
        "May, the follow-up to Oslo."
    )
    assert ("Ocean Data Summit", "Blue Data Summit") in sequence(facts, text)


def test_the_next_summits_in_a_list_of_places(facts) -> None:
    text = (
        "At the first ocean data summit in Oslo in 2023, ten countries signed a pledge. The next two "
        "summits, in Lisbon and Lagos, widened the agenda."
    )
    expected = {("summit in Lisbon", "first ocean data summit"), ("summit in Lagos", "summit in Lisbon")}
    assert sequence(facts, text) == expected


def test_earlier_meetings_named_by_their_countries(facts) -> None:
    text = "The Ocean Data Summit follows earlier meetings in Canada and Japan."
    expected = {("Ocean Data Summit", "meeting in Canada"), ("Ocean Data Summit", "meeting in Japan")}
    assert sequence(facts, text) == expected
    places = {(f["event"], f["country"]) for f in facts(text, kind="event_place")}
    assert places == {("meeting in Canada", "CA"), ("meeting in Japan", "JP")}


def test_a_country_names_the_event_held_in_one_of_its_cities(facts) -> None:
    text = (
        "The Ocean Data Summit follows the meetings in Canada in 2023 and in Japan in 2024. It is the "
        "third, after the conferences in Ottawa and Tokyo."
    )
    names = {f["event"] for f in facts(text, kind="event")}
    assert names == {"Ocean Data Summit", "conference in Ottawa", "conference in Tokyo"}
