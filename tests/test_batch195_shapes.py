"""Shapes of batch195's notes (issue 11), read after its blind run was prepared: a colon that glosses a pair asked of
its second half, and a hedged reason whose hedge stays in the question. Inline notes in the batch's shapes; each test
fails on the commit before its fix. scripts/change_estimate.py on the 2,327 judged development notes: no card changes.
"""

from __future__ import annotations

from noteutil import asked, harbour_note


def _central(text: str) -> dict[str, str]:
    return asked(harbour_note("b195", f"## Central argument\n{text}\n"))


def test_a_colon_after_a_pair_of_terms_is_not_the_second_terms_gloss() -> None:
    # 'is monotone and *submodular*: adding a seed never hurts, and the extra spread it adds shrinks …' was asked
    # 'what is submodular?' — 'Adding a seed never hurts' (the monotone half)
    cards = _central(
        "The key result is that under both models the expected queue, as a function of the berth set, is monotone and"
        " *submodular*: adding a berth never hurts, and the extra capacity it adds shrinks as the berth set grows."
    )
    assert "what is submodular?" not in cards, cards


def test_a_hedged_reason_is_not_asked_with_its_hedge() -> None:
    # 'People-first networks did later thrive, though arguably because posts and photos became their objects'
    cards = _central(
        "People-first harbours did later thrive, though arguably because cranes and feeders became their objects."
    )
    assert not [q for q in cards if "arguably" in q or q.endswith("though?")], cards
