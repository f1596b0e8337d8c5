"""Batch149's first run (it measured 80c32c4; then development data): four of its five T0s (every judge) were one
misreading, now refused.

- '**Mass collaboration** spreads research work …', '**Inertia** builds up …' and '**Observing behaviour** works best
  …' were asked 'what are Mass collaboration spreads?' — 'Spreads that research work …': the word after a bold term was
  read as a noun naming kinds ('**Leverage** tasks return …'), though it is the term's verb. A kind noun follows two
  bold terms of the note ('**Neutral** tasks') or a determiner ('the tasks').
- '**Makes work more attractive**, which lowers the pay …' was asked 'what is makes work more attractive?': a label that
  opens on its verb.

On the 1,406 development notes with cards they remove one other T0 (batch124, 'what are Drift to low performance
describes?', T0 from six judges) and one unjudged card ('what are Keystone firms?', whose 'firms' follows one bold term
only). The test reads the batch's own notes; it fails on 80c32c4.
"""

from __future__ import annotations

from noteutil import imported_pairs, not_asked


def test_a_bold_term_and_its_verb_are_no_kind() -> None:
    not_asked("batch149", "salganik-*.md", question="spreads?")
    not_asked("batch149", "salganik-*.md", question="works?")
    not_asked("batch149", "tushman-*.md", question="Inertia builds")
    not_asked("batch149", "oberholzer-*.md", question="makes work more attractive")


def test_a_noun_after_several_bold_terms_names_kinds() -> None:
    lno = dict(imported_pairs("batch1", "doshi-*.md", "doshi-batch1"))
    assert any(f.endswith("what are Leverage tasks?") for f in lno), lno
