"""How sure a verdict is: the measured chance that it is right, and the words a worker reads.

A verdict's confidence is not a score the rules invent. It is how often verdicts like it
agreed with expert raters on a labelled set of real task statements (see
`benchmarks/calibrate.py`, which counts them into `assets/calibration.toml`):

1. Each class has a base rate: the share of its verdicts that were right.
2. Each rule's own agreement is shrunk toward its class's base rate, by `prior_tasks`
   pseudo-tasks: a rule that decided three tasks says little, a rule that decided 600 says a lot.
3. The margin (how far the winning class outweighed the runner-up) falls in a band:
   `unopposed` (no rule for another class fired), `clear` or `close`. Each band moves the
   figure by the band's measured effect over all rules, and the rule's own count in that band,
   shrunk the same way, refines it.

4. The weights that settle contested tasks were tuned on the same labelled tasks, so their
   agreement there is optimistic: on other occupations, close calls were right less often
   than on the tuning set while unopposed verdicts held. `transfer` lowers each band's
   log-odds by that measured gap.

A rule the calibration has never seen (a rule added to a custom table, an attribute rule, or
one whose class was changed) gets its class's base rate with the band's effect. Pure: no I/O
except loading the bundled calibration once, on first use.
"""

from __future__ import annotations

import math
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.models import Exposure

BANDS = ("unopposed", "clear", "close")
CLEAR_MARGIN = 0.5
"""A margin at or above this (and below 1) is `clear`; below it, `close`."""


class Counts(BaseModel):
    """How many dev tasks a rule (or class, or band) decided, and how many it got right."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tasks: Annotated[int, Field(ge=0)]
    right: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _right_within_tasks(self) -> Counts:
        if self.right > self.tasks:
            raise ValueError(f"right ({self.right}) is more than tasks ({self.tasks})")
        return self


class RuleCounts(BaseModel):
    """One rule's dev record, overall and per margin band (in the order of BANDS)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exposure: Exposure
    tasks: Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=3, max_length=3)]
    right: Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=3, max_length=3)]

    @model_validator(mode="after")
    def _right_within_tasks(self) -> RuleCounts:
        for band, tasks, right in zip(BANDS, self.tasks, self.right, strict=True):
            if right > tasks:
                raise ValueError(f"band {band}: right ({right}) is more than tasks ({tasks})")
        return self


class Wording(BaseModel):
    """A band of probability and the words a worker reads for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at_least: Annotated[float, Field(ge=0, le=1)]
    word: Annotated[str, Field(min_length=2, max_length=11)]
    meaning: Annotated[str, Field(min_length=10)]


class CalibrationMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    source: Annotated[str, Field(min_length=3)]
    rules_digest: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]
    """The first 16 hex digits of the SHA-256 of the rules table the counts were made with."""
    prior_tasks: Annotated[float, Field(gt=0, le=10_000)]
    floor: Annotated[float, Field(ge=0, le=0.5)] = 0.05
    ceiling: Annotated[float, Field(ge=0.5, le=1)] = 0.95
    transfer: dict[str, Annotated[float, Field(ge=-2, le=2)]] = Field(default_factory=dict)
    """Log-odds added per band for occupations the counts have not seen (see the module doc)."""

    @model_validator(mode="after")
    def _known_bands(self) -> CalibrationMeta:
        unknown = sorted(set(self.transfer) - set(BANDS))
        if unknown:
            raise ValueError(f"transfer: unknown band {unknown[0]!r}; known: {', '.join(BANDS)}")
        return self


class Calibration(BaseModel):
    """The validated contents of `assets/calibration.toml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    meta: CalibrationMeta
    classes: dict[Exposure, Counts]
    bands: dict[str, Counts]
    rules: dict[str, RuleCounts]
    wording: Annotated[list[Wording], Field(min_length=1)]

    @model_validator(mode="after")
    def _complete(self) -> Calibration:
        missing = [c.value for c in Exposure if c not in self.classes]
        if missing:
            raise ValueError(f"[classes] lacks {missing[0]!r}")
        missing = [b for b in BANDS if b not in self.bands]
        if missing or set(self.bands) - set(BANDS):
            raise ValueError(f"[bands] must hold exactly {', '.join(BANDS)}")
        floors = [w.at_least for w in self.wording]
        if floors != sorted(floors, reverse=True) or floors[-1] != 0:
            raise ValueError("[[wording]] must run from the highest at_least down to 0")
        return self

    @cached_property
    def band_shifts(self) -> dict[str, float]:
        """Each band's shift in log-odds from the rate over every band (`probability` adds it):
        worked out once, not once a rule."""
        tasks = sum(c.tasks for c in self.bands.values())  # over every band: their sum's rate
        overall = sum(c.right for c in self.bands.values()) / tasks if tasks else 0.5
        return {band: _logit(_rate(self.bands[band])) - _logit(overall) for band in BANDS}


def band_of(margin: float) -> str:
    """The margin band: unopposed (1.0), clear (0.5 up to 1) or close (below 0.5)."""
    if margin >= 1.0:
        return "unopposed"
    return "clear" if margin >= CLEAR_MARGIN else "close"


def _rate(counts: Counts) -> float:
    return counts.right / counts.tasks if counts.tasks else 0.5


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _shrunk(right: int, tasks: int, prior: float, strength: float) -> float:
    """Observed agreement pulled toward `prior` as if `strength` more tasks had the prior rate."""
    return (right + strength * prior) / (tasks + strength)


def probability(
    rule_id: str,
    exposure: Exposure,
    margin: float,
    calibration: Calibration | None = None,
) -> float:
    """The chance that a verdict decided by `rule_id` for `exposure`, won by `margin`, is right.

    `margin` is (winner - runner-up) / (winner + runner-up) of the classes' weights, 0 to 1;
    the fallback verdict passes 1.0. Rounded to two places.
    """
    cal = calibration if calibration is not None else bundled_calibration()
    meta = cal.meta
    k = meta.prior_tasks
    band = band_of(margin)
    band_index = BANDS.index(band)
    band_shift = cal.band_shifts[band]
    base = _rate(cal.classes[exposure])
    counts = cal.rules.get(rule_id)
    if counts is None or counts.exposure != exposure:
        estimate = _sigmoid(_logit(base) + band_shift)
    else:
        rule_rate = _shrunk(sum(counts.right), sum(counts.tasks), base, k)
        band_prior = _sigmoid(_logit(rule_rate) + band_shift)
        estimate = _shrunk(counts.right[band_index], counts.tasks[band_index], band_prior, k)
    estimate = _sigmoid(_logit(estimate) + meta.transfer.get(band, 0.0))
    return round(min(max(estimate, meta.floor), meta.ceiling), 2)


def is_measured(rule_id: str, exposure: Exposure, calibration: Calibration | None = None) -> bool:
    """Whether the calibration has counts for `rule_id` deciding `exposure`."""
    cal = calibration if calibration is not None else bundled_calibration()
    counts = cal.rules.get(rule_id)
    return counts is not None and counts.exposure == exposure


def fallback_probability(exposure: Exposure, declared: float) -> float:
    """The fallback verdict's chance of being right: measured if the calibration knows it."""
    cal = bundled_calibration()
    if "fallback" in cal.rules and cal.rules["fallback"].exposure == exposure:
        return probability("fallback", exposure, 1.0, cal)
    return declared


def confidence_word(confidence: float, calibration: Calibration | None = None) -> str:
    """The word a worker reads for a confidence: 'likely', 'a toss-up', 'unsure' ..."""
    return _wording(confidence, calibration).word


def confidence_sentence(confidence: float, calibration: Calibration | None = None) -> str:
    """One sentence: the word, the figure and what it means."""
    wording = _wording(confidence, calibration)
    return f"{wording.word.capitalize()} ({confidence:.0%}): {wording.meaning.rstrip('.')}."


def _wording(confidence: float, calibration: Calibration | None) -> Wording:
    cal = calibration if calibration is not None else bundled_calibration()
    return next(w for w in cal.wording if confidence >= w.at_least)


def parse_calibration(data: dict, source: str) -> Calibration:
    """Validate parsed calibration data; errors name the file and the field."""
    from coach.errors import validate_record

    return validate_record(Calibration, data, source)


def load_calibration(path: Path) -> Calibration:
    from coach.errors import load_toml

    return parse_calibration(load_toml(path), str(path))


@cache
def bundled_calibration() -> Calibration:
    """The calibration shipped in assets/, loaded once."""
    from coach.assets import asset_path

    return load_calibration(asset_path("calibration.toml"))
