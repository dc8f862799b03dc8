"""Is this activity a run, and which kind of run: from its type, name, flags and distance.

The rules, in order (see docs/importing.md):

* **Runs.** An activity type that names running, in the languages the exports
  ship (run, trail run, treadmill, laufen, løb, course à pied, …), is a run;
  rides, swims, walks, hikes, strength and the like are not.
* **Kind.** ``race`` when the file flags it (Strava's *Competition* / *Workout
  Type* columns) or the name has a race word (race, parkrun, marathon, …) or
  a race distance with a name of its own ("Carnival 10k", "Bath Half"; not
  "Morning 10k"), unless it also says training/pace/recovery; else ``workout`` for interval
  words (intervals, tempo, fartlek, track, repeats, 6x800, …); else ``long``
  when flagged, named "long run", or at least :data:`LONG_RUN_M`; else ``easy``.
  The long rule is an absolute distance rather than "1.6 x the file's median"
  so that a run's kind never depends on which other runs share its file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from tracker.domain.kinds import ActivityKind

LONG_RUN_M: Final = 18_000
"""A run at least this long is a long run, whatever its name."""

_RUN_WORDS = re.compile(
    r"\b(run|runs|running|jog|jogging|trailrunning|lauf|laufen|løb|løbetur|"
    r"hardlopen|hardloop\w*|corsa|carrera|correr|corrida|course|juoksu|löpning|"
    r"løping|bieganie|trail)\b"
)
_NOT_RUN_WORDS = re.compile(r"\b(transition|wheelchair|langlauf\w*|skilanglauf)\b")
_NON_RUN_NAME = re.compile(
    r"\b(ride|cycling|bike|biking|swim|swimming|walk|walking|hike|hiking)\b", re.IGNORECASE
)


@lru_cache(maxsize=1024)
def is_run_type(text: str) -> bool:
    """Whether an activity type names running, in the languages the exports ship.

    (Cached: an export of 200,000 rows names a handful of types.)
    """
    s = re.sub(r"[_\-/]+", " ", text.casefold()).strip()
    if not s or _NOT_RUN_WORDS.search(s):
        return False
    if _RUN_WORDS.search(s):
        return True
    return any(
        (word.endswith("lauf") and not word.endswith("langlauf")) or word.startswith("laufband")
        for word in s.split()
    )


def non_run_in_name(name: str) -> str | None:
    """``Ride`` for "Evening Ride": the non-running sport a name gives, if any.

    For files without an activity type, whose name is the only hint.
    """
    match = _NON_RUN_NAME.search(name)
    return match.group(1).capitalize() if match else None


_RACE_NAME = re.compile(
    r"\b(race|racing|\w*parkrun|park run|wettkampf|compétition|competition|gara|wedstrijd|"
    r"carrera popular|\w*marat(h)?on[ae]?)\b"
)
_NOT_RACE_NAME = re.compile(
    r"\b(training|pace|paced|prep|recovery|shakeout|shake out|simulation|plan|workout|"
    r"long run)\b"
)
_WORKOUT_NAME = re.compile(
    r"\b(intervals?|intervall\w*|intervalles?|intervalli|tempo|tempolauf|fartlek|track|bahn|"
    r"repeats?|reps|threshold|vo2(max)?|speed ?work|workout|progression|hill sprints|"
    r"hill repeats|\d+ ?[x\u00d7] ?\d+\w*)\b"
)
_LONG_NAME = re.compile(
    r"\b(long run|long slow|lsd|longrun|langer lauf|sortie longue|tirada larga|"
    r"lungo|lunghissimo|duurloop)\b"
)
_RACE_DISTANCE = re.compile(
    r"\b(\d{1,3}(?:[.,]\d)?\s?(?:k|km|mi|miles?|miler)|half|halbmarathon|semi)\b"
)
_PLAIN_WORDS: Final = frozenset(
    re.findall(
        r"\w+",
        "morning afternoon evening night lunch lunchtime midday early late easy run running "
        "jog jogging recovery steady quick slow solo treadmill trail road loop the a my and "
        "with of in to at on first last new monday tuesday wednesday thursday friday saturday "
        "sunday weekend today mill free this year month week challenge goal total "
        "jan january feb february mar march apr april may jun june jul july aug august "
        "sep sept september oct october nov november dec december",
    )
)
_FLAGGED_KIND: Final[dict[str, ActivityKind]] = {
    "1": ActivityKind.RACE,
    "race": ActivityKind.RACE,
    "2": ActivityKind.LONG,
    "long run": ActivityKind.LONG,
    "3": ActivityKind.WORKOUT,
    "workout": ActivityKind.WORKOUT,
}


def guess_kind(name: str, distance_m: int, flag: str | None = None) -> ActivityKind:
    """Race, workout, long or easy from the file's flag, the run's name and distance.

    ``flag`` is a Strava workout type (``1``/``race``, ``2``/``long run``,
    ``3``/``workout``); see the module docstring for the order of the rules.
    """
    if flag and (flagged := _FLAGGED_KIND.get(flag.strip().casefold())):
        return flagged
    named = _kind_named(name)
    if named is not None:
        return named
    return ActivityKind.LONG if distance_m >= LONG_RUN_M else ActivityKind.EASY


@lru_cache(maxsize=4096)
def _kind_named(name: str) -> ActivityKind | None:
    """The kind a run's name says (race, workout, long), if any. Cached: exports repeat
    a few names ("Morning Run") thousands of times."""
    title = " ".join(name.casefold().split())
    if (_RACE_NAME.search(title) or _names_a_race_distance(title)) and not _NOT_RACE_NAME.search(
        title
    ):
        return ActivityKind.RACE
    if _WORKOUT_NAME.search(title):
        return ActivityKind.WORKOUT
    if _LONG_NAME.search(title):
        return ActivityKind.LONG
    return None


def _names_a_race_distance(title: str) -> bool:
    """A race's name with its distance: "Carnival 10k", "Bath Half", "Great North 10 miler".

    The distance opens or closes a short name (at most six words, no comma, one
    to three words of its own), as race names do; "Morning 10k" or "easy 5k" is
    a distance with only everyday words, and "Mama lied and said it was a 5k" a
    sentence: neither is a race.
    """
    words = title.replace("-", " ").split()
    if not words or len(words) > 6 or "," in title or _WORKOUT_NAME.search(title):
        return False
    edges = (words[0], words[-1], " ".join(words[:2]), " ".join(words[-2:]))
    if not any(_RACE_DISTANCE.fullmatch(edge) for edge in edges):
        return False
    rest = _RACE_DISTANCE.sub(" ", title)
    own = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _PLAIN_WORDS and len(w) > 2]
    return 1 <= len(own) <= 3
