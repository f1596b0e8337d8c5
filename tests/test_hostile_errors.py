"""One error path: every failure is ``path:line:col: rule: message — fix`` and exit 1, never a
traceback; nothing from content or a model server drives the terminal; secrets stay secret.

Disk faults are real: a private mount namespace (``unshare -m``) puts a tiny or read-only
tmpfs where deckgen writes, so the kernel itself answers ENOSPC or EROFS.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from chatserver import ChatServer, Reply, cards_reply, chat_server, completion  # noqa: F401 - fixture
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

NOTE = """---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
---
Ken Norton's essay on empathy as a working practice: a set of specific moves.

## Central argument
Empathy is not an attitude or a personality trait but a set of concrete, learnable moves.

## Cards

Q: In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?
A: A set of concrete, learnable moves.
"""


def project(root: Path, note: str = NOTE) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    write(root / "content" / "norton.md", note)
    write(root / "decks" / "essays.yaml", "deck: Essays\nnotes: all\n")
    return root


def assert_located_failure(run: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert run.returncode == 1, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
    for needle in needles:
        assert needle in " ".join(run.stderr.split()), (needle, run.stderr)


# --- text output ----------------------------------------------------------------------------


def test_line_100_prints_as_a_location_not_an_emoji(tmp_path: Path) -> None:
    """rich turns ':100:' into an emoji unless told not to."""
    padding = "\n" * (100 - NOTE.count("\n") - 2)
    root = project(tmp_path / "proj", NOTE + padding + "\nQ: Dangling question without an answer?\n")
    lines = (root / "content" / "norton.md").read_text().split("\n")
    assert lines[99].startswith("Q: Dangling")
    run = run_deckgen("lint", cwd=root)
    assert run.returncode == 1
    assert "content/norton.md:100:" in run.stdout, run.stdout
    assert "\U0001f4af" not in run.stdout + run.stderr


ESC_NOTE = NOTE.replace(
    "title: Empathy and Product Management", 'title: "Empathy\\e]0;pwned\\a \\e[31mred\\x9b2J"'
).replace("author: Ken Norton", 'author: Ken Norton\n"ev\\eil": 1')


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    root = project(tmp_path / "proj", ESC_NOTE)
    for args in (
        ("cards", "norton-empathy"),
        ("lint",),
        ("diff",),
        ("diff", "--format", "json"),
        ("build",),
        ("build",),
    ):
        run = run_deckgen(*args, cwd=root)
        assert "Traceback" not in run.stderr, run.stderr
        for stream in (run.stdout, run.stderr):
            assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream, (args, stream)
    # an unknown front-matter key is an error (a typo must not change what ships), so the
    # title's text is checked on a note without it: the text itself still shows
    clean_key = project(tmp_path / "proj2", ESC_NOTE.replace('\n"ev\\eil": 1', ""))
    assert "Empathy]0;pwned" in run_deckgen("cards", "norton-empathy", cwd=clean_key).stdout


# --- faults on disk -------------------------------------------------------------------------


def _can_unshare() -> bool:
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || exit 3"],
        capture_output=True,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -m` and mount (root in a container)")


def in_namespace(root: Path, setup: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``deckgen ARGS`` in a private mount namespace after the shell commands ``setup``."""
    deckgen = " ".join([sys.executable, "-m", "deckgen", *args])
    script = f"set -e; cd '{root}'; {setup}; set +e; {deckgen}; echo \"rc=$?\" >&2; sha256sum build/essays.apkg deckgen.lock >&2 || true"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=300)


def _exit(run: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    code = int(run.stderr.rsplit("rc=", 1)[1].split()[0])
    return subprocess.CompletedProcess(run.args, code, run.stdout, run.stderr.rsplit("rc=", 1)[0])


def _hashes(text: str) -> dict[str, str]:
    pairs = [line.split() for line in text.rsplit("rc=", 1)[1].splitlines()[1:] if len(line.split()) == 2]
    return {name: digest for digest, name in pairs}


def _built(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = project(tmp_path / "proj")
    first = run_deckgen("build", cwd=root)
    assert first.returncode == 0, first.stderr
    write(root / "content" / "norton.md", NOTE.replace("learnable moves.\n", "learnable moves, practised daily.\n"))
    import hashlib

    before = {
        "build/essays.apkg": hashlib.sha256((root / "build" / "essays.apkg").read_bytes()).hexdigest(),
        "deckgen.lock": hashlib.sha256((root / "deckgen.lock").read_bytes()).hexdigest(),
    }
    return root, before


@needs_mounts
def test_a_full_disk_is_a_located_error_and_keeps_the_previous_release(tmp_path: Path) -> None:
    root, before = _built(tmp_path)
    setup = (
        "cp -a build /tmp/prev-build-$$ && mount -t tmpfs -o size=400k tmpfs build && cp -a /tmp/prev-build-$$/. build/"
        " && (dd if=/dev/zero of=build/filler bs=4k 2>/dev/null || true)"
    )
    run = in_namespace(root, setup, "build")
    assert_located_failure(_exit(run), "io:", "No space left on device", "free some disk space")
    assert _hashes(run.stderr) == before  # the old package and lock, complete


@needs_mounts
def test_a_read_only_build_folder_is_a_located_error(tmp_path: Path) -> None:
    root, before = _built(tmp_path)
    setup = "mount --bind build build && mount -o remount,ro,bind build"
    run = in_namespace(root, setup, "build")
    assert_located_failure(_exit(run), "io:", "Read-only file system", "--out")
    assert _hashes(run.stderr) == before


@needs_mounts
def test_a_read_only_lockfile_is_a_located_error(tmp_path: Path) -> None:
    root, before = _built(tmp_path)
    setup = "mount --bind deckgen.lock deckgen.lock && mount -o remount,ro,bind deckgen.lock"
    run = in_namespace(root, setup, "build")
    assert_located_failure(_exit(run), "io:", "deckgen.lock")
    assert _hashes(run.stderr)["deckgen.lock"] == before["deckgen.lock"]


def test_an_overflowing_cloze_number_is_a_located_error(tmp_path: Path) -> None:
    note = NOTE + "\nC: A {{c99999999999999999999::huge}} number.\n"
    root = project(tmp_path / "proj", note)
    for command in ("lint", "build"):
        run = run_deckgen(command, cwd=root)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "content/norton.md:16:1: anki-syntax: cloze number" in run.stdout + run.stderr


# --- a model server -------------------------------------------------------------------------


def env_for(url: str, **extra: str) -> dict[str, str]:
    return {
        "DECKGEN_AI_BASE_URL": url,
        "DECKGEN_AI_MODEL": "test-model",
        "DECKGEN_AI_API_KEY": "sk-secret-4242",
        **extra,
    }


DEEP = "[" * 200_000 + "]" * 200_000


@pytest.mark.parametrize("where", ["body", "content"])
def test_deeply_nested_json_from_a_server_is_a_located_error(
    where: str, tmp_path: Path, chat_server: ChatServer
) -> None:
    root = project(tmp_path / "proj")
    before = (root / "content" / "norton.md").read_bytes()
    reply = Reply(DEEP) if where == "body" else Reply(completion(DEEP))
    chat_server.push(reply, reply)
    run = run_deckgen("draft", "norton-empathy", cwd=root, env=env_for(chat_server.url))
    assert_located_failure(run, "llm:")
    assert (root / "content" / "norton.md").read_bytes() == before


GOOD = {
    "question": "In Norton's 'Empathy and Product Management', what is empathy \x1b[2J\x1b]0;x\x07made of?",
    "answer": "Concrete, \x1b[31mlearnable\x9b moves.",
    "quote": "a set of concrete, learnable moves",
}


def test_an_escape_from_a_model_answer_is_never_written_into_a_note(tmp_path: Path, chat_server: ChatServer) -> None:
    root = project(tmp_path / "proj")
    chat_server.push(cards_reply(GOOD))
    run = run_deckgen("draft", "norton-empathy", cwd=root, env=env_for(chat_server.url))
    assert run.returncode == 0, run.stderr
    text = (root / "content" / "norton.md").read_text(encoding="utf-8")
    assert "Status: draft" in text and "learnable moves" in text
    assert not any(ch in text for ch in "\x1b\x07\x9b"), text
    assert "\x1b" not in run.stdout + run.stderr


def test_an_api_key_echoed_by_the_server_is_redacted(tmp_path: Path, chat_server: ChatServer) -> None:
    root = project(tmp_path / "proj")
    echo = {
        "error": {
            "message": "bad key; you sent Authorization: Bearer sk-secret-4242 (headers: {'Authorization': 'Bearer sk-secret-4242'})"
        }
    }
    chat_server.push(Reply(echo, 401))
    run = run_deckgen("draft", "norton-empathy", cwd=root, env=env_for(chat_server.url))
    assert_located_failure(run, "llm:", "check the API key")
    assert "sk-secret-4242" not in run.stdout + run.stderr


def test_credentials_in_the_base_url_are_never_printed(tmp_path: Path, chat_server: ChatServer) -> None:
    root = project(tmp_path / "proj")
    url = chat_server.url.replace("http://", "http://alice:hunter2@")
    chat_server.push(Reply({"error": {"message": "boom"}}, 500))
    run = run_deckgen("draft", "norton-empathy", cwd=root, env=env_for(url))
    assert_located_failure(run, "llm:")
    assert "hunter2" not in run.stdout + run.stderr
    assert "alice:***@" not in run.stdout and "Sending" in run.stderr


@pytest.fixture
def dripping_server() -> Iterator[str]:
    """A server that answers one byte a second, forever (each read succeeds: no per-read timeout trips)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.recv(65536)
            payload = (
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + b" " * 100_000
            )
            for byte in payload:
                if stop.wait(0.5):
                    break
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    break
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        listener.close()


def test_draft_timeout_is_an_overall_deadline(tmp_path: Path, dripping_server: str) -> None:
    root = project(tmp_path / "proj")
    started = time.monotonic()
    run = run_deckgen("draft", "norton-empathy", "--timeout", "3", cwd=root, env=env_for(dripping_server))
    elapsed = time.monotonic() - started
    assert_located_failure(run, "llm:", "within 3 seconds")
    assert elapsed < 12, f"waited {elapsed:.1f}s for a 3 s deadline"


def test_a_draft_that_fails_part_way_names_what_it_wrote(tmp_path: Path, chat_server: ChatServer) -> None:
    root = project(tmp_path / "proj")
    write(root / "content" / "second.md", NOTE.replace("id: norton-empathy", "id: second-note"))
    chat_server.push(cards_reply(GOOD), Reply({"error": {"message": "out of memory"}}, 500))
    run = run_deckgen("draft", "norton-empathy", "second-note", cwd=root, env=env_for(chat_server.url))
    assert_located_failure(run, "llm:", "wrote content/norton.md before the error")
    assert "nothing was written" not in run.stderr
    assert "Status: draft" in (root / "content" / "norton.md").read_text()


@needs_mounts
def test_a_command_that_writes_nothing_does_not_say_nothing_was_written(tmp_path: Path) -> None:
    """A PM lead's try: `deckgen lint` on a broken deckgen.toml ended '1 problem found; nothing was written.', as
    if lint might have written something. Commands that only read (lint, cards, diff) end with the count."""
    root = project(tmp_path / "proj")
    write(root / "deckgen.toml", "[project\nname = 1\n")
    for command in (["lint"], ["lint", "--strict"], ["cards", "norton-empathy"], ["diff"]):
        run = run_deckgen(*command, cwd=root)
        assert_located_failure(run, "deckgen.toml:1:9: config:")  # the column tomllib names, not 1
        assert run.stderr.rstrip().endswith("1 problem found."), (command, run.stderr)
    build = run_deckgen("build", cwd=root)  # a command that writes still says so
    assert_located_failure(build, "1 problem found; nothing was written.")
    (root / "deckgen.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')  # saved as Latin-1
    assert_located_failure(
        run_deckgen("lint", cwd=root), "deckgen.toml:2:12: config:", "not UTF-8", "save deckgen.toml as UTF-8"
    )


def test_a_read_only_notes_folder_during_draft_is_a_located_error(tmp_path: Path, chat_server: ChatServer) -> None:
    root = project(tmp_path / "proj")
    chat_server.push(cards_reply(GOOD))
    env = {**os.environ, "PYTHONPATH": str(REPO), **env_for(chat_server.url)}
    script = f"cd '{root}' && mount --bind content content && mount -o remount,ro,bind content && {sys.executable} -m deckgen draft norton-empathy"
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert_located_failure(run, "content/norton.md", "io:", "Read-only file system")
