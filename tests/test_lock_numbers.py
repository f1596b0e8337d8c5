"""A number in deckgen.lock that deckgen never writes (too large for Anki's 64-bit integers, negative, a float)
is a located error at its line, from build and lint alike. An attacker's try: `"mod": 9999…1796` (32 digits) made
the build stop with 'bug: internal error (OverflowError …) — please report it' while `deckgen lint` passed, and a
negative `mod` was accepted. Fails on daf97b8."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_deckgen


@pytest.mark.parametrize("value", ["99999999999999999999999999991796", "-5", "1e308", "17.5"])
def test_a_number_out_of_range_in_the_lock_is_a_located_error(tmp_path: Path, value: str) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    lock = project / "deckgen.lock"
    lines = lock.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('{"card"') and '"mod": ' in line)
    lines[number] = re.sub(r'"mod": \d+', f'"mod": {value}', lines[number], count=1)
    lock.write_text("".join(lines))
    for command in ("build", "lint"):
        result = run_deckgen(command, cwd=project)
        assert result.returncode == 1, (command, result.stdout)
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert f"deckgen.lock:{number + 1}:" in result.stderr and "'mod' must be a whole number" in result.stderr, (
            command,
            result.stderr,
        )
    assert not (project / "build").exists()


def test_a_card_record_not_named_note_and_key_is_a_located_error(tmp_path: Path) -> None:
    # an attacker's try: '{"card": "x", "bogus": …}' appended to the lock passed build and lock resolve, and the lock
    # then held a retired record of key '' in note 'x' (fails on aef5a11)
    project = copy_project(REPO, tmp_path / "proj")
    lock = project / "deckgen.lock"
    lines = lock.read_text().splitlines(keepends=True)
    lines.append('{"card": "x", "hash": "", "mod": 1}\n')
    lock.write_text("".join(lines))
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"deckgen.lock:{len(lines)}:" in result.stderr and "a card record is named 'note/key'" in result.stderr
