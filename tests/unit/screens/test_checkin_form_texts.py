"""The check-in form's fields for a day already checked in: what each shows, and that
the form read back as shown, or with one field changed, keeps everything else."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import TODAY
from tracker.domain.wellness import FIELDS, Wellness, read_wellness
from tracker.screens.modals.checkin_form import field_texts

FELT = Wellness(TODAY, 7.5, 3, 4, 2, 5, rhr=48, pain_site="left calf", pain=3)


def test_a_checked_in_day_shows_how_it_felt() -> None:
    texts = field_texts(FELT)
    assert list(texts) == list(FIELDS)
    assert [texts[name] for name in ("sleep_h", "rhr", "pain")] == ["7.5", "48", "left calf 3"]
    assert field_texts(None) == dict.fromkeys(FIELDS, "")


def test_what_is_shown_reads_back_as_it_was_and_a_change_keeps_the_rest() -> None:
    texts = field_texts(FELT)
    assert read_wellness(TODAY, texts, FELT) == FELT
    assert read_wellness(TODAY, texts | {"fatigue": "2"}, FELT) == replace(FELT, fatigue=2)
