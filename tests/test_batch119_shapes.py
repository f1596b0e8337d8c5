"""Batch119's first run (judged blind by four judges, three in the calibration band, then used for development).

Main's three T0s (every judge) and two of its T1s (every judge), each a shape the generator misread:

- 'Carmack chased technical breakthroughs: smooth side-scrolling …' was asked 'what are carmack chased technical
  breakthroughs?': a person and what they did, before a colon, is a clause, not a term.
- 'Use headings phrased as users' questions or actions' was asked 'how should headings phrased be used?': the
  participle takes the 'as', so the card asks 'how should headings be phrased?' — 'As users' questions or actions'.
- 'Schedule exploratory sessions on new features …' was asked 'what does schedule exploratory session on?': after an
  adjective an -s word is its noun, not a verb.
- 'Listening is a system, not a slogan' was asked 'what is listening, if not a slogan?' — 'A system' (and 'what are the
  lenses, if not a theory?' — 'A toolkit'): over the blind first runs to batch119, answers of one or two words to
  'what is X, if not A?' were T2/T3 in 24% of 182 ratings. Not asked; on the 1,427 development notes this removes 21
  cards (5 of them rated T2/T3 by their judges).
- '… did arrive, but mostly through ranking algorithms owned by platforms, …, so X' was asked 'what explains why X?' —
  'Mostly through ranking algorithms …': a manner, cut from its clause, is no reason.

Written in our own words; the test fails on 861c1e6.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch119",
    """## Central argument
Okafor's thesis is that the port's run of good years came from a productive tension between two rival instincts. Marsh chased mechanical upgrades: steam cranes on the old quay, then rail sidings, then container gantries and night lighting. Each upgrade opened a kind of trade that had not been practical before.

- Start from the ships, the cargoes and the questions their captains bring.
- Use berth signs phrased as captains' questions or requests; use maps and tables; write "you".
- Test the signs with crews doing real tasks.

## Critique
The book captures the boom years of the old quay. The night shift did arrive, but mostly through agency crews hired by brokers, not through the port's own staff, so "round the clock" often means someone else's crew. Okafor also underplays why tariffs persist.

## Why it matters for product
- Charging is a policy, not a slogan: tag, review and act on berth complaints on a regular schedule.

Treat inspections as answering questions for the sailing decision: before a voyage, write down what you need to know and ask the inspectors for information, not a stamp. Schedule exploratory drills on new berths alongside routine inspections. Do not use incident counts in crew goals.
""",
)


def test_batch119_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("marsh chased" in q.lower() for q in questions), questions
    assert not any("exploratory" in q for q in questions), questions
    assert not any(q.endswith("if not a slogan?") for q in questions), questions
    assert not any(answer.startswith("Mostly through") for answer in questions.values()), questions


def test_a_participle_before_as_is_what_is_asked() -> None:
    questions = asked(NOTE)
    assert questions.get("how should berth signs be phrased?") == "As captains' questions or requests", questions
    assert not any("signs phrased" in q for q in questions), questions
