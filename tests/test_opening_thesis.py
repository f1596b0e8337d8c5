"""The thesis that opens a note's central argument ('Okafor argues that …') is asked as the work's central claim.

Curators ask it on most notes ('What is the central claim of …?': 94% T2/T3 over 69 ratings of curator cards); 386 of
the 1,487 development notes open their central argument so, and 257 of those sentences gave no card before. The card
is made only where no older kind asked the sentence, only from the section's first sentence, and only when the clause
after 'that' stands whole: not its subject alone (cut at an aside), not a count whose items follow, not a denial
without what holds. Written in our own words; the first test fails on e56022c.
"""

from __future__ import annotations

import pytest
from noteutil import asked, harbour_note

QUESTION = "What is the central claim of Okafor's 'Harbours Under Strain'?"


def _central(body: str) -> str | None:
    return asked(harbour_note("okafor-thesis", body)).get(QUESTION)


def test_the_opening_thesis_is_asked_as_the_central_claim() -> None:
    body = (
        "## Central argument\nOkafor argues that crowded harbours fail at the handover between crews, and that pilots "
        "know it. She follows three ports through a winter.\n"
    )
    assert _central(body) == "Crowded harbours fail at the handover between crews"


NOT_ASKED = {
    # the clause's subject alone: 'The usual way of berthing ships' (the verb follows the aside)
    "cut at a dash": "Okafor argues that the usual way of berthing ships — one berth per line — is wrong.",
    "cut at 'which'": (
        "Okafor argues that the usual way of berthing ships, which gives each shipping line its own berth at the quay "
        "whatever the season or the tide, is almost always wrong."
    ),
    # a count whose items follow, and a denial without what holds
    "counted": "Okafor argues that harbour crews have three basic needs.",
    "denial": "Okafor argues that congestion did not come only from bigger ships.",
    # only the section's first sentence is its thesis
    "second sentence": "Ports grew fast after the war. Okafor argues that crowded harbours fail at the handover between crews.",
    # 'His explanation was that the rights to each storefront had been split among many holders' (batch127) and 'Her
    # point is that only the first few deserve blame' (batch130), both asked as the central claim by e264549 and T0
    # from every judge: a step of the argument, not its claim
    "a point": "Ports grew fast. Her point is that only the first few crews deserve blame.",
    "an explanation": (
        "Okafor saw a puzzle: quays stood empty while barges thrived. Her explanation was that the rights to each quay "
        "had been split among many holders."
    ),
}


@pytest.mark.parametrize("text", NOT_ASKED.values(), ids=NOT_ASKED.keys())
def test_a_thesis_that_does_not_stand_whole_is_not_asked(text: str) -> None:
    assert _central(f"## Central argument\n{text}\n") is None
