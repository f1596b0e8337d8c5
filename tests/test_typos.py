"""A typo never changes what ships, and deckgen's own tag namespace stays deckgen's (issue 12, items 2 and 8)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config
from deckgen.lock.retire import RETIRED_SEARCH

NOTE = """\
---
id: horowitz
title: Good Product Manager/Bad Product Manager
author: Ben Horowitz
tags: [roles]
---
Blurb.

## Cards

Q: In Horowitz's memo, what does a good PM know in depth?
A: The market, the product, the competition.

Q: In Horowitz's memo, what does a good PM crisply define?
A: The target.
"""

OTHER = """\
---
id: norton
title: Product Management Is Empathy
tags: [craft]
---
## Cards

Q: What does Norton call the PM's core skill?
A: Empathy.
"""


def _project(root: Path) -> Path:
    write(root / "deckgen.toml", '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n')
    write(root / "content" / "horowitz.md", NOTE)
    write(root / "content" / "norton.md", OTHER)
    write(root / "decks" / "roles.yaml", "deck: PM::Roles\nnotes:\n  - tag: roles\n  - tag: craft\n")
    return root


def test_misspelt_front_matter_key_stops_the_build_and_changes_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    assert run_deckgen("build", cwd=root).returncode == 0
    lock = (root / "deckgen.lock").read_bytes()
    package = sorted((root / "build").glob("*.apkg"))[0]
    shipped = package.read_bytes()
    note = root / "content" / "horowitz.md"
    note.write_text(NOTE.replace("author:", "auther:").replace("tags: [roles]", "tag: [roles]"))
    result = run_deckgen("build", cwd=root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert (
        "content/horowitz.md:4:1: unknown-key: unknown front-matter key 'auther' — did you mean 'author'?"
        in result.stderr
    )
    assert (
        "content/horowitz.md:5:1: unknown-key: unknown front-matter key 'tag' — did you mean 'tags'?" in result.stderr
    )
    assert "'meta:'" in result.stderr  # says where a team's own keys go
    assert (root / "deckgen.lock").read_bytes() == lock, "nothing retired, nothing recorded"
    assert package.read_bytes() == shipped
    lint = run_deckgen("lint", cwd=root)
    assert lint.returncode == 1 and "did you mean 'author'?" in lint.stdout + lint.stderr


def test_own_keys_under_meta_are_never_read(tmp_path: Path) -> None:
    plain = _project(tmp_path / "plain")
    with_meta = _project(tmp_path / "meta")
    write(
        with_meta / "content" / "horowitz.md",
        NOTE.replace("tags: [roles]\n", "tags: [roles]\nmeta:\n  reviewer: ana\n  tags: [deckgen::retired]\n  id: x\n"),
    )
    now = int(time.time()) - 1000
    first = build(load_config(plain), now=now).outputs
    second = build(load_config(with_meta), now=now).outputs
    assert [Path(p).name for p in first] == [Path(p).name for p in second]
    for a, b in zip(first, second, strict=True):
        if Path(a).suffix == ".apkg":
            assert Path(a).read_bytes() == Path(b).read_bytes()
    assert (plain / "deckgen.lock").read_bytes() == (with_meta / "deckgen.lock").read_bytes()
    write(with_meta / "content" / "horowitz.md", NOTE.replace("tags: [roles]\n", "tags: [roles]\nmeta: ana\n"))
    result = run_deckgen("build", cwd=with_meta)
    assert result.returncode == 1 and "content/horowitz.md:6:1: bad-type: 'meta' must be a mapping" in result.stderr


def test_misspelt_manifest_and_track_keys_are_located_errors_with_a_suggestion(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    write(root / "decks" / "roles.yaml", "deck: PM::Roles\ndescriptoin: Roles.\nnotes:\n  - tags: roles\n")
    write(
        root / "decks" / "tracks" / "apm.yaml",
        "track: APM\nrole: APM\nnew_per_dya: 6\nstages:\n  - tilte: Week\n    decks: [roles]\n",
    )
    result = run_deckgen("lint", cwd=root)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "decks/roles.yaml:2:1: manifest: unknown key 'descriptoin' — did you mean 'description'?" in out
    assert "decks/roles.yaml:4:1: manifest: unknown selector 'tags' — did you mean 'tag'?" in out
    write(root / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    result = run_deckgen("build", cwd=root)
    assert result.returncode == 1
    assert "decks/tracks/apm.yaml:3:1: track: unknown key 'new_per_dya' — did you mean 'new_per_day'?" in result.stderr
    assert "decks/tracks/apm.yaml:5:1: track: unknown stage key 'tilte' — did you mean 'title'?" in result.stderr


def test_reserved_tags_are_refused_in_notes_and_manifests(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    write(root / "content" / "horowitz.md", NOTE.replace("tags: [roles]", "tags: [roles, Deckgen::Retired]"))
    result = run_deckgen("build", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/horowitz.md:5:1: reserved-tag: tag 'Deckgen::Retired' is reserved" in result.stderr
    assert not (root / "deckgen.lock").exists()
    write(root / "content" / "horowitz.md", NOTE)
    write(root / "decks" / "roles.yaml", "deck: PM::Roles\nnotes:\n  - tag: deckgen::retired\n  - tag: roles\n")
    result = run_deckgen("build", cwd=root)
    assert result.returncode == 1
    assert "decks/roles.yaml:3:1: reserved-tag: tag 'deckgen::retired' is reserved" in result.stderr


def test_cleanup_search_selects_only_retired_cards_in_anki(tmp_path: Path) -> None:
    """A live note tagged like a retired one cannot ship, so the changelog's search is safe to act on."""
    root = _project(tmp_path / "p")
    write(root / "content" / "norton.md", OTHER.replace("tags: [craft]", "tags: [craft, deckgen::retired]"))
    assert run_deckgen("build", cwd=root).returncode == 1
    write(root / "content" / "norton.md", OTHER)
    config = load_config(root)
    base = int(time.time()) - 100_000
    first = Path(build(config, now=base).outputs[0])
    release1 = shutil.copy(first, tmp_path / "release1.apkg")
    (root / "content" / "horowitz.md").write_text(NOTE.split("\nQ: In Horowitz's memo, what does a good PM crisply")[0])
    second = Path(build(config, now=base + 1000).outputs[0])
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, Path(release1))
        import_apkg(col, second)
        found = {col.get_card(cid).question() for cid in col.find_cards(RETIRED_SEARCH)}
        assert len(found) == 1 and "crisply define" in next(iter(found))
        live = set(col.find_cards("")) - set(col.find_cards(RETIRED_SEARCH))
        assert len(live) == 2  # the two live Q/A cards (no generated card: author and title cards are opt-in)
    finally:
        col.close()
