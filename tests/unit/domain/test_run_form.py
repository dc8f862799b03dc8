"""The run form's reader fuzzed with near-misses: each field is read on its own, so the
error the form shows at a field is that field's alone, and a valid form is the sum of
its fields (the Pilot test in tests/ui/test_log_form.py checks the form saves it)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TODAY
from tracker.domain.forms import RUN_FIELDS, FormErrors, read_run

FRAGMENTS = ["", " ", "0", "1", "7", "10", "11", ".", ",", ":", "5", "km", "mi", "m", "h", "s"]
FRAGMENTS += ["99999", "-", "x", "é", "½", "٣", "\t", "1:05:30", "50:00", "6.2mi", "800m", "1h5m"]
VALID = {
    "distance": ["10", "6.2mi", "800m", "9,5", " 21.1km "],
    "duration": ["", "50:00", "1h5m", "90s", "1:05:30"],
    "rpe": ["", "1", "10", " 7 "],
    "note": ["", "tempo", "hills  x 8", "é", "n" * 501],
}
GOOD = {"distance": "10", "duration": "", "rpe": "", "note": ""}


def near_miss(name: str) -> st.SearchStrategy[str]:
    junk = st.lists(st.sampled_from(FRAGMENTS), max_size=3).map("".join)
    return st.one_of(st.sampled_from(VALID[name]), junk)


def alone(kind: str, name: str, value: str, units: str) -> str:
    """The error the reader gives ``name`` when every other field is good ("" if none)."""
    try:
        read_run(TODAY, kind, **(GOOD | {name: value}), units=units)
    except FormErrors as exc:
        assert set(exc.errors) == {name}
        return exc.errors[name]
    return ""


@given(
    kind=st.sampled_from(["easy", "workout", "long", "race", "cross"]),
    values=st.fixed_dictionaries({name: near_miss(name) for name in VALID}),
    units=st.sampled_from(["km", "mi"]),
)
def test_each_field_is_read_on_its_own(kind: str, values: dict[str, str], units: str) -> None:
    errors = {name: alone(kind, name, value, units) for name, value in values.items()}
    errors = {name: why for name, why in errors.items() if why}
    try:
        activity = read_run(TODAY, kind, **values, units=units)
    except FormErrors as exc:
        assert exc.errors == errors
        assert list(exc.errors) == [name for name in RUN_FIELDS if name in errors]
    else:
        assert errors == {}
        each = {n: read_run(TODAY, kind, **(GOOD | {n: v}), units=units) for n, v in values.items()}
        assert activity.distance_m == each["distance"].distance_m
        assert (activity.duration_s, activity.rpe, activity.note) == (
            each["duration"].duration_s,
            each["rpe"].rpe,
            each["note"].note,
        )


# What the form shows at a bad field (tests/ui/test_log_form.py proves it is shown there).
BAD_VALUES = [
    ("distance", "", "enter a distance"),
    ("distance", "far", "not a distance: 'far'"),
    ("distance", "0", "a run needs a distance above 0"),
    ("distance", "1001km", "distance too long"),
    ("duration", "an hour", "not a duration: 'an hour'"),
    ("duration", "0:00", "more than 0"),
    ("rpe", "11", "not an effort: '11'"),
    ("rpe", "easy", "not an effort: 'easy'"),
    ("note", "n" * 501, "keep the note under 500 characters"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_VALUES)
def test_a_bad_value_is_named_at_its_field(name: str, value: str, message: str) -> None:
    fields = {"distance": "10", "duration": "50:00", "rpe": "5", "note": "ok"} | {name: value}
    with pytest.raises(FormErrors) as caught:
        read_run(TODAY, "workout", **fields)
    assert list(caught.value.errors) == [name]
    assert message in caught.value.errors[name]
