"""Build a profile from O*NET "Task Statements" (the public occupational database, CC BY 4.0).

The file is tab-separated (a comma-separated copy with the same header exists too) with columns
`O*NET-SOC Code`, `Title`, `Task ID`, `Task`, `Task Type`, `Incumbents Responding`, `Date`,
`Domain Source`. coach ships none of it: the worker downloads it and points coach at it.

How hours are spread (a starting guess the worker then edits):
- the week is 40 h; core tasks share 80 % of it evenly and supplemental tasks 20 %;
- when an occupation has only one kind of task, that kind gets the whole 40 h;
- each task's hours are rounded to the nearest half hour, and are never below 0.5 h,
  so the total can drift a little from 40 h;
- when a kind has too many tasks for half hours (over 64 core tasks, say), each gets an even
  share rounded to the hundredth of an hour, never below 0.01 h, so a huge occupation still
  adds up to about a working week instead of thousands of hours.

Rows with an empty O*NET-SOC Code belong to no occupation: they are skipped and counted in
a note. A quote mark that is opened and never closed (in the comma-separated copy) is an
error naming its line, since it would swallow the rest of the file.

Task Type "Core" counts as core and "Supplemental" as supplemental; anything else (recent
analyst-written tasks say "n/a") counts as core.

The file is read in one streaming pass: only the chosen occupation's tasks and a code -> title
map (about a thousand entries) are kept, so a full 19,000-row file imports in milliseconds.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coach.errors import CoachError, open_input
from coach.models import Level, Profile, ProfileFile, Task, clean_text

COLUMNS = (
    "O*NET-SOC Code",
    "Title",
    "Task ID",
    "Task",
    "Task Type",
    "Incumbents Responding",
    "Date",
    "Domain Source",
)
REQUIRED = ("O*NET-SOC Code", "Task", "Task Type")
"""The columns coach needs. `Title` is read when present (O*NET's text files have it; the
database dictionary's table does not); without it, occupations can be chosen by code only."""

WEEK_HOURS = 40.0
CORE_SHARE = 0.8
STEP = 0.5
MIN_HOURS = 0.5
FINE_STEP = 0.01
MAX_CANDIDATES_SHOWN = 15

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
"""Tried in order; latin-1 decodes any byte, so a file always reads (maybe with odd letters)."""

_CODE = re.compile(r"^\d{2}-\d{4}(?:\.\d{2})?$")

# Standard Occupational Classification major groups: the first two digits of the code.
SOC_GROUPS = {
    "11": "Management",
    "13": "Business and financial operations",
    "15": "Computer and mathematical",
    "17": "Architecture and engineering",
    "19": "Life, physical and social science",
    "21": "Community and social service",
    "23": "Legal",
    "25": "Educational instruction and library",
    "27": "Arts, design, entertainment, sports and media",
    "29": "Healthcare practitioners and technical",
    "31": "Healthcare support",
    "33": "Protective service",
    "35": "Food preparation and serving",
    "37": "Building and grounds cleaning and maintenance",
    "39": "Personal care and service",
    "41": "Sales",
    "43": "Office and administrative support",
    "45": "Farming, fishing and forestry",
    "47": "Construction and extraction",
    "49": "Installation, maintenance and repair",
    "51": "Production",
    "53": "Transportation and material moving",
    "55": "Military",
}


@dataclass
class OnetImport:
    """An imported occupation: the profile plus what the CLI and TUI tell the worker about it."""

    profile: ProfileFile
    code: str
    title: str
    core: int
    supplemental: int
    encoding: str
    skipped_rows: int = 0
    notes: list[str] = field(default_factory=list)


def spread_hours(core: int, supplemental: int) -> tuple[float, float]:
    """Default weekly hours for each core and each supplemental task (see the module doc)."""

    def share(pool: float, count: int) -> float:
        if not count:
            return 0.0
        each = pool / count
        if each >= MIN_HOURS:
            return max(MIN_HOURS, round(each / STEP) * STEP)
        return max(FINE_STEP, round(each, 2))

    if core and supplemental:
        return share(WEEK_HOURS * CORE_SHARE, core), share(
            WEEK_HOURS * (1 - CORE_SHARE), supplemental
        )
    return share(WEEK_HOURS, core), share(WEEK_HOURS, supplemental)


def _level(code: str) -> Level:
    if code.startswith("11-10"):  # top executives
        return "executive"
    return "manager" if code.startswith("11-") else "individual"


# --- reading ------------------------------------------------------------------------------


def _sniff(path: Path) -> None:
    with open_input(path, "the Task Statements .txt file") as fh:
        head = fh.read(4096)
    if head.startswith(b"PK\x03\x04"):
        raise CoachError(
            f"{path}: looks like an Excel workbook; download the text (tab-separated) version "
            "of Task Statements instead"
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CoachError(f"{path}: is UTF-16 text; save it as UTF-8 (or download it again)")
    if b"\x00" in head:
        raise CoachError(f"{path}: is not a text file; give the Task Statements .txt file")
    if not head.strip():
        raise CoachError(f"{path}: is empty; give the O*NET Task Statements file")


def _open_rows(fh) -> tuple[list[str], Iterator[list[str]]]:
    header_line = fh.readline()
    # O*NET's text files are unquoted: a task starting with a quote mark must stay text.
    options = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if "\t" in header_line else {}
    header = next(csv.reader([header_line], **options), [])
    return header, csv.reader(fh, **options)


def _columns(header: list[str], path: Path) -> dict[str, int]:
    wanted = {name.casefold(): name for name in COLUMNS}
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        # A UTF-8 byte-order mark survives as text when the file is decoded as cp1252.
        key = name.strip().removeprefix("\ufeff").removeprefix("ï»¿").strip('"').casefold()
        if key in wanted and wanted[key] not in found:
            found[wanted[key]] = index
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        shown = ", ".join(repr(clean_text(h)[:40]) for h in header[:8]) or "nothing"
        raise CoachError(
            f"{path}: not an O*NET Task Statements file: missing column"
            f"{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)} "
            f"(the first line has {shown}); use 'Task Statements' from the O*NET database"
        )
    return found


@dataclass
class _Scan:
    query: str
    is_code: bool
    titles: dict[str, str] = field(default_factory=dict)
    exact: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    tasks: dict[str, list[tuple[bool, str]]] = field(default_factory=dict)
    skipped: int = 0
    empty_code: int = 0
    has_title: bool = True
    strength: dict[str, int] = field(default_factory=dict)
    """code -> how its title matched (coach.roles.TITLE_*), for the exact ones."""

    def kind(self, code: str, title: str) -> str | None:
        if self.is_code:
            if code == self.query:
                return "exact"
            return "partial" if code.startswith(self.query + ".") else None
        from coach.roles import TITLE_PARTIAL, title_match

        strength = title_match(self.query, title)
        if strength is None:
            return None
        if strength == TITLE_PARTIAL:
            return "partial"
        self.strength[code] = strength
        return "exact"


def _scan(path: Path, encoding: str, scan: _Scan) -> None:
    with path.open("r", encoding=encoding, newline="") as fh:
        header, rows = _open_rows(fh)
        cols = _columns(header, path)
        i_code, i_title = cols["O*NET-SOC Code"], cols.get("Title")
        i_task, i_type = cols["Task"], cols["Task Type"]
        scan.has_title = i_title is not None
        width = max(i_code, i_title or 0, i_task, i_type) + 1
        titles, exact, partial, tasks = scan.titles, scan.exact, scan.partial, scan.tasks
        keep: set[str] = set()
        quoted = getattr(rows, "dialect", None) is not None and rows.dialect.delimiter == ","
        line = rows.line_num + 1
        for row in rows:
            start, line = line, rows.line_num + 1
            if quoted and any("\n" in cell or "\r" in cell for cell in row):
                raise CoachError(
                    f"{path}: line {start + 1}: a quote mark opened on this line is never "
                    "closed, so the rest of the file would be one cell; close or remove it"
                )
            if len(row) < width:
                if any(cell.strip() for cell in row):
                    scan.skipped += 1
                continue
            code = row[i_code].strip()
            if not code:
                # A row without a code belongs to no occupation; never merge such rows.
                scan.empty_code += 1
                continue
            if code not in titles:
                title = row[i_title].strip() if i_title is not None else ""
                titles[code] = title
                kind = scan.kind(code, title)
                if kind == "exact":
                    exact.append(code)
                    keep.add(code)
                elif kind == "partial":
                    partial.append(code)
                    # Only a lone partial match can be chosen; drop tasks once there are two.
                    if len(partial) == 1:
                        keep.add(code)
                    else:
                        keep.discard(partial[0])
                        tasks.pop(partial[0], None)
            if code in keep:
                text = clean_text(row[i_task])
                if text:
                    supplemental = row[i_type].strip().casefold() == "supplemental"
                    tasks.setdefault(code, []).append((supplemental, text))


def _candidates(codes: list[str], titles: dict[str, str]) -> str:
    shown = [f"  {code}  {titles[code]}" for code in sorted(codes)[:MAX_CANDIDATES_SHOWN]]
    if len(codes) > MAX_CANDIDATES_SHOWN:
        shown.append(f"  ... and {len(codes) - MAX_CANDIDATES_SHOWN} more")
    return "\n".join(shown)


def _choose(scan: _Scan, path: Path, occupation: str) -> str:
    if not scan.is_code and not scan.has_title:
        raise CoachError(
            f"{path}: has no 'Title' column, so give the occupation's O*NET-SOC code "
            "(like 15-1252.00) instead of a title"
        )
    if scan.exact and not scan.is_code:
        # A whole-title match ("Electricians") beats a match on part of a title
        # ("Helpers--Electricians"); only the strongest kind is a candidate.
        best = max(scan.strength[code] for code in scan.exact)
        scan.exact = [code for code in scan.exact if scan.strength[code] == best]
    if len(scan.exact) == 1:
        return scan.exact[0]
    if len(scan.exact) > 1:
        raise CoachError(
            f"{path}: several occupations are titled {occupation!r}; give one code:\n"
            + _candidates(scan.exact, scan.titles)
        )
    if len(scan.partial) == 1:
        return scan.partial[0]
    if scan.partial:
        raise CoachError(
            f"{path}: {len(scan.partial)} occupations match {occupation!r}; "
            f"give {'the full code' if scan.is_code else 'a fuller title or the code'}:\n"
            + _candidates(scan.partial, scan.titles)
        )
    if not scan.titles:
        raise CoachError(f"{path}: has a header but no task rows")
    if scan.is_code:
        raise CoachError(
            f"{path}: no occupation has the code {occupation}; check the code, or give a title"
        )
    from coach.roles import closest_titles

    close = closest_titles(occupation, scan.titles)
    hint = (
        "; closest titles:\n" + _candidates(close, scan.titles)
        if close
        else "; give an O*NET-SOC code like 15-1252.00 or part of a title"
    )
    raise CoachError(f"{path}: no occupation matches {occupation!r}{hint}")


def read_occupation(path: Path, occupation: str) -> OnetImport:
    """Read `path` and build a profile for the occupation given by code or title.

    A code matches exactly ("15-1252.00") or by its base ("15-1252"). A title matches in
    singular or plural and any case (coach.roles.title_match): a whole title beats one of its
    parts ("Accountants" in "Accountants and Auditors"), which beats some of its words. More
    than one match of the strongest kind is an error listing the candidates.
    """
    path = Path(path)
    query = clean_text(occupation or "")
    if not query:
        raise CoachError("give an occupation: an O*NET-SOC code (15-1252.00) or a title")
    _sniff(path)
    is_code = bool(_CODE.match(query))
    for encoding in ENCODINGS:
        scan = _Scan(query=query if is_code else query.casefold(), is_code=is_code)
        try:
            _scan(path, encoding, scan)
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            raise CoachError(f"{path}: cannot read as a table ({exc})") from None
        break
    empty = f"{scan.empty_code} row(s) with an empty O*NET-SOC Code"
    if not scan.titles and scan.empty_code:
        raise CoachError(f"{path}: no task rows with an O*NET-SOC Code (skipped {empty})")
    code = _choose(scan, path, query)
    found = scan.tasks.get(code, [])
    core = [text for supplemental, text in found if not supplemental]
    extra = [text for supplemental, text in found if supplemental]
    core_hours, extra_hours = spread_hours(len(core), len(extra))
    tasks = [Task(text=t[:20_000], hours_per_week=core_hours) for t in core]
    tasks += [Task(text=t[:20_000], hours_per_week=extra_hours, supplemental=True) for t in extra]
    title = clean_text(scan.titles[code])[:200] or f"O*NET occupation {code}"
    profile = Profile(
        role=title,
        function=SOC_GROUPS.get(code[:2], ""),
        level=_level(code),
        role_id=f"onet:{code}",
    )
    notes = []
    if encoding != "utf-8-sig":
        notes.append(f"{path} is not UTF-8; read it as {encoding}, so check accented letters")
    if scan.skipped:
        notes.append(f"skipped {scan.skipped} row(s) with too few columns")
    if scan.empty_code:
        notes.append(f"skipped {empty}")
    if not tasks:
        raise CoachError(f"{path}: occupation {code} ({title}) has no task statements")
    return OnetImport(
        profile=ProfileFile(profile=profile, tasks=tasks),
        code=code,
        title=title,
        core=len(core),
        supplemental=len(extra),
        encoding=encoding,
        skipped_rows=scan.skipped,
        notes=notes,
    )


def import_onet(path: Path, occupation: str) -> ProfileFile:
    """The profile for one occupation of an O*NET Task Statements file (see read_occupation)."""
    return read_occupation(path, occupation).profile
