"""Card classes refused because the blind first runs rate them low as a class, not for one note's shape (issue 11).

Pooled over the judged development cards (evals/), a question shape that judges rate T2/T3 far less often than the
generator's average is refused, with the figure in the rule's comment:
- 'What does the note on X say the work's cases are?' (and '… the essay's examples are?'): 8 cards, 12 ratings, one
  T2 ('a fragment that drops the critique'). 'What kind of evidence does the note say the work rests on?' stays.
- 'What is the paper, if not an argument?', 'what are the "laws", if not testable laws?': a contrast whose subject is
  the work's genre (7 cards, 21 ratings, 10% T2/T3) asks the note's verdict on the work, not one of its ideas.
- 'What should roadmaps include?', 'what should research ask?': a prescription asked for a bare object is one of the
  many things to include or ask (first runs of batches 60-79: 'should' cards 16% T2/T3 over 58 ratings; 4 of 40
  ratings without a preposition). 'What should effort concentrate against?' names its one complement and stays.
- An answer that names only a generic thing ('A thought experiment', 'The whole process', 'A chain of assumptions',
  'Two behavioural assumptions'): 14 development cards, 52 ratings, 5 T2/T3.
- A contrast answered in one word ('what are exceptions, if not rare?' — 'Normal'): every judged run, 49 ratings, 12%
  T2/T3 (two words 42%, three or more 55%).
The first two tests fail on da4bb83, the last three on 1abbdd2.
"""

from __future__ import annotations

from noteutil import imported_cards


def test_the_works_cases_are_no_question() -> None:
    for pattern, note_id in (("oneil-*.txt", "oneil-weapons"), ("chandler-*.txt", "chandler-strategy-and-structure")):
        cards = imported_cards("batch67", pattern, note_id)
        assert not any(c.front.endswith(("cases are?", "examples are?")) for c in cards), [c.front for c in cards]


def test_the_works_genre_is_no_contrast() -> None:
    for batch, pattern, note_id in (
        ("batch67", "kranzberg-*.md", "kranzberg-technology-and-history"),
        ("batch68", "maslow-*.md", "maslow-theory-of-human-motivation"),
    ):
        cards = imported_cards(batch, pattern, note_id)
        assert not any(", if not " in c.front and ("the theory," in c.front or '"laws",' in c.front) for c in cards), [
            c.front for c in cards
        ]


def test_a_prescription_is_not_asked_for_a_bare_object() -> None:
    fronts = [c.front for c in imported_cards("batch78", "clausewitz-*.txt", "clausewitz-on-war")]
    assert not any(f.endswith("what should estimates assume?") for f in fronts), fronts
    assert any(f.endswith("what should effort concentrate against?") for f in fronts), fronts
    fronts = [c.front for c in imported_cards("batch77", "kahn-*.txt", "tyranny-small-decisions")]
    assert not any(f.endswith("what should research ask?") for f in fronts), fronts


def test_an_answer_naming_only_a_generic_thing() -> None:
    for batch, pattern, note_id in (
        ("batch78", "williamson-*.txt", "williamson-economics-of-organization"),
        ("batch78", "keeney-*.md", "keeney-value-focused-thinking"),
        ("batch77", "kahn-*.txt", "tyranny-small-decisions"),
    ):
        backs = [c.back for c in imported_cards(batch, pattern, note_id)]
        assert not any(b in ("Two behavioural assumptions", "The whole process", "A thought experiment") for b in backs)


def test_a_contrast_is_not_answered_in_one_word() -> None:
    for batch, pattern, note_id in (
        ("batch45", "ackerman-*.md", "ackerman-cscw"),
        ("batch59", "eisenhardt-*.txt", "eisenhardt-adaptive-processes"),
    ):
        cards = [c for c in imported_cards(batch, pattern, note_id) if ", if not " in c.front]
        assert not any(len(c.back.split()) == 1 for c in cards), [(c.front, c.back) for c in cards]
