"""Shapes of batch103's first run (judged blind, then used for development), and the critique form the first runs
of batches 60-102 rated lowest.

- 'The first half of the book explains why we hide them' was asked 'what explains why we hide them?' — 'The first
  half of the book' (T0 from every judge): where in the work something is said is no answer to why.
- 'Use the four as a quarterly self-check' was asked 'how should the four be used?' (T1 from every judge): the four
  of what, the note said before.
- 'Author: Chris Voss with Tahl Raz' made every card say 'Raz's 'Never Split the Difference'' (T0/T1): 'with' names
  the co-writer, and the cards name the cover's author.
- The note's critique asked of 'the work' with a verb that leaves the answer open ('what does the note say the work
  depends on?', '… say the book assumes?', '… fits poorly with?'): 1 of 10 such cards T2/T3 in the first runs of
  batches 60-102 (23% of about 70 ratings on the development notes), against 76% of 42 first-run ratings when the
  question names the criticised topic. On the development notes 26 such cards go; one shipped card retires (the
  note on Cagan's 'Product vs. Feature Teams': '… say the article depends on?', which the note's authored card
  'A team cannot empower itself; that depends on its leaders' already asks).

Written in our own words; every test fails on 1ee1876.
"""

from __future__ import annotations

from noteutil import asked, generated_cards, harbour_note

from deckgen.cards.generate import note_cards
from deckgen.sources.notes import parse_note

NOTE = harbour_note(
    "okafor-gates",
    """## Central argument
Okafor argues that crowded harbours are a coordination failure, not a shortage of berths. The first half of the book explains why skippers hide their routes from each other. Skippers who share routes leave port at staggered times, so queues at the harbour mouth shrink.

## Critique
The book depends on a decade of logbooks from two northern harbours.

## Why it matters for product
Okafor names four signs of a crowded harbour: queues, idle berths, hidden routes and late departures. Use the four as a monthly check on a marketplace's health.
""",
)


def test_a_part_of_the_work_is_no_answer() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.startswith("The first half") for answer in answers), answers


def test_a_counted_pointer_is_no_subject() -> None:
    assert not any("the four" in q for q in asked(NOTE)), asked(NOTE)


def test_the_critique_of_the_work_names_its_topic() -> None:
    questions = asked(NOTE)
    assert not any(q.endswith("say the work depends on?") for q in questions), questions
    # the rest of the note is still asked
    assert questions.get("what explains why queues at the harbour mouth shrink?", "").startswith("Skippers who share")


def test_a_co_writer_after_with_is_not_the_author() -> None:
    text = NOTE.replace("author: Ada Okafor", "author: Ada Okafor with Ben Lake")
    note = parse_note(text, "content/okafor.md")
    assert note.surname == "Okafor" and note.byline == "Okafor"
    fronts = [front for front, _ in generated_cards(text).values()]
    assert fronts and all("Okafor's 'Harbours Under Strain'" in f and "Lake" not in f for f in fronts), fronts
    assert all("Lake" not in c.front for c in note_cards(note))
