import datetime as dt
import json

from frontline.evaluation import captions as ev_captions
from frontline.evaluation.report import format_caption_misses, format_captions
from frontline.models import Claim, Event, EventDate, Evidence, Location

KRAMATORSK = Location("Kramatorsk", 48.73106, 37.56779, "Donetsk", "UA", "settlement", 704508)
DONETSK_OBLAST = Location("Donetsk", 48.0, 37.8, "Donetsk", "UA", "admin1", 709716)
ODESA = Location("Odesa", 46.47747, 30.73262, "Odesa", "UA", "settlement", 698740)


def event(location):
    return Event(event_id="e", article_id="a", event_type="shelling", location=location,
                 date=EventDate(None, "unknown"), initiator=None, target=None, quantities=(), claim=Claim(),
                 evidence=Evidence("x", 0, 1), confidence=0.5)


def test_caption_failure_says_why_an_event_was_not_placed():
    assert ev_captions.caption_failure([event(KRAMATORSK)], placed=True) is None
    assert ev_captions.caption_failure([], placed=False) == "no event"
    assert ev_captions.caption_failure([event(None)], placed=False) == "no place"
    assert ev_captions.caption_failure([event(DONETSK_OBLAST)], placed=False) == "coarse"
    assert ev_captions.caption_failure([event(DONETSK_OBLAST), event(ODESA)], placed=False) == "namesake"


def test_the_caption_report_counts_each_failure(tmp_path):
    path = tmp_path / "captions.jsonl"
    place = {"name": "Kramatorsk", "geonames_id": 704508, "lat": 48.73106, "lon": 37.56779, "admin1": "Donetsk"}
    texts = {"placed": [event(KRAMATORSK)], "nothing": [], "placeless": [event(None)],
             "oblast": [event(DONETSK_OBLAST)], "elsewhere": [event(ODESA)]}
    path.write_text("\n".join(json.dumps({"id": text, "source": "written", "split": "dev", "text": text,
                                          "published": "2023-06-15", "place": place, "event_type": "shelling"})
                              for text in texts) + "\n", encoding="utf-8")
    report = ev_captions.evaluate_captions(path, lambda text, published: texts[text])
    assert report.overall.placed.hits == 1
    assert report.overall.failures == (1, 1, 1, 1)
    assert "namesake" in format_captions(report)
    assert "(found, placed, oblast, typed failed; no event)" in format_caption_misses(report)
    assert dt.date(2023, 6, 15) == report.misses[0].item.published
