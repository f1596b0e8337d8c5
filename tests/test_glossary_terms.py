"""A 'Key ideas' list of bold-labelled terms, each glossed by the sentence after its label ('- **Sticky
information.** Need information sits with users …'), asks what each term is (issue 11: batch195's Kamenica–Gentzkow
note gave no card for '**Bayes plausibility.** The distribution of posteriors must average to the prior.', a
definition its curator asked). Only a term is asked so: a label that is an instruction, a pair or a clause, or a next
sentence that gives a reason, a condition, advice or a contrast keeps the cards it gave before.
Measured with scripts/change_estimate.py on the 2,327 judged development notes: 17 cards added ('what are small
multiples?', 'what is sticky information?', …), one card rated T0/T1 removed, none rated T2/T3.
"""

from __future__ import annotations

from noteutil import asked, harbour_note


def _key_ideas(*items: str) -> str:
    bullets = "".join(f"- {item}\n" for item in items)
    return harbour_note(
        "glossary", f"## Central argument\nHarbours jam when berths are scarce.\n\n## Key ideas\n{bullets}"
    )


def test_a_glossed_term_of_a_key_ideas_list_is_asked_what_it_is() -> None:
    cards = asked(
        _key_ideas(
            "**Berth plausibility.** The berths promised over a season must average to the berths built.",
            "**Tidal bottlenecks.** One lock serves every ship that enters on the morning tide.",
        )
    )
    assert (
        cards.get("what is berth plausibility?") == "The berths promised over a season must average to the berths built"
    )
    assert cards.get("what are tidal bottlenecks?") == "One lock serves every ship that enters on the morning tide"


def test_labels_that_are_not_terms_and_glosses_that_are_not_glosses_are_not_asked_so() -> None:
    cards = asked(
        _key_ideas(
            "**Hold schedules lightly.** Pilots who commit to a slot are the last to adapt.",
            "**Cranes and crews.** Each crane needs a crew of four.",
            "**Known limits.** The model checks the berths, not the cranes.",
            "**Queue discipline.** Ships wait because pilots board in order of arrival.",
        )
    )
    terms = ("hold schedules lightly", "cranes and crews", "known limits", "queue discipline")
    assert not [q for q in cards if any(f"what is {t}?" in q or f"what are {t}?" in q for t in terms)], cards


def test_a_term_that_is_what_does_something_is_not_defined_by_it() -> None:
    # batch195: '**Threshold actions** are what make it pay: …' was asked 'what are threshold actions?' — 'What make it
    # pay'; '**Perceived berths** are what the pilots believe is free' still glosses its term
    cards = asked(
        _key_ideas(
            "**Tidal windows** are what make it pay: when ships must wait, a berth near the lock is worth more.",
            "**Perceived berths** are what the pilots believe is free.",
        )
    )
    assert not any(answer.lower().startswith("what make") for answer in cards.values()), cards
    assert cards.get("what are perceived berths?") == "What the pilots believe is free"


def test_what_a_phrase_means_ends_with_its_sentence() -> None:
    # batch195: '"The team owns it" often means nobody does. Give launches … one named owner.' was answered with both
    # sentences
    cards = asked(
        harbour_note(
            "means",
            "## Why it matters for product\n"
            '- "The harbour decides" often means nobody does. Publish who signs each berth.\n',
        )
    )
    assert not [a for a in cards.values() if "Publish who signs" in a], cards


def test_a_bare_plural_named_after_it_is_what_the_term_means() -> None:
    # batch195: 'people attach probability to descriptions of events, which they call hypotheses' gave no card
    cards = asked(
        harbour_note(
            "calls",
            "## Central argument\nOkafor argues that pilots do not plan by the clock: they assign berths to "
            "sequences of arrivals from one shipping line, which she calls waves.\n",
        )
    )
    assert cards.get("what are waves?") == "Sequences of arrivals from one shipping line", cards
