"""O*NET Task Statements import, against a small fixture of invented rows in the real format."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.models import ProfileFile, clean_text
from coach.onet import (
    COLUMNS,
    FINE_STEP,
    MIN_HOURS,
    STEP,
    import_onet,
    read_occupation,
    spread_hours,
)

SAMPLE = Path(__file__).parent / "fixtures" / "onet_tasks_sample.txt"


def _rows() -> list[list[str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _tasks_of(code: str) -> list[list[str]]:
    return [row for row in _rows()[1:] if row[0] == code]


def _write_tsv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join("\t".join(r) for r in rows).encode(encoding) + b"\r\n")
    return path


# --- choosing the occupation --------------------------------------------------------------


def test_exact_code_builds_profile_core_first():
    pf = import_onet(SAMPLE, "15-9990.00")
    assert isinstance(pf, ProfileFile)
    expected = _tasks_of("15-9990.00")
    assert pf.profile.role == expected[0][1]
    assert pf.profile.role_id == "onet:15-9990.00"
    assert pf.profile.function == "Computer and mathematical"
    core = [r[3] for r in expected if r[4] == "Core"]
    extra = [r[3] for r in expected if r[4] == "Supplemental"]
    assert [t.text for t in pf.tasks] == core + extra
    assert [t.supplemental for t in pf.tasks] == [False] * len(core) + [True] * len(extra)


def test_task_starting_with_a_quote_mark_stays_text():
    texts = [t.text for t in import_onet(SAMPLE, "15-9990.00").tasks]
    assert any(t.startswith('"Quiet hours"') for t in texts)


@pytest.mark.parametrize(
    "query", ["Example Ward Nurses", "example ward nurses", "  EXAMPLE WARD NURSES ", "ward nurse"]
)
def test_title_matches_case_insensitively_and_by_part(query):
    result = read_occupation(SAMPLE, query)
    assert result.code == "29-9990.00"
    assert result.core == 4
    assert result.supplemental == 2


def test_exact_title_wins_over_longer_titles_containing_it(tmp_path: Path):
    rows = _rows()
    extra = [["15-9990.05", "Example Software Builders, Senior", "99999", "Lead builds", "Core"]]
    path = _write_tsv(tmp_path / "t.txt", rows + [[*r, "", "", ""] for r in extra])
    assert read_occupation(path, "example software builders").code == "15-9990.00"


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("budget", ["13-9990.00", "13-9991.00"]),
        ("Example Software", ["15-9990.00", "15-9990.01"]),
        ("15-9990", ["15-9990.00", "15-9990.01"]),
    ],
)
def test_ambiguous_query_lists_candidates_with_codes(query, codes):
    with pytest.raises(CoachError) as err:
        import_onet(SAMPLE, query)
    message = str(err.value)
    assert "occupations match" in message
    for code in codes:
        title = _tasks_of(code)[0][1]
        assert f"{code}  {title}" in message


def test_base_code_with_one_match_is_accepted():
    assert read_occupation(SAMPLE, "43-9990").code == "43-9990.00"


def test_unknown_title_suggests_close_ones():
    with pytest.raises(CoachError) as err:
        import_onet(SAMPLE, "ward nurzes")
    assert "no occupation matches" in str(err.value)
    assert "29-9990.00" in str(err.value)


def test_unknown_code_says_so():
    with pytest.raises(CoachError, match=r"no occupation has the code 15-0000\.00"):
        import_onet(SAMPLE, "15-0000.00")


def test_empty_occupation_is_an_error():
    with pytest.raises(CoachError, match="give an occupation"):
        import_onet(SAMPLE, "   ")


def test_levels_follow_the_code():
    assert import_onet(SAMPLE, "11-1090.00").profile.level == "executive"
    assert import_onet(SAMPLE, "43-9990.00").profile.level == "individual"


# --- hours --------------------------------------------------------------------------------


def test_hours_follow_the_documented_rule():
    result = read_occupation(SAMPLE, "15-9990.00")
    core = [t.hours_per_week for t in result.profile.tasks if not t.supplemental]
    extra = [t.hours_per_week for t in result.profile.tasks if t.supplemental]
    assert len(set(core)) == 1 and len(set(extra)) == 1
    assert abs(sum(core) - 32) <= STEP * len(core) / 2
    assert abs(sum(extra) - 8) <= STEP * len(extra) / 2


def test_only_core_tasks_share_the_whole_week():
    pf = import_onet(SAMPLE, "43-9990.00")
    assert [t.hours_per_week for t in pf.tasks] == [10.0] * 4


@given(core=st.integers(0, 200), extra=st.integers(0, 200))
def test_spread_hours_is_sane(core, extra):
    core_h, extra_h = spread_hours(core, extra)
    pools = (32, 8) if core and extra else (40, 40)
    for count, hours, pool in ((core, core_h, pools[0]), (extra, extra_h, pools[1])):
        if not count:
            assert hours == 0
            continue
        if pool / count >= MIN_HOURS:
            assert hours >= MIN_HOURS
            assert hours % STEP == 0
            # Rounding to the half hour moves each task by at most a quarter hour.
            assert abs(count * hours - pool) <= STEP / 2 * count
        else:
            # Too many tasks for half hours: an even share to the hundredth, never 0.
            assert FINE_STEP <= hours < MIN_HOURS
            assert abs(hours - max(FINE_STEP, pool / count)) <= FINE_STEP / 2 + 1e-9
    more_core, _ = spread_hours(core + 1, extra)
    assert more_core <= core_h or core == 0


# --- file formats -------------------------------------------------------------------------


def test_comma_separated_copy_reads_the_same(tmp_path: Path):
    path = tmp_path / "Task Statements.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(_rows())
    assert import_onet(path, "15-9990.00") == import_onet(SAMPLE, "15-9990.00")


def test_utf8_bom_is_ignored(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    result = read_occupation(path, "29-9990.00")
    assert result.encoding == "utf-8-sig"
    assert result.notes == []
    assert any("café" in t.text for t in result.profile.tasks)


def test_windows_1252_file_falls_back_with_a_note(tmp_path: Path):
    rows = [[cell.replace("—", "-") for cell in row] for row in _rows()]
    path = _write_tsv(tmp_path / "cp1252.txt", rows, encoding="cp1252")
    result = read_occupation(path, "29-9990.00")
    assert result.encoding == "cp1252"
    assert any("café" in t.text for t in result.profile.tasks)
    assert any("not UTF-8" in note for note in result.notes)


def test_bom_then_bad_utf8_still_finds_the_header(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace("é".encode(), b"\xe9"))
    assert read_occupation(path, "29-9990.00").encoding == "cp1252"


def test_wrong_header_names_missing_columns(tmp_path: Path):
    path = tmp_path / "ratings.txt"
    path.write_text("O*NET-SOC Code\tTitle\tTask ID\tScale ID\n15-1\tX\t1\tIM\n", encoding="utf-8")
    with pytest.raises(CoachError) as err:
        import_onet(path, "X")
    message = str(err.value)
    assert "missing columns 'Task', 'Task Type'" in message
    assert "'Title'" not in message.split("(")[0]
    assert "'Scale ID'" in message


def test_header_columns_may_come_in_any_order_and_case(tmp_path: Path):
    rows = _rows()
    order = [3, 4, 0, 1, 2, 5, 6, 7]
    moved = [[row[i] for i in order] for row in rows]
    moved[0] = [c.upper() for c in moved[0]]
    path = _write_tsv(tmp_path / "moved.txt", moved)
    assert import_onet(path, "15-9990.01") == import_onet(SAMPLE, "15-9990.01")


def test_file_without_title_column_imports_by_code(tmp_path: Path):
    rows = [[cell for i, cell in enumerate(row) if i != 1] for row in _rows()]
    path = _write_tsv(tmp_path / "no-title.txt", rows)
    pf = import_onet(path, "29-9990.00")
    assert pf.profile.role == "O*NET occupation 29-9990.00"
    assert [t.text for t in pf.tasks] == [t.text for t in import_onet(SAMPLE, "29-9990.00").tasks]
    with pytest.raises(CoachError, match="no 'Title' column"):
        import_onet(path, "ward nurses")


def test_task_type_other_than_supplemental_counts_as_core(tmp_path: Path):
    rows = [list(COLUMNS)] + [
        ["15-0002.00", "Odd Job", str(i), f"Do thing {i}", kind, "n/a", "12/2025", "Analyst"]
        for i, kind in enumerate(["n/a", "Supplemental", "", "Core"])
    ]
    pf = import_onet(_write_tsv(tmp_path / "na.txt", rows), "Odd Job")
    assert [t.text for t in pf.tasks] == ["Do thing 0", "Do thing 2", "Do thing 3", "Do thing 1"]
    assert [t.supplemental for t in pf.tasks] == [False, False, False, True]


def test_short_rows_are_skipped_and_counted(tmp_path: Path):
    rows = [*_rows(), ["15-9990.00", "Example Software Builders"], []]
    result = read_occupation(_write_tsv(tmp_path / "short.txt", rows), "15-9990.00")
    assert result.skipped_rows == 1
    assert result.core == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04rest-of-zip", "Excel workbook"),
        ("O*NET-SOC Code\tTitle".encode("utf-16"), "UTF-16"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"", "is empty"),
        ("\t".join(COLUMNS).encode() + b"\n", "no task rows"),
    ],
)
def test_unusable_files_get_clear_errors(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(CoachError, match=message):
        import_onet(path, "anything")


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(CoachError, match="file not found"):
        import_onet(tmp_path / "nope.txt", "x")
    with pytest.raises(CoachError, match="is a folder"):
        import_onet(tmp_path, "x")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_query_gives_a_profile_or_a_coach_error(query):
    try:
        pf = import_onet(SAMPLE, query)
    except CoachError as err:
        assert str(err)
    else:
        assert pf.tasks and pf.profile.role


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(task=st.text(min_size=1, max_size=200).filter(lambda s: not set(s) & set("\t\r\n\x00")))
def test_any_task_text_survives_or_is_cleanly_dropped(tmp_path: Path, task: str):
    rows = [list(COLUMNS), ["15-0001.00", "Only Job", "1", task, "Core", "1", "", ""]]
    path = tmp_path / "one.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    try:
        pf = import_onet(path, "15-0001.00")
    except CoachError as err:
        assert "has no task statements" in str(err)
        assert not clean_text(task)
    else:
        assert len(pf.tasks) == 1
        assert "\x1b" not in pf.tasks[0].text


# --- issue 14: empty codes, unclosed quotes, big occupations -------------------------------


def test_rows_with_an_empty_code_are_skipped_and_counted(tmp_path: Path):
    header, *rows = _rows()
    orphans = [
        ["", "Example Software Builders", str(900 + n), f"Orphan {n}", "Core"] for n in range(7)
    ]
    # Rows without a code (a damaged export) once merged into one 'occupation' with code "".
    orphans += [["", "", str(950 + n), f"Nobody's task {n}", "Core"] for n in range(3)]
    path = _write_tsv(tmp_path / "gaps.txt", [header, *orphans, *rows])
    result = read_occupation(path, "15-9990.00")
    assert not any(t.text.startswith(("Orphan", "Nobody")) for t in result.profile.tasks)
    assert any("10 row(s) with an empty O*NET-SOC Code" in note for note in result.notes)
    for query in ("Nobody", "", " "):
        with pytest.raises(CoachError):
            read_occupation(path, query)


def test_a_title_search_never_picks_rows_without_a_code(tmp_path: Path):
    header, *rows = _rows()
    orphans = [["", "Green Marketers", str(900 + n), f"Task {n}", "Core"] for n in range(50)]
    path = _write_tsv(tmp_path / "gaps.txt", [header, *orphans, *rows])
    with pytest.raises(CoachError) as err:
        read_occupation(path, "Green Marketers")
    assert "onet:" not in str(err.value)


def test_a_file_of_only_empty_codes_says_so(tmp_path: Path):
    header = _rows()[0]
    orphans = [["", "Green Marketers", str(900 + n), f"Task {n}", "Core"] for n in range(4)]
    path = _write_tsv(tmp_path / "gaps.txt", [header, *orphans])
    with pytest.raises(CoachError, match="4 row\\(s\\) with an empty O\\*NET-SOC Code"):
        read_occupation(path, "Green Marketers")


def test_an_unclosed_quote_is_reported_with_its_line(tmp_path: Path):
    path = tmp_path / "tasks.csv"
    path.write_text(
        "O*NET-SOC Code,Title,Task ID,Task,Task Type\n"
        '11-1011.00,Chief Executives,1,"Direct the work,Core\n'
        "11-1011.00,Chief Executives,2,Plan budgets,Core\n"
    )
    with pytest.raises(CoachError) as err:
        read_occupation(path, "11-1011.00")
    message = str(err.value)
    assert "line 2" in message and "quote" in message
    assert "no task rows" not in message


def test_a_huge_occupation_still_adds_up_to_about_a_working_week(tmp_path: Path):
    header = _rows()[0]
    rows = [
        ["15-9990.00", "Example", str(n), f"Task number {n}", "Core" if n % 5 else "Supplemental"]
        for n in range(4253)
    ]
    result = read_occupation(_write_tsv(tmp_path / "big.txt", [header, *rows]), "15-9990.00")
    total = sum(t.hours_per_week for t in result.profile.tasks)
    assert 30 <= total <= 50
    assert all(t.hours_per_week > 0 for t in result.profile.tasks)
