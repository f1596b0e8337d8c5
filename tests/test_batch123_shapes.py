"""Batch123's first run (judged blind by four judges, all in the calibration band, then used for development).

Main's three T0s (three or four judges each) and one of its T1s (every judge), each a shape the generator misread:

- 'They deliberately say "network" rather than "networking": meeting strangers is possible, but …' was asked 'what is
  networking?' — 'Meeting strangers is possible': the quoted word after 'rather than' is the one the authors reject.
- 'A cohort that signed up last month cannot yet show day-90 retention' was asked 'what can a cohort that signed up last
  month not yet?': the adverb after the modal was taken for the verb.
- 'The 2×2 is memorable because it is binary, but on a screen almost nothing is …' was answered with both clauses: the
  'but' turns to another claim.
- '… and the sheer length buries the core message' was asked 'what does the sheer length bury?': how long the work is
  is bibliographic trivia.

On the 1,475 development notes these remove exactly the four cards (and a card the note's cap had held back ships in
one of their places). Written in our own words; the tests fail on b8f030b.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch123",
    """## Central argument
Okafor deliberately says "harbour" rather than "harbouring": sheltering smugglers is possible, but it is not what most ports do. Crews mainly trade with ports already on their regular routes.

## Critique
The catalogue format invites cherry-picking, and the sheer length buries the core message.

> The tide chart is memorable because it is binary, but on a busy quay almost nothing is physically marked; nearly everything is a learned habit.

## Why it matters for product
A crew that joined last month cannot yet show a full season's record, and dropping those crews distorts the roster.
""",
)


def test_batch123_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert "what is harbouring?" not in questions, questions
    assert not any(q.endswith("not yet?") for q in questions), questions
    assert not any(", but " in answer for answer in questions.values()), questions
    assert not any("length" in q for q in questions), questions


def test_a_contrast_that_names_no_alternative_gives_no_card() -> None:
    # Found by the property test of tests/test_fast_paths.py on c434307 (and present since batch116's check): 'X is not
    # -- but Y' left an empty alternative, and generation stopped with an IndexError.
    note = harbour_note("okafor-empty-alternative", "## Critique\nOkafor is not -- but Okafor Okafor Okafor.\n")
    assert asked(note) == {}
