"""Batch112's first run (judged blind by four judges, three in the calibration band, then used for development).

Its one generated card rated T0 by every judge: '**Hau**: drawing on a Maori informant's account, Mauss suggests the
gift …' was asked 'what is a hau?' — 'Drawing on a Maori informant's account': the gloss opens on a participle phrase
before its own subject and verb, so the words up to the comma say where the claim comes from, not what the term means.
On the 1,343 development notes this removes exactly that card.

Written in our own words; the test fails on a340044.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch112",
    """## Central argument
Okafor names the habits that keep a harbour working.

- **Slack water**: drawing on a pilot's logbook, Okafor suggests the quiet hour at the turn of the tide is when berths change hands.
- **Warping**: moving a ship along the quay by hauling on its own lines.
""",
)


def test_a_participle_lead_is_no_gloss() -> None:
    questions = asked(NOTE)
    assert not any("slack water" in q for q in questions), questions
    assert questions.get("what is warping?", "").startswith("Moving a ship"), questions  # a gloss still defines
