"""Renders a plan to Markdown with Jinja2, and writes files atomically.

Every template, bundled or the user's own (--template FILE), runs in a sandboxed Jinja2
environment with StrictUndefined. User text reaches the page only through the `md` filter, which
escapes it so a task named `# x | y` stays literal text in headings, lists and table cells.
Output is deterministic: the same plan gives byte-identical Markdown.
"""

from __future__ import annotations

import os
import re
import tempfile
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from coach.errors import CoachError
from coach.models import LEVELS, Exposure, Plan, clean_text
from coach.sandbox import BoundedSandbox, render_bounded
from coach.scoring import whole_percents

_ESCAPE = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "#": "\\#",
    "|": "\\|",
    "~": "\\~",
    "<": "&lt;",
    ">": "&gt;",
    "&": "\\&",
}
# A bare "&" is literal in Markdown ("FP&A"); only one that starts an entity needs escaping.
_SPECIAL = re.compile(r"&(?=#?[A-Za-z0-9]+;)|[\\`*_\[\]#|~<>]")
_LINE_BREAKS = re.compile(r"[\s\u2028\u2029]+")
_LEADING_MARKER = re.compile(r"^(\d{1,9})([.)])")


def md(value: Any) -> str:
    """Escape text for Markdown: one line, no structure, no HTML, nothing a parser acts on."""
    text = _LINE_BREAKS.sub(" ", clean_text(str(value))).strip()
    text = _SPECIAL.sub(lambda m: _ESCAPE[m.group()], text)
    if text[:1] in ("-", "+", "="):
        text = "\\" + text
    return _LEADING_MARKER.sub(r"\1\\\2", text)


def hours(value: float | None) -> str:
    return "" if value is None else f"{round(float(value), 1):g}"


def pct(value: float) -> str:
    return f"{round(float(value) * 100)}%"


def signed(value: float) -> str:
    value = round(float(value), 1)
    return f"+{value:g}" if value > 0 else f"{value:g}"


def how_sure(confidence: float) -> str:
    """A verdict's calibrated confidence as the worker reads it: 'likely (79%)', the same word
    and figure as the TUI's task detail."""
    from coach.confidence import confidence_word

    return f"{confidence_word(confidence)} ({confidence:.0%})"


def make_environment(folder: Path) -> SandboxedEnvironment:
    env = BoundedSandbox(
        loader=jinja2.FileSystemLoader(str(folder), encoding="utf-8"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    from coach.plan_text import status_word

    env.filters.update(
        md=md, hours=hours, pct=pct, signed=signed, how_sure=how_sure, status=status_word
    )
    return env


def default_template_path() -> Path:
    from coach.assets import asset_path

    return asset_path("templates", "plan.md.j2")


SECTIONS = (
    ("metrics", "1. Tie your work to money"),
    ("ai-workflows", "2. Become the AI multiplier"),
    ("guardrails", "3. Ship faster with guardrails"),
    ("scarce-assets", "4. Own scarce assets"),
    ("skills", "5. Skills to build"),
    ("pivots", "6. Role pivots to consider"),
)


WORKFLOW_KINDS = ("automate", "assist")
LINE_KINDS = ("later", "keep-human", "safety-critical", "progress", "explore")
JSON_KINDS = {
    "metrics": "metric",
    "ai-workflows": "workflow",
    "guardrails": "guardrail",
    "scarce-assets": "asset",
    "skills": "skill",
    "pivots": "pivot",
}


def _json_kind(action) -> str:
    if action.kind in ("teach", "evaluate", "layers"):
        return action.kind
    if action.section == "ai-workflows" and action.kind not in WORKFLOW_KINDS:
        return "note"
    return JSON_KINDS[action.section]


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data for scripts: the stable JSON contract documented in the README."""
    summary = plan.summary
    since = plan.since
    return {
        "schema": "coach.plan/1",
        "role": plan.profile.role,
        "quarter": plan.quarter,
        "date": plan.date.isoformat(),
        "next_checkin": plan.next_checkin.isoformat(),
        "summary": {
            "exposure_index": plan.assessment.exposure_index,
            "index_text": summary.index_text if summary else "",
            "context": summary.context if summary else "",
            "top_moves": [
                {
                    "kind": m.kind,
                    "title": m.title,
                    "text": m.text,
                    "score": m.score,
                    "action_id": m.action_id,
                }
                for m in (summary.moves if summary else [])
            ],
            "track": {
                "title": summary.track_title if summary else "",
                "text": summary.track_text if summary else "",
                "action_id": summary.track_action_id if summary else None,
            },
            "manager_talk": {
                "topic": summary.talk if summary else "",
                "script": summary.script if summary else "",
            },
        },
        "week": [
            {
                "task": at.task.text,
                "hours": at.task.hours_per_week,
                "exposure": at.verdict.exposure.value,
                "confidence": at.verdict.confidence,
                "how_sure": how_sure(at.verdict.confidence),
                "why": at.verdict.reason,
            }
            for at in plan.assessment.tasks
        ],
        "actions": [
            {
                "id": a.id,
                "kind": _json_kind(a),
                "section": a.section,
                "subkind": a.kind,
                "task": a.task,
                "title": a.title,
                "text": a.detail,
                "steps": list(a.steps),
                "done": a.done,
                "evidence": a.evidence,
                "effort": a.effort,
                "hours_saved": a.hours_saved,
                "status": a.status,
                "basis": a.basis,
            }
            for a in plan.actions
        ],
        "milestones": [
            {"week": m.week, "text": m.title, "action_id": m.action_id} for m in plan.next_90_days
        ],
        "metrics": [m.model_dump() for m in plan.metrics],
        "since": {
            "progress": list(plan.progress),
            "moved": [m.model_dump(mode="json") for m in plan.moved],
            "index_change": since.index_change if since else None,
            "tasks_added": list(since.tasks_added) if since else [],
            "tasks_dropped": list(since.tasks_dropped) if since else [],
            "actions_completed": list(since.actions_completed) if since else [],
        },
    }


def render_json(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, keys in a fixed order, one trailing newline)."""
    import json

    return json.dumps(plan_data(plan), indent=2, ensure_ascii=False) + "\n"


def plan_context(plan: Plan) -> dict[str, Any]:
    """What a template sees: the plan itself plus a few ready-made views of it."""
    from coach.plan_since import completed_titles
    from coach.plan_week import week_table

    flows = plan.section("ai-workflows")
    return {
        "week": week_table(plan.assessment),
        "completed": completed_titles(plan),
        "workflow_kinds": WORKFLOW_KINDS,
        "line_kinds": LINE_KINDS,
        "hours_by_task": {at.task.text: at.task.hours_per_week for at in plan.assessment.tasks},
        "plan": plan,
        "profile": plan.profile,
        "assessment": plan.assessment,
        "level_label": LEVELS[plan.profile.level],
        "sections": {key: plan.section(key) for key, _ in SECTIONS},
        "headings": dict(SECTIONS),
        "shares": [
            {"label": e.label, "share": percent / 100}
            for e, percent in whole_percents(plan.assessment.shares).items()
        ],
        "hours_saved": sum(a.hours_saved or 0.0 for a in flows),
        "actions": {a.id: a for a in plan.actions},
        "metric_values": {m.action_id: m for m in plan.metrics},
        "since": plan.since,
        "hours_moved": [
            {"label": e.label, "hours": plan.since.hours_moved.get(e, 0.0)} for e in Exposure
        ]
        if plan.since
        else [],
    }


def _template_line(exc: BaseException, filename: str) -> int | None:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return getattr(exc, "lineno", None) or line


def render_markdown(plan: Plan, template: Path | None = None) -> str:
    """The plan as Markdown, through the bundled template or the user's (sandboxed)."""
    from coach.safe_files import check_input

    path = Path(template) if template is not None else default_template_path()
    check_input(path, "a Jinja2 template file")
    if not path.is_file():
        raise CoachError(f"{path}: template not found")
    env = make_environment(path.parent)
    try:
        tmpl = env.get_template(path.name)
    except jinja2.TemplateSyntaxError as exc:
        raise CoachError(
            f"{path}: line {exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except UnicodeDecodeError:
        raise CoachError(f"{path}: not UTF-8 text; save the template as UTF-8") from None
    try:
        return render_bounded(tmpl, plan_context(plan), cap_memory=template is not None)
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or str(path)
        raise CoachError(
            f"{where}: line {exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except (jinja2.TemplateError, SecurityError, ArithmeticError, TypeError, ValueError) as exc:
        line = _template_line(exc, tmpl.filename or str(path))
        at = f"line {line}: " if line else ""
        kind = "not allowed in the sandbox" if isinstance(exc, SecurityError) else "template error"
        raise CoachError(f"{path}: {at}{kind}: {exc}") from None
    except (LookupError, AttributeError, RecursionError) as exc:
        line = _template_line(exc, tmpl.filename or str(path))
        at = f"line {line}: " if line else ""
        raise CoachError(f"{path}: {at}template error: {exc!r}") from None


def _file_mode(path: Path) -> int:
    """Keep an overwritten file's mode; new files get the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write via a temp file in the same folder, fsync and rename; never overwrite silently."""
    from coach.safe_files import check_output

    path = Path(path)
    check_output(path, force=force)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CoachError(f"{folder}: folder does not exist; create it first")
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CoachError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CoachError(f"{path}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
