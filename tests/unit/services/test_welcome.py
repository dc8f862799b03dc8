"""The first evening's welcome: shown once on a new database, saves all or nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE
from tracker.services.welcome import WelcomeAnswers, WelcomeService

CLOCK = FakeClock(pendulum.datetime(2026, 11, 25, 20, tz="UTC"))
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exchange"
R, E, W, L = DayKind.REST, DayKind.EASY, DayKind.WORKOUT, DayKind.LONG


@pytest.fixture
def welcome(store: Store) -> WelcomeService:
    return WelcomeService(store, CLOCK)


def test_a_new_database_needs_it_once(store: Store, welcome: WelcomeService) -> None:
    assert welcome.needed()
    welcome.skip()
    assert not welcome.needed()
    assert store.settings().template == DEFAULT_TEMPLATE  # skipping changes nothing else


def test_a_database_with_a_record_does_not(store: Store, welcome: WelcomeService) -> None:
    store.add_activity(Activity(pendulum.date(2026, 11, 20), ActivityKind.EASY, 5000))
    assert not welcome.needed()


def test_the_defaults_suggest_targets_and_the_machines_zone(
    store: Store, welcome: WelcomeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_setting("timezone", None)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    answers = welcome.defaults()
    assert answers.timezone == "Europe/Berlin"
    assert (answers.units, answers.week_start, answers.template) == (
        "km",
        "monday",
        DEFAULT_TEMPLATE,
    )
    assert answers.targets == ("", "8", "10", "8", "8", "16", "8")


def test_saving_sets_everything_the_template_and_its_targets(
    store: Store, welcome: WelcomeService
) -> None:
    answers = WelcomeAnswers(
        units="mi",
        week_start="sunday",
        timezone="america/new_york",
        template=(R, E, W, E, R, L, E),
        targets=("3", "5", "6", "5", "", "12", "4"),
    )
    assert welcome.save(answers) == {}
    settings = store.settings()
    assert (settings.units, settings.week_start, settings.timezone) == (
        "mi",
        "sunday",
        "America/New_York",
    )
    assert settings.template == (R, E, W, E, R, L, E)
    assert settings.template_targets == (None, 8047, 9656, 8047, None, 19312, 6437)
    assert not welcome.needed()
    # A week never planned now proposes those targets, from Sunday.
    plan = store.week_plan(pendulum.date(2026, 11, 29))
    assert plan.week.start == pendulum.date(2026, 11, 29)
    assert plan.day(pendulum.date(2026, 12, 4)).target_m == 19312


def test_every_bad_field_is_named_and_nothing_is_saved(
    store: Store, welcome: WelcomeService
) -> None:
    before = store.settings()
    answers = replace(
        welcome.defaults(),
        timezone="Mars/Olympus_Mons",
        template=(E,) * 7,
        targets=("", "45m", "ten", "", "", "", ""),
        history="/no/such/export.zip",
    )
    errors = welcome.save(answers)
    assert set(errors) == {"timezone", "template", "target-1", "target-2", "history"}
    assert "at least one rest day" in errors["template"]
    assert "looks like a duration" in errors["target-1"]
    assert store.settings() == before
    assert welcome.needed()


def test_a_refused_week_start_saves_nothing(store: Store, welcome: WelcomeService) -> None:
    store.set_kind(pendulum.date(2026, 11, 29), R)
    store.set_kind(pendulum.date(2026, 12, 5), R)
    errors = welcome.save(replace(welcome.defaults(), week_start="sunday", units="mi"))
    assert list(errors) == ["week_start"] and "Sun 29 Nov 2026" in errors["week_start"]
    assert store.settings().units == "km"


def test_it_imports_a_history(store: Store, welcome: WelcomeService) -> None:
    imported, summary = welcome.import_history(str(FIXTURES / "strava_activities.csv"))
    assert imported and "added" in summary
    assert store.all_activities()
    refused, why = welcome.import_history(str(FIXTURES))
    assert not refused and why
