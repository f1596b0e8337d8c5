"""Edit matching in the harder cases: both sides edited, split, merge, moves between notes, renamed notes."""

from __future__ import annotations

from pathlib import Path

from conftest import write

from deckgen.builder.pipeline import build, plan_build
from deckgen.core.config import load_config
from deckgen.lock.identity import guid_of
from deckgen.lock.records import read_lock

HEAD = """\
---
id: {id}
title: {title}
author: Marty Cagan
tags: [discovery]
---
Blurb.

## Cards

"""

CARDS = {
    "risks": "Q: In Cagan's 'Inspired', which four risks does discovery address?\nA: Value, usability, feasibility and business viability.",
    "owner": "Q: In Cagan's 'Inspired', who owns value and viability risk?\nA: The product manager.",
    "team": "Q: In Cagan's 'Inspired', what is an empowered product team given?\nA: Problems to solve, not features to build.",
}


def note(note_id: str, *cards: str, title: str = "Inspired") -> str:
    return HEAD.format(id=note_id, title=title) + "\n\n".join(cards) + "\n"


def setup(project: Path, text: str) -> Path:
    path = write(project / "content" / "inspired.md", text)
    write(project / "decks" / "main.yaml", "deck: PM::Discovery\nnotes: all\n")
    build(load_config(project), now=1_700_000_000)
    return path


def guids(project: Path, now: int = 1_700_100_000) -> tuple[dict[str, str], list]:  # type: ignore[type-arg]
    """uid -> GUID of every live card the next build would ship, and the plan."""
    config = load_config(project)
    plan = plan_build(config, now=now)
    result = {}
    for release in plan.releases:
        for n in release.notes:
            if n.with_cards:
                result[n.uid] = n.guid
    return result, plan


def by_status(plan, status: str) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(c.uid for c in plan.changes if c.status == status)


def test_card_edited_in_question_and_answer_keeps_its_identity(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]))
    before, _ = guids(project)
    path.write_text(
        note(
            "inspired",
            CARDS["risks"]
            .replace("which four risks does discovery address?", "which four risks should discovery address?")
            .replace("Value, usability", "Value, usability,")
            .replace("business viability", "viability for the business"),
            CARDS["owner"],
            CARDS["team"],
        )
    )
    after, plan = guids(project)
    assert set(after.values()) == set(before.values()), "no card got a new identity"
    assert by_status(plan, "edited") and not by_status(plan, "added") and not by_status(plan, "retired")
    assert any("similar" in d.reason for d in plan.report.decisions)


def test_split_card_keeps_identity_on_the_closer_half_and_adds_the_other(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"]))
    before, plan0 = guids(project)
    risks_uid = _uid_of(before, "risks", plan0)
    split = [
        "Q: In Cagan's 'Inspired', which four risks does discovery address?\nA: Value, usability, feasibility and viability.",
        "Q: In Cagan's 'Inspired', which risk asks whether customers will buy the product?\nA: Value risk.",
    ]
    path.write_text(note("inspired", *split, CARDS["owner"]))
    after, plan = guids(project)
    assert after[risks_uid] == before[risks_uid], "the half with the same question keeps the identity"
    assert by_status(plan, "edited") == [risks_uid]
    assert len(by_status(plan, "added")) == 1 and not by_status(plan, "retired")


def _uid_of(before: dict[str, str], name: str, plan) -> str:  # type: ignore[no-untyped-def]
    """The uid that held card ``name`` in the first build (found by its recorded question)."""
    wanted = CARDS[name].split("\n")[0][3:]
    for note_id, records in plan.lock.cards.items():
        for key, record in records.items():
            if record.front == wanted:
                return f"{note_id}/{key}"
    raise AssertionError(name)


def test_merged_cards_keep_one_identity_and_retire_the_other(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]))
    before, plan0 = guids(project)
    merged = "Q: In Cagan's 'Inspired', who owns value and viability risk, of the four risks?\nA: The product manager."
    path.write_text(note("inspired", merged, CARDS["team"]))
    after, plan = guids(project)
    owner_uid = _uid_of(before, "owner", plan)
    risks_uid = _uid_of(before, "risks", plan)
    assert before[owner_uid] in after.values(), "the merged card keeps the identity with the same answer"
    assert by_status(plan, "retired") == [risks_uid]
    assert not by_status(plan, "added")


def test_card_moved_to_another_note_keeps_its_guid(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]))
    before, plan0 = guids(project)
    team_uid = _uid_of(before, "team", plan0)
    path.write_text(note("inspired", CARDS["risks"], CARDS["owner"]))
    write(project / "content" / "empowered.md", note("empowered", CARDS["team"], title="Empowered"))
    after, plan = guids(project)
    moved = [uid for uid in after if uid.startswith("empowered/") and not uid.endswith("g.author")]
    assert len(moved) == 1 and after[moved[0]] == before[team_uid]
    assert not by_status(plan, "retired"), "the moved card is not retired"
    decision = next(d for d in plan.report.decisions if d.uid == moved[0])
    assert decision.previous == team_uid and "moved from note 'inspired'" in decision.reason
    # the move is remembered: the next build keeps the GUID and changes nothing
    build(load_config(project), now=1_700_100_000)
    again, plan2 = guids(project, now=1_700_200_000)
    assert again[moved[0]] == before[team_uid]
    assert by_status(plan2, "unchanged") == sorted(again) and not by_status(plan2, "retired")


def test_note_whose_id_changed_keeps_every_card(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]))
    before, _ = guids(project)
    path.unlink()
    write(
        project / "content" / "books" / "cagan-inspired.md",
        note("cagan-inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]),
    )
    after, plan = guids(project)
    authored = {uid: g for uid, g in before.items() if not uid.endswith("g.author")}
    assert set(authored.values()) <= set(after.values()), "every authored card keeps its GUID"
    assert len(by_status(plan, "edited")) == len(authored)  # DeckgenId changes, so each is updated in place
    # a generated card is identified by its rule, never matched across notes
    assert by_status(plan, "retired") == ["inspired/g.author"] and by_status(plan, "added") == [
        "cagan-inspired/g.author"
    ]


def test_generated_cards_and_short_answers_never_match_across_notes(project: Path) -> None:
    short = "Q: In Cagan's 'Inspired', which risk is about whether customers buy?\nA: Value risk."
    path = setup(project, note("inspired", short, CARDS["team"]))
    before, _ = guids(project)
    path.write_text(note("inspired", CARDS["team"]))
    other = "Q: In Cagan's 'Empowered', which risk do PMs own first?\nA: Value risk."
    write(project / "content" / "empowered.md", note("empowered", other, title="Empowered"))  # same author
    after, plan = guids(project)
    added = by_status(plan, "added")
    assert added == sorted(uid for uid in after if uid.startswith("empowered/")) and len(added) == 2
    assert not {after[uid] for uid in added} & set(before.values()), "no identity borrowed from another note"
    [retired] = by_status(plan, "retired")
    assert retired in before and retired.startswith("inspired/q-")


def test_note_file_moved_to_another_folder_and_cards_reordered_change_nothing(project: Path) -> None:
    path = setup(project, note("inspired", CARDS["risks"], CARDS["owner"], CARDS["team"]))
    lock_before = read_lock(project / "deckgen.lock")
    path.unlink()
    write(
        project / "content" / "archive" / "renamed-file.md",
        note("inspired", CARDS["team"], CARDS["risks"], CARDS["owner"]),
    )
    config = load_config(project)
    plan = plan_build(config, now=1_700_100_000)
    assert {c.status for c in plan.changes} == {"unchanged"}
    # only the new-card order changed: the deck gets a new release but no note gets a newer mod
    build(config, now=1_700_100_000)
    lock_after = read_lock(project / "deckgen.lock")

    def mods(lock):  # type: ignore[no-untyped-def]
        return {(n, k): (r.hash, r.mod) for n, rs in lock.cards.items() for k, r in rs.items()}

    assert mods(lock_after) == mods(lock_before)


def test_two_equal_candidates_give_a_new_identity_and_a_warning(project: Path) -> None:
    a = "Q: In Cagan's 'Inspired', what colour is the discovery board by day?\nA: Butterscotch"
    b = "Q: In Cagan's 'Inspired', what colour is the discovery board at dusk?\nA: Blue"
    path = setup(project, note("inspired", a, b, CARDS["team"]))
    path.write_text(
        note("inspired", "Q: In Cagan's 'Inspired', what colour is the discovery board?\nA: It depends", CARDS["team"])
    )
    _, plan = guids(project)
    ambiguous = [d for d in plan.report.decisions if d.reason == "ambiguous"]
    assert len(ambiguous) == 1 and "id:" in ambiguous[0].warning
    assert len(by_status(plan, "added")) == 1 and len(by_status(plan, "retired")) == 2
    assert any("id:" in w for w in plan.warnings)


def test_moved_card_guid_comes_from_its_anchor() -> None:
    assert guid_of("ns", "b", "k2", "a/k1") == guid_of("ns", "a", "k1")
    assert guid_of("ns", "b", "k2", "") != guid_of("ns", "a", "k1")


def test_card_with_an_id_moved_to_another_note_keeps_its_guid_even_when_reworded(project: Path) -> None:
    pinned = "id: four-risks\n" + CARDS["risks"]
    path = setup(project, note("inspired", pinned, CARDS["owner"]))
    before, _ = guids(project)
    path.write_text(note("inspired", CARDS["owner"]))
    reworded = (
        "id: four-risks\nQ: Which risks does product discovery tackle?\nA: Value, usability, feasibility, viability."
    )
    write(project / "content" / "empowered.md", note("empowered", reworded, title="Empowered"))
    after, plan = guids(project)
    assert after["empowered/four-risks"] == before["inspired/four-risks"]
    decision = next(d for d in plan.report.decisions if d.uid == "empowered/four-risks")
    assert decision.reason == "moved from note 'inspired' (the same id)"
    assert not by_status(plan, "retired")
