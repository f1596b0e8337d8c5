"""Card classes refused because the blind first runs rate them low as a class, not for one note's shape (issue 11).

Pooled over the judged development cards (evals/), a question shape that judges rate T2/T3 far less often than the
generator's average is refused, with the figure in the rule's comment:
- 'What does the note on X say the work's cases are?' (and '… the essay's examples are?'): 8 cards, 12 ratings, one
  T2 ('a fragment that drops the critique'). 'What kind of evidence does the note say the work rests on?' stays.
- 'What is the paper, if not an argument?', 'what are the "laws", if not testable laws?': a contrast whose subject is
  the work's genre (7 cards, 21 ratings, 10% T2/T3) asks the note's verdict on the work, not one of its ideas.
Each test fails on da4bb83.
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
