"""An export's limits hold for the export as a whole, and no entry of it is lost. An attacker's try: twenty inner
zips of 10,000 empty notes each (an 18 MB download) unpacked 200,000 files, ran a minute and printed 200,000
lines, because the 10,000-file limit was checked per zip; and a zip holding 'x.md' twice imported the second
entry twice while the first note vanished. Fails on aef5a11."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import run_deckgen


def _note(title: str) -> str:
    return f"# {title}\n\nAuthor: Ann Author\n\n## Central argument\nText about {title}.\n"


def test_the_file_limit_counts_the_zips_inside_an_export(project: Path, tmp_path: Path) -> None:
    export = tmp_path / "nested.zip"
    with zipfile.ZipFile(export, "w") as outer:
        for z in range(2):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as inner:
                for i in range(6000):
                    inner.writestr(f"n{i}.md", b"")
            outer.writestr(f"inner{z}.zip", buffer.getvalue())
    result = run_deckgen("import", str(export), "--dry-run", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "more than the 10,000 of an export" in result.stderr, result.stderr[-500:]
    assert len(result.stderr.splitlines()) < 20


@pytest.mark.filterwarnings("ignore:Duplicate name")  # zipfile warns while the test writes the hostile zip
def test_a_zip_entry_named_twice_is_refused(project: Path, tmp_path: Path) -> None:
    export = tmp_path / "dup.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("x.md", _note("One"))
        archive.writestr("x.md", _note("Two"))
    result = run_deckgen("import", str(export), "--dry-run", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "entry 'x.md' appears twice in the zip" in result.stderr, result.stderr


def test_a_newline_in_an_entry_name_does_not_split_the_report(project: Path, tmp_path: Path) -> None:
    # an attacker's try: an entry named 'a\x1b[31mred\n.md' lost its ESC but its newline split the 'would create' line,
    # so output lines could be forged (fails on aef5a11)
    export = tmp_path / "names.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("a\x1b[31mred\nforged.md", _note("One"))
    result = run_deckgen("import", str(export), "--dry-run", cwd=project)
    assert result.returncode == 0, result.stderr
    line = next(row for row in result.stdout.splitlines() if row.startswith("would create"))
    assert "red\\x0aforged.md" in line and "\x1b" not in result.stdout, result.stdout
