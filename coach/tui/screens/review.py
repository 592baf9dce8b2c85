"""Step 4: where the week goes, the exposure index, riskiest tasks and resilience answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.models import LEVELS, SCARCE_ASSETS
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.labels import confidence_word, exposure_text
from coach.tui.widgets.share_bars import ShareBars

if TYPE_CHECKING:
    from coach.models import Assessment, Profile

STAY_OFF = "How to stay off the layoff list"
MONEY_WORDS = {
    "yes": "Yes. Keep the numbers current: revenue lifted, cost taken out, risk reduced.",
    "partly": "Partly. Pick one result and put a number on it this quarter.",
    "no": "Not yet. Work that cannot show revenue, cost or risk is easier to cut.",
    "unknown": "Not sure. Find out which number your work moves; the plan suggests how.",
}
AI_WORDS = {
    "daily": "Daily: you are close to being the AI multiplier on your team.",
    "weekly": "Weekly: a good base; turn one habit into a repeatable workflow.",
    "monthly": "Monthly: AI skill is now table stakes; make it part of every week.",
    "never": "Rarely or never: the bar has moved; start with one task AI could speed up.",
}


def index_reading(index: int) -> str:
    if index >= 60:
        return "High: much of your week is work AI already does or speeds up."
    if index >= 35:
        return "Middle: a real share of your week is changing; plan where your hours go next."
    return "Low: most of your week is work that stays human today."


class ReviewScreen(CoachScreen):
    """The assessment explained in plain language; colour is never the only signal."""

    STEP = "step 4 of 6: review"
    HELP = (
        "Your week scored. The bars show the share of your hours in each class. The exposure "
        "index counts displacement hours fully and augmentation hours half: 0 means none of "
        "your week is exposed, 100 means all of it. The riskiest tasks are the biggest chunks "
        "of displacement. Resilience answers come from the article's advice on staying off "
        "the layoff list."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("escape", "back", "Back", id="back"),
    ]

    def compose_body(self) -> ComposeResult:
        assessment = self.session.assessment()
        with VerticalScroll(id="review", classes="page"):
            yield Static("Where your week goes", classes="title")
            yield ShareBars(assessment, id="bars")
            yield Static(self._index_text(assessment), classes="para")
            yield Static("Riskiest tasks", classes="subtitle")
            yield Static(self._riskiest_text(assessment))
            yield Static("Resilience", classes="subtitle")
            yield Static(self._resilience_text(self.session.pf.profile))

    def _index_text(self, assessment: Assessment) -> Text:
        text = Text()
        text.append("Exposure index: ", style="bold")
        text.append(f"{assessment.exposure_index} / 100", style="bold")
        text.append(f" over {assessment.total_hours:g} hours a week. ")
        text.append(index_reading(assessment.exposure_index))
        return text

    def _riskiest_text(self, assessment: Assessment) -> Text:
        items = self.session.riskiest()
        text = Text()
        if not items:
            text.append("None of your tasks is in displacement. ")
            text.append("Keep showing the results of the work that stays human.", style="dim")
            return text
        for item in items:
            text.append("- ")
            text.append(item.task.text, style="bold")
            text.append(f" ({item.task.hours_per_week:g} h, ")
            text.append_text(exposure_text(item.verdict.exposure))
            text.append(f", {confidence_word(item.verdict.confidence)}): {item.verdict.reason}\n")
        text.rstrip()
        return text

    def _resilience_text(self, profile: Profile) -> Text:
        text = Text()
        text.append(f"From '{STAY_OFF}'.\n", style="dim")
        text.append("Tied to money: ", style="bold")
        text.append(MONEY_WORDS[profile.money_link] + "\n")
        text.append("AI use: ", style="bold")
        text.append(AI_WORDS[profile.ai_use])
        text.append(
            " You teach others, which multiplies it.\n"
            if profile.teaches_ai
            else " Teaching others would multiply it.\n"
        )
        text.append("Scarce assets: ", style="bold")
        owned = [SCARCE_ASSETS[a] for a in profile.assets_owned]
        missing = [label for key, label in SCARCE_ASSETS.items() if key not in profile.assets_owned]
        text.append(f"you own {', '.join(owned)}. " if owned else "none claimed yet. ")
        if missing:
            text.append(f"Harder-to-replace ground to build: {', '.join(missing)}.\n")
        else:
            text.append("These are harder to replace than tasks.\n")
        text.append("Level: ", style="bold")
        text.append(LEVELS[profile.level] + ". ")
        if profile.level in ("manager", "manager-of-managers"):
            text.append("Middle layers are compressing: show what your team delivers, in numbers.")
        elif profile.level == "executive":
            text.append("Titles compress and scopes expand: sponsor the AI workflows that pay.")
        else:
            text.append("Same title, more output: the bar is rising for every level.")
        return text

    def action_next(self) -> None:
        self.coach.go("plan")

    def action_back(self) -> None:
        self.coach.pop_screen()
