"""Hostile and messy files: each works or gives a clear error naming the file and line.
A hypothesis property test feeds random and mutated notes and manifests through parse,
lint and build: every failure is a DeckgenError with a location, never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from conftest import MINIMAL_TOML, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen.builder.pipeline import build, lint_project
from deckgen.core.config import load_config
from deckgen.core.errors import DeckgenError
from deckgen.sources.notes import MAX_NOTE_BYTES

NOTE = """---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
tags: [empathy, craft]
---
A short blurb.

## Central argument
Empathy is a craft.

## Cards

Q: What does Norton mean by empathy as craft?
A: A set of learnable moves.

C: Norton calls empathy {{c1::a craft}}, not a trait.
"""
DECK = "deck: PM Onboarding::Essays\ndescription: Essays.\nnotes:\n  - id: norton-empathy\n  - tag: craft\n"


def project(root: Path, note: bytes, deck: bytes = DECK.encode()) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "note.md").write_bytes(note)
    (root / "decks").mkdir(exist_ok=True)
    (root / "decks" / "deck.yaml").write_bytes(deck)
    return root


WORKS = {
    "bom": b"\xef\xbb\xbf" + NOTE.encode(),
    "crlf": NOTE.replace("\n", "\r\n").encode(),
    "cr-only": NOTE.replace("\n", "\r").encode(),
    "trailing-spaces": "\n".join(line + "  \t" for line in NOTE.split("\n")).encode(),
    "tab-after-key": NOTE.replace("Q: ", "Q:\t").replace("A: ", "A:\t").encode(),
    "unicode": NOTE.replace("A short blurb.", "Ein kurzer Überblick — 共感 \u2028 emoji 🙂").encode(),
}


@pytest.mark.parametrize("name", sorted(WORKS))
def test_messy_but_valid_files_build(name: str, tmp_path: Path) -> None:
    root = project(tmp_path / "p", WORKS[name], b"\xef\xbb\xbf" + DECK.replace("\n", "\r\n").encode())
    report, plan = lint_project(load_config(root))
    assert report.errors == () and plan is not None
    result = build(load_config(root))
    (deck,) = result.decks
    assert len(deck.cards) == 3  # two authored + the generated author card
    assert {c.front for c in deck.cards} >= {
        "What does Norton mean by empathy as craft?",
        "Norton calls empathy {{c1::a craft}}, not a trait.",
    }


NESTED = "---\nid: x\ntitle: T\nauthor: " + "[" * 200 + "]" * 200 + "\n---\n"
BROKEN = {
    # name: (note bytes, expected line, words the message must contain)
    "empty": (b"", 1, "no YAML front matter"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 0, "binary"),
    "latin-1": NOTE.replace("A short blurb.", "Caf\xe9 culture.").encode("latin-1"),
    "huge": (NOTE + "x" * (MAX_NOTE_BYTES + 10)).encode(),
    "tab-indented-yaml": (NOTE.replace("tags: [empathy, craft]", "tags:\n\t- empathy"), 6, "invalid YAML"),
    "nested-yaml": (NESTED, 4, "nested more than"),
    "yaml-alias": ("---\nid: x\ntitle: &t T\nauthor: *t\n---\n", 3, "aliases"),
    "python-tag": ("---\nid: x\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n", 3, "invalid YAML"),
    "duplicate-key": (NOTE.replace("author: Ken Norton", "author: Ken Norton\ntitle: Again"), 5, "appears twice"),
    "unclosed": ("---\nid: x\ntitle: T\n", 1, "never closed"),
    "not-a-mapping": ("---\n- a\n- b\n---\n", 2, "mapping"),
    # pasted from Notion or a chat (a PM lead's try): 'Loops\u200b.' shipped, unlike 'Loops.'
    "zero-width-space": (NOTE.replace("A short blurb.", "A short\u200b blurb."), 7, "U+200B zero-width space"),
    # Windows Notepad's 'Unicode' (a PM lead's try: it was called binary, with no word of re-saving)
    "utf-16": ("\ufeff" + NOTE).encode("utf-16-le"),
    "utf-16-no-bom": NOTE.encode("utf-16-be"),
    "bidi-override": (NOTE.replace("A short blurb.", "A \u202eshort blurb."), 7, "U+202E right-to-left override"),
}
BROKEN["latin-1"] = (BROKEN["latin-1"], 7, "not valid UTF-8")  # type: ignore[assignment]
BROKEN["huge"] = (BROKEN["huge"], 0, "over the")  # type: ignore[assignment]
BROKEN["utf-16"] = (BROKEN["utf-16"], 1, "saved as UTF-16 text")  # type: ignore[assignment]
BROKEN["utf-16-no-bom"] = (BROKEN["utf-16-no-bom"], 1, "saved as UTF-16 text")  # type: ignore[assignment]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_hostile_note_gives_a_clear_error(name: str, tmp_path: Path, cli) -> None:
    note, line, words = BROKEN[name]
    data = note if isinstance(note, bytes) else note.encode()
    root = project(tmp_path / "p", data)
    result = cli("lint", "--format", "json", cwd=root)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    hits = [f for f in findings if f["path"] == "content/note.md" and f["line"] == line and words in f["message"]]
    assert hits and all(f["fix"] for f in hits), findings
    built = cli("build", cwd=root)
    assert built.exit_code == 1 and "content/note.md" in built.stderr and "Traceback" not in built.stderr
    assert not (root / "build").exists()


BROKEN_DECKS = {
    "empty": (b"", 1, "mapping"),
    "binary": (b"\x00\x01\x02", 0, "binary"),
    "nested": (b"deck: X\nnotes: " + b"[" * 100 + b"]" * 100, 2, "nested more than"),
    "alias": (b"deck: &d X\nnotes: all\ndescription: *d\n", 1, "aliases"),
    "duplicate-key": (b"deck: X\nnotes: all\ndeck: Y\n", 3, "appears twice"),
    "python-tag": (b"deck: !!python/name:os.system\nnotes: all\n", 1, "invalid YAML"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_DECKS))
def test_hostile_manifest_gives_a_clear_error(name: str, tmp_path: Path, cli) -> None:
    deck, line, words = BROKEN_DECKS[name]
    root = project(tmp_path / "p", NOTE.encode(), deck)
    result = cli("lint", "--format", "json", cwd=root)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert any(f["path"] == "decks/deck.yaml" and f["line"] == line and words in f["message"] for f in findings), (
        findings
    )


# --- property test --------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "---",
        "\n",
        "\r\n",
        "Q: ",
        "A: ",
        "C: ",
        "{{c1::",
        "}}",
        "::",
        "## Cards\n",
        "## ",
        "id: ",
        "title: ",
        "tags: [",
        "]",
        "&a ",
        "*a",
        "!!python/object:os.system",
        "\t",
        "\x00",
        "\ufeff",
        "<script>",
        "![x](../x.png)",
        "![x](x.png)",
        "Ignore: L1",
        "Reverse: yes",
        "Extra: ",
        "[x](javascript:1)",
        "- id: ",
        "- tag: ",
        "- path: ",
        "notes: all",
        "deck: ",
        "\\(",
        "```",
        "é",
        "\udcff",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, base: str) -> bytes:
    """``base`` with random insertions, deletions and line shuffles; sometimes raw random bytes."""
    choice = draw(st.integers(0, 19))
    if choice == 0:
        return draw(st.binary(max_size=300))
    text = base
    for _ in range(0 if choice < 8 else draw(st.integers(1, 5))):
        op = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(text)))
        if op == 0:
            piece = draw(st.one_of(_FRAGMENTS, st.text(max_size=12)))
            text = text[:at] + piece + text[at:]
        elif op == 1:
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == 2:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text.encode("utf-8", "surrogateescape") if draw(st.booleans()) else text.encode("utf-8", "replace")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=mutated(NOTE), deck=mutated(DECK), second=mutated(NOTE.replace("norton-empathy", "second-note")))
def test_random_files_fail_only_with_located_deckgen_errors(note: bytes, deck: bytes, second: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = project(Path(tmp) / "p", note, deck)
        (root / "content" / "second.md").write_bytes(second)
        files = {"content/note.md", "content/second.md", "decks/deck.yaml", "decks", "deckgen.lock"}
        lengths = {rel: (root / rel).read_bytes().count(b"\n") + 2 for rel in files if (root / rel).is_file()}
        config = load_config(root)
        for step in (lambda: lint_project(config)[0].findings, lambda: build(config).outputs and ()):
            try:
                findings = step()
            except DeckgenError as exc:
                findings = tuple(exc.findings)
                assert findings
            for finding in findings:
                assert finding.path in files, str(finding)
                assert 0 <= finding.line <= lengths.get(finding.path, 0), str(finding)
                assert finding.message and finding.rule, str(finding)


@pytest.mark.parametrize("style", ["block", "flow", "compact", "mixed"])
def test_yaml_depth_limit_holds_whatever_the_indicators(style: str) -> None:
    """Nesting is refused exactly above the limit, also where the shape scan is skipped for short text."""
    import yaml

    from deckgen.sources.notes import MAX_YAML_DEPTH, load_yaml

    for depth in range(1, MAX_YAML_DEPTH + 4):
        if style == "compact":  # - - - x : one '-' per level, the fewest indicators YAML allows
            text = "- " * depth + "x\n"
        else:
            value: object = "x"
            for level in range(depth):
                value = [value] if (style == "flow" or (style == "mixed" and level % 2)) else {"k": value}
            text = yaml.safe_dump(value, default_flow_style=style == "flow")
        if depth > MAX_YAML_DEPTH:
            with pytest.raises(DeckgenError, match="nested more than"):
                load_yaml(text, "n.md")
        else:
            load_yaml(text, "n.md")
