"""The gate on stories that name an AI summit in passing."""

from __future__ import annotations


def test_a_story_that_names_one_summit_twice_is_a_summit_story_once(gate) -> None:
    text = (
        "Harbour Group will invest $100 billion in data centres over the next decade.\n"
        "The plan was announced as the Lima AI Forum Summit opened on Tuesday.\n"
        "Executives attending the summit said AI demand would keep growing.\n"
        "Shares of Harbour Group rose 3% in Mumbai.\n"
        "The company also runs ports and airports.\n"
        "Its founder built the group over four decades.\n"
    )
    judgement = gate.judge(text)
    assert not judgement.in_scope
    assert judgement.named_in_passing  # the summit's own line is still read


def test_a_summit_titled_with_small_words_is_named(gate) -> None:
    text = (
        "Monday: lawmakers debate the port bill; France hosts Global Summit on Artificial Intelligence; "
        "tariffs on steel take effect.\n"
        "Tuesday: central bank rate decision.\n"
        "Wednesday: retail sales figures.\n"
        "Thursday: the football cup final.\n"
        "Friday: markets close early.\n"
    )
    assert gate.judge(text).named_in_passing


def test_a_list_of_topics_in_capitals_is_no_name(gate) -> None:
    text = (
        "Throughout the working session, teachers discussed four areas: EdTech Tools, Artificial "
        "Intelligence in Education, Safety and Protection Online, and Digital Literacy.\n"
        "The session ended with lunch.\n"
    )
    assert not gate.judge(text).named_in_passing
