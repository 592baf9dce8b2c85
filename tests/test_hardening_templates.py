"""Issue 14, user templates: runaway templates stop with one clear error and exit 2."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.assets import asset_path

PROFILE = str(asset_path("examples/profile.toml"))


def plan_with(template: Path) -> subprocess.CompletedProcess[str]:
    """`coach plan` of the example profile with `template`, in a process of its own (the
    sandbox's time and memory limits apply to the whole process)."""
    return subprocess.run(
        [sys.executable, "-m", "coach", "plan", PROFILE, "--template", str(template)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
        check=False,
    )


RUNAWAY = {
    "nested-big-ranges": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "range()",
    ),
    "nested-small-ranges": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        "steps",
    ),
    "center": ("{{ 'x'|center(10**9) }}", "too large"),
    "indent": ("{{ 'x\ny'|indent(10**9) }}", "too large"),
    "method-argument": ("{{ 'x'.zfill(10**9) }}", "too large"),
    "percent-format-filter": ("{{ '%1000000000s'|format('x') }}", "width"),
    "percent-operator": ("{{ '%1000000000s' % 'x' }}", "width"),
    "str-format": ("{{ '{:>1000000000}'.format('x') }}", "width"),
    "repeat": ("{{ 'x' * 10**9 }}", "too large"),
    "loops-over-strings": (
        "{% for a in 'x' * 4000000 %}{% for b in 'x' * 4000000 %}{% endfor %}{% endfor %}",
        "seconds",
    ),
    "output-size": (
        "{% for i in range(10000) %}{{ 'x' * 4000 }}{% endfor %}",
        "output",
    ),
    "doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "",
    ),
}


@pytest.mark.parametrize("kind", RUNAWAY)
def test_a_runaway_template_is_stopped_with_a_clear_error(kind, tmp_path: Path):
    source, words = RUNAWAY[kind]
    template = tmp_path / "t.md.j2"
    template.write_text(source)
    result = plan_with(template)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert str(template) in result.stderr and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_ordinary_user_template_still_renders(tmp_path: Path):
    template = tmp_path / "t.md.j2"
    template.write_text(
        "# {{ profile.role|md }}\n{% for i in range(3) %}{{ i }}{% endfor %}\n"
        "{{ '%5s'|format('x') }}|{{ 'ab'|center(6) }}|\n"
    )
    result = plan_with(template)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["012    x|  ab  |"]


def test_big_numbers_as_values_are_fine_only_sizes_are_limited(tmp_path: Path):
    template = tmp_path / "t.md.j2"
    template.write_text(
        "{{ 10**9 }}|{{ 123456789|string }}|{{ '{}'.format(10**9) }}|{{ '%d'|format(10**9) }}"
        "|{{ [10**9, 2]|join(',') }}|{{ '%*d' % (3, 7) }}|{{ 'ab'|center(4) }}|\n"
    )
    result = plan_with(template)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("1000000000|123456789|1000000000|1000000000|1000000000,2|  7| ab |\n")


_TEMPLATE_BITS = st.sampled_from(
    [
        "{{ ",
        " }}",
        "{% ",
        " %}",
        "for i in ",
        "range(",
        ")",
        "endfor",
        "'x'",
        " * ",
        "|center(",
        "|format(",
        "'%5s'",
        "10**",
        "9",
        "3",
        ",",
        ".zfill(",
        "profile.role",
        "|md",
        "~",
        " % ",
        "set ns = namespace(s='x')",
        "ns.s",
        "\n",
        "x",
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(_TEMPLATE_BITS, max_size=14))
def test_any_template_text_renders_or_gives_a_coach_error(parts, tmp_path_factory):
    from coach.errors import CoachError
    from coach.export import render_markdown

    template = tmp_path_factory.mktemp("t") / "t.md.j2"
    template.write_text("".join(parts))
    try:
        text = render_markdown(_plan(), template)
    except CoachError as exc:
        assert str(template) in str(exc)
    else:
        assert isinstance(text, str) and len(text) <= 5_000_000


@functools.cache
def _plan():
    from coach.plan import build_plan
    from coach.profile_io import load_profile
    from coach.rules import load_rules
    from coach.scoring import assess

    pf = load_profile(Path(PROFILE))
    table = load_rules()
    return build_plan(pf.profile, assess(pf.tasks, [table.classify(t) for t in pf.tasks]))
