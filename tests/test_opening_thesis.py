"""The thesis that opens a note's central argument ('Okafor argues that …') is asked as the work's central claim.

Curators ask it on most notes ('What is the central claim of …?': 94% T2/T3 over 69 ratings of curator cards); 386 of
the 1,487 development notes open their central argument so, and 257 of those sentences gave no card before. The card
is made only where no older kind asked the sentence, only from the section's first sentence, and only when the clause
after 'that' stands whole: not its subject alone (cut at an aside), not a count whose items follow, not a denial
without what holds. Written in our own words; the first test fails on e56022c.
"""

from __future__ import annotations

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


def test_a_thesis_cut_inside_its_clause_is_not_asked() -> None:
    # the clause's subject alone: 'The usual way of berthing ships' (the verb follows the aside)
    aside = "## Central argument\nOkafor argues that the usual way of berthing ships — one berth per line — is wrong.\n"
    assert _central(aside) is None
    which = (
        "## Central argument\nOkafor argues that the usual way of berthing ships, which gives each shipping line its own "
        "berth at the quay whatever the season or the tide, is almost always wrong.\n"
    )
    assert _central(which) is None


def test_a_counted_or_denying_thesis_is_not_asked() -> None:
    counted = "## Central argument\nOkafor argues that harbour crews have three basic needs.\n"
    assert _central(counted) is None
    denial = "## Central argument\nOkafor argues that congestion did not come only from bigger ships.\n"
    assert _central(denial) is None


def test_only_the_first_sentence_of_the_central_argument_is_the_thesis() -> None:
    body = (
        "## Central argument\nPorts grew fast after the war. Okafor argues that crowded harbours fail at the handover "
        "between crews.\n"
    )
    assert _central(body) is None


def test_an_explanation_or_a_point_is_not_the_central_claim() -> None:
    # 'His explanation was that the rights to each storefront had been split among many holders' (batch127) and 'Her
    # point is that only the first few deserve blame' (batch130), both asked as the central claim by e264549 and T0
    # from every judge: a step of the argument, not its claim
    point = "## Central argument\nPorts grew fast. Her point is that only the first few crews deserve blame.\n"
    assert _central(point) is None
    body = (
        "## Central argument\nOkafor saw a puzzle: quays stood empty while barges thrived. Her explanation was that the "
        "rights to each quay had been split among many holders.\n"
    )
    assert _central(body) is None
