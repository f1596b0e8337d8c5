"""A build after ``rm -rf build/`` copies the last build's outputs back from ``<project>/.deckgen-cache/``.

Only when every input is as that build saw it, and only from kept copies whose bytes check
out; anything else (a damaged, tampered or stale record or copy) is the full build. Either
way the outputs are byte for byte a cold build's.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from buildutil import CACHE_DIRS, output_hashes
from conftest import REPO
from test_incremental_outputs import _run, answer

sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_library  # noqa: E402

WHEN = 1767225600
RECORD = Path(".deckgen-cache") / "last-build.json"


def _built(tmp_path: Path) -> Path:
    project = make_library(tmp_path / "kept", notes=12, decks=2)
    assert _run(project, WHEN, "build").returncode == 0
    return project


def _mtimes(project: Path) -> dict[str, int]:
    return {p.relative_to(project).as_posix(): p.stat().st_mtime_ns for p in (project / "build").rglob("*.apkg")}


def _cold(project: Path, tmp_path: Path) -> dict[str, str]:
    """The outputs of the same sources and lock built with no cache at all."""
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    assert _run(cold, WHEN + 86400, "build").returncode == 0
    return output_hashes(cold)


def test_a_build_after_rm_rf_build_copies_back_what_a_cold_build_writes(tmp_path: Path) -> None:
    project = _built(tmp_path)
    before, mtimes = output_hashes(project), _mtimes(project)
    assert any(rel.startswith("build/site/") for rel in before) and "build/CHANGELOG.md" in before
    shutil.rmtree(project / "build")
    done = _run(project, WHEN + 86400, "build")
    assert done.returncode == 0 and "wrote" in done.stdout and "up to date" not in done.stdout, done.stdout
    assert output_hashes(project) == before == _cold(project, tmp_path)
    assert _mtimes(project) == mtimes, "copied back as the last build left them, not written again"
    again = _run(project, WHEN + 86400, "build")
    assert "up to date" in again.stdout, "the copied-back folder is the last build's: nothing to do"
    answer(project)  # and the next edit builds what a cold build of it writes
    assert _run(project, WHEN + 2 * 86400, "build").returncode == 0
    assert output_hashes(project) == _cold(project, tmp_path)


def test_the_library_call_copies_back_too(tmp_path: Path) -> None:
    from deckgen import build, load_config

    project = _built(tmp_path)
    before = output_hashes(project)
    shutil.rmtree(project / "build")
    result = build(load_config(project))
    assert result.up_to_date and result.outputs and not result.decks
    assert output_hashes(project) == before


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


def _first(project: Path, store: str) -> Path:
    return sorted((project / ".deckgen-cache" / store).glob("*.*.*"))[0]


def _kept_copy(project: Path, rel: str) -> Path:
    """Where the record says the kept copy of output ``rel`` is."""
    store, name = json.loads((project / RECORD).read_text())["files"][rel][:2]
    return project / ".deckgen-cache" / store / name


@pytest.mark.parametrize(
    "damage",
    [
        lambda project: _flip_a_byte(_first(project, "packages")),
        lambda project: _flip_a_byte(_first(project, "site-pages")),
        lambda project: _flip_a_byte(_kept_copy(project, "CHANGELOG.md")),
        lambda project: _kept_copy(project, "site/index.html").unlink(),
        lambda project: _first(project, "packages").write_bytes(b""),
    ],
    ids=["package", "site-page", "other-file", "missing", "emptied"],
)
def test_a_damaged_kept_copy_means_the_full_build(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    _builds_cold_after(tmp_path, damage)


def _builds_cold_after(tmp_path: Path, change: Callable[[Path], None]) -> None:
    """Build, ``rm -rf build/``, ``change`` the cache: the next build must write a cold build's outputs."""
    project = _built(tmp_path)
    shutil.rmtree(project / "build")
    change(project)
    done = _run(project, WHEN + 86400, "build")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert not (project / "escaped.apkg").exists() and not (tmp_path / "escaped").exists()
    assert output_hashes(project) == _cold(project, tmp_path)


def _edit_record(project: Path, edit: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    path = project / RECORD
    record = json.loads(path.read_text())
    edit(record)
    path.write_text(json.dumps(record))


def _wrong_hash(record: dict) -> None:  # type: ignore[type-arg]
    files = record["files"]
    first, second = sorted(rel for rel in files if rel.endswith(".apkg"))[:2]
    files[first][1] = files[second][1]  # another output's copy, not the hash recorded for this one
    # (a record rewritten to match forged copies cannot be told from a real one: see the README)


def _escape(record: dict) -> None:  # type: ignore[type-arg]
    files = record["files"]
    files["../escaped.apkg"] = files[sorted(files)[0]]


def _planned_outside(record: dict) -> None:  # type: ignore[type-arg]
    record["state"]["summary"]["planned"].append("../../escaped")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda project: (project / RECORD).write_bytes(b"\x80not json"),
        lambda project: (project / RECORD).write_text("[]"),
        lambda project: _edit_record(project, _wrong_hash),
        lambda project: _edit_record(project, _escape),
        lambda project: _edit_record(project, _planned_outside),
        lambda project: _edit_record(project, lambda record: record["files"].popitem()),
        lambda project: _edit_record(project, lambda record: record.update(out=str(project / "elsewhere"))),
    ],
    ids=["garbage", "wrong-shape", "wrong-hash", "escaping-path", "escaping-planned", "a-file-left-out", "other-out"],
)
def test_a_tampered_record_means_the_full_build(tmp_path: Path, tamper: Callable[[Path], None]) -> None:
    _builds_cold_after(tmp_path, tamper)


def test_a_stale_record_means_the_full_build(tmp_path: Path) -> None:
    """Inputs changed since the record: after `rm -rf build/` and an edit, or an older record put back."""
    project = _built(tmp_path)
    old = (project / RECORD).read_bytes()
    shutil.rmtree(project / "build")
    answer(project)
    assert _run(project, WHEN + 86400, "build").returncode == 0
    assert output_hashes(project) == _cold(project, tmp_path)
    shutil.rmtree(project / "build")
    (project / RECORD).write_bytes(old)  # the record of the build before the edit
    assert _run(project, WHEN + 2 * 86400, "build").returncode == 0
    assert output_hashes(project) == _cold(project, tmp_path)


def test_an_output_folder_holding_a_foreign_file_is_not_copied_over(tmp_path: Path) -> None:
    project = _built(tmp_path)
    shutil.rmtree(project / "build")
    foreign = project / "build" / "CHANGELOG.md"
    foreign.parent.mkdir()
    foreign.write_text("mine\n")
    done = _run(project, WHEN + 86400, "build")
    assert done.returncode == 1 and "was not written by deckgen" in done.stderr, done.stderr
    assert foreign.read_text() == "mine\n"
