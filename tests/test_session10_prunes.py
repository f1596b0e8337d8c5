"""Question forms whose cards the blind judges rated lowest, no longer made by default.

Each was measured before it went, on ratings nobody tuned on (the fresh notes' first runs) or on the development
notes' cards that still shipped (their first-run ratings):

- a bare 'what should product teams do?' (no situation, no contrast): 25% T2/T3 of 51 ratings, 12% T0 — the note
  advises its reader more than once; batch104's 'what should product leaders do?' — 'Separate the two' was T0;
- 'what remedy does X propose?', '… conclude?', '… prescribe?': 2 of 10 first-run cards T2/T3, the answer one part
  of the proposal or several at once; 'what is the central claim of X?' (3 of 5) stays;
- 'what did X produce?': 1 of 16 ratings T2/T3; 'what does Tukey want statisticians to do?': 0 of 14, 71% T0;
- 'what does Abbate show about the outcome?': 2 of 11 ratings T2/T3 (T0 from five of six judges in batch104).

On the 1,247 development notes 93 cards go (26 of them judged: 6 with most ratings T2/T3) and 5 come (advice asked
with its verb's own object or contrast, 'what should operating managers concentrate on?'). Written in our own words;
the second and third tests fail on d5c1069 (the first guards the form that stays).
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-prunes",
    """## Central argument
Okafor's central claim is that harbours fill in the order skippers hear of them.
Harbour masters should publish a shared arrival board.
Her remedy is to stagger departures across the morning tide.
Okafor urges harbour masters to publish every berth fee in advance.
Okafor shows that the outcome depended on more than the number of berths.
Leaving the north gate open produced longer queues at the south quay.
Skippers and harbour masters must work together daily.
""",
)


def test_the_central_claim_is_still_asked() -> None:
    claims = [answer for q, answer in asked(NOTE).items() if "central claim" in q]
    assert claims == ["Harbours fill in the order skippers hear of them"], asked(NOTE)


def test_no_bare_advice_remedy_result_urge_or_about_cards() -> None:
    questions = asked(NOTE)
    for shape in ("should harbour masters do?", "propose?", " produce?", "to do?", " about the outcome?"):
        assert not any(q.endswith(shape) for q in questions), (shape, questions)


def test_an_answer_of_adverbs_is_refused() -> None:
    assert "Together daily" not in asked(NOTE).values(), asked(NOTE)
