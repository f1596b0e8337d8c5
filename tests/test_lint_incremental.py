"""`deckgen lint` reuses each unchanged note's findings and the last run's near duplicates (L16),
and still reports exactly what a run without any cache reports, whatever changed."""

from __future__ import annotations

from pathlib import Path

from conftest import ONE_CARD_NOTE, write

from deckgen import api
from deckgen.builder.pipeline import lint_project
from deckgen.core.config import load_config
from deckgen.core.diskcache import CACHE_DIR

SIMILAR = "Q: Why does the quarterly roadmap review decide pricing experiments for growth teams?\nA: Because {x}.\n"
OTHER = "Q: Which interview habit does {x} recommend for discovery research?\nA: Listening.\n"


def _note(root: Path, note_id: str, *cards: str) -> None:
    """A note with conftest's one card and ``cards`` after it."""
    text = ONE_CARD_NOTE.format(id=note_id, title=f"Essay {note_id}", answer="Small steps.")
    write(root / "content" / f"{note_id}.md", text + "".join(f"\n{card}" for card in cards))


def _same_as_uncached(root: Path) -> list[str]:
    config = load_config(root)
    cached = api.lint(config)
    cold, _ = lint_project(config, cache=None)
    assert cached.findings == cold.findings
    return [f"{f.path}:{f.rule}" for f in cached.findings if f.rule == "L16"]


def test_near_duplicates_follow_every_kind_of_change(project: Path) -> None:
    write(project / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    _note(project, "alpha", SIMILAR.format(x="alpha"), OTHER.format(x="alpha"))
    _note(project, "beta", SIMILAR.format(x="beta"))
    for n in range(30):  # enough unchanged notes for the reuse path to be taken
        _note(project, f"n{n:02d}", OTHER.format(x=f"n{n:02d} about topic {n}"))
    first = _same_as_uncached(project)
    assert first == ["content/beta.md:L16"]
    assert (project / CACHE_DIR / "notes.sqlite").is_file()
    _note(project, "gamma", SIMILAR.format(x="gamma"))  # a new note with a third copy
    assert _same_as_uncached(project) == ["content/beta.md:L16", "content/gamma.md:L16", "content/gamma.md:L16"]
    _note(project, "alpha", OTHER.format(x="alpha"))  # the first copy goes: the others now pair with each other
    assert _same_as_uncached(project) == ["content/gamma.md:L16"]
    (project / "content" / "beta.md").unlink()
    assert _same_as_uncached(project) == []
    _note(project, "aardvark", SIMILAR.format(x="aardvark"))  # sorts first: every position shifts
    assert _same_as_uncached(project) == ["content/gamma.md:L16"]
    assert _same_as_uncached(project) == ["content/gamma.md:L16"]  # nothing changed: all reused


def test_a_build_between_two_lints_keeps_the_near_duplicate_record(project: Path) -> None:
    """A build skips L16 (it only warns) but must not drop what lint recorded for the next lint."""
    import sqlite3

    from deckgen.builder.pipeline import build

    write(project / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    _note(project, "alpha", SIMILAR.format(x="alpha"))
    _note(project, "beta", SIMILAR.format(x="beta"))
    assert _same_as_uncached(project) == ["content/beta.md:L16"]
    build(load_config(project))
    db = sqlite3.connect(project / CACHE_DIR / "notes.sqlite")
    keys = {key for (key,) in db.execute("SELECT key FROM entries")}
    db.close()
    assert "project:near-duplicates" in keys and "content/alpha.md" in keys
