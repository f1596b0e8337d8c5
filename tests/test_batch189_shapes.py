"""Batch189's T0/T1 generated cards (measured blind 89ab510, then development data), three shapes refused or mended:

- 'what should a team do if events carry account?' - 'Plan and feature-flag fields' (T0 from every judge): the
  sentence 'If events carry account, plan and feature-flag fields, the PM can ask …' cut the condition after the first
  item of its series. A condition followed by a series that goes on to a comma is refused; a main clause after the
  condition ('When designing incentives, keep them modest and framed as …', T2/T3) is not a series.
- 'what can the same techniques that build shared purpose push?' - 'A bad idea through': the verb's particle left after
  its object in the answer.
- "Conger and Review's": Notion's 'Author: Jay A. Conger, Harvard Business Review, 1998' named the venue as a second
  author (see test_bylines).

Measured with scripts/change_estimate.py on the 2,279 development notes: no other judged card goes. Fails on 7b8b903.
"""

from __future__ import annotations

from noteutil import never_asked


def test_batch189_shapes_are_not_asked() -> None:
    never_asked("batch189", "majors-fong-jones-miranda*.txt", question="events carry account")
    never_asked("batch189", "conger-the-necessary-art*.md", answer="A bad idea through")
    never_asked("batch189", "conger-the-necessary-art*.md", question="Conger and Review")


def test_a_main_clause_after_a_condition_is_no_series() -> None:
    from noteutil import generated_cards

    note = (
        "---\nid: incentives\ntitle: Paying for Effort\nauthor: Ann Example\n---\n"
        "A short piece on rewards at work.\n\n## Central argument\n\nRewards change why people act.\n\n"
        "## Why it matters for product\n\nWhen designing incentives, keep them modest and framed as recognition "
        "rather than payment.\n"
    )
    asked = [front for front, _ in generated_cards(note).values()]
    assert any("when designing incentives" in front for front in asked), asked
