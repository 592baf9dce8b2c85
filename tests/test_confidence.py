"""Confidence is the measured chance a verdict is right: shrunk counts, margin bands, words."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.assets import asset_path
from coach.confidence import (
    BANDS,
    Calibration,
    band_of,
    bundled_calibration,
    confidence_sentence,
    confidence_word,
    parse_calibration,
    probability,
)
from coach.errors import CoachError
from coach.models import Exposure
from coach.rules import load_rules

WORDING = [
    {"at_least": 0.85, "word": "very likely", "meaning": "nearly all verdicts like it agreed"},
    {"at_least": 0.7, "word": "likely", "meaning": "most verdicts like it agreed"},
    {"at_least": 0.45, "word": "a toss-up", "meaning": "about half of verdicts like it agreed"},
    {"at_least": 0.0, "word": "unsure", "meaning": "fewer than half of verdicts agreed"},
]


def calibration(rules: dict | None = None, prior_tasks: float = 20, **meta) -> Calibration:
    return Calibration.model_validate(
        {
            "meta": {
                "source": "test counts",
                "rules_digest": "0" * 16,
                "prior_tasks": prior_tasks,
                **meta,
            },
            "classes": {
                "displacement": {"tasks": 100, "right": 50},
                "augmentation": {"tasks": 100, "right": 60},
                "not-ready": {"tasks": 100, "right": 80},
            },
            "bands": {
                "unopposed": {"tasks": 200, "right": 150},
                "clear": {"tasks": 50, "right": 30},
                "close": {"tasks": 50, "right": 25},
            },
            "rules": rules or {},
            "wording": WORDING,
        }
    )


def test_bands_follow_the_margin():
    assert band_of(1.0) == "unopposed"
    assert band_of(0.99) == "clear"
    assert band_of(0.5) == "clear"
    assert band_of(0.49) == "close"
    assert band_of(0.0) == "close"


def test_an_unknown_rule_gets_its_class_base_rate_moved_by_the_band():
    cal = calibration()
    # overall 205/300 right; unopposed 75% is above that, so it lifts the 60% base rate
    unopposed = probability("new-rule", Exposure.AUGMENTATION, 1.0, cal)
    close = probability("new-rule", Exposure.AUGMENTATION, 0.1, cal)
    assert 0.6 < unopposed < 0.75
    assert close < 0.6
    assert probability("new-rule", Exposure.NOT_READY, 1.0, cal) > unopposed


def test_a_rule_with_few_tasks_stays_near_its_class_base_rate():
    few = {"lucky": {"exposure": "displacement", "tasks": [3, 0, 0], "right": [3, 0, 0]}}
    many = {"lucky": {"exposure": "displacement", "tasks": [300, 0, 0], "right": [300, 0, 0]}}
    cal_few, cal_many = calibration(few), calibration(many)
    assert probability("lucky", Exposure.DISPLACEMENT, 1.0, cal_few) < 0.7
    assert probability("lucky", Exposure.DISPLACEMENT, 1.0, cal_many) == 0.95  # the ceiling


def test_a_rule_that_is_often_wrong_is_shown_as_unsure():
    rules = {"shaky": {"exposure": "augmentation", "tasks": [200, 50, 50], "right": [60, 10, 5]}}
    cal = calibration(rules)
    p = probability("shaky", Exposure.AUGMENTATION, 1.0, cal)
    assert p < 0.4
    assert confidence_word(p, cal) == "unsure"
    assert probability("shaky", Exposure.AUGMENTATION, 0.2, cal) < p


def test_a_rule_whose_class_changed_is_treated_as_unknown():
    rules = {"moved": {"exposure": "not-ready", "tasks": [400, 0, 0], "right": [390, 0, 0]}}
    cal = calibration(rules)
    assert probability("moved", Exposure.DISPLACEMENT, 1.0, cal) == probability(
        "other", Exposure.DISPLACEMENT, 1.0, cal
    )


@given(
    tasks=st.lists(st.integers(0, 500), min_size=3, max_size=3),
    share=st.floats(0, 1),
    margin=st.floats(0, 1),
    strength=st.floats(0.5, 500),
)
def test_probability_is_always_a_probability_within_the_floor_and_ceiling(
    tasks, share, margin, strength
):
    right = [int(t * share) for t in tasks]
    cal = calibration({"r": {"exposure": "displacement", "tasks": tasks, "right": right}}, strength)
    p = probability("r", Exposure.DISPLACEMENT, margin, cal)
    assert cal.meta.floor <= p <= cal.meta.ceiling


@given(st.floats(0, 1))
def test_every_confidence_has_a_word(p):
    cal = calibration()
    assert confidence_word(p, cal) in {w["word"] for w in WORDING}
    assert f"{p:.0%}" in confidence_sentence(p, cal)


def test_words_read_in_order():
    cal = calibration()
    assert confidence_word(0.9, cal) == "very likely"
    assert confidence_word(0.72, cal) == "likely"
    assert confidence_word(0.5, cal) == "a toss-up"
    assert confidence_word(0.3, cal) == "unsure"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"classes": {"displacement": {"tasks": 1, "right": 2}}}, "right"),
        ({"bands": {"unopposed": {"tasks": 1, "right": 1}}}, "bands"),
        ({"wording": [{"at_least": 0.5, "word": "meh", "meaning": "no floor at zero"}]}, "wording"),
        ({"rules": {"r": {"exposure": "x", "tasks": [1, 1, 1], "right": [1, 1, 1]}}}, "exposure"),
        ({"rules": {"r": {"exposure": "displacement", "tasks": [1, 1], "right": [1, 1]}}}, "tasks"),
    ],
)
def test_bad_calibration_data_names_the_field(change, field):
    data = calibration().model_dump(mode="json")
    data.update(change)
    with pytest.raises(CoachError) as err:
        parse_calibration(data, "calibration.toml")
    assert "calibration.toml" in str(err.value)
    assert field in str(err.value)


def test_bundled_calibration_was_made_with_the_bundled_rules():
    digest = hashlib.sha256(asset_path("rules.toml").read_bytes()).hexdigest()[:16]
    assert bundled_calibration().meta.rules_digest == digest, (
        "assets/rules.toml changed since the calibration: run benchmarks/calibrate.py"
    )


def test_bundled_calibration_covers_the_rules_that_decide_most():
    cal = bundled_calibration()
    table = load_rules()
    ids = {rule.id for rule in table.rules} | {"fallback"}
    assert set(cal.rules) <= ids, "calibration names rules the table no longer has"
    assert set(BANDS) == set(cal.bands)
    assert sum(sum(c.tasks) for c in cal.rules.values()) == sum(c.tasks for c in cal.bands.values())


def test_single_word_matches_no_longer_claim_95_percent():
    table = load_rules()
    # one object word, nothing against it: once 0.95 by construction
    verdict = table.classify("Handle the paperwork")
    assert verdict.confidence < 0.9


def test_classifier_confidence_is_the_calibrated_figure():
    table = load_rules()
    verdict = table.classify("Repair hydraulic pumps on the loading dock")
    assert verdict.confidence == probability(verdict.rule, verdict.exposure, 1.0)


def test_the_transfer_shift_lowers_close_calls_more_than_unopposed_ones():
    rules = {"r": {"exposure": "augmentation", "tasks": [100, 100, 100], "right": [70, 70, 70]}}
    plain = calibration(rules)
    shifted = calibration(rules, transfer={"unopposed": -0.05, "close": -0.4})
    drop_unopposed = probability("r", Exposure.AUGMENTATION, 1.0, plain) - probability(
        "r", Exposure.AUGMENTATION, 1.0, shifted
    )
    drop_close = probability("r", Exposure.AUGMENTATION, 0.1, plain) - probability(
        "r", Exposure.AUGMENTATION, 0.1, shifted
    )
    assert 0 <= drop_unopposed < drop_close
    assert probability("r", Exposure.AUGMENTATION, 0.7, plain) == probability(
        "r", Exposure.AUGMENTATION, 0.7, shifted
    )  # no shift given for the clear band


def test_a_transfer_for_an_unknown_band_is_refused():
    data = calibration().model_dump(mode="json")
    data["meta"]["transfer"] = {"tight": -0.3}
    with pytest.raises(CoachError) as err:
        parse_calibration(data, "calibration.toml")
    assert "tight" in str(err.value)


def test_agreeing_attributes_never_make_a_verdict_look_less_sure():
    """An attribute rule has no measured record; when the wording alone gives the same class,
    the verdict keeps at least the wording's measured confidence."""
    from coach.models import Task
    from coach.rules import load_rules

    table = load_rules()
    text = "Compile weekly and monthly management reports from several systems"
    alone = table.classify(Task(text=text, hours_per_week=1))
    marked = table.classify(
        Task(
            text=text,
            hours_per_week=1,
            repetitive=True,
            structured_data=True,
            clear_guardrails=True,
        )
    )
    assert alone.exposure == marked.exposure == "displacement"
    assert marked.rule != alone.rule  # the attributes decided
    assert marked.confidence >= alone.confidence
