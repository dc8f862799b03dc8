"""The run form (`l`): every field checked, errors at the field, nothing saved until valid."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Footer, Input, Label, Select, Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.forms import FormErrors, read_run
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.today import TodayScreen

SIZE = (100, 32)
FIELDS = ("kind", "distance", "duration", "rpe", "note")


def form_of(pilot: Pilot[Any]) -> LogRunForm:
    form = pilot.app.screen
    assert isinstance(form, LogRunForm), form
    return form


def error(form: LogRunForm, name: str) -> str:
    return str(form.query_one(f"#{name}-error", Static).render())


def fill(form: LogRunForm, **values: str) -> None:
    for name, value in values.items():
        form.query_one(f"#{name}", Input).value = value


def rows(store: Store) -> list[tuple[Any, ...]]:
    return list(store.db.execute("SELECT * FROM activities ORDER BY id").fetchall())


# One bad value a field: each reader message is checked in tests/unit/domain/test_run_form.py.
BAD_VALUES = [
    ("distance", "far", "not a distance: 'far'"),
    ("duration", "an hour", "not a duration: 'an hour'"),
    ("rpe", "11", "not an effort: '11'"),
    ("note", "n" * 501, "keep the note under 500 characters"),
]


async def test_a_bad_field_is_named_at_the_field_and_fixing_it_clears_its_error(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("l")
        form = form_of(pilot)
        for field, value, message in BAD_VALUES:
            fill(form, distance="10", duration="50:00", rpe="5", note="ok")
            fill(form, **{field: value})
            await pilot.press("ctrl+s")
            assert pilot.app.screen is form, (field, value)
            assert message in error(form, field), (field, value)
            assert form.query_one(f"#{field}-error", Static).has_class("-shown")
            for other in FIELDS:
                if other != field:
                    assert error(form, other) == "", (field, value, other)
            assert form.focused is form.query_one(f"#{field}")
            assert rows(store) == []

        # Every bad field at once: the first focused, its text selected to type over.
        fill(form, distance="x", duration="y", rpe="z", note="")
        await pilot.press("enter")
        assert all(error(form, name) for name in ("distance", "duration", "rpe"))
        assert form.focused is form.query_one("#distance")
        distance = form.query_one("#distance", Input)
        assert distance.selected_text == "x"
        await pilot.press("1", "2")
        assert error(form, "distance") == ""
        assert error(form, "duration")
        await pilot.press("enter")
        assert form.focused is form.query_one("#duration")
        assert rows(store) == []
        fill(form, duration="1:00:00")  # typed into a field: test_miles, and "12" above
        await pilot.press("tab", "6", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        (run,) = store.activities_on(TODAY)
        assert (run.distance_m, run.duration_s, run.rpe) == (12000, 3600, 6)


async def test_the_form_starts_from_the_plan_and_escape_leaves_the_field_then_the_form(
    store: Store, clock: FakeClock
) -> None:
    store.set_day(TODAY, DayKind.LONG, 24000, "river loop")
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("l")
        form = form_of(pilot)
        assert form.query_one("#kind", Select).value is ActivityKind.LONG
        assert form.text("distance") == "24"
        assert form.query_one("#distance", Input).selected_text == "24"
        assert "Planned: Long 24.0 km" in str(form.query_one(".form-hint", Static).render())
        fill(form, distance="10")  # an edit left unsaved
        await pilot.press("escape")
        assert isinstance(form.focused, Button)  # out of the field: keys are keys again
        assert form.query(Footer) and "ctrl+s" in form.active_bindings  # the dialog's keys
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, TodayScreen)
        assert rows(store) == []


async def test_choose_another_kind(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("l")
        form = form_of(pilot)
        form.query_one("#kind", Select).value = ActivityKind.CROSS  # Textual's overlay: not ours
        fill(form, distance="0", duration="45m")  # typed keys: test_miles
        await pilot.press("enter")
        await pilot.pause()
        (activity,) = store.activities_on(TODAY)
        assert (activity.kind, activity.distance_m) == (ActivityKind.CROSS, 0)


async def test_miles(store: Store, clock: FakeClock) -> None:
    store.set_setting("units", "mi")
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("l")
        form = form_of(pilot)
        labels = [str(label.render()) for label in form.query(Label)]
        assert "Distance (mi)" in labels
        await pilot.press("6", ".", "2", "enter")
        await pilot.pause()
        assert store.activities_on(TODAY)[0].distance_m == 9978


# The reader itself is fuzzed in tests/unit/domain/test_run_form.py; here a form with
# a bad value in every field but the kind (Today's planned workout), then the same form
# made valid, show it writes nothing and shows each field's error, or saves exactly
# what the reader reads.
EXAMPLES = [
    {"distance": "1:05:30", "duration": "x", "rpe": "11", "note": "n" * 501},
    {"distance": " 21.1km ", "duration": "1h5m", "rpe": " 7 ", "note": "hills  x 8"},
]


async def test_the_form_saves_exactly_what_the_reader_accepts(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        for values in EXAMPLES:
            if not isinstance(pilot.app.screen, LogRunForm):
                await pilot.press("l")
            form = form_of(pilot)  # the second example fills the form the first left open
            fill(form, **values)
            before = rows(store)
            await pilot.press("ctrl+s")
            await pilot.pause()
            try:
                expected: Activity | None = read_run(TODAY, "workout", **values)
            except FormErrors as exc:
                expected = None
                assert set(exc.errors) == {"distance", "duration", "rpe", "note"}
                assert pilot.app.screen is form
                for name in FIELDS:
                    assert error(form, name) == exc.errors.get(name, "")
                assert rows(store) == before
            if expected is not None:
                assert isinstance(pilot.app.screen, TodayScreen), values
                saved = store.all_activities()[-1]
                assert (saved.kind, saved.distance_m, saved.duration_s, saved.rpe, saved.note) == (
                    expected.kind,
                    expected.distance_m,
                    expected.duration_s,
                    expected.rpe,
                    expected.note,
                )
                assert len(rows(store)) == len(before) + 1
