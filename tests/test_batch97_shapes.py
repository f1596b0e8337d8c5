"""Batch97's first run (14854b0): two of its three T0 shapes, refused since, and a list of parts named without its
whole. The fresh note is batch97's Cohen and Bradford fixture; the tests fail on 6bda41d.
"""

from __future__ import annotations

from noteutil import imported_pairs


def _cards() -> list[tuple[str, str]]:
    return imported_pairs("batch97", "cohen-bradford-influence-without-authority.md", "cohen-bradford-influence")


def test_what_a_clause_names_is_its_object_not_the_clause() -> None:
    # 'The trick is to understand what the other party actually values, which they call **currencies**' asked 'what
    # are currencies?' - 'The trick is to understand …' (T0 from every judge)
    assert ("what are currencies?", "What the other party actually values") in [
        (front.split("', ")[-1], back) for front, back in _cards()
    ]


def test_a_list_lead_is_no_gloss() -> None:
    # 'The **influence model**, roughly in order:' asked 'what is the influence model?' - 'Roughly in order' (T0)
    assert not any(back == "Roughly in order" for _, back in _cards())


def test_parts_are_named_with_their_whole() -> None:
    # 'The **currencies** fall into five families:' asked "what is 'Personal', one of the five families?" (T1 from
    # every judge: families of what?)
    fronts = [front for front, _ in _cards()]
    assert any(front.endswith("one of the five families of currencies?") for front in fronts), fronts
    assert not any(front.endswith("one of the five families?") for front in fronts)
