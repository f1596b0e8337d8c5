"""Batch190's T0 generated cards (measured e752788, then development data), two of them refused now:

- 'What does the note on Howard's … say the work treats that mainly as?' - 'An elicitation problem': 'that' is a
  pronoun whose antecedent was the note's sentence before (batches 11 and 76 had the same shape with 'it' and 'that',
  T0 from every judge, refused since by other rules).
- 'According to Willink and Babin's 'Extreme Ownership', what is the authors' example?' - 'A boat crew in SEAL
  training': an example of what, the card never says (batch13's 'what is the paper's world?', T1, has the shape too).

Measured with scripts/change_estimate.py on the 2,267 judged development notes: these two are the only judged cards
the change removes; no card rated T2/T3 goes. The test reads the batch's own notes; it fails on 89ab510.
"""

from __future__ import annotations

from noteutil import never_asked, not_asked


def test_batch190_pointing_questions_are_not_asked() -> None:
    never_asked("batch190", "howard-decision-analysis*.txt", question="treats that")
    never_asked("batch190", "willink-babin-extreme-ownership*.md", question="the authors' example")


def test_the_notes_keep_their_other_cards() -> None:
    assert any("Information" in front for front, _ in not_asked("batch190", "howard-decision-analysis*.txt"))
    assert any("junior leaders" in front for front, _ in not_asked("batch190", "willink-babin-extreme-ownership*.md"))
