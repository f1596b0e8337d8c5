"""The diagnostic rule puts the condition's noun in place of a pronoun only when it is that pronoun's noun.

'When friends adopt the same product, it is tempting to call it influence' was asked 'what follows if friends adopt
the same product?' — 'Friends is tempting to call it influence' (batch63: T0 from every judge): the 'it' stands
for what follows it, and 'friends' would need 'they' anyway. The noun now replaces 'it' or 'they' only when the
two agree in number and the 'it' is no dummy ('it is tempting to …', 'it is unclear whether …'); otherwise the
answer keeps its pronoun and the gate refuses it. On the development notes it removed three cards whose answer
opened on the wrong noun ('Everyone bid up …', 'PM may be reading it …', 'Two are usually working …') and gave
one its article back ('A feature is worth more …', not 'Feature is …'). Not measured blind. Written in our own
words; the test fails on e6f622c. The rule's 'what follows if …?' cards are no longer made at all (see
test_session10_conditions.py), so the pronoun that agrees has no card to test.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-crowds
title: Harbour Crowds
author: Ada Okafor
---
Ada Okafor's 2019 paper on why boats gather in the same harbours.

## Central argument
When skippers moor in the same harbour, it is tempting to call it imitation, but skippers share routes and weather, so they would often have moored there anyway.
If a harbour raises its fees, it loses the smallest boats first.
"""


def test_a_dummy_it_is_never_replaced_by_the_conditions_noun() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.startswith("Skippers is") for answer in answers), answers
