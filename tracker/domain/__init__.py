"""Pure domain logic: dates, the plan and its rest-day rule, load, streaks, timer.

Nothing here imports Textual or touches SQLite.
"""
