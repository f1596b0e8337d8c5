"""`deckgen cards NOTE --reject KEY / --accept KEY`: the curator's decision written into the note for them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import FIXTURES, CliResult, write
from noteutil import scoring_note

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note

SEED = FIXTURES / "gold" / "norton-empathy.txt"
DECK = "deck: Test\nnotes: all\n"
REJECT = "g.critique.risks-romanticizing-empathy"
ACCEPT = "g.contrast.empathy"


def _project(project: Path, note: str | None = None) -> Path:
    path = write(
        project / "content" / "norton.md", note or render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    )
    write(project / "decks" / "test.yaml", DECK)
    return path


def _shipping(cli, project: Path) -> set[str]:  # type: ignore[no-untyped-def]
    result = cli("cards", "norton", "--shipping", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.stderr
    return {card["key"] for card in json.loads(result.stdout)}


def test_reject_writes_the_key_into_the_note_and_the_card_stops_shipping(project: Path, cli, tmp_path: Path) -> None:
    note = _project(project)
    before = note.read_text()
    assert REJECT in _shipping(cli, project)
    result = cli("cards", "norton", "--reject", REJECT, "--accept", ACCEPT, cwd=project)
    assert result.exit_code == 0, result.stderr
    assert f"content/norton.md: rejected {REJECT} (it no longer ships); accepted {ACCEPT}" in result.stderr
    after = note.read_text()
    # only the front matter gained the entry the README shows; the rest of the note is byte for byte the same
    entry = f"generate:\n  reject: [{REJECT}]\n  accept: [{ACCEPT}]\n---\n"
    assert entry in after and after.replace(entry, "---\n", 1) == before
    assert REJECT not in _shipping(cli, project) and ACCEPT in _shipping(cli, project)
    # the listing tells an accepted card from one nobody reviewed (a PM lead's try: both read 'ships')
    listed = cli("cards", "norton", cwd=project).stdout
    accepted = listed.split(ACCEPT, 1)[1].split("\n")
    assert "accepted in the note's front matter" in accepted[0] + accepted[1], listed
    # the build agrees, and so does Anki: the rejected card is not in the package
    assert cli("build", cwd=project).exit_code == 0
    col = open_collection(tmp_path / "c.anki2")
    try:
        import_apkg(col, project / "build" / "test.apkg")
        fronts = [col.get_note(n)["Question"] for n in col.find_notes("")]
    finally:
        col.close()
    assert fronts and not any("framing risks" in f for f in fronts)
    # asked again: nothing to write
    again = cli("cards", "norton", "--reject", REJECT, cwd=project)
    assert again.exit_code == 0 and "already says so; nothing written" in again.stderr and note.read_text() == after


def test_an_existing_generate_entry_keeps_its_settings_and_the_lines_around_it(project: Path, cli) -> None:
    text = render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    text = text.replace("tags:", "generate: {cap: 5, accept: [g.claim.empathy]}  # reviewed by Ana\n# keep\ntags:", 1)
    note = _project(project, text)
    result = cli("cards", "norton", "--reject", "g.claim.empathy", cwd=project)
    assert result.exit_code == 0, result.stderr
    after = note.read_text()
    # rejecting an accepted key moves it, and says so (a PM lead's try: it was taken out of accept without a word;
    # fails on 05df96f); cap stays; the comment line after the entry stays where it was
    assert "rejected g.claim.empathy (it no longer ships; taken out of accept)" in result.stderr, result.stderr
    assert "generate:  # reviewed by Ana\n  reject: [g.claim.empathy]\n  cap: 5\n# keep\ntags:" in after
    back = cli("cards", "norton", "--accept", "g.claim.empathy", cwd=project)
    assert back.exit_code == 0 and "accepted g.claim.empathy (taken out of reject: it ships again)" in back.stderr
    # accepted, it ships whatever the note's cap of 5 (it used to stay capped while the message said it shipped)
    assert "g.claim.empathy" in _shipping(cli, project)


def test_a_crlf_note_with_a_bom_stays_so(project: Path, cli) -> None:
    text = render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    note = _project(project)
    note.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert cli("cards", "norton", "--reject", REJECT, cwd=project).exit_code == 0
    raw = note.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert f"generate:\r\n  reject: [{REJECT}]\r\n---".encode() in raw


def test_bad_requests_write_nothing_and_say_why(project: Path, cli) -> None:
    note = _project(project)
    before = note.read_bytes()
    typo = cli("cards", "norton", "--reject", "g.critique.risks-romanticising-empathy", cwd=project)
    assert typo.exit_code == 1
    assert (
        "error content/norton.md: generate: --reject g.critique.risks-romanticising-empathy: no generated card of this "
        f"note has that key — did you mean {REJECT}?"
    ) in typo.stderr
    both = cli("cards", "norton", "--reject", ACCEPT, "--accept", ACCEPT, cwd=project)
    assert both.exit_code == 1 and f"'{ACCEPT}' is both rejected and accepted" in both.stderr
    assert note.read_bytes() == before
    note.write_text(note.read_text().replace("tags:", "generate: false\ntags:", 1))
    off = cli("cards", "norton", "--reject", REJECT, cwd=project)
    assert off.exit_code == 1 and "generation is off for this note" in off.stderr


def _show_cards(project: Path, cli: Callable[..., CliResult], note_id: str, cards: str) -> CliResult:
    """`deckgen cards NOTE_ID` on a note by Ken Norton whose '## Cards' holds ``cards``."""
    _project(project, f"---\nid: {note_id}\ntitle: T\nauthor: Ken Norton\n---\nBlurb.\n\n## Cards\n\n{cards}")
    shown = cli("cards", note_id, cwd=project)
    assert shown.exit_code == 0, shown.stderr
    return shown


def test_cards_previews_drafts_waiting_for_review_but_never_as_shipping(project: Path, cli) -> None:
    """A 'Status: draft' card (from `deckgen draft`, or written so) was invisible in `deckgen cards`: the curator
    could not see what they were asked to approve without opening the file."""
    shown = _show_cards(
        project,
        cli,
        "drafts",
        "Q: What does Norton mean by empathy as craft?\nA: A set of learnable moves.\n\n"
        "Q: What should a PM practise deliberately?\nA: Empathy.\nStatus: draft\n",
    )
    assert "1 authored, 1 draft," in shown.stdout
    assert "draft " in shown.stdout and "Q: What should a PM practise deliberately?" in shown.stdout
    rows = json.loads(cli("cards", "drafts", "--format", "json", cwd=project).stdout)
    assert [(r["front"], r.get("status", "")) for r in rows if r["rule"] == "authored"] == [
        ("What does Norton mean by empathy as craft?", ""),
        ("What should a PM practise deliberately?", "draft"),
    ]
    shipping = json.loads(cli("cards", "drafts", "--shipping", "--format", "json", cwd=project).stdout)
    assert "What should a PM practise deliberately?" not in [r["front"] for r in shipping]


def test_rejecting_a_card_you_wrote_says_where_it_is_and_what_to_do(project: Path, cli) -> None:
    """`deckgen cards NOTE --reject KEY` with the key of an authored card (it is listed by the same command) said
    'no generated card of this note has that key — `deckgen cards …` lists its keys', which lists that very key."""
    note = (
        "---\nid: mine\ntitle: T\nauthor: Ken Norton\n---\nBlurb.\n\n## Cards\n\n"
        "Q: What does Norton mean by empathy as craft?\nA: A set of learnable moves.\n"
    )
    path = _project(project, note)
    rows = json.loads(cli("cards", "mine", "--format", "json", cwd=project).stdout)
    (key,) = [r["key"] for r in rows if r["rule"] == "authored"]
    result = cli("cards", "mine", "--reject", key, cwd=project)
    assert result.exit_code == 1
    assert (
        f"content/norton.md:10:1: generate: --reject {key}: this is a card you wrote in '## Cards', not a generated"
        " one — delete it (or write 'Status: rejected' under it)" in result.stderr
    )
    assert path.read_text() == note


def test_cards_shows_that_a_card_is_also_asked_in_reverse(project: Path, cli) -> None:
    """`deckgen cards NOTE` showed a 'Reverse: yes' card as one Q/A, so the curator previewing a note did not see
    that the learner also gets the answer → question card (found by the PM-lead helper)."""
    shown = _show_cards(
        project,
        cli,
        "both",
        "Q: What does Norton call empathy practised as a set of learnable moves?\nA: Empathy as craft.\nReverse: yes\n\n"
        "Q: What should a PM practise deliberately?\nA: Empathy.\n",
    )
    head, rest = shown.stdout.split("What should a PM practise")
    assert "Reverse: yes — Anki also asks it backwards: Empathy as craft. → the question" in head, shown.stdout
    assert "Reverse" not in rest
    rows = json.loads(cli("cards", "both", "--format", "json", cwd=project).stdout)
    assert [r["reverse"] for r in rows if r["rule"] == "authored"] == [True, False]


def test_cards_names_the_sections_the_generator_made_no_card_from(project: Path, cli) -> None:
    """A PM lead's note got one generated card from three sections and nothing said why the others gave none."""
    seed = render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    _project(project, seed.replace("## Cards", "## Quotes\nNone kept.\n\n## Cards"))
    shown = " ".join(cli("cards", "norton", cwd=project).stdout.split())
    said = shown.split("No generated card from ")[1]
    assert said.startswith("'## Quotes': the generator found no sentence there it could ask about well.")
    assert "g.contrast.empathy" in shown  # the central argument's card, which ships
    _project(
        project,
        seed.replace("## Cards", "## Quotes\nNone kept.\n\n## Cards").replace("---\n", "---\ngenerate: false\n", 1),
    )
    assert "No generated card" not in cli("cards", "norton", cwd=project).stdout  # none asked for, none missing


SCORING = scoring_note(
    "norton",
    "**Reach** is the number of people an idea affects in one quarter.",
    "**Confidence** is a percentage that discounts ideas backed by enthusiasm instead of data.",
)


def test_rejecting_a_card_lets_the_next_card_on_its_sentence_ship(project: Path, cli) -> None:
    """A PM lead's try: 'what is confidence, if not data?' (garbled) shipped and 'what is confidence?' (sound) was held
    back as asking about the same sentence; rejecting the garbled one left the sound one held back, and the idea out
    of the deck. A rejected card no longer takes its sentence. Fails on 8cbb3dd."""
    _project(project, SCORING)
    shipping = _shipping(cli, project)
    assert "g.contrast.confidence" in shipping and "g.definition.confidence" not in shipping, shipping
    assert cli("cards", "norton", "--reject", "g.contrast.confidence", cwd=project).exit_code == 0
    shipping = _shipping(cli, project)
    assert "g.definition.confidence" in shipping and "g.contrast.confidence" not in shipping, shipping


def test_the_comments_at_the_ends_of_the_entrys_lines_stay(project: Path, cli) -> None:
    # last session's left-alone list: --reject rewrote the entry in flow style and dropped every end-of-line comment
    text = render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    entry = "generate:\n  cap: 5  # keep it short\n  accept:\n    - g.claim.empathy  # checked with Ana\n"
    note = _project(project, text.replace("tags:", entry + "tags:", 1))
    result = cli("cards", "norton", "--reject", REJECT, cwd=project)
    assert result.exit_code == 0, result.stderr
    after = note.read_text()
    assert "  cap: 5  # keep it short\n" in after, after
    assert f"  reject: [{REJECT}]\n" in after and "  accept:\n    - g.claim.empathy  # checked with Ana\n" in after
    moved = cli("cards", "norton", "--reject", "g.claim.empathy", cwd=project)
    assert moved.exit_code == 0 and "# checked with Ana" not in note.read_text()  # the comment went with its accept
    assert "  cap: 5  # keep it short\n" in note.read_text()


SHAPE_UP = """---
id: shape-up
title: Shape Up
author: Ryan Singer
{generate}---
Ryan Singer's book on how Basecamp plans work.

## Central argument
Singer argues that teams should fix the time and vary the scope, rather than estimate a fixed scope. An **appetite** is
how much time a piece of work is worth to the business, set before any design starts.

## Cards

Q: In Singer's 'Shape Up', what should a PM state before asking engineers for an estimate?
A: An appetite — how much time the work is worth.
"""


def test_an_accepted_card_is_not_dropped_as_like_an_authored_one(project: Path, cli) -> None:
    # a PM lead's try: the accepted 'what is an appetite?' was retired for learners, with no word, once an
    # authored card's answer mentioned an appetite (the likeness test read them as one question)
    write(project / "decks" / "test.yaml", DECK)
    write(project / "content" / "shape-up.md", SHAPE_UP.format(generate=""))
    listed = cli("cards", "shape-up", cwd=project).stdout
    assert "duplicate  g.definition.appetite" in listed, listed  # not accepted: the likeness test holds it back
    write(
        project / "content" / "shape-up.md", SHAPE_UP.format(generate="generate:\n  accept: [g.definition.appetite]\n")
    )
    listed = cli("cards", "shape-up", cwd=project).stdout
    assert "ships      g.definition.appetite" in listed and "the authored card at line 16 is alike" in listed, listed


CAGAN = """---
id: cagan-inspired
title: Inspired
author: Marty Cagan
---
Cagan's book on how strong product teams work.

## Central argument
Discovery must address the four big risks: value, usability, feasibility and business viability.
"""


def test_lint_is_quiet_about_a_generated_card_the_curator_accepted(project: Path, cli) -> None:
    # a PM lead's try: L8 went on warning about an accepted list card, and its fix said 'set generate: false'
    write(project / "decks" / "test.yaml", DECK)
    write(project / "content" / "cagan.md", CAGAN)
    warned = cli("lint", cwd=project).stdout
    assert "L8: generated card 'According to Cagan's 'Inspired', what are the four big risks'" in warned, warned
    assert "--reject g.list.big-risks" in warned and "generate: false" not in warned
    assert cli("cards", "cagan-inspired", "--accept", "g.list.big-risks", cwd=project).exit_code == 0
    assert "L8" not in cli("lint", cwd=project).stdout


def test_rejecting_a_generated_card_your_own_card_replaces_is_refused(project: Path, cli) -> None:
    # a PM lead's trial: --reject wrote the key, the authored card with that id kept shipping, and nothing said why
    text = render_note(convert(SEED.read_text(), SEED, SEED.name), "norton")
    text += f"\nid: {ACCEPT}\nQ: In Norton's essay, what is empathy, if not a trait?\nA: A craft of learnable moves.\n"
    note = _project(project, text)
    before = note.read_text()
    refused = cli("cards", "norton", "--reject", ACCEPT, cwd=project)
    assert refused.exit_code == 1 and "replaces the generated one, so rejecting it would change nothing" in (
        refused.stderr
    ), refused
    assert "delete it (or write 'Status: rejected' under it)" in refused.stderr and note.read_text() == before


LESSONS = """---
id: lessons
title: Lessons
author: Ada Example
---
An essay on what teaches a team.

## Central argument
The author argues that customer calls teach a team more than big launches.

## Cards

Q: In Example's 'Lessons', what teaches a team more than big launches?
A: {answer}
"""


def test_a_generated_statement_an_authored_card_holds_whole_is_a_duplicate(project: Path, cli) -> None:
    # a PM lead's trial: 'Customer calls.' kept the generated 'what is the central claim …? — Customer calls teach a
    # team more than big launches' back; 'Customer calls every week.' let it ship, a second card on one fact
    write(project / "decks" / "test.yaml", DECK)
    for answer in ("Customer calls.", "Customer calls every week."):
        write(project / "content" / "lessons.md", LESSONS.format(answer=answer))
        listed = cli("cards", "lessons", cwd=project).stdout
        assert "duplicate  g.claim.thesis-customer-calls" in listed, (answer, listed)
