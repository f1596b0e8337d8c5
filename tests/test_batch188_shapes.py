"""Batch188's T0/T1 generated cards (measured 0ba2507, then development data), three of them refused now:

- 'what explains why the closed one won?' - 'The open web never found a durable business model, which helps': the
  question's 'the closed one' points back into the note, and the answer is a relative clause cut after its verb
  ('which helps explain why …'); each is refused on its own.
- 'what is 'Fairness', one of the five domains?' - 'The perception that exchanges are fair': a one-word term defined by
  another form of itself (a derivational ending apart) asks nothing its label does not tell. batch166's 'what is
  datafication?' - 'Turning things never treated as data' (T1 from every judge) goes too.

Not refused (measured with scripts/change_estimate.py on the 2,255 development notes: these three and batch166's card
are the only judged cards the change removes): a label whose answer shares only the start of it ('textuality' - 'Text
formats …', 'mathophobia' - '… a maths person', rated T2 by every judge), and 'Mining …, energy consumption and
electronic waste, costs' (T1): refusing a one-word last part after a comma also removed batch16's '…, conditions'
(T2 from every judge). The test reads the batches' own notes; it fails on aef5a11.
"""

from __future__ import annotations

from noteutil import never_asked, not_asked


def test_batch188_shapes_are_not_asked() -> None:
    never_asked("batch188", "dash-the-web-we-lost.md", answer="which helps")
    never_asked("batch188", "dash-the-web-we-lost.md", question="the closed one")
    not_asked("batch188", "rock-scarf*.md", question="'Fairness'")
    never_asked("batch166", "mayer-schonberger-cukier-big-data*.md", question="datafication")


def test_a_label_that_only_starts_the_answer_word_is_still_asked() -> None:
    assert any("textuality" in front for front, _ in not_asked("batch143", "raymond-the-art-of-unix-programming.md"))
    assert any("mathophobia" in front for front, _ in not_asked("batch99", "papert-mindstorms.md"))
    # the SCARF note keeps its other domains, whose definitions use other words
    assert any("'Autonomy'" in front for front, _ in not_asked("batch188", "rock-scarf*.md"))
