"""Tests for frontline.clean.boilerplate: glued lines put back, and each kind of non-article line found."""

from __future__ import annotations

import pytest

from frontline.clean import clean, unglue_lines
from frontline.clean.boilerplate import classify_lines
from frontline.clean.engine import apply_edits
from frontline.models import RawArticle

PROSE = ("Russian forces shelled the town of Vovchansk overnight, regional officials said on Monday.\n"
         "Two people were wounded and a school was damaged, the governor wrote on Telegram.\n"
         "Ukraine's army said it had repelled eleven assaults near the town over the past day.\n")


def why(line: str, before: str = PROSE, after: str = PROSE) -> str | None:
    """Why ``line`` is dropped when it stands between two blocks of prose, or None when it stays."""
    text = f"Headline about the war\n{before}{line}\n{after}"
    start = text.index(line)
    return next((w for s, e, w in classify_lines(text) if s == start), None)


def unglued(text: str) -> str:
    return apply_edits(text, list(range(len(text) + 1)), unglue_lines(text))[0]


# --- unglueing -------------------------------------------------------------------------------------------

def test_unglue_photo_credit_from_sentence():
    assert unglued("Reuters/Anna PetrovaThere may be doubts.") == "Reuters/Anna Petrova\nThere may be doubts."


def test_unglue_byline_from_role():
    assert unglued("John SmithDefence correspondent, Kyiv") == "John Smith\nDefence correspondent, Kyiv"


def test_unglue_before_two_letter_word_after_credit():
    assert unglued("EPA/Sergey KozlovHe also said so.") == "EPA/Sergey Kozlov\nHe also said so."


def test_unglue_before_title_abbreviation():
    assert unglued("AP/Oleg KozlovMr. Trump spoke.") == "AP/Oleg Kozlov\nMr. Trump spoke."


def test_unglue_lost_break_before_sentence_opener():
    assert unglued("This happened last nightAfter fierce fighting") == "This happened last night\nAfter fierce fighting"


@pytest.mark.parametrize("word", ["McDonald", "MacArthur", "DeSantis", "YouTube", "LinkedIn", "iPhone", "WhatsApp",
                                  "AstraZeneca", "DeepMind"])
def test_camel_case_names_stay_glued(word):
    assert unglued(f"He used {word} daily.") == f"He used {word} daily."


def test_a_glued_form_used_twice_is_a_spelling():
    assert unglued("The StarBase depot and StarBase staff.") == "The StarBase depot and StarBase staff."


# --- what goes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("© AFP", "image credit"),
    ("Photo: Reuters/Olena Kovalenko", "image credit"),
    ("Getty Images/Anadolu", "image credit"),
    ("Image caption: Rescue workers at the scene in Lutsk", "photo caption"),
    ("Residents clearing debris from a building in Lutsk, March 3, 2023 |", "photo caption"),
    ("A volunteer loading boxes of aid onto a truck in Rivne (AFP)", "photo caption"),
    ("Ukrainian servicemen riding a tank near Bakhmut, Donetsk region, Ukraine, February 13, 2023.", "photo caption"),
    ("Image source, Getty Images", "image credit"),
    ("REUTERS", "agency tag"),
    ("abc-17", "scraper tag"),
    ("Home | News | World | Sport | Weather", "navigation"),
    ("Share this article: Facebook Twitter Email", "navigation"),
    ("Sirens sounded across the country https://t.co/x7Yq2Lm9 @kyiv_live", "embedded post"),
    ("— Kyiv Live (@kyiv_live) May 3, 2024", "embedded post"),
    ("(Reporting by Olena Harmash; Editing by Mark Heinrich)", "reporting credit"),
    ("Additional reporting by Pavel Polityuk in Kyiv", "reporting credit"),
    ("About the author", "author box"),
    ("Defence correspondent, Kyiv", "byline"),
    ("By Maria Hrytsenko", "byline"),
    ("Unclear intentions", "heading"),
    ("“NOW”", "heading"),
    ("Floods hit Ternopil as river bursts its banks", "heading"),
])
def test_line_dropped_with_reason(line, expected):
    assert why(line) == expected


def test_teaser_block_goes_to_the_next_real_paragraph():
    text = (f"Headline about the war\n{PROSE}Related stories\nFloods hit Ternopil as river bursts its banks\n"
            "Mayor of Lutsk opens a new bridge\n"
            "The mayor said the bridge, closed for two years, would carry traffic again from next week …\n")
    assert [w for _, _, w in classify_lines(text)] == ["teaser"] * 4


def test_name_above_a_byline_goes_with_it():
    text = f"Jonathan Smith\nDefence correspondent, Kyiv\n{PROSE}"
    assert [(text[s:e], w) for s, e, w in classify_lines(text)] == [
        ("Jonathan Smith", "byline"), ("Defence correspondent, Kyiv", "byline")]


# --- what stays ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Two civilians were killed.",
    "“We will not leave,” she said.",
    "Kyiv denies it.",
    "The ministry gave these figures:",
    "Russian troops entered Hirske (Reuters reported) on Friday.",
    "Officials said the strike hit a school in Lutsk, where 300 children study.",
    "Russian forces began shelling the town again on March 3, 2023.",
    "Source: Oleh Syniehubov, Head of Kharkiv Oblast Military Administration, on Telegram",
    "Fighting resumed near the village on the morning of 12 May, 2023.",
])
def test_short_news_paragraph_stays(line):
    assert why(line) is None


@pytest.mark.parametrize("line", [
    "via @DefMon3: Russian column hit near Novohrodivka",
    "h/t @UAWeapons: Ukrainian T-64 destroyed near Ocheretyne",
    "Russian column hit near Novohrodivka (via @DefMon3)",
])
def test_a_caption_credited_to_an_account_stays(line):
    assert why(line) != "embedded post"
    assert clean(RawArticle(text=line)).text.strip() == line


def test_a_line_of_handles_is_still_an_embedded_post():
    assert why("Follow @kyiv_live: news") == "embedded post"
    assert why("Thanks @kyiv_live @lviv_now (via @osint)") == "embedded post"


def test_headline_stays():
    text = f"Russian forces shell Vovchansk\n{PROSE}"
    assert classify_lines(text) == []


@pytest.mark.parametrize("headline", ["Ukrainian troops push back near Kupiansk (Part 2)",
                                      "Drone strike on Odesa port (video)", "Russian forces shell Vovchansk (updated)"])
def test_headline_with_its_own_tag_in_brackets_stays(headline):
    assert classify_lines(f"{headline}\n{PROSE}") == []


@pytest.mark.parametrize("tail", ["   Read more on UNIAN: https://www.unian.info/war/10190813.html",
                                  " Read also: www.example.org/news/2211", " See also » https://example.com/a?b=1"])
def test_teaser_link_glued_to_a_sentence_goes_and_the_sentence_stays(tail):
    sentence = "Ukraine reports 1 KIA, 2 WIA amid 21 enemy attacks in Donbas in past day."
    text = f"{sentence}{tail}\n{PROSE}"
    assert [(text[s:e], w) for s, e, w in classify_lines(text)] == [(tail, "teaser")]


def test_credit_in_brackets_after_photos_goes():
    assert why("Volunteers clearing rubble in Lviv (Photos: Reuters)") == "photo caption"


def test_section_tag_after_the_headline_goes():
    text = f"Russian forces shell Vovchansk | World News\n{PROSE}"
    assert [(text[s:e], w) for s, e, w in classify_lines(text)] == [(" | World News", "section tag")]


def test_clause_after_a_bar_in_the_headline_stays():
    assert classify_lines(f"Russia says it captured Bakhmut | Kyiv denies\n{PROSE}") == []


def test_two_line_title_case_headline_stays():
    text = f"Soldiers Abandon the Battlefield: Over 400\nUkrainian Troops Cross into Russia\n{PROSE}"
    assert classify_lines(text) == []


def test_list_of_headlines_stays():
    text = "\n".join(["Two killed in Russian shelling of Kharkiv", "Ukraine orders evacuation of Vuhledar",
                      "EU agrees new sanctions package against Russia", "Police detain protesters in Moscow"])
    assert classify_lines(text) == []


def test_heading_with_prose_after_it_only_between_prose():
    # A short line that does not lead into prose (the last line of a list) stays.
    assert why("The figures in full", after="- 12 tanks\n- 3 aircraft\n- 40 drones\n") is None


# --- through clean ---------------------------------------------------------------------------------------

def test_removed_credit_keeps_raw_span_and_sentence():
    raw = f"Headline about the war\n{PROSE}Reuters/Anna PetrovaThere may be doubts about the figures, he said.\n"
    doc = clean(RawArticle(text=raw))
    (start, end, reason), = doc.removed
    assert (raw[start:end], reason) == ("Reuters/Anna Petrova", "image credit")
    assert "\nThere may be doubts about the figures, he said." in doc.text


@pytest.mark.parametrize("caption", [
    "Video: Ukrainian Bradley fighting vehicle in Avdiivka, geolocated (photo 3)",
    "Footage of street fighting in Artemovsk, filmed by a Wagner fighter (00:15-00:20)",
    "Damage to a school in Siversk (Reuters)",
])
def test_a_one_line_caption_is_the_article(caption):
    assert classify_lines(caption) == []


def test_a_caption_under_an_article_still_goes():
    text = PROSE + "Damage to a school in Siversk (Reuters)\n" + PROSE
    assert [why for *_, why in classify_lines(text)] == ["photo caption"]


def test_what_befalls_a_reporter_is_news_not_a_byline():
    assert classify_lines("Two photographers wounded in Kherson") == []
    assert classify_lines("TV journalist detained in Melitopol") == []
    assert [w for _, _, w in classify_lines("Staff reporter\nShelling went on in Kherson through the night.")] \
        == ["byline"]


def test_coordinates_in_a_caption_are_no_time_of_a_byline():
    assert classify_lines("Russian tank destroyed, Huliaipole, 47.66, 36.26") == []
    assert classify_lines("Olha Kyrylenko — 14 May 2024, 08:12") == [(0, 35, "byline")]


def test_a_text_that_is_one_labelled_caption_is_the_article():
    assert classify_lines("Video: explosions in Odesa") == []
    assert [w for _, _, w in classify_lines(f"Video: explosions in Odesa\n{PROSE}")] == ["image credit"]


# --- wire slugs ------------------------------------------------------------------------------------------

def test_wire_slugs_dropped_before_a_headline():
    doc = clean(RawArticle(text="RPT-One civilian killed in shelling of Donetsk\n"
                                "UPDATE 2-Ukraine says soldiers killed near Lyman\n"
                                "REFILE-UPDATE 3-Shelling hits Kherson"))
    assert doc.text.splitlines() == ["One civilian killed in shelling of Donetsk",
                                     "Ukraine says soldiers killed near Lyman", "Shelling hits Kherson"]
    assert [why for _, _, why in doc.removed] == ["wire slug"] * 3


def test_acronyms_with_a_hyphen_are_no_wire_slug():
    text = "ITAR-TASS reports an IL-76 was shot down near Luhansk"
    assert clean(RawArticle(text=text)).text == text
