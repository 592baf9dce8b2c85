"""Text for verdicts and classes: the words carry the meaning, colour only helps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from coach.models import Exposure, Verdict

CLASS_STYLE = {
    "displacement": "bold red",
    "augmentation": "yellow",
    "not-ready": "green",
}
CLASS_MEANING = {
    "displacement": "AI can already do most of this work",
    "augmentation": "AI speeds it up; your review and context stay essential",
    "not-ready": "accountability, presence or novelty keep it human today",
}
ATTRIBUTE_SHORT = {
    "repetitive": "repetitive",
    "structured_data": "structured data",
    "clear_guardrails": "clear guardrails",
    "high_stakes": "high stakes",
    "novel": "novel",
    "ambiguous": "ambiguous",
    "safety_critical": "safety-critical",
    "human_context": "human context",
}
STATE_WORD = {None: "-", True: "yes", False: "no"}


def exposure_text(exposure: Exposure) -> Text:
    return Text(exposure.label, style=CLASS_STYLE[exposure.value])


def confidence_word(confidence: float) -> str:
    """The calibrated confidence in words ("likely", "a toss-up"), as coach.confidence words it."""
    from coach.confidence import confidence_word as worded

    return worded(confidence)


def verdict_text(verdict: Verdict) -> Text:
    """The detail panel's explanation: class, why (with the rule's reason), rule and article."""
    text = Text()
    text.append(verdict.exposure.label, style=CLASS_STYLE[verdict.exposure.value])
    text.append(f": {CLASS_MEANING[verdict.exposure.value]}. ")
    text.append(
        f"How sure: {confidence_word(verdict.confidence)} ({verdict.confidence:.0%}).\n",
        style="dim",
    )
    text.append("Why: ", style="bold")
    text.append(f"{verdict.why}\n")
    text.append("Rule ", style="bold")
    text.append(verdict.rule)
    text.append("  Article: ", style="bold")
    text.append(f"{verdict.basis}\n")
    return text


def truncate(value: str, width: int) -> Text:
    text = Text(value, no_wrap=True)
    text.truncate(max(1, width), overflow="ellipsis")
    return text
