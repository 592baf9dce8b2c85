"""One module per screen; each is imported only when the user first reaches it."""

from pathlib import Path

STEPS_CSS = Path(__file__).parent.parent / "steps.tcss"
"""The styles of every screen but the first ones (theirs are in app.tcss): Textual reads them
when the first such screen opens, so the first frame waits for fewer rules."""
