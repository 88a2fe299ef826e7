"""Tests for frontline.sources.language: the language guess behind ingest's 'not English' status."""

from __future__ import annotations

import pytest

from frontline.sources.language import LanguageDetector

ENGLISH = ("Russian forces shelled the outskirts of Kharkiv overnight, damaging homes and a school, the regional "
           "governor said on Tuesday, adding that two people had been taken to hospital with shrapnel wounds.")
RUSSIAN = ("Российские войска ночью обстреляли окраины Харькова, повредив жилые дома и школу, сообщил во вторник "
           "губернатор области, добавив, что два человека были госпитализированы с осколочными ранениями.")
GERMAN = ("Russische Truppen haben in der Nacht die Außenbezirke von Charkiw beschossen und dabei Wohnhäuser und "
          "eine Schule beschädigt, teilte der Gouverneur der Region am Dienstag mit.")


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_english(detector):
    assert detector.detect(ENGLISH).code == "en"


def test_russian(detector):
    assert detector.detect(RUSSIAN).code == "ru"


def test_german_is_not_english(detector):
    assert detector.is_english(GERMAN)[0] is False


def test_english_is_english(detector):
    assert detector.is_english(ENGLISH)[0] is True


def test_short_latin_guess_is_unreliable(detector):
    assert detector.detect("Kyiv, Kharkiv, Donetsk").reliable is False


def test_short_cyrillic_guess_is_reliable(detector):
    assert detector.detect("Обстріл Харкова").reliable is True


def test_empty_text_is_english_by_default(detector):
    assert detector.is_english("")[0] is True


def test_an_article_in_capitals_is_still_english(detector):
    text = ("TRAINS NO LONGER RUN TO THE DONETSK REGION, A PART OF THE DONBAS CLAIMED IN ITS ENTIRETY BY RUSSIA. "
            "THE LAST STATION IS NOW ON THE WESTERN SIDE OF THE BORDER, WHERE CIVILIANS AND SOLDIERS WAIT FOR A TRAIN "
            "TOWARDS RELATIVE SAFETY. PUTIN HAS BEEN SOUNDING MORE BULLISH SINCE THE LEAK OF US PROPOSALS.")
    assert detector.is_english(text)[0]


def test_a_cyrillic_sentence_does_not_make_english_text_foreign(detector):
    text = ("Russian forces shelled the city overnight, hitting a school and two apartment blocks in the centre. "
            "The regional governor said two people were injured and the fire was put out by morning. Поранено двох.")
    assert detector.is_english(text)[0]


def test_a_cyrillic_homoglyph_does_not_make_english_text_foreign(detector):
    assert detector.is_english("Dаmage to the Kyiv TV tower after a drone attack overnight")[0]   # Cyrillic 'а'
