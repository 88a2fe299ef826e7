"""Tests for frontline.clean: each repair, the offset map, and golden checks on the seed articles."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.clean import (
    Edit,
    Step,
    apply_edits,
    article_id_for,
    clean,
    clean_text,
    collapse_spaces,
    drop_blank_lines,
    fix_encoding,
    fix_newlines,
    fix_whitespace,
    strip_lines,
    unwrap_lines,
)
from frontline.errors import StageError
from frontline.models import RawArticle

SEED_DIRS = (Path("/work/shared/data/seeds"),
             Path(__file__).resolve().parents[2] / "src" / "frontline" / "data" / "samples")


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """The seed articles' raw text keyed by their three-digit number ('002')."""
    folder = next((d for d in SEED_DIRS if d.is_dir() and any(d.glob("*.txt"))), None)
    if folder is None:
        pytest.skip("seed articles not found")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def run(step, text: str) -> str:
    """The text after one step's edits."""
    return apply_edits(text, list(range(len(text) + 1)), step(text))[0]


def cleaned(text: str) -> str:
    return clean_text(text)[0]


# --- single steps ---------------------------------------------------------------------------------------

def test_fix_newlines_crlf():
    assert run(fix_newlines, "a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"


def test_fix_encoding_mojibake_apostrophe():
    assert run(fix_encoding, "Kyivâ€™s mayor") == "Kyiv’s mayor"


def test_fix_encoding_mojibake_quotes_stay_curly():
    assert run(fix_encoding, "said â€œnoâ€\x9d.") == "said “no”."


def test_fix_encoding_latin1_mojibake():
    assert run(fix_encoding, "SolonÃ© village") == "Soloné village"


def test_fix_encoding_mixed_utf8_and_cp1252_in_one_line():
    assert run(fix_encoding, "Kyiv’s mayor said Russiaâ€™s troops left.") == "Kyiv’s mayor said Russia’s troops left."


def test_fix_encoding_mixed_lines():
    assert run(fix_encoding, "SolonÃ© village\nSoloné village") == "Soloné village\nSoloné village"


def test_fix_encoding_keeps_good_typographic_quotes():
    assert run(fix_encoding, "“It is scary,” he says — ‘truly’.") == "“It is scary,” he says — ‘truly’."


def test_fix_encoding_keeps_cyrillic():
    assert run(fix_encoding, "Сєвєродонецьк") == "Сєвєродонецьк"


def test_fix_encoding_ligature():
    assert run(fix_encoding, "the ﬁrst ﬂight") == "the first flight"


def test_fix_whitespace_nbsp_and_tab():
    assert run(fix_whitespace, "400\u00a0troops\tcrossed\u202fover") == "400 troops crossed over"


def test_fix_whitespace_zero_width_dropped():
    assert run(fix_whitespace, "Kram\u200batorsk\ufeff") == "Kramatorsk"


def test_fix_whitespace_soft_hyphen_at_line_end_joins():
    assert run(fix_whitespace, "escal\u00ad\nating") == "escalating"


def test_strip_lines():
    assert run(strip_lines, "  a b  \n  c\n   \nd ") == "a b\nc\n\nd"


def test_collapse_spaces():
    assert run(collapse_spaces, "these  are   the same") == "these are the same"


def test_drop_blank_lines_trailing():
    assert run(drop_blank_lines, "a\n\nb\n\n\n\n") == "a\n\nb"


def test_drop_blank_lines_leading_and_runs():
    assert run(drop_blank_lines, "\n\na\n\n\n\nb") == "a\n\nb"


def test_drop_blank_lines_all_blank():
    assert run(drop_blank_lines, "\n\n\n") == ""


# --- unwrapping -----------------------------------------------------------------------------------------

WRAPPED = """\
More than 400 Ukrainian troops have been allowed to cross into Russia after requesting
sanctuary. It is the largest, but not the first, case of desertion by soldiers involved in
the military operation in the east of the country, officials in the Rostov Region said.

The guards said a total of 438 soldiers, including 164 border guards, had been allowed into
Russia on Sunday night. Those who agreed to speak said the fighting around the
escal-
ating front line had left them without food, while militia-
held towns were shelled daily by Ukrainian artillery and Grad rocket launchers.
"""


def test_unwrap_lowercase_continuation():
    assert ("allowed to cross into Russia after requesting sanctuary. It is the largest"
            in run(unwrap_lines, WRAPPED))


def test_unwrap_full_line_before_capital():
    assert "had been allowed into Russia on Sunday night." in run(unwrap_lines, WRAPPED)


def test_unwrap_keeps_paragraph_break():
    assert "Rostov Region said.\n\nThe guards" in run(unwrap_lines, WRAPPED)


def test_unwrap_joins_broken_word():
    assert "the escalating front line" in run(unwrap_lines, WRAPPED)


def test_unwrap_keeps_compound_hyphen():
    assert "while militia-held towns" in run(unwrap_lines, WRAPPED)


def test_unwrap_compound_spelled_elsewhere_in_text():
    assert run(unwrap_lines, "pro-Kyiv rallies, more pro-\nKyiv rallies") == "pro-Kyiv rallies, more pro-Kyiv rallies"


def test_unwrap_joined_form_spelled_elsewhere_in_text():
    assert run(unwrap_lines, "frontline news; the front-\nline moved") == "frontline news; the frontline moved"


def test_unwrap_keeps_heading_line():
    assert run(unwrap_lines, "Unclear intentions\nFormer General Keith Kellogg made demands.") == (
        "Unclear intentions\nFormer General Keith Kellogg made demands.")


def test_unwrap_keeps_paragraph_per_line_text():
    text = ("Russian forces now control most of the region, officials said on Tuesday.\n"
            "Ukraine said fighting was continuing in the city, where about 1,000 civilians remain.\n")
    assert run(unwrap_lines, text) == text


def test_unwrap_keeps_list_items():
    assert run(unwrap_lines, "Demands included\n- a ceasefire\n- elections") == (
        "Demands included\n- a ceasefire\n- elections")


# --- the offset engine ----------------------------------------------------------------------------------

def test_apply_edits_records_removed_raw_span():
    assert apply_edits("ab XYZ cd", list(range(10)), [Edit(3, 7, "", why="credit")])[2] == [(3, 7, "credit")]


def test_apply_edits_rejects_overlapping_edits():
    with pytest.raises(ValueError):
        apply_edits("abcdef", list(range(7)), [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_encoding_repair_keeps_exact_offsets_of_untouched_words():
    doc = clean(RawArticle(text="Kyivâ€™s mayor said â€œnoâ€\x9d today"))
    assert doc.offsets[doc.text.index("today")] == 29


def test_apply_edits_keeps_exact_offsets_inside_a_changed_run():
    assert apply_edits("xCafÃ©y", list(range(8)), [Edit(1, 6, "Café")])[1] == [0, 1, 2, 3, 4, 6, 7]


def test_removed_spans_reach_the_document():
    drop_credit = Step("drop_credit", lambda t: [Edit(t.index("© AFP"), t.index("© AFP") + 6, "", why="credit")])
    doc = clean(RawArticle(text="Troops advanced.\n© AFP\nMore text."), steps=(drop_credit,))
    assert doc.removed == ((17, 23, "credit"),)


def test_repairs_name_the_steps_that_changed_something():
    assert clean(RawArticle(text="a  b\r\n")).repairs == ("fix_newlines", "collapse_spaces", "drop_blank_lines")


def test_broken_step_raises_stage_error():
    def broken(text):
        raise RuntimeError("bug")

    with pytest.raises(StageError, match="stage 'clean' failed on article a.txt"):
        clean(RawArticle(text="x", path="a.txt"), steps=(Step("broken", broken),))


def test_raw_span_maps_back_through_repairs():
    doc = clean(RawArticle(text="  Kyivâ€™s\r\nmayor  spoke.\n\n\n"))
    start = doc.text.index("mayor")
    assert doc.raw[slice(*doc.raw_span(start, start + len("mayor spoke")))] == "mayor  spoke"


def test_offsets_end_at_raw_length():
    doc = clean(RawArticle(text="text\n\n\n"))
    assert (doc.text, doc.offsets[-1]) == ("text", 7)


def test_empty_text():
    doc = clean(RawArticle(text=""))
    assert (doc.text, doc.offsets) == ("", (0,))


# --- article ids ----------------------------------------------------------------------------------------

def test_article_id_ignores_case_and_whitespace():
    assert article_id_for("Troops  advanced\nTODAY.") == article_id_for("troops advanced today.")


def test_same_text_with_crlf_gets_same_id(seeds):
    assert clean(RawArticle(text=seeds["003"].replace("\n", "\r\n"))).article_id == clean(
        RawArticle(text=seeds["003"])).article_id


def test_same_text_rewrapped_gets_same_id(seeds):
    rewrapped = "\n\n".join(textwrap.fill(p, 72, break_on_hyphens=False) for p in seeds["003"].split("\n\n"))
    assert clean(RawArticle(text=rewrapped)).article_id == clean(RawArticle(text=seeds["003"])).article_id


# --- golden checks on the seed articles -----------------------------------------------------------------

def test_seed_002_first_sentence_on_one_line(seeds):
    assert ("\nMore than 400 Ukrainian troops have been allowed to cross into Russia after requesting sanctuary. "
            in cleaned(seeds["002"]))


def test_seed_002_militia_held_kept(seeds):
    assert "leveling militia-held cities to the ground" in cleaned(seeds["002"])


def test_seed_002_double_spaces_collapsed(seeds):
    assert "  " not in cleaned(seeds["002"])


def test_seed_002_wrapped_quote_joined(seeds):
    assert "“Folks can rest here. They gave us a chance to wash, gave us new clothes. We are thankful.”" in cleaned(
        seeds["002"])


def test_seed_002_paragraphs_kept(seeds):
    assert "on Sunday night.\n\nOne of the Ukrainians" in cleaned(seeds["002"])


def test_seed_000_trailing_empty_lines_dropped(seeds):
    assert cleaned(seeds["000"]).endswith("logically it would not add up.”")


def test_seed_004_heading_removed_between_paragraphs(seeds):
    assert "the errors of his predecessor Joe Biden in Ukraine.\nFormer General Keith Kellogg" in cleaned(seeds["004"])


def test_seed_001_headings_removed_with_paragraph_break_kept(seeds):
    assert "“We want to restore normal life.”\n\nAccording to him" in cleaned(seeds["001"])


def test_seeds_keep_typographic_quotes(seeds):
    assert "“Peace, victory and Ukraine.”" in cleaned(seeds["001"])


def test_seeds_lines_have_no_edge_spaces(seeds):
    assert [line for text in seeds.values() for line in cleaned(text).split("\n") if line != line.strip()] == []


def test_seeds_offsets_point_at_same_characters(seeds):
    for raw in seeds.values():
        doc = clean(RawArticle(text=raw))
        read = {i for start, end, _ in doc.readings for i in range(start, end)}
        assert all(raw[o] == c or (c.isspace() and (raw[o].isspace() or raw[o].isupper())) or i in read
                   for i, (c, o) in enumerate(zip(doc.text, doc.offsets)))


# --- properties -----------------------------------------------------------------------------------------

PLAIN = st.text(alphabet="abcXYZ .,-’“\n\r\t\u00a0", max_size=300)
ANY = st.text(max_size=300)
MOJIBAKE = st.lists(st.sampled_from(["Kyivâ€™s ", "CafÃ© ", "â€œnoâ€\x9d ", "word ", "\n", "  ", "-\n", "ﬁ"]),
                    max_size=40).map("".join)


def check_offsets(raw: str) -> None:
    doc = clean(RawArticle(text=raw))
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(raw)
    assert all(0 <= o < len(raw) for o in doc.offsets[:-1])
    assert list(doc.offsets) == sorted(doc.offsets)


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_any_text_cleans_with_offsets_inside_raw(raw):
    check_offsets(raw)


@settings(max_examples=300, deadline=None)
@given(MOJIBAKE)
def test_mojibake_text_cleans_with_offsets_inside_raw(raw):
    check_offsets(raw)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_unrepaired_characters_map_to_themselves(raw):
    # Only whitespace is rewritten in this alphabet (newlines, tabs, NBSP -> space; hyphens at a break
    # are deleted, never changed; a line break put back before a glued capital points at it), so every
    # other character must sit at its offset unchanged.
    doc = clean(RawArticle(text=raw))
    assert all(raw[o] == c or (c in " \n" and raw[o] in " \n\r\t\u00a0") or (c == "\n" and raw[o].isupper())
               for c, o in zip(doc.text, doc.offsets))


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_cleaning_twice_keeps_the_id(raw):
    # Not on arbitrary text: ftfy may decode random C1-control garbage differently on a second pass.
    once = clean(RawArticle(text=raw))
    assert clean(RawArticle(text=once.text)).article_id == once.article_id


def test_question_marks_left_by_a_failed_re_encoding_are_dropped_from_the_front_of_a_word():
    assert clean_text("strikes in the area of ??Ugledar and ????the village of Kamenka")[0] == \
        "strikes in the area of Ugledar and the village of Kamenka"


def test_a_question_mark_after_a_word_is_punctuation():
    assert clean_text("Who fired?? Nobody knows.")[0] == "Who fired?? Nobody knows."


def test_a_repaired_mojibake_run_maps_each_character_into_its_own_bytes():
    raw = "Shelled on Tuesday. Ã“0Â“Ã‡"
    doc = clean(RawArticle(text=raw))
    assert doc.text.endswith("Ó0“Ç")
    assert raw[doc.offsets[doc.text.index("Ç")]] == "Ã"
