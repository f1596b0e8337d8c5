"""Incremental builds: the caches (build/.deckgen-cache/, .deckgen-cache/) skip work but never change a byte of output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import write

from deckgen.builder.pipeline import build, open_note_cache
from deckgen.cards.load import NoteEntry
from deckgen.core.config import load_config
from deckgen.core.diskcache import CACHE_DIR, NoteCache

NOTE = """\
---
id: {id}
title: Essay {id}
author: Ann Author
source: https://example.com/{id}
tags: [{tag}]
---
Blurb.

## Central argument
Author argues that {id} matters more than anything else in product work.

## Cards

Q: In Author's 'Essay {id}', what matters most?
A: {answer}.
"""


def make(root: Path) -> Path:
    for note_id, tag in (("one", "a"), ("two", "a"), ("three", "b")):
        write(root / "content" / f"{note_id}.md", NOTE.format(id=note_id, tag=tag, answer=f"The {note_id} thing"))
    write(root / "decks" / "alpha.yaml", "deck: T::Alpha\nnotes:\n  - tag: a\n")
    write(root / "decks" / "beta.yaml", "deck: T::Beta\nnotes:\n  - tag: b\n")
    return root


def outputs(root: Path) -> dict[str, bytes]:
    out = root / "build"
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and CACHE_DIR not in p.parts
    }


def mtimes(root: Path) -> dict[str, int]:
    out = root / "build"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.apkg")}


def cold_outputs(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The same project built from scratch without any cache, for comparison."""
    copy = tmp_path / "cold"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("build"))
    build(load_config(copy), use_cache=False)
    return outputs(copy)


def test_noop_rebuild_writes_nothing_and_reports_up_to_date(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    make(project)
    cards = build(load_config(project)).count("added")
    assert cli("build", cwd=project).exit_code == 0
    before = mtimes(project)
    lock = (project / "deckgen.lock").stat().st_mtime_ns
    result = cli("build", cwd=project)
    assert result.exit_code == 0, result
    assert "up to date" in result.stdout and "T::Alpha:" in result.stdout
    assert f"0 added, 0 edited, 0 retired, {cards} unchanged" in result.stdout
    assert mtimes(project) == before and (project / "deckgen.lock").stat().st_mtime_ns == lock


def test_editing_one_note_rewrites_only_its_deck_and_matches_a_cold_build(project: Path, tmp_path: Path) -> None:
    make(project)
    config = load_config(project)
    build(config)
    before = mtimes(project)
    note = project / "content" / "three.md"
    note.write_text(note.read_text().replace("The three thing", "The third thing"))
    result = build(config)
    assert result.count("edited") == 1
    after = mtimes(project)
    assert after["alpha.apkg"] == before["alpha.apkg"], "a deck without the edited note is not rewritten"
    assert after["beta.apkg"] != before["beta.apkg"]
    assert outputs(project) == cold_outputs(project, tmp_path)


def test_a_changed_setting_or_a_deleted_output_is_rebuilt(project: Path) -> None:
    make(project)
    config = load_config(project)
    build(config)
    (project / "build" / "alpha.apkg").unlink()
    result = build(config)
    assert not result.up_to_date and (project / "build" / "alpha.apkg").exists()
    with (project / "deckgen.toml").open("a") as handle:
        handle.write("enabled = false\n")  # conftest's project ends with its [generate] table
    result = build(load_config(project))
    assert not result.up_to_date


def test_corrupt_cache_is_ignored_with_a_warning(project: Path, tmp_path: Path) -> None:
    make(project)
    config = load_config(project)
    build(config)
    for path in [*(project / "build" / CACHE_DIR).iterdir(), *(project / CACHE_DIR).iterdir()]:
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:  # the kept packages too
            file.write_bytes(b"\x80not a cache")
    note = project / "content" / "one.md"
    note.write_text(note.read_text().replace("The one thing", "The first thing"))
    result = build(config)
    assert any("cache is unreadable" in w for w in result.warnings)
    assert outputs(project) == cold_outputs(project, tmp_path)
    assert not any("unreadable" in w for w in build(config).warnings), "the next build rewrote a good cache"


def test_cache_can_be_deleted_at_any_time(project: Path, tmp_path: Path) -> None:
    make(project)
    config = load_config(project)
    cards = build(config).count("added")
    shutil.rmtree(project / "build" / CACHE_DIR)
    shutil.rmtree(project / CACHE_DIR)
    result = build(config)
    assert not result.up_to_date and result.count("unchanged") == cards
    assert outputs(project) == cold_outputs(project, tmp_path)


def test_a_broken_note_is_still_reported_when_cached(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    make(project)
    assert cli("build", cwd=project).exit_code == 0
    write(project / "content" / "bad.md", "---\nid: bad\ntitle: Bad\n---\n## Cards\n\nQ: no answer?\n")
    first = cli("build", cwd=project)
    second = cli("build", cwd=project)
    assert first.exit_code == second.exit_code == 1
    assert "content/bad.md:7:" in first.stderr and "content/bad.md:7:" in second.stderr


def test_the_note_memo_survives_deleting_build_and_matches_a_cold_build(project: Path, tmp_path: Path) -> None:
    """The memo lives outside build/: `rm -rf build` (or a fresh CI checkout of the outputs) keeps it."""
    make(project)
    config = load_config(project)
    build(config)
    shutil.rmtree(project / "build")
    memo = open_note_cache(config, [])
    digest = NoteCache.key((project / "content" / "one.md").read_bytes())
    assert memo.get("content/one.md", digest, schema=NoteEntry) is not None, "the note memo went with build/"
    note = project / "content" / "two.md"
    note.write_text(note.read_text().replace("The two thing", "The second thing"))
    result = build(config)
    assert result.count("edited") == 1 and not result.warnings
    assert outputs(project) == cold_outputs(project, tmp_path)


def _fingerprint(package_parent: Path) -> str:
    code = "from deckgen.core.diskcache import code_fingerprint; print(code_fingerprint())"
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=package_parent, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_code_key_is_content_not_file_times(tmp_path: Path) -> None:
    """Reinstalling the same deckgen (new mtimes, same bytes) keeps every cache; a code change drops them."""
    import deckgen

    copy = tmp_path / "site"
    shutil.copytree(Path(deckgen.__file__).parent, copy / "deckgen", ignore=shutil.ignore_patterns("__pycache__"))
    first = _fingerprint(copy)
    for path in (copy / "deckgen").rglob("*.py"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert _fingerprint(copy) == first
    module = copy / "deckgen" / "core" / "text.py"
    module.write_text(module.read_text() + "\n# a change\n")
    assert _fingerprint(copy) != first


def _probe(args: list[str], cwd: Path, prelude: str, report: str) -> tuple[str, str]:
    """Run ``python -m deckgen ARGS`` in a fresh interpreter after ``prelude``; its stdout, and what
    ``report`` (an expression, evaluated after the command) printed last."""
    code = (
        f"import runpy, sys\n{prelude}"
        f"sys.argv = ['deckgen', *{args!r}]\n"
        "try:\n    runpy.run_module('deckgen', run_name='__main__', alter_sys=True)\nexcept SystemExit:\n    pass\n"
        f"print('PROBE', {report})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    out, _, probed = done.stdout.rpartition("PROBE ")
    return out, probed.strip()


def _modules_after(args: list[str], cwd: Path) -> tuple[str, set[str]]:
    """stdout of ``python -m deckgen ARGS``, and every module it imported."""
    out, modules = _probe(args, cwd, "", "' '.join(sorted(sys.modules))")
    return out, set(modules.split())


def test_a_noop_build_loads_neither_the_cli_framework_nor_the_parsers(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """`deckgen build` with nothing to do answers before typer, YAML or the records load, and says the same."""
    make(project)
    assert cli("build", cwd=project).exit_code == 0
    full = cli("build", cwd=project)
    assert "up to date" in full.stdout
    out, modules = _modules_after(["build"], project)
    assert out == full.stdout
    heavy = {"typer", "click", "rich", "pydantic", "yaml", "genanki", "deckgen.cli", "deckgen.core.model"}
    assert not heavy & modules, sorted(heavy & modules)


def test_a_build_or_lint_with_work_to_do_runs_without_the_cli_framework(  # type: ignore[no-untyped-def]
    project: Path, cli, tmp_path: Path, monkeypatch
) -> None:
    """An edited card: `deckgen build` and `deckgen lint` run without typer, and print what the CLI prints."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")  # both builds stamp the edited card alike
    make(project)
    twin = tmp_path / "twin"
    shutil.copytree(project, twin)
    assert cli("build", cwd=project).exit_code == 0
    assert cli("build", cwd=twin).exit_code == 0
    for root in (project, twin):  # a card's answer changes: no replay, the full build
        note = root / "content" / "two.md"
        note.write_text(note.read_text().replace("The two thing", "The 2nd thing"))
    lint_out, modules = _modules_after(["lint"], project)
    assert "lock-stale" in lint_out and lint_out == cli("lint", cwd=twin).stdout
    assert not {"typer", "click", "deckgen.cli"} & modules, sorted({"typer", "click", "deckgen.cli"} & modules)
    out, modules = _modules_after(["build"], project)
    full = cli("build", cwd=twin)
    assert "1 edited" in out and out == full.stdout.replace(str(twin), str(project))
    assert not {"typer", "click", "deckgen.cli"} & modules, sorted({"typer", "click", "deckgen.cli"} & modules)
    assert outputs(project) == outputs(twin)
    # an error is reported as the CLI reports it: located, exit 1, no traceback
    for root in (project, twin):
        write(root / "decks" / "alpha.yaml", "deck: T::Alpha\nnotes: [\n")
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
    )
    broken = cli("build", cwd=twin)
    assert done.returncode == broken.exit_code == 1 and "Traceback" not in done.stderr
    assert done.stderr == broken.stderr and "decks/alpha.yaml" in done.stderr


def test_help_does_not_load_rich_or_pydantic(tmp_path: Path) -> None:
    out, modules = _modules_after(["--help"], tmp_path)
    assert "Example" in out and "deckgen build" in out
    assert not {m for m in modules if m.split(".")[0] in ("rich", "pydantic")}, "--help loads rich or pydantic"


def test_only_the_files_a_build_reads_are_inputs(project: Path) -> None:
    """A 2 GB file beside the notes is neither listed nor read by the no-op check (sparse: no disk used)."""
    from deckgen.builder.cache import project_inputs

    make(project)
    config = load_config(project)
    build(config)
    big = project / "content" / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    inputs = project_inputs(config, [])
    assert big not in inputs
    assert project / "content" / "one.md" in inputs and project / "decks" / "alpha.yaml" in inputs
    assert build(config).up_to_date, "a file the build does not read changed nothing"


def test_git_ignores_the_note_memo_even_where_only_build_is_ignored(project: Path) -> None:
    """A project made before the memo left build/ ignores only build/: its memo still never shows up in git."""
    make(project)
    write(project / ".gitignore", "build/\n")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    build(load_config(project))
    assert (project / CACHE_DIR / "notes.sqlite").is_file()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=project, capture_output=True, text=True
    )
    assert CACHE_DIR not in status.stdout, status.stdout


def _files_opened(args: list[str], cwd: Path) -> tuple[str, set[str]]:
    """stdout of ``python -m deckgen ARGS``, and every file it opened (Python's audit hook, not a mock)."""
    hook = (
        "opened = set()\n"
        "def hook(event, args):\n"
        "    if event == 'open' and isinstance(args[0], str):\n"
        "        opened.add(args[0])\n"
        "sys.addaudithook(hook)\n"
    )
    out, opened = _probe(args, cwd, hook, "'\\0'.join(sorted(opened))")
    return out, set(opened.split("\0"))


def test_a_noop_build_does_not_read_notes_unchanged_since_the_last_build(project: Path) -> None:
    """The input hashes of the last build are kept (by size, times and inode): a no-op re-reads no note."""
    make(project)
    time.sleep(2.1)  # older than the racy window, as notes not edited this very moment are
    build(load_config(project))
    out, opened = _files_opened(["build"], project)
    assert "up to date" in out
    notes = {str(p) for p in (project / "content").glob("*.md")}
    assert len(notes) == 3 and not notes & opened, sorted(notes & opened)
    # an edit is still seen (and only the edited note is read)
    note = project / "content" / "two.md"
    note.write_text(note.read_text().replace("The two thing", "The 2nd thing"))
    out, opened = _files_opened(["build"], project)
    assert "up to date" not in out and "1 edited" in out
    assert str(note) in opened


def test_an_edit_that_keeps_size_and_mtime_is_still_rebuilt(project: Path) -> None:
    """Same length, mtime put back: the change time and the bytes still tell (a size+mtime check would not)."""
    make(project)
    time.sleep(2.1)
    config = load_config(project)
    build(config)
    note = project / "content" / "one.md"
    info = note.stat()
    note.write_text(note.read_text().replace("The one thing", "The 1st thing"))
    os.utime(note, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert note.stat().st_size == info.st_size and note.stat().st_mtime_ns == info.st_mtime_ns
    result = build(load_config(project))
    assert not result.up_to_date and result.count("edited") == 1


def test_input_hashes_of_files_changed_a_moment_ago_are_not_kept(tmp_path: Path) -> None:
    """A file hashed within the racy window could change again unseen within the same clock tick: not recorded."""
    from deckgen.core import digests

    old, fresh = tmp_path / "old.md", tmp_path / "fresh.md"
    old.write_text("old")
    past = time.time_ns() - 10_000_000_000
    os.utime(old, ns=(past, past))
    time.sleep(2.1)  # the change time cannot be set back: let it age
    fresh.write_text("fresh")
    for path in (old, fresh):
        digests.remember_digest(str(path), path.stat(), "0" * 64)
    digests.save_input_digests(tmp_path / "memo", tmp_path)
    kept = digests.read_input_memo(tmp_path / "memo" / "inputs.json")
    assert str(old) in kept and str(fresh) not in kept


def test_note_files_lists_what_rglob_lists_in_the_same_order(tmp_path: Path) -> None:
    """The string walk in note_files visits exactly what ``rglob('*.md')`` did: hidden folders yes, symlinked no;
    note_names gives the same paths as strings, in the same order (a folder's notes where its name sorts)."""
    from deckgen.sources.layout import note_files, note_names

    content = tmp_path / "c"
    for rel in ("a.md", "sub/b.md", ".hid/h.md", ".x.md", "A.MD", "sub-x.md", "sub-y/z.md", "sub/deeper/d.md"):
        write(content / rel, "x")
    write(tmp_path / "ext" / "e.md", "x")
    (content / "linked").symlink_to(tmp_path / "ext")
    (content / "le.md").symlink_to(tmp_path / "ext" / "e.md")
    (content / "broken.md").symlink_to(tmp_path / "nowhere")
    (content / "dir.md").mkdir()
    expected = sorted(p for p in content.rglob("*.md") if p.is_file() and not p.name.startswith("."))
    assert note_files(content) == expected
    assert note_names(content) == [str(p) for p in expected]
    assert [p.relative_to(content).as_posix() for p in expected] == [
        ".hid/h.md",
        "a.md",
        "le.md",
        "sub/b.md",
        "sub/deeper/d.md",
        "sub-x.md",
        "sub-y/z.md",
    ]


def test_a_few_changed_input_hashes_go_to_a_delta_beside_the_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a one-note edit only the changed hashes are written (inputs.json stays); the next process takes them."""
    from deckgen.core import digests

    for name, value in (("_SEEN", {}), ("_LOADED", {}), ("_BASE", {})):
        monkeypatch.setattr(digests, name, value)  # this test's process-wide memo
    files = [tmp_path / f"note-{i}.md" for i in range(3)]
    for path in files:
        path.write_text(path.name)
    time.sleep(2.1)  # out of the racy window
    memo = tmp_path / "memo"
    for path in files:
        digests.remember_digest(str(path), path.stat(), "1" * 64)
    digests.save_input_digests(memo, tmp_path)
    base = (memo / "inputs.json").read_bytes()
    digests.remember_digest(str(files[0]), files[0].stat(), "2" * 64)
    digests.save_input_digests(memo, tmp_path)
    assert (memo / "inputs.json").read_bytes() == base
    delta = digests.read_input_memo(memo / "inputs-delta.json")
    assert list(delta) == [str(files[0])] and delta[str(files[0])][4] == "2" * 64

    for name in ("_SEEN", "_LOADED", "_BASE"):  # the next process
        monkeypatch.setattr(digests, name, {})
    digests.load_input_digests(memo)
    assert digests.known_digest(str(files[0]), files[0].stat()) == "2" * 64  # the delta's entry wins
    assert digests.known_digest(str(files[1]), files[1].stat()) == "1" * 64

    prefix = str(tmp_path) + os.sep
    for broken in (
        {str(files[1]): [1, 2, 3, 4, "3" * 64]},  # an object per file (the old format): not a memo
        {"prefix": prefix, "names": [files[1].name], "stats": [1, 2, 3], "sha256": ["3" * 64]},  # a number short
        {"prefix": prefix, "names": [files[1].name], "stats": [1, 2, 3, "4"], "sha256": ["3" * 64]},
        {"prefix": prefix, "names": [files[1].name], "stats": [1, 2, 3, 4], "sha256": ["3" * 63]},
        {"prefix": prefix, "names": [files[1].name], "stats": [1, 2, 3, 4], "sha256": ["3" * 64], "x": 1},
    ):
        (memo / "inputs-delta.json").write_text(json.dumps(broken))  # ignored whole
        assert digests.read_input_memo(memo / "inputs-delta.json") == {}
    monkeypatch.setattr(digests, "_SEEN", {})
    monkeypatch.setattr(digests, "_LOADED", {})
    digests.load_input_digests(memo)
    assert digests.known_digest(str(files[0]), files[0].stat()) == "1" * 64
    assert digests.known_digest(str(files[1]), files[1].stat()) == "1" * 64
