"""Reading typed dates and writing dates and ages (dayinlife/dates.py), without a window."""

from datetime import date

import pytest

from dayinlife import dates
from dayinlife.dates import DateProblem, DateRule, exact_age, long_date, parse_date, read_date, uk_date


@pytest.mark.parametrize("typed", ["14032017", "14/03/2017", "14/3/2017", "14.03.2017", "14-3-2017",
                                   " 14 03 2017 ", "2017-03-14"])
def test_a_date_typed_any_usual_way_is_read_day_first(typed):
    assert parse_date(typed) == date(2017, 3, 14)


@pytest.mark.parametrize("typed, says", [
    ("31/02/2020", "February 2020 has 29 days"),
    ("29/02/2100", "February 2100 has 28 days"),
    ("00/01/2020", "January 2020 has 31 days"),
    ("01/13/2020", "there is no month 13"),
    ("14/03/17", "four figures"),
    ("140317", "four figures"),
    ("01/01/1850", "too early"),
    ("next Tuesday", "is not a date"),
    ("4/000032017", "is not a date"),
])
def test_a_date_that_does_not_exist_says_why(typed, says):
    with pytest.raises(DateProblem, match=says):
        parse_date(typed)


def test_empty_is_no_date_and_required_says_so():
    assert parse_date("  ") is None
    assert read_date("", required=False) is None
    with pytest.raises(DateProblem, match="missing"):
        read_date("")


def test_a_rule_says_its_own_words():
    rule = DateRule(date(2020, 1, 1), date(2026, 12, 1), too_early="too old", too_late="in the future")
    assert read_date("01/12/2026", rule) == date(2026, 12, 1)
    with pytest.raises(DateProblem, match="in the future"):
        read_date("02/12/2026", rule)
    with pytest.raises(DateProblem, match="too old"):
        read_date("31/12/2019", rule)


def test_dates_and_ages_are_written_the_uk_way():
    assert uk_date(date(2017, 3, 4)) == "04/03/2017" and uk_date(None) == "—"
    assert long_date(date(2017, 3, 4)) == "4 March 2017"
    assert exact_age(date(2017, 3, 14), date(2026, 12, 1)) == "9 years 8 months"
    assert exact_age(date(2026, 5, 1), date(2026, 12, 1)) == "7 months"
    assert dates.uk_dates_in("due on 2027-01-05, born 2017-03-14") == "due on 05/01/2027, born 14/03/2017"


def test_today_can_be_frozen(today):
    assert dates.today() == today
