"""Re-importing a changed source never loses the curator's work (issue 12, item 6).

Three-way, part by part: what the source said at the last import (recorded in
``.deckgen-import/``), what the curator changed since, what the source says now.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import FIXTURES, run_deckgen, write
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.sources.notes import parse_note

SEED = FIXTURES / "gold" / "bezos-day-one.txt"
TARGET = "content/essays/2016-letter-to-shareholders.md"
CENTRAL = "Bezos argues that Day 2 is stasis"
WHY = "Product teams routinely treat two-way-door decisions"
DECISIONS = "Building on his 2015 letter"


def _curate(path: Path) -> None:
    text = path.read_text()
    text = text.replace("title: 2016 Letter to Shareholders", "title: Bezos's 2016 Letter to Shareholders")
    text = text.replace("Jeff Bezos used his 2016 letter", "In his 2016 letter Jeff Bezos used the chance")
    text = text.replace(DECISIONS, "Following on from his 2015 letter")
    text = text.replace(WHY, "Teams here treat two-way-door decisions")
    text = text.replace("\ntags: ", "\n# reviewed by Ana, March\ntags: ")
    text = text.replace("imported:", "generate: {skip: [emphasis]}\nimported:")
    text = text.replace(
        "## Cards\n",
        "## Our take\nWe use the two-way door in every planning review.\n\n## Cards\n\n"
        "Q: In Bezos's 2016 letter, what follows Day 2 stasis?\nA: Irrelevance, then decline.\n",
    )
    path.write_text(text)


def test_reimport_keeps_every_curator_change_applies_the_sources_and_reports_conflicts(
    project: Path, tmp_path: Path
) -> None:
    source = tmp_path / "inbox" / "bezos.txt"
    source.parent.mkdir()
    shutil.copy(SEED, source)
    first = run_deckgen("import", str(source), "--into", "content/essays", cwd=project)
    assert first.returncode == 0, first.stderr
    note_path = project / TARGET
    assert (project / ".deckgen-import" / "2016-letter-to-shareholders.json").is_file()
    _curate(note_path)
    curated = note_path.read_text()

    # the source changes the central argument (untouched by the curator) and the
    # 'Why it matters' section (which the curator also rewrote)
    source.write_text(
        SEED.read_text()
        .replace(CENTRAL, "Bezos holds that Day 2 is stasis")
        .replace(WHY, "Many product teams treat two-way-door decisions")
    )
    dry = run_deckgen("import", str(source), "--dry-run", cwd=project)
    assert dry.returncode == 0, dry.stderr
    assert "would update " + TARGET in dry.stdout
    assert f"--- a/{TARGET}" in dry.stdout and f"+++ b/{TARGET}" in dry.stdout
    assert any(line.startswith("-" + CENTRAL) for line in dry.stdout.splitlines())
    assert any(line.startswith("+Bezos holds that Day 2") for line in dry.stdout.splitlines())
    assert "conflict section 'Why it matters for product'" in dry.stdout
    assert note_path.read_text() == curated, "a dry run writes nothing"

    result = run_deckgen("import", str(source), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "updated " + TARGET in result.stdout
    conflicts = [line for line in result.stdout.splitlines() if "conflict" in line]
    assert len(conflicts) == 1 and "section 'Why it matters for product'" in conflicts[0]
    assert "Many product teams" in conflicts[0]
    text = note_path.read_text()
    note = parse_note(text, TARGET)
    assert note.title == "Bezos's 2016 Letter to Shareholders"
    assert note.blurb.startswith("In his 2016 letter Jeff Bezos used the chance")
    assert note.section("Decisions").text.startswith("Following on from his 2015 letter")
    assert note.section("Central argument").text.startswith("Bezos holds that Day 2 is stasis")
    assert note.section("Why it matters for product").text.startswith("Teams here treat")
    assert note.section("Our take").text == "We use the two-way door in every planning review."
    assert "# reviewed by Ana, March" in text
    assert note.meta["generate"] == {"skip": ["emphasis"]}
    assert [b.get("A") for b in note.card_blocks] == ["Irrelevance, then decline."]

    # the same source again: nothing to do, and the settled conflict is not reported again
    again = run_deckgen("import", str(source), cwd=project)
    assert again.returncode == 0 and again.stdout.startswith("unchanged"), again.stdout
    assert "conflict" not in again.stdout


def test_both_changing_the_title_keeps_the_curators_and_says_so(project: Path, tmp_path: Path) -> None:
    source = shutil.copy(SEED, tmp_path / "bezos.txt")
    assert run_deckgen("import", str(source), "--into", "content/essays", cwd=project).returncode == 0
    note_path = project / TARGET
    note_path.write_text(note_path.read_text().replace("title: 2016 Letter", "title: The 2016 Letter"))
    Path(source).write_text(SEED.read_text().replace("2016 Letter to Shareholders", "Letter to Shareholders (2016)", 1))
    result = run_deckgen("import", str(source), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "conflict title: kept your text (the source changed it too); the source now says 'Letter to" in result.stdout
    assert parse_note(note_path.read_text(), TARGET).title == "The 2016 Letter to Shareholders"


def test_a_section_the_source_adds_or_drops_follows_the_source_unless_curated(project: Path, tmp_path: Path) -> None:
    source = shutil.copy(SEED, tmp_path / "bezos.txt")
    assert run_deckgen("import", str(source), "--into", "content/essays", cwd=project).returncode == 0
    note_path = project / TARGET
    seed = SEED.read_text()
    decisions = seed[seed.index("Decisions\n") : seed.index("Why it matters for product\n")]
    added = "Customer obsession\nBezos says customers are always beautifully, wonderfully dissatisfied.\n"
    Path(source).write_text(seed.replace(decisions, added))
    result = run_deckgen("import", str(source), cwd=project)
    assert result.returncode == 0 and "conflict" not in result.stdout, result.stdout
    note = parse_note(note_path.read_text(), TARGET)
    headings = [s.heading for s in note.sections]
    assert "Decisions" not in headings  # the source dropped it, the curator never touched it
    assert headings.index("Customer obsession") == headings.index("Central argument") + 1


def test_the_curators_and_the_sources_edits_to_different_lines_of_a_section_both_land() -> None:
    # Before (123f179): the whole section was one unit, so the curator's edit of line 1 kept the section as the
    # curator had it and dropped the source's edit of line 3, quoting the section's first line as the conflict.
    from dataclasses import replace

    from deckgen.authoring.importing import Parts, merge_parts

    base = Parts("T", "A", "", (), (), "Blurb.", (("Key ideas", "1. Stocks.\n2. Loops.\n3. Delays cause swings."),))
    ours = replace(base, sections=(("Key ideas", "1. Stocks and flows.\n2. Loops.\n3. Delays cause swings."),))
    theirs = replace(base, sections=(("Key ideas", "1. Stocks.\n2. Loops.\n3. Lags cause swings."),))
    merged = merge_parts(base, ours, theirs)
    assert merged.conflicts == ()
    assert merged.parts.sections == (("Key ideas", "1. Stocks and flows.\n2. Loops.\n3. Lags cause swings."),)
    # both edit line 3: the curator's line stays, and the conflict quotes the source's
    clash = replace(base, sections=(("Key ideas", "1. Stocks.\n2. Loops.\n3. Delays cause oscillation."),))
    merged = merge_parts(base, clash, theirs)
    (conflict,) = merged.conflicts
    assert conflict.endswith("the source now says '3. Lags cause swings.'"), conflict
    assert merged.parts.sections == clash.sections


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdefgh .", min_size=1, max_size=12), min_size=1, max_size=8),
    st.data(),
)
def test_a_section_merge_keeps_both_sides_edits_to_different_paragraphs(paragraphs: list[str], data) -> None:
    from dataclasses import replace

    from deckgen.authoring.importing import Parts, merge_parts

    base_lines = [f"{i}: {p}" for i, p in enumerate(paragraphs)]  # distinct paragraphs
    ours_at = data.draw(st.sets(st.integers(0, len(base_lines) - 1)))
    theirs_at = data.draw(st.sets(st.integers(0, len(base_lines) - 1)))
    ours_lines = [f"{line} (ours)" if i in ours_at else line for i, line in enumerate(base_lines)]
    theirs_lines = [f"{line} (theirs)" if i in theirs_at else line for i, line in enumerate(base_lines)]
    base = Parts("T", "A", "", (), (), "Blurb.", (("Key ideas", "\n".join(base_lines)),))
    ours = replace(base, sections=(("Key ideas", "\n".join(ours_lines)),))
    theirs = replace(base, sections=(("Key ideas", "\n".join(theirs_lines)),))
    merged = merge_parts(base, ours, theirs)
    (text,) = [t for h, t in merged.parts.sections if h == "Key ideas"]
    lines = text.split("\n")
    for i in ours_at:
        assert f"{base_lines[i]} (ours)" in lines  # the curator's edits always stay
    lost = [i for i in theirs_at if f"{base_lines[i]} (theirs)" not in lines]
    assert not lost or merged.conflicts  # a source edit that does not land is always reported
    near = {j for i in theirs_at for j in (i - 1, i, i + 1)}
    if not ours_at & near:  # no paragraph edited by one side next to one edited by the other: both land
        assert not lost and merged.conflicts == () and len(lines) == len(base_lines)
    if ours_at & theirs_at:
        assert merged.conflicts  # both edited one paragraph: reported, the curator's kept


def test_a_guess_marked_check_is_linted_until_the_curator_deletes_the_comment(project: Path, tmp_path: Path) -> None:
    """`deckgen import` marks a guessed author '# CHECK: …' (the README: "search the note for it"), and nothing
    reminded the curator: a wrong guess ('Henning and Queue's', last session) was in every card's question. Lint
    warns at the line until the comment is deleted; a re-import keeps the confirmation. Fails on 301c660."""
    source = tmp_path / "inbox" / "bezos.txt"
    source.parent.mkdir()
    shutil.copy(SEED, source)
    assert run_deckgen("import", str(source), "--into", "content/essays", cwd=project).returncode == 0
    note_path = project / TARGET
    text = note_path.read_text()
    if "# CHECK:" not in text:  # the fixture's author is certain: mark it as an inferred one is marked
        text = text.replace("\nauthor: Jeff Bezos\n", "\nauthor: Jeff Bezos  # CHECK: author inferred from the blurb\n")
        note_path.write_text(text)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "# CHECK:" in row)
    lint = run_deckgen("lint", cwd=project)
    assert f"{TARGET}:{line}:1: unchecked-import:" in lint.stdout, lint.stdout
    note_path.write_text(re.sub(r"\s*# CHECK:.*", "", text))  # the curator checked the line and deleted the comment
    assert "unchecked-import" not in run_deckgen("lint", cwd=project).stdout
    assert run_deckgen("import", str(source), cwd=project).returncode == 0
    assert "unchecked-import" not in run_deckgen("lint", cwd=project).stdout, note_path.read_text()


def _summary(title: str, link: str, claim: str) -> str:
    return (
        f"---\ntags: [books]\n---\n# {title}\n\n> [!summary] A book every PM should read.\n\n"
        f"Source: {link}\n\n## Central argument\n{claim}\n\n## Critique\nThe examples are all from large companies.\n\n"
        "## Why it matters for product\nA PM can use it to argue for small teams.\n"
    )


def test_two_vault_files_of_one_name_each_keep_their_own_note(project: Path, tmp_path: Path) -> None:
    """A PM lead's vault: 'Books/Inspired/Summary.md' and 'Books/Shape-Up/Summary.md' both recorded 'from: Summary.md'.
    After an edit, the folder could never be imported again ('imports to the same note as …'), and importing the
    Shape Up file alone overwrote the Inspired note (its cards retired for every learner). Fails on cf18024."""
    vault = tmp_path / "vault"
    inspired = write(
        vault / "Books" / "Inspired" / "Summary.md",
        _summary("Inspired", "https://www.svpg.com/inspired/", "Cagan argues that empowered teams solve problems."),
    )
    shape = write(
        vault / "Books" / "Shape-Up" / "Summary.md",
        _summary("Shape Up", "https://basecamp.com/shapeup", "Singer argues that work is shaped before it is bet on."),
    )
    first = run_deckgen("import", str(vault), cwd=project)
    assert first.returncode == 0, first.stderr
    notes = {p.name: p.read_text() for p in (project / "content").glob("*.md")}
    assert {"inspired.md", "shape-up.md"} <= set(notes), notes.keys()
    shape.write_text(shape.read_text().replace("shaped before", "shaped and de-risked before"))
    again = run_deckgen("import", str(vault), cwd=project)
    assert again.returncode == 0, again.stderr
    alone = run_deckgen("import", str(shape), cwd=project)
    assert alone.returncode == 0, alone.stderr
    assert "Cagan argues that empowered teams" in (project / "content" / "inspired.md").read_text()
    assert "shaped and de-risked before" in (project / "content" / "shape-up.md").read_text()
    assert "title: Inspired" in (project / "content" / "inspired.md").read_text()
    assert inspired.read_text() and len(list((project / "content").glob("*.md"))) == 2
    # a third file of the name, imported on its own: a note of its own, not the first one's
    lean = write(
        vault / "Books" / "Lean" / "Summary.md",
        _summary("The Lean Startup", "https://theleanstartup.com/", "Ries argues for validated learning."),
    )
    assert run_deckgen("import", str(lean), cwd=project).returncode == 0
    assert "Cagan argues that empowered teams" in (project / "content" / "inspired.md").read_text()
    assert len(list((project / "content").glob("*.md"))) == 3
