"""What the session hands to screens after the first frame: the store as the home screens
show it, and a role as the role step lists it.

Apart from `coach.tui.session`, which the first frame needs: a dataclass costs about as much to
define as a small widget does to draw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.glance import HomeGlance
    from coach.models import CheckIn, ProfileFile, Task


@dataclass
class RoleChoice:
    """A role as the role step shows it: enough to list, preview and pre-fill."""

    id: str
    title: str
    function: str
    summary: str
    tasks: list[Task] = field(default_factory=list)
    source: Any = None


@dataclass
class HomeInfo:
    """What the first screen needs from the store, loaded after the first paint."""

    latest: CheckIn | None = None
    count: int = 0
    draft: ProfileFile | None = None
    next_due: dt.date | None = None

    @property
    def glance(self) -> HomeGlance:
        """What the dashboard shows of it: the same as a glance at the store would give."""
        from coach.glance import glance_of

        return glance_of(self.latest, self.count, self.draft is not None)
