"""`deckgen diff`, `build --dry-run`, the changelog, release numbers, and the schema-freeze guard."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import run_deckgen, write

import deckgen.builder.pipeline
from deckgen.anki.notetypes import Template, note_types
from deckgen.builder.changelog import changelog_path
from deckgen.builder.pipeline import build
from deckgen.core.config import load_config
from deckgen.core.errors import SchemaFrozenError
from deckgen.lock.guard import check_frozen_schema
from deckgen.lock.records import Lock, read_lock

NOTE = """\
---
id: cagan
title: Inspired
author: Marty Cagan
tags: [discovery]
---
Blurb <b>bold</b>.

## Cards

Q: In Cagan's 'Inspired', which four risks does discovery address?
A: Value, usability, feasibility and viability.

Q: In Cagan's 'Inspired', who owns value and viability risk?
A: The product manager.

Q: In Cagan's 'Inspired', what is an empowered team given?
A: Problems to solve, not features to build.
"""

T0 = 1_700_000_000


def release_two(project: Path) -> Path:
    """Release 1 built; then edit one answer, retire one card, add one, rename the deck."""
    path = write(project / "content" / "cagan.md", NOTE)
    write(project / "decks" / "discovery.yaml", "deck: PM::Discovery\ndescription: Read *first*.\nnotes: all\n")
    build(load_config(project), now=T0)
    text = NOTE.replace("A: The product manager.", "A: The product manager, always.")
    text = text.replace("which four risks does discovery address?", "which four risks must discovery address?")
    text = text.replace(
        "Q: In Cagan's 'Inspired', what is an empowered team given?\nA: Problems to solve, not features to build.\n",
        "Q: In Cagan's 'Inspired', what makes a team <script>x</script> missionaries?\nA: Owning problems.\n",
    )
    path.write_text(text)
    write(project / "decks" / "discovery.yaml", "deck: PM::Product Discovery\ndescription: Read *first*.\nnotes: all\n")
    return path


def test_diff_reports_every_kind_of_change_and_writes_nothing(project: Path) -> None:
    release_two(project)
    lock = (project / "deckgen.lock").read_bytes()
    apkg = (project / "build" / "discovery.apkg").read_bytes()
    result = run_deckgen("diff", cwd=project, env={"SOURCE_DATE_EPOCH": str(T0 + 86_400)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "PM::Product Discovery — release 2, 2023-11-15" in out
    assert "+ added     cagan/" in out and "what makes a team" in out
    assert "~ edited" in out and "The product manager." in out and "The product manager, always." in out
    assert "- retired" in out and "empowered team" in out
    assert "> moved     3 card(s) from deck 'PM::Discovery'" in out
    assert "= unchanged 1" in out  # the author card
    assert "question In Cagan's 'Inspired', which four      → In Cagan's 'Inspired', which four" in out  # side by side
    assert "Match decisions:" in out and "kept its identity (same answer, question reworded)" in out
    assert "tag:deckgen::retired" in out
    assert (project / "deckgen.lock").read_bytes() == lock
    assert (project / "build" / "discovery.apkg").read_bytes() == apkg


def test_diff_json_is_machine_readable(project: Path) -> None:
    release_two(project)
    result = run_deckgen("diff", "--format", "json", cwd=project, env={"SOURCE_DATE_EPOCH": str(T0 + 86_400)})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [deck] = data["decks"]
    assert deck["deck"] == "PM::Product Discovery" and deck["version"] == 2 and deck["bumped"] is True
    assert deck["previous_names"] == ["PM::Discovery"]
    assert len(deck["added"]) == 1 and len(deck["edited"]) == 2 and len(deck["retired"]) == 1
    [owner] = [c for c in deck["edited"] if c["old_back"] == "The product manager."]
    assert owner["back"] == "The product manager, always." and owner["front"] == owner["old_front"]
    [risks] = [c for c in deck["edited"] if c["reason"]]
    assert risks["reason"] == "same answer, question reworded" and "must discovery" in risks["front"]
    assert [d["previous"] for d in data["decisions"] if d["reason"] == risks["reason"]] == [risks["uid"]]
    assert [m["from_deck"] for m in deck["moves"]] == ["PM::Discovery"]
    assert deck["moves"][0]["search"].startswith('"deck:PM::Discovery" (DeckgenId:cagan/*)')
    assert data["retired_search"] == "tag:deckgen::retired"
    assert any("stay in deck 'PM::Discovery'" in w for w in data["warnings"])
    assert run_deckgen("diff", "--format", "yaml", cwd=project).returncode == 2


def test_build_dry_run_shows_the_same_report(project: Path) -> None:
    release_two(project)
    env = {"SOURCE_DATE_EPOCH": str(T0 + 86_400)}
    diff = run_deckgen("diff", cwd=project, env=env).stdout
    dry = run_deckgen("build", "--dry-run", cwd=project, env=env)
    assert dry.returncode == 0, dry.stderr
    assert diff.strip() in dry.stdout and "Dry run: nothing was written." in dry.stdout
    assert not changelog_path(project / "build", "discovery").read_text().count("## Release 2")


def test_changelog_keeps_earlier_entries_and_description_shows_release(project: Path) -> None:
    release_two(project)
    build(load_config(project), now=T0 + 86_400)
    text = changelog_path(project / "build", "discovery").read_text()
    assert text.index("## Release 2 — 2023-11-15") < text.index("## Release 1 — 2023-11-14")
    assert "The product manager. → **The product manager, always.**" in text
    assert "**Retired (1)**" in text and "`tag:deckgen::retired`" in text
    assert "This deck was renamed" in text and "Cards → Change Deck" in text
    assert "&lt;script>" in text and "<script>" not in text  # no tag a Markdown viewer would run
    # an unchanged rebuild neither bumps the release nor touches the changelog
    before = text
    build(load_config(project), now=T0 + 2 * 86_400)
    assert changelog_path(project / "build", "discovery").read_text() == before
    with zipfile.ZipFile(project / "build" / "discovery.apkg") as archive:
        db = project / "col.anki2"
        db.write_bytes(archive.read("collection.anki2"))
    decks = json.loads(sqlite3.connect(db).execute("select decks from col").fetchone()[0])
    [desc] = [d["desc"] for d in decks.values() if d["name"] == "PM::Product Discovery"]
    assert "Read <em>first</em>." in desc and "Release 2 · 2023-11-15" in desc


def test_schema_change_to_a_shipped_note_type_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "content" / "cagan.md", NOTE)
    write(project / "decks" / "discovery.yaml", "deck: PM::Discovery\nnotes: all\n")
    build(load_config(project), now=T0)
    lock = (project / "deckgen.lock").read_bytes()
    qa, cloze = note_types()
    forked = replace(
        qa, fields=qa.fields + ("Notes",), templates=qa.templates + (Template("Third", "{{Notes}}", "{{Notes}}"),)
    )
    monkeypatch.setattr(deckgen.builder.pipeline, "note_types", lambda: (forked, cloze))
    with pytest.raises(SchemaFrozenError) as caught:
        build(load_config(project), now=T0 + 10)
    message = str(caught.value)
    assert "deckgen Q/A" in message and "Notes" in message and "Third" in message and "deckgen Q/A+" in message
    assert (project / "deckgen.lock").read_bytes() == lock, "nothing written"
    # template text and CSS are free to change
    restyled = replace(
        qa, css=qa.css + "\n.x {}", templates=tuple(replace(t, qfmt=t.qfmt + "<br>") for t in qa.templates)
    )
    monkeypatch.setattr(deckgen.builder.pipeline, "note_types", lambda: (restyled, cloze))
    result = build(load_config(project), now=T0 + 20)
    assert result.report.note_types == (("deckgen Q/A", "changed"),)


def test_guard_matches_a_renamed_note_type_by_id() -> None:
    qa, _ = note_types()
    lock, new_lock = Lock(), Lock()
    check_frozen_schema([qa], lock, new_lock)
    renamed = replace(qa, name="Renamed", kind="cloze")
    with pytest.raises(SchemaFrozenError, match="kind: standard -> cloze"):
        check_frozen_schema([renamed], new_lock, Lock())


def test_schema_refusal_from_the_cli_exits_1(project: Path) -> None:
    write(project / "content" / "cagan.md", NOTE)
    write(project / "decks" / "discovery.yaml", "deck: PM::Discovery\nnotes: all\n")
    build(load_config(project), now=T0)
    lock = read_lock(project / "deckgen.lock")
    record = lock.notetypes["deckgen Q/A"]
    assert record.schema is not None
    old_schema = replace(record.schema, fields=(*record.schema.fields, "OldField"))  # a schema shipped earlier
    lock.notetypes["deckgen Q/A"] = replace(record, schema=old_schema)
    (project / "deckgen.lock").write_text(lock.to_text())
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1
    assert "schema-frozen" in result.stderr and "nothing was written" in result.stderr


def test_note_dropped_from_every_deck_is_reported(project: Path) -> None:
    write(project / "content" / "cagan.md", NOTE)
    write(project / "content" / "other.md", NOTE.replace("id: cagan", "id: other").replace("Cagan's", "Other's"))
    write(project / "decks" / "discovery.yaml", "deck: PM::Discovery\nnotes: all\n")
    build(load_config(project), now=T0)
    write(project / "decks" / "discovery.yaml", "deck: PM::Discovery\nnotes:\n  - id: other\n")
    result = build(load_config(project), now=T0 + 10)
    assert [w for w in result.warnings if "no longer in any deck" in w] == [
        "note 'cagan' is no longer in any deck, so its cards are retired from 'PM::Discovery' "
        "(learners find them with tag:deckgen::retired) — add it back to a deck manifest to restore them"
    ]


def test_a_new_deck_shows_every_card_as_new_to_its_learners(tmp_path: Path) -> None:
    """A deck added to a built project: its cards are in the lock already, but its learners have none of them."""
    from conftest import ONE_CARD_NOTE, run_deckgen, write

    project = tmp_path / "p"
    write(
        project / "deckgen.toml",
        '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n\n[generate]\nenabled = false\n',
    )
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    write(project / "decks" / "week.yaml", "deck: Week One\nnotes: all\n")
    shown = run_deckgen("diff", "week", cwd=project).stdout
    assert "Week One — release 1" in shown and "+ added     a/" in shown and "unchanged 1" not in shown
    report = json.loads(run_deckgen("diff", "--format", "json", cwd=project).stdout)
    decks = {d["deck"]: d for d in report["decks"]}
    assert len(decks["Week One"]["added"]) == 1 and decks["All"]["added"] == []


def test_the_changelog_reads_as_plain_text(tmp_path: Path) -> None:
    """Learners often read the .md as it is: no HTML character codes, a cloze as the sentence with its words shown."""
    project = tmp_path / "p"
    write(
        project / "deckgen.toml",
        '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n\n[generate]\nenabled = false\n',
    )
    note = write(
        project / "content" / "a.md",
        "---\nid: a\ntitle: Alpha\n---\n## Cards\n\nC: Good PMs {{c1::crisply define}} what success looks like.\n\n"
        'Q: What is the "how"?\nA: The team\'s call.\n',
    )
    write(project / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    note.write_text(
        note.read_text().replace("looks like.", "looks like, in writing.").replace("call.", "call & <b>choice</b>.")
    )
    assert run_deckgen("build", cwd=project).returncode == 0
    newest = (project / "build" / "all.changelog.md").read_text().split("## Release 2", 1)[1].split("## Release 1")[0]
    assert "Good PMs crisply define what success looks like, in writing." in newest
    assert 'What is the "how"?' in newest and "The team's call & &lt;b>choice&lt;/b>." in newest
    assert "{{" not in newest and "&#" not in newest and "&quot;" not in newest and "<b>" not in newest


def test_a_release_no_card_explains_says_what_it_is_about(project: Path) -> None:
    """A PM lead's try: renaming a note file in a deck that selects notes by path gave 'release 21 … = unchanged 91'
    with no word why (the order new cards arrive in follows the file names)."""
    from conftest import ONE_CARD_NOTE

    write(project / "decks" / "all.yaml", 'deck: All\nnotes:\n  - path: "content/*.md"\n')
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="alpha", title="Alpha", answer="The first point."))
    write(project / "content" / "b.md", ONE_CARD_NOTE.format(id="beta", title="Beta", answer="The second point."))
    assert run_deckgen("build", cwd=project).returncode == 0
    (project / "content" / "a.md").rename(project / "content" / "z.md")
    shown = run_deckgen("diff", cwd=project)
    assert shown.returncode == 0 and "release 2" in shown.stdout and "(nothing changes)" not in shown.stdout
    assert "(a new release for the order new cards arrive in" in shown.stdout, shown.stdout


def test_a_note_whose_id_changed_is_named_with_the_id_to_write_back(shipped: Path) -> None:
    """A PM lead's try: changing a note's 'id:' retired its generated cards and added the same ones again (learners
    lose their history on them), and nothing said why. The build and diff name the old id to write back."""
    # (Graham's note was the example until the answer floor left it no generated card; Cagan's keeps one)
    note = shipped / "content" / "essays" / "cagan-product-vs-feature-teams.md"
    old, new = "cagan-product-vs-feature-teams", "cagan-teams"
    note.write_text(note.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n", 1))
    decks = [shipped / "decks" / "onboarding.yaml", shipped / "decks" / "foundations.yaml"]
    for deck in decks:
        deck.write_text(deck.read_text(encoding="utf-8").replace(f"- id: {old}", f"- id: {new}"))
    said = f"content/essays/cagan-product-vs-feature-teams.md: note '{new}' looks like note '{old}' with a new id"
    for command in (("diff",), ("build", "--dry-run")):
        run = run_deckgen(*command, cwd=shipped)
        assert run.returncode == 0 and said in " ".join((run.stdout + run.stderr).split()), run.stderr
        assert f"write 'id: {old}' back" in " ".join((run.stdout + run.stderr).split())
    # written back, nothing is said
    note.write_text(note.read_text(encoding="utf-8").replace(f"id: {new}\n", f"id: {old}\n", 1))
    for deck in decks:
        deck.write_text(deck.read_text(encoding="utf-8").replace(f"- id: {new}", f"- id: {old}"))
    run = run_deckgen("diff", cwd=shipped)
    assert "looks like note" not in run.stdout + run.stderr


def test_entries_an_older_deckgen_recorded_read_as_plain_text_too(shipped: Path) -> None:
    """A learner's read of the shipped changelog: entries recorded before the plain-text fix (they stay in deckgen.lock
    as written) showed '{{c1::specific}}' and '&quot;Jobs to Be Done&quot;'; they are shown as today's entries are."""
    lock = (shipped / "deckgen.lock").read_text(encoding="utf-8")
    assert "{{c1::specific}}" in lock and "&quot;Jobs to Be Done&quot;" in lock  # the entries this is about
    assert run_deckgen("build", cwd=shipped).returncode == 0
    assert (shipped / "deckgen.lock").read_text(encoding="utf-8") == lock  # the record itself is kept as it was
    for path in [*(shipped / "build").glob("*.changelog.md"), shipped / "build" / "CHANGELOG.md"]:
        text = path.read_text(encoding="utf-8")
        assert "{{c" not in text and "&quot;" not in text and "&#" not in text, path
    combined = (shipped / "build" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "vocabulary for feedback that is specific rather than personal" in combined
    assert "'Know Your Customers' \"Jobs to Be Done\"'" in combined
    page = (shipped / "build" / "site" / "changelog.html").read_text(encoding="utf-8")
    assert "c1::" not in page and "feedback that is specific rather than personal" in page
