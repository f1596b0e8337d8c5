"""A hire's calendar holds no control character a cohort file brought in (RFC 5545 forbids them in TEXT, and a
reader that splits lines on VT, NEL or U+2028 would read the rest as properties). An attacker's try: a hire named
"Ana\\e[2J\\e[31mRED" and another "Bo\\u0085X\\u000bY\\u0000Z" (double-quoted YAML) wrote ESC, NUL, VT and NEL into
the .ics files. Fails on aef5a11."""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen, write
from test_cohorts import cohort_project

HOSTILE = """title: Spring
hires:
  - {name: "Ana\\e[2J\\e[31mRED", track: test, start: 2026-03-02}
  - {name: "Bo\\u0085X\\u000bY\\u0000Z\\u2028W", track: test, start: 2026-03-02}
"""


def test_control_characters_never_reach_a_calendar(project: Path) -> None:
    cohort_project(project)
    write(project / "decks/cohorts/spring.yaml", HOSTILE)
    result = run_deckgen("plan", "--cohort", "spring", "--format", "ics", cwd=project)
    assert result.returncode == 0, result.stderr
    calendars = sorted((project / "build/cohorts/spring").glob("*.ics"))
    assert len(calendars) == 2
    for path in calendars:
        data = path.read_bytes()
        text = data.decode("utf-8")
        assert not [c for c in text if (ord(c) < 0x20 and c not in "\r\n\t") or 0x7F <= ord(c) <= 0x9F], path
        assert "\u2028" not in text and data.count(b"\r\n") == data.count(b"\n")
