"""Batch120's first run (judged blind by six judges, none in the calibration band: it does not count; then used for
development).

Main's T0 (every judge) and four of its T1s (every judge or five of six), each a shape the generator misread:

- 'Online experimentation reproduces almost every error in the book at industrial scale:' was asked 'what do online
  experimentation reproduces almost?': the adverb after the verb was taken for the verb. Now 'what does online
  experimentation reproduce?'.
- 'The heart of the book is the idea of cognitive artifacts' was asked 'what is the heart of the book?': where the work
  puts its weight is no idea to recall.
- 'Coyle's claim is that group culture is not a mysterious property of certain people. It is made by …' gave a central
  claim of what the claim denies.
- 'One group resisted because a member kept defusing him …' answered with a 'him' the question never names.
- 'check how often claims made at "80% sure" turn out true' was a cloze of the quoted number.

On the 1,439 development notes these remove five cards and change one. Written in our own words; the tests fail on
ab3b35c.
"""

from __future__ import annotations

from noteutil import asked, generated_cards, harbour_note

NOTE = harbour_note(
    "okafor-batch120",
    """## Central argument
Okafor's claim is that harbour safety is not a mysterious property of certain pilots. It is made by a small set of repeated checks that send signals, and harbour masters can learn them.

The heart of the book is the idea of **tide tables**: printed aids such as charts, logs and bells that help crews remember, reason and decide.

Night piloting reproduces almost every error in the manual at industrial scale:
- Fatigue explains why late berthings keep going wrong.

## Key ideas
1. **Build calm.** Crews constantly scan for signs that the pilot is steady. Her example is a drill in which an actor played a panicking mate inside bridge crews and usually dragged down their work. One crew resisted because a bosun kept calming him with jokes and questions.
2. **Calibration.** Attach odds to forecasts and check how often calls made at "90% sure" turn out right. Imagining a wager helps reveal how confident you really are.
""",
)


def test_batch120_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("heart of the book" in q for q in questions), questions
    assert not any(q.startswith("What is the central claim") for q in questions), questions
    assert not any("almost?" in q for q in questions), questions
    assert not any(" him " in f" {answer} " for answer in questions.values()), questions
    assert not any("90%" in front for front, _ in generated_cards(NOTE).values()), questions


def test_an_adverb_after_the_verb_is_skipped() -> None:
    questions = asked(NOTE)
    assert questions.get("what does night piloting reproduce?") == "Every error in the manual at industrial scale", (
        questions
    )
