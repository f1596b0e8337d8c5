"""Shapes from batch75's blind first run (issue 11).

- 'causality that travels outside the system (a user phoning a colleague, say)' was asked 'what is system?' (T0 from
  every judge): a parenthesis ending on 'say' is an example of the point, no gloss.
- 'Their slogan is "oomph" over "precision": a precisely estimated trivial effect …' was asked 'what is precision?'
  (T0 from every judge): the second half of a quoted pair.
- 'Lamport starts from the observation that processes … share no single clock, so …' was answered 'Lamport starts
  from the observation' (T0 from every judge): the reason is what the observation says.
- 'The uniform interface has four parts: …' was asked 'what are the four parts?' and 'He names three kinds:' 'what
  are the three kinds?' (T0 from every judge): a list names its whole, or a noun that says what it is.
- 'a test … answers a narrow question (how surprising …)' was asked 'what is narrow question?': the note's article.
- 'Position shapes preference: a player's stance tracks …' was asked 'what is position shapes preference?'.
- '… generality (how far they carry over …) and strength (how well they survive …)' was asked 'what is strength?' —
  'How well they survive …': 'they' are the sentence's subject, not the term.
- A list part's gloss drops a one-word second sentence ('A dedicated team owns the system full-time. Focused' -> '…
  full-time'). ('The *observers* are part of the market. Design for …', answered with both sentences, was first
  refused too; that cost batch78's 'STPA is the matching hazard analysis. It asks …' its second sentence, so it was
  withdrawn: tests/test_batch78_shapes.py.)
- 'what is an uniform interface?': one 'a'/'an' rule for the toolkit (core.text.indefinite_article).
The notes are written in our own words for this test; each test fails on 8a03bfb.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

from deckgen.core.text import indefinite_article

NOTE = """---
id: okafor-harbour-habits-eight
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Okafor starts from the observation that no two harbours share a tide table, so the usual idea of one schedule for the coast breaks down.
Her motto is "calm" over "speed": a quietly moored boat outlasts a hurried one.
A keeper answers a simple question (whether the berth is free now) before a harder one.
Trouble that starts outside the harbour (a storm far at sea, say) is invisible to the harbourmaster.
The main basin has three parts: a deep channel, a turning circle and the mooring rows.
She names four kinds:

1. **Deep berths** for ocean ships
2. **Shallow berths** for fishing boats
3. **Floating berths** for visitors
4. **Dry berths** for repairs

- Crew size shapes safety: a crew's habits track the size they grow to.
- **Patience**: the quays are full of boats. Plan for the winter.

## Critique
The guide covers two northern harbours only.
"""


def test_an_example_in_parentheses_is_no_gloss() -> None:
    assert not any(a.endswith(", say") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch75", "lamport-*.txt", "lamport-time-clocks")
    assert not any(front.endswith("what is system?") for front, _ in cards), cards


def test_the_second_half_of_a_slogan_is_no_term() -> None:
    cards = imported_pairs("batch75", "ziliak-*.txt", "ziliak-mccloskey-cult")
    assert not any(front.endswith("what is precision?") for front, _ in cards), cards
    assert any(front.endswith("what is a narrow question?") for front, _ in cards), cards


def test_the_reason_is_what_the_observation_says() -> None:
    answers = asked(NOTE).values()
    assert "No two harbours share a tide table" in answers, list(answers)
    cards = imported_pairs("batch75", "lamport-*.txt", "lamport-time-clocks")
    assert not any(back.endswith("starts from the observation") for _, back in cards), cards


def test_a_list_names_its_whole() -> None:
    assert "what are the three parts of the main basin?" in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch75", "fielding-*.md", "fielding-rest")
    assert not any(front.endswith("what are the four parts?") for front, _ in cards), cards
    # (its 'what are the four parts of the uniform interface?' is refused since batch132: its last item, 'hypermedia as
    # the engine', is cut before its 'of'; the invented note above still shows the list named by its whole)
    cards = imported_pairs("batch75", "codd-*.md", "codd-relational-model")
    assert not any(front.endswith("what are the three kinds?") for front, _ in cards), cards


def test_a_clause_label_and_a_pronoun_gloss() -> None:
    cards = imported_pairs("batch75", "allison-*.md", "allison-cuban-missile-crisis")
    assert not any("position shapes preference" in front for front, _ in cards), cards
    cards = imported_pairs("batch75", "bandura-*.txt", "bandura-self-efficacy")
    assert not any(back.startswith("How well they survive") for _, back in cards), cards


def test_a_list_part_drops_a_one_word_verdict() -> None:
    # 'A dedicated team owns the system full-time. Focused': the second 'sentence' is the note's verdict, not the gloss
    cards = imported_pairs("batch58", "curtis-*.md", "curtis-team-models")
    assert any(back == "A dedicated team owns the system full-time" for _, back in cards), cards


def test_a_and_an_as_said() -> None:
    assert [indefinite_article(w) for w in ("uniform", "idea", "hour", "one-off", "user", "umbrella")] == [
        "a",
        "an",
        "an",
        "a",
        "a",
        "an",
    ]
    cards = imported_pairs("batch75", "fielding-*.md", "fielding-rest")
    assert not any("an uniform" in front for front, _ in cards), cards
