"""A condition and its outcome is no longer asked 'what follows if …?'; advice after a colon is asked as advice.

Measured on the fresh notes' first runs (judged blind before anyone tuned on them, batches 80–102): the generated
'what follows if/when …?' cards were T2/T3 in 27–34% of 134 ratings, one rating in six T0 ('vague "what follows"',
'several valid answers', 'the answer omits the key consequence'), against 51–53% for every other generated card.
A condition's outcome is one of many a learner could name, and ten sessions of refusals for single shapes did not
lift the form, so the default generator does not make it. On the 1,223 development notes 144 cards go (98 of them
judged: 51% of 420 ratings T2/T3, against 66% for the cards that stay).

Some of those cards asked advice given after a colon ('Read it as a lesson in betting on cost curves: when the cost
of a key input falls …, design for …'); such advice is now asked as advice ('what should a team do when …?') when
the clause after the condition is an instruction: ten development cards come, none go.
Written in our own words; the first two tests fail on 1ee1876, the third guards the new path (without its
instruction check it made "what should a team do when output is countable?" — "Traceable and independent").
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-conditions",
    """## Central argument
If a harbour raises its fees, it loses the smallest boats first.
When skippers share a weather forecast, they leave port within the same hour.

## Why it matters for product
- Read the fee study as a lesson in pricing: when a platform raises fees, ask which small sellers leave first.
- The study spells out when shared forecasts help: when skippers are few, close and independent.
""",
)


def test_a_condition_and_its_outcome_is_not_asked_what_follows() -> None:
    questions = asked(NOTE)
    assert not any(q.startswith("what follows") for q in questions), questions


def test_advice_after_a_colon_is_asked_as_advice() -> None:
    questions = asked(NOTE)
    assert questions.get("what should a team do when a platform raises fees?") == (
        "Ask which small sellers leave first"
    ), questions


def test_a_condition_after_a_colon_that_gives_no_instruction_is_no_advice() -> None:
    assert not any("skippers are few" in q for q in asked(NOTE)), asked(NOTE)
