"""File formats, pure: each reads bytes or text and returns domain objects, or writes them.

No database here: the importing and exporting services bring the store. What
each import format reads, and how runs are recognised, is in docs/importing.md.
"""
