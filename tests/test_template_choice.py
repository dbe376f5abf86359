"""Suggesting a template from the child's dates and needs."""

from datetime import date

import pytest

from dayinlife.template_choice import age_in_months, suggest_template

ON = date(2026, 11, 24)


@pytest.mark.parametrize("born, on, months", [
    (date(2026, 11, 24), ON, 0), (date(2026, 10, 25), ON, 0), (date(2026, 10, 24), ON, 1),
    (date(2016, 11, 25), ON, 119), (date(2016, 11, 24), ON, 120), (date(2027, 1, 1), ON, -2),
    (date(2024, 2, 29), date(2025, 2, 28), 11), (date(2024, 2, 29), date(2025, 3, 1), 12),
])
def test_age_in_whole_months(born, on, months):
    assert age_in_months(born, on) == months


@pytest.mark.parametrize("kwargs, expected", [
    ({"expected_date": date(2027, 3, 1)}, "prebirth"),
    ({"date_of_birth": date(2026, 11, 1)}, "baby"),
    ({"date_of_birth": date(2025, 5, 25)}, "baby"),          # 17 months
    ({"date_of_birth": date(2025, 5, 24)}, "preschool"),     # 18 months
    ({"date_of_birth": date(2022, 1, 1)}, "preschool"),      # 4 years
    ({"date_of_birth": date(2021, 11, 24)}, "primary"),      # 5th birthday today
    ({"date_of_birth": date(2015, 1, 1)}, "primary"),        # 11 years 10 months
    ({"date_of_birth": date(2014, 11, 24)}, "teenager"),     # 12th birthday today
    ({"date_of_birth": date(2009, 1, 1)}, "teenager"),       # 17
    ({"date_of_birth": date(2019, 1, 1), "disabled": True}, "disabled"),
    ({"date_of_birth": date(2026, 6, 1), "disabled": True}, "disabled"),
    ({"expected_date": date(2027, 3, 1), "disabled": True}, "prebirth"),
    ({"expected_date": date(2026, 11, 1)}, "baby"),          # due date passed: born by now
])
def test_suggestion(library, kwargs, expected):
    suggestion = suggest_template(library, on=ON, **kwargs)
    assert suggestion.template_id == expected
    assert suggestion.reason


def test_a_disabled_child_also_gets_the_age_template_as_an_alternative(library):
    s = suggest_template(library, date_of_birth=date(2019, 1, 1), disabled=True, on=ON)
    assert s.alternatives == ("primary",)
    s = suggest_template(library, date_of_birth=date(2019, 1, 1), on=ON)
    assert s.template_id == "primary" and s.alternatives == ("disabled",)


@pytest.mark.parametrize("kwargs, words", [
    ({}, "date of birth or expected date"),
    ({"date_of_birth": date(2027, 1, 1)}, "in the future"),
    ({"date_of_birth": date(2000, 1, 1)}, "no template suits someone 26 years old"),
])
def test_no_suggestion_says_why(library, kwargs, words):
    with pytest.raises(ValueError, match=words):
        suggest_template(library, on=ON, **kwargs)


def test_suggestion_follows_edited_age_ranges(template_folder):
    from dayinlife.template_loader import load_library

    path = template_folder / "primary.toml"
    path.write_text(path.read_text("utf-8").replace("to_months = 144", "to_months = 156"), "utf-8")
    path = template_folder / "teenager.toml"
    path.write_text(path.read_text("utf-8").replace("from_months = 144", "from_months = 156"), "utf-8")
    lib = load_library(template_folder)
    assert suggest_template(lib, date_of_birth=date(2014, 6, 1), on=ON).template_id == "primary"
