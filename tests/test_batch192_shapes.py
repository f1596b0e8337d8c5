"""Shapes from batch192's blind first run (issue 11; evals/2026-12-04-batch192-run1…), each rated T0 by a judge.

- '**Political-economic**: strategic misrepresentation …' was asked 'what is a political-economic?': a hyphenated
  adjective naming a kind only with the list's noun, like '**People-determined**' (batch87).
- 'pointing to four "sublimes": the thrill engineers get …, politicians' appetite …, …' was asked 'what are
  sublimes?' with the first of the four: a counted term's colon opens its list.
- 'Classic retrieval systems assume that a user can state what they need as a query' was asked 'what can classic
  retrieval systems assume that a user state?': the 'that' clause of a verb was read as a relative clause.
- 'The evidence is strongest for infrastructure, …' was asked 'What kind of evidence does the note … say the paper
  rests on?' — 'Strongest for infrastructure'.
- 'The authors define automation bias as …' was asked 'what are automation bias?' (T2, for its content): 'bias' is
  singular (the generator and lint L18 now share one plural test).
Removing those let two lower-ranked candidates of the Flyvbjerg note ship, both broken: 'what explains why Flyvbjerg
finds this weak on its own?' and 'how do make estimators accountable?'; both are refused too.
Each test fails on 301c660 (the notes are the batch's, development data since the run).
"""

from __future__ import annotations

from noteutil import imported_pairs, never_asked, not_asked

MEGA = "flyvbjerg-what-you-should-know*.md"


def test_batch192_broken_shapes_are_not_asked() -> None:
    never_asked("batch192", MEGA, question="what is a political-economic")
    never_asked("batch192", MEGA, question="what are sublimes")
    never_asked("batch192", MEGA, question="rests on")
    never_asked("batch192", MEGA, question="finds this weak")
    never_asked("batch192", MEGA, question="how do make")
    never_asked("batch192", "belkin-anomalous*.txt", question="assume that a user")


def test_batch192_the_flyvbjerg_note_keeps_its_sound_cards() -> None:
    fronts = [front for front, _ in not_asked("batch192", MEGA)]
    # 'what does the selection process favour?' — 'The worst projects' (T2) is three words: the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it
    assert not any("selection process favour" in front for front in fronts), fronts
    assert any("benefit shortfall" in front for front in fronts), fronts


def test_a_singular_term_ending_in_s_is_asked_with_is() -> None:
    pairs = imported_pairs("batch192", "skitka-mosier-burdick*.txt", "skitka-batch192")
    assert any(front.endswith("what is automation bias?") for front, _ in pairs), pairs
