"""The TUI's thin adapter over the core: settings, the store, the rules and the current draft.

The check-in in progress is a `coach.draft.Draft`; screens read it and change it through the
session, which forwards to the draft (see `DRAFT_API`) and tells the app after every change
through one callback (the app turns it into its `revision` reactive). Heavy core modules are
imported inside methods so that the first screen paints before they load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from coach.checkins import Saved
    from coach.draft import Draft
    from coach.glance import HomeGlance
    from coach.models import CheckIn, CheckInDiff, ProfileFile, Task
    from coach.rules import RuleTable
    from coach.settings import Settings
    from coach.tui.views import HomeInfo, RoleChoice

DRAFT_API = frozenset(
    {
        "previous",
        "carried_over",
        "tasks",
        "update_profile",
        "add_task",
        "replace_task",
        "delete_task",
        "undo_delete",
        "move_task",
        "cycle_attribute",
        "verdict",
        "assessment",
        "riskiest",
        "total_hours",
        "hours_warning",
        "has_content",
        "dirty",
        "quarter",
    }
)
"""What the session passes straight on to the draft."""


class Session:
    """One run of the app: settings, the store (opened lazily), and the draft in progress."""

    def __init__(
        self,
        settings: Settings,
        store: Any = None,
        *,
        today: dt.date | None = None,
        rules: RuleTable | None = None,
    ) -> None:
        self.settings = settings
        self._store = store
        self.today = today or dt.date.today()
        self._table = rules
        self._draft: Draft | None = None
        self._catalog: Any = None
        self._replaces_stored = False
        """True while a new draft has not been saved over the unfinished one in the store."""
        self.on_change: Callable[[], None] | None = None
        """Called after every change to the draft, and when a new draft replaces it."""

    def __getattr__(self, name: str) -> Any:
        if name in DRAFT_API:
            return getattr(self.draft, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # --- core objects, loaded on first use ------------------------------------------------

    @property
    def store(self) -> Any:
        if self._store is None:
            from coach.store import Store

            self._store = Store.open(self.settings)
        return self._store

    @property
    def table(self) -> RuleTable:
        if self._table is None:
            from coach.rules import load_rules

            self._table = load_rules(self.settings.rules_path)
        return self._table

    @property
    def draft(self) -> Draft:
        if self._draft is None:
            self._new_draft(None, previous=None)
        return self._draft  # type: ignore[return-value]

    @property
    def pf(self) -> ProfileFile:
        return self.draft.profile_file

    def store_exists(self) -> bool:
        """Cheap check used to pick the first screen without opening the store. Backups
        without a store count: opening it then says the store is missing, not empty."""
        return (
            self._store is not None
            or self.settings.store_path.exists()
            or any(self.settings.backups_dir.glob("coach-*.json"))
        )

    def glance_home(self) -> HomeGlance | None:
        """What the dashboard shows, read quickly for its first frame (see coach.glance);
        None when only `load_home` can tell."""
        from coach.glance import glance_store

        path = self._store.path if self._store is not None else self.settings.store_path
        return glance_store(path)

    def load_home(self) -> HomeInfo:
        """Open the store and read what the welcome or dashboard screen shows."""
        from coach.calendar import next_checkin_due
        from coach.progress import current_checkin
        from coach.tui.views import HomeInfo

        store = self.store
        checkins = store.checkins()
        latest = current_checkin(checkins)
        due = next_checkin_due(latest.date) if latest else None
        return HomeInfo(latest=latest, count=len(checkins), draft=store.load_draft(), next_due=due)

    def stored_draft(self) -> ProfileFile | None:
        """The unfinished check-in kept in the store, if any."""
        return self.store.load_draft() if self.store_exists() else None

    # --- starting a check-in ----------------------------------------------------------------

    def _new_draft(self, profile_file: ProfileFile | None, **kwargs: Any) -> Draft:
        from coach.draft import Draft

        draft = Draft(
            profile_file,
            classify=lambda task: self.table.classify(task),
            today=self.today,
            **kwargs,
        )
        draft.observe(lambda _revision: self._notify())
        self._draft = draft
        self._replaces_stored = True
        return draft

    def _notify(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def start_blank(self) -> None:
        previous = self.store.last_before(self.quarter) if self.store_exists() else None
        self._new_draft(None, previous=previous)
        self._notify()

    def start_from_previous(self, previous: CheckIn) -> None:
        """This quarter's check-in starts from last quarter's answers and tasks."""
        from coach.checkins import profile_file_of

        if previous.quarter == self.quarter:
            # Re-doing this quarter: compare with the quarter before, as the save will.
            before = self.store.last_before(self.quarter)
        else:
            before = previous
        self._new_draft(profile_file_of(previous), previous=before, carried_over=True)
        self._notify()

    def resume(self, draft: ProfileFile, previous: CheckIn | None = None) -> None:
        if previous is not None and previous.quarter == self.quarter:
            previous = self.store.last_before(self.quarter)
        self._new_draft(draft, previous=previous).mark_saved()
        self._replaces_stored = False
        self._notify()

    # --- roles ------------------------------------------------------------------------------

    def roles(self, query: str = "", limit: int = 30) -> list[RoleChoice]:
        """Catalog roles matching `query` (typo-tolerant), or the whole catalog for no query."""
        from coach.roles import load_catalog, search_roles
        from coach.tui.views import RoleChoice

        if self._catalog is None:
            self._catalog = load_catalog()
        catalog = self._catalog
        if not query.strip():
            found = catalog.roles
        else:
            function = self.pf.profile.function
            found = search_roles(catalog, query, limit=limit, function=function)
        return [
            RoleChoice(r.id, r.title, r.function, getattr(r, "summary", ""), list(r.tasks), r)
            for r in found[:limit]
        ]

    def apply_role(self, choice: RoleChoice) -> None:
        """Take the role's typical tasks (and its title and function if not set yet)."""
        self.draft.apply_role(choice.id, choice.title, choice.function, choice.tasks)

    def import_onet(self, path: Path, occupation: str) -> int:
        """Replace the tasks with an O*NET occupation's; returns how many were imported."""
        from coach.onet import import_onet

        imported = import_onet(path, occupation)
        profile = imported.profile
        self.draft.set_tasks(list(imported.tasks), role=profile.role, function=profile.function)
        return len(imported.tasks)

    @staticmethod
    def make_task(text: str, hours: str | float, base: Task | None = None) -> Task:
        from coach.draft import make_task

        return make_task(text, hours, base)

    # --- plan and export --------------------------------------------------------------------

    def default_export_path(self, cwd: Path | None = None) -> Path:
        folder = cwd or self.settings.export_dir or Path.cwd()
        return folder / f"coach-plan-{self.quarter}.md"

    def plan_markdown(self) -> str:
        """The preview: compared with last quarter's check-in as the store holds it now, as
        the export will be (a check-in another coach saved meanwhile counts)."""
        from coach.export import render_markdown

        draft = self.draft
        if self.store_exists():
            draft.previous = self.store.last_before(draft.quarter)
        return render_markdown(draft.plan())

    def export(
        self, path: Path, *, force: bool = False, deliver: Callable[[str], object] | None = None
    ) -> Saved:
        """Save the draft as this quarter's check-in and write its plan to `path`.

        The file is written under the store's lock, just before the store: if writing it
        fails nothing is stored, so the user can retry. The draft is cleared afterwards.
        With `deliver` (the browser mode), the Markdown goes to it instead of to `path`.
        """
        from coach.checkins import plan_of
        from coach.export import render_markdown, write_text_atomic

        def write_file(checkin: CheckIn, previous: CheckIn | None) -> None:
            text = render_markdown(plan_of(checkin, previous))
            if deliver is None:
                write_text_atomic(path, text, force=force)
            else:
                deliver(text)

        saved = self.draft.save(self.store, before_write=write_file)
        self.store.clear_draft()
        return saved

    def brag_markdown(self) -> str:
        """The brag document of every quarter, as `coach brag` writes it."""
        from coach.brag import brag_quarters, render_brag

        return render_brag(brag_quarters(self.checkins()), today=self.today)

    # --- history and progress ---------------------------------------------------------------

    def checkins(self) -> list[CheckIn]:
        return self.store.checkins() if self.store_exists() else []

    def diff(self, old: CheckIn, new: CheckIn) -> CheckInDiff:
        from coach.compare import diff_checkins

        return diff_checkins(old, new)

    def set_action_status(self, checkin: CheckIn, action_id: str, status: str) -> CheckIn:
        """Move one action along on the stored check-in as it is now; returns it fresh."""
        from coach.progress import set_progress

        return self.store.change_checkin(
            checkin.id, lambda stored: set_progress(stored, action_id, status=status)
        )

    def set_metric(
        self, checkin: CheckIn, action_id: str, baseline: str, target: str, value: str
    ) -> CheckIn:
        """Record the worker's numbers for a metric action of a stored check-in."""
        from coach.progress import set_progress

        def change(stored: CheckIn) -> CheckIn:
            return set_progress(stored, action_id, baseline=baseline, target=target, latest=value)

        return self.store.change_checkin(checkin.id, change)

    def add_evidence(
        self, checkin: CheckIn, text: str, *, action_id: str | None, value: str = ""
    ) -> CheckIn:
        """Log a dated piece of evidence on a stored check-in, as `coach log` does."""
        from coach.progress import add_evidence

        day = self.today

        def change(stored: CheckIn) -> CheckIn:
            return add_evidence(stored, text, day=day, action_id=action_id, value=value)

        change(checkin)  # a mistake is reported before the store is locked
        return self.store.change_checkin(checkin.id, change)

    # --- draft ------------------------------------------------------------------------------

    def save_draft(self) -> bool:
        """Save the in-progress check-in so quitting never loses it. True when written."""
        draft = self._draft
        if draft is None or not (draft.dirty and draft.has_content()):
            return False
        # The first save of a new draft keeps the unfinished one it replaces in backups/.
        keep = self._replaces_stored and self.store.load_draft() is not None
        self.store.save_draft(draft.profile_file, backup="draft-replaced" if keep else None)
        self._replaces_stored = False
        draft.mark_saved()
        return True
