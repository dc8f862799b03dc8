"""recovtui in a browser: textual-serve behind a token (``recovtui serve``).

Importing this package stays light (no aiohttp): the TUI reads :data:`SERVED_ENV`
to know it runs for a browser. The server itself is :mod:`tracker.web.server`,
its access control :mod:`tracker.web.guard`.
"""

SERVED_ENV = "RECOVTUI_SERVED"
"""Set to ``1`` in the environment of every app process the server starts."""
