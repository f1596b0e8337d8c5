"""Shapes from batch80's blind first run (issue 11): six T0 cards, each from every judge or nearly.

- '**Log compaction** keeps only the latest record …' was asked 'what are Log compaction keeps?'.
- 'The 5% figure is a rule of thumb, not a law, and it varies widely by category' asked '… if not a law, and it varies
  widely by category?'.
- 'The model also treats crises as inevitable, which can excuse bad management …' asked 'what can the model treats
  excuse?' (the relative clause's subject was read one word too far).
- 'A PM reviewing an experiment readout should ask two questions: …' was answered 'Ask two questions'.
- 'working to a clear interface (the IMP specification)' asked 'what is a clear interface?' — the named instance.
- "Don't assume that digital means zero cost" asked 'what does don't assume that digital mean?'.
- T1: 'what was the most popular use?' — 'Not remote computing at all but electronic mail'; and, made by the fixes,
  '… so test price introductions carefully and consider trials instead' asked as an effect to explain.
- Kept: 'what is strategy, if not a planning process?' — 'A way of thinking' (T2 from every judge), which this session's
  generic-answer refusal had removed.
The note is written in our own words for this test; each test fails on 3ded625.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs, parse_note

from deckgen.cards.rules.ideas import _grammatical_question

NOTE = """---
id: okafor-harbour-habits-fourteen
title: The Harbour Register
author: Ada Okafor
---
Ada Okafor's handbook for harbour clerks.

## Central argument
- **Tide pooling** keeps only the highest water mark for each berth, so a register can also serve as a flood record.
- Small crews working to a clear signal code (the Northgate flags) can clear a harbour faster than large ones.
- The register is a habit of mind, not a filing system.

## Critique
The ten-day figure is a rule of thumb, not a law, and it varies widely by season.
The guide also treats storms as inevitable, which can excuse poor upkeep as "bad luck".

## Why it matters for product
Don't assume that paper means slow work.
A clerk reviewing a season's register should ask two questions: which berths flooded, and who noticed first?
Raising the berth fee cuts visits sharply, so test fee changes carefully and consider trials instead.
"""


def test_a_verb_after_a_bold_term_is_no_kind() -> None:
    assert not any("pooling keeps" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "kreps-*.md", "kreps-the-log")
    assert not any("compaction keeps?" in front for front, _ in cards), cards


def test_a_clause_after_the_alternative_is_not_asked() -> None:
    assert not any("and it varies" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "anderson-*.md", "anderson-free")
    assert not any("and it varies" in front for front, _ in cards), cards


def test_a_relative_clause_subject_is_read_to_its_verb() -> None:
    assert not any("treats excuse" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "greiner-*.txt", "greiner-evolution-revolution")
    assert not any("treats excuse" in front for front, _ in cards), cards


def test_counted_advice_is_what_the_colon_lists() -> None:
    assert "Ask two questions" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch80", "efron-*.txt", "efron-bootstrap")
    assert not any(back == "Ask two questions" for _, back in cards), cards


def test_a_named_instance_in_brackets_is_no_gloss() -> None:
    assert not any("clear signal code?" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "hafner-*.txt", "hafner-lyon-wizards")
    assert not any(front.endswith("what is a clear interface?") for front, _ in cards), cards


def test_means_inside_an_instruction_is_no_definition() -> None:
    assert not any("don't assume" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "anderson-*.md", "anderson-free")
    assert not any("don't assume" in front for front, _ in cards), cards


def test_a_not_answer_and_two_instructions() -> None:
    cards = imported_pairs("batch80", "hafner-*.txt", "hafner-lyon-wizards")
    assert not any(back.startswith("Not ") for _, back in cards), cards
    assert not any("consider trials" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch80", "anderson-*.md", "anderson-free")
    assert not any("consider trials" in front for front, _ in cards), cards


def test_a_way_of_thinking_is_an_answer() -> None:
    assert asked(NOTE).get("what is the register, if not a filing system?") == "A habit of mind", asked(NOTE)
    cards = imported_pairs("batch80", "ohmae-*.md", "ohmae-mind-of-the-strategist")
    assert any(back == "A way of thinking" for _, back in cards), cards


def test_a_verb_the_note_uses_as_one_is_no_term() -> None:
    note = parse_note(NOTE, "x.md")
    source = "Tide pooling keeps only the highest water mark for each berth."
    assert not _grammatical_question("In Okafor's 'The Harbour Register', what are tide pooling keeps?", note, source)
    assert _grammatical_question("In Okafor's 'The Harbour Register', what are tide pools?", note, source)


def test_a_list_named_by_one_bare_noun_is_not_asked_whole() -> None:
    cards = imported_pairs("batch80", "anderson-*.md", "anderson-free")
    assert not any(front.endswith("what are the four models?") for front, _ in cards), cards
    assert any(", one of the four models?" in front or "direct cross-subsidies?" in front for front, _ in cards), cards
    cards = imported_pairs("batch80", "barabasi-*.md", "barabasi-albert-scaling")
    assert not any(front.endswith("what are the two ingredients?") for front, _ in cards), cards
