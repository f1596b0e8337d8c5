"""The eleventh session's triage: development cards never judged, rated by three judges who saw only the cards and the
notes (223 cards of 135 notes, 71–78% T2/T3 — in-sample, not a quality figure). Their six T0s were shapes the
generator misread, each refused here:

- 'a customer-intimate one will spend on …' asked 'what will a customer-intimate one spend on?': 'one' stands for a noun
  of the clause before;
- 'survival times cannot drop below zero' asked 'what can survival times not drop?' — 'Below zero', and 'teams struggle
  less because of technology than …' asked 'what do dispersed teams struggle?': the verb takes no object;
- 'Consumption has been growing at a steady rate' asked 'what has happened to consumption?' — 'Growing at a steady
  rate': no event happened to it, so many answers fit; the form stays for what was done to a thing (the seed's
  'Reduced to a buzzword while …');
- 'Regression to the mean means that …, so interventions need comparisons' answered 'Regression to the mean means':
  the reason lost its content clause;
- '**Naivety makes procrastination worse**: …' asked 'what is naivety makes procrastination worse?': a claim, not a term;
- (found writing these tests) 'crews struggle less because of weather than because …' asked 'what explains why crews
  struggle less?' — 'Weather than because …': a comparison of reasons is no reason.

On the 1,343 development notes these remove seven cards (the six, and 'what has happened to economists?' —
'Comfortable as scientists …') and add none. Written in our own words; the tests fail on b7d1007.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-session11-triage",
    """## Central argument
Okafor argues that a harbour's trade decides what it builds. A passenger port should fund faster and wider gangways, while a cargo one will spend on cranes, storage and customs work.

Berth queues cannot drop below zero. Crews struggle less because of weather than because they fail to share charts.

Traffic has been growing at a steady rate.

- **Silt makes dredging costly**: a harbour on a river pays every year to keep its channel open.
- **Pilotage**: guiding ships through the approach channel.

## Why it matters for product
Regression to the mean means that whatever a harbour does to its worst-performing quay will seem to work, so repairs need comparisons.
""",
)


def test_misread_statements_are_not_asked() -> None:
    questions = asked(NOTE)
    for part in ("cargo one", "not drop", "struggle", "happened to", "silt makes"):
        assert not any(part in q for q in questions), (part, questions)
    assert not any(a.endswith("means") for a in questions.values()), questions


def test_the_notes_other_ideas_are_still_asked() -> None:
    questions = asked(NOTE)
    assert questions.get("what is a pilotage?") == "Guiding ships through the approach channel", questions
    assert questions.get("what should a passenger port fund?") == "Faster and wider gangways", questions
