"""find_dates: days, ranges, months and weekdays, with the published year filling a missing one."""

from __future__ import annotations

import pytest

from accord.nlp.dates import find_dates, weekday_before


def spans(text: str, published: str | None = None) -> list[tuple[str, str, str]]:
    return [(text[d.start_char : d.end_char], d.start, d.end) for d in find_dates(text, published)]


def test_day_range_before_the_month() -> None:
    assert spans("The talks ran 3-4 June 2025 in Rome.") == [("3-4 June 2025", "2025-06-03", "2025-06-04")]


def test_day_range_with_an_en_dash() -> None:
    assert spans("The talks ran 3–4 June 2025.") == [("3–4 June 2025", "2025-06-03", "2025-06-04")]


def test_day_range_after_the_month_takes_the_published_year() -> None:
    assert spans("Leaders meet June 3-4 in Rome.", "2025-05-20") == [("June 3-4", "2025-06-03", "2025-06-04")]


def test_day_range_after_the_month_without_any_year_is_dropped() -> None:
    assert spans("Leaders meet June 3-4 in Rome.") == []


def test_from_to_range() -> None:
    assert spans("It met from 3 to 5 March 2024 in Vienna.") == [
        ("from 3 to 5 March 2024", "2024-03-03", "2024-03-05")
    ]


def test_abbreviated_month_with_two_days_and_the_published_year() -> None:
    assert spans("Talks on Feb. 10 and 11 went well.", "2025-02-12") == [
        ("Feb. 10 and 11", "2025-02-10", "2025-02-11")
    ]


def test_month_first_range_with_a_comma_year() -> None:
    assert spans("The forum runs February 10-13, 2025.") == [
        ("February 10-13, 2025", "2025-02-10", "2025-02-13")
    ]


def test_single_day() -> None:
    assert spans("The summit opened on 1 November 2023.") == [("1 November 2023", "2023-11-01", "2023-11-01")]


def test_month_and_year_alone() -> None:
    assert spans("The body first met in March 2023.") == [("in March 2023", "2023-03", "2023-03")]


def test_weekday_is_the_last_such_day_on_or_before_the_published_date() -> None:
    # 12 February 2025 was a Wednesday.
    [mention] = find_dates("The summit opened on Monday.", "2025-02-12")
    assert (mention.start, mention.end, mention.relative) == ("2025-02-10", "2025-02-10", True)


def test_weekday_on_the_published_day_is_that_day() -> None:
    [mention] = find_dates("Ministers met on Wednesday.", "2025-02-12")
    assert mention.start == "2025-02-12"


def test_weekday_in_the_future_is_the_next_such_day() -> None:
    # 10 February 2025 was a Monday.
    [mention] = find_dates("The minister would meet her counterpart on Tuesday.", "2025-02-10")
    assert mention.start == "2025-02-11"


def test_weekday_without_a_published_date_is_no_date() -> None:
    assert find_dates("The summit opened on Monday.") == []


def test_impossible_day_is_no_date() -> None:
    assert spans("The text is dated 31 February 2024.") == []


def test_offsets_are_shifted_by_the_offset() -> None:
    [mention] = find_dates("on 1 November 2023", offset=100)
    assert (mention.start_char, mention.end_char) == (103, 118)


def test_dates_come_in_text_order() -> None:
    found = find_dates("It met on 2 May 2024 and again on 9 April 2024.")
    assert [d.start for d in found] == ["2024-05-02", "2024-04-09"]


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [(0, "2025-02-10"), (2, "2025-02-12"), (3, "2025-02-06"), (6, "2025-02-09")],
)
def test_weekday_before(weekday: int, expected: str) -> None:
    assert weekday_before("2025-02-12", weekday) == expected


def test_weekday_before_a_bad_date_is_none() -> None:
    assert weekday_before("not a date", 0) is None


def test_range_across_two_months() -> None:
    assert spans("The conference ran from 30 June to 2 July 2025.") == [
        ("from 30 June to 2 July 2025", "2025-06-30", "2025-07-02")
    ]


def test_two_weekdays_make_a_range() -> None:
    # 14 March 2025 was a Friday.
    [mention] = find_dates("Ministers met in Lima on Tuesday and Wednesday.", "2025-03-14")
    assert (mention.start, mention.end) == ("2025-03-11", "2025-03-12")


def test_a_bare_month_is_the_last_such_month_before_the_dateline() -> None:
    assert spans("The forum was founded in May.", "2025-03-14") == [("in May", "2024-05", "2024-05")]
    assert spans("The forum was founded in February.", "2025-03-14") == [
        ("in February", "2025-02", "2025-02")
    ]


def test_a_bare_month_needs_a_capital_and_no_plans() -> None:
    assert spans("Delegates may agree in may.", "2025-03-14") == []
    assert spans("The forum will meet in May.", "2025-03-14") == []


def test_a_text_gives_its_own_date_on_a_line_of_its_own() -> None:
    from accord.nlp.dates import date_of_text

    assert date_of_text("Ocean talks open\nMay 15, 2025\nThe ministers met.") == "2025-05-15"
    assert date_of_text("Ocean talks\nPublished: 09:12, 15 May 2025\nText") == "2025-05-15"
    assert date_of_text("Ocean talks\nLisbon, 15 May 2025 – The ministers met.") == "2025-05-15"


def test_a_date_inside_a_sentence_is_not_the_text_s_own() -> None:
    from accord.nlp.dates import date_of_text

    assert date_of_text("Ocean talks\nThe summit was held on 15 May 2025 in Lisbon.") is None
    assert date_of_text("LISBON, May 15 (Wire) - Ministers met.") is None


def test_a_wire_s_date_in_brackets_after_its_city_is_the_text_s_own() -> None:
    from accord.nlp.dates import date_of_text, dateline_span

    text = "Ocean talks end\nLISBON, (Harbour Wire / Sea News - 12th May, 2025) The ministers met on Tuesday."
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == "12th May, 2025"
    assert date_of_text(text) == "2025-05-12"


def test_next_and_last_month_against_the_dateline() -> None:
    assert spans("The forum meets in Lima next February.", "2024-11-21") == [
        ("next February", "2025-02", "2025-02")
    ]
    assert spans("The summit in Quito last May agreed.", "2024-11-21") == [("last May", "2024-05", "2024-05")]
    assert spans("Officials said next may be better.", "2024-11-21") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It took place on the 18th of November in Oslo.", ("18th of November", "2025-11-18", "2025-11-18")),
        ("It met on the 3rd and 4th of June 2024.", ("3rd and 4th of June 2024", "2024-06-03", "2024-06-04")),
    ],
)
def test_a_day_written_as_the_nth_of_a_month(text: str, expected: tuple[str, str, str]) -> None:
    assert spans(text, "2025-11-20") == [expected]


def test_a_bare_month_in_a_headline_s_plan_is_no_past_date() -> None:
    assert spans("Japan to host ministerial meeting on AI use in March", "2026-02-19") == []


def test_a_byline_keeps_the_text_s_date_in_a_field_of_its_own() -> None:
    from accord.nlp.dates import date_of_text

    text = "Ocean talks open\nBy Ana Ruiz | harbournews.example | Updated: May 15, 2025\nThe ministers met."
    assert date_of_text(text) == "2025-05-15"
    assert (
        date_of_text("Ocean talks\nBy Ana Ruiz | The summit closed on May 15, 2025 in Lisbon\nText") is None
    )
