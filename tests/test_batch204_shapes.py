"""Shapes of batch204's notes (issue 11), read after its blind run (evals/2026-12-04-batch204-run1…, a run with no
judge in the band): a quoted term whose colon opens a list, a second verb of a 'which' clause read as the work's, a past
tense read as part of a subject, an advice answer cut before the clause that names it, a list item of two sentences
answered across both, an adverb of the verb kept on its object, a term of a counted list asked with no list, and an
'underlying claim' frame asked as what is explained. Inline notes in the batch's shapes (our own harbour wording); each
test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note


def test_a_colon_that_opens_a_list_is_no_gloss() -> None:
    # 'a restricted set of "preferred suppliers": the object itself, the method's arguments, objects the method
    # creates, and the object's own direct parts' -> 'what are preferred suppliers?' — 'The object itself' (T0 from
    # every judge)
    cards = central_asked(
        'A pilot may hail only a short list of "trusted berths": the quay itself, the tug alongside, berths the pilot'
        " opens, and the harbour's own moorings. Anything else must be reached through one of those."
    )
    assert not [q for q in cards if "trusted berths" in q], cards


def test_a_colon_gloss_with_a_second_clause_is_still_a_gloss() -> None:
    # the refusal above needs a list: '**strategic inflection point**: a time …, and a strategy that worked starts to
    # fail' (T3 from every judge) keeps its card
    cards = central_asked(
        "Okafor's subject is the **tidal turning point**: a time in the life of a port when its trade is about to"
        " change, and a plan that worked starts to fail."
    )
    assert cards.get("what is the tidal turning point?") == (
        "A time in the life of a port when its trade is about to change"
    ), cards


def test_a_second_verb_of_a_which_clause_is_not_the_works() -> None:
    # 'Applied mechanically, the law becomes "count the dots", which penalises … and rewards boilerplate wrapper
    # methods …' -> 'What does the note … say the paper rewards?' (T0 from three judges of four)
    cards = critique_asked(
        'Applied mechanically, the rule becomes "count the ships", which penalises harmless moorings over plain quays'
        " or small tugs and rewards boilerplate berth plans that forward ships without adding room."
    )
    assert not [q for q in cards if q.endswith(" rewards?")], cards


def test_a_past_tense_and_its_object_are_no_subject() -> None:
    # 'Volunteers made probability forecasts on real geopolitical questions …' -> 'what does volunteers made
    # probability forecast on?' (T0/T1 from every judge)
    cards = central_asked("Dockers made berth plans on real tidal tables that changed within months.")
    assert not [q for q in cards if "made" in q], cards


def test_a_bare_plural_keeps_the_clause_that_names_it() -> None:
    # 'Before arguing over the split, look for terms that make both better off (longer commitments …, co-marketing
    # …)' -> 'Look for terms' (T0 from three judges of four)
    cards = asked(
        harbour_note(
            "terms",
            "## Why it matters for product\nBefore arguing over the berth fees, look for terms that make both better"
            " off (longer leases for lower fees, shared pilots for exclusivity).\n",
        )
    )
    assert "Look for terms" not in cards.values(), cards


def test_a_list_item_of_two_sentences_is_asked_one_at_a_time() -> None:
    # '- Treat the handover as the product. Specify who has control in every mode, how the user knows, …' -> 'As the
    # product. Specify who has control in every mode, how the user knows' (T1 from every judge)
    cards = asked(
        harbour_note(
            "handover",
            "## Why it matters for product\n- Treat the pilot handover as the product. Specify who has the helm in"
            " every mode, how the crew knows, and how the helm passes back.\n"
            "- Treat famous tide tables as estimates with error bars. Before a table becomes the reason for a new"
            " berth, read the survey notes and the surveyors' caveats, not the headline.\n",
        )
    )
    assert not [a for a in cards.values() if ". " in a], cards
    # the second item's two sentences each keep their card
    assert cards.get("how should famous tide tables be treated?") == "As estimates with error bars", cards
    assert cards.get("what should a team do before a table becomes the reason for a new berth?") == (
        "Read the survey notes and the surveyors' caveats, not the headline"
    ), cards


def test_an_adverb_of_the_verb_is_not_part_of_its_object() -> None:
    # 'Offering an explicit "don't know" option raises the share of people who choose it substantially' -> '… who
    # choose it substantially' (T1 from every judge)
    cards = central_asked("Posting a spare berth list raises the share of captains who choose it substantially.")
    assert cards.get("what does posting a spare berth list raise?") == "The share of captains who choose it", cards


def test_a_term_of_a_counted_list_is_asked_as_one_of_it() -> None:
    # 'they model problem solving as three processes: **search** (finding the elements needed next), …' -> 'what is
    # search?' (T1/T2: which search?) — the list names what the term is
    cards = central_asked(
        "They model berthing as three processes: **search** (finding the free berths a ship needs next), **recognition**"
        " (noticing that the berths found match a known pattern), and **inference** (deriving new facts)."
    )
    assert cards.get("what is 'search', one of the three processes?") == "Finding the free berths a ship needs next", (
        cards
    )
    assert "what is inference?" not in cards, cards


def test_an_underlying_claim_frame_is_not_what_is_explained() -> None:
    # 'The underlying claim is that a stable identity, even a pseudonymous one, matters because …' -> 'what explains
    # why the underlying claim is that a stable identity … matters?' (T1 from three judges of four)
    cards = central_asked(
        "The underlying claim is that a stable berth, even a rented one, matters because trust accumulates on it,"
        " and trust is what makes cheap promises believable."
    )
    assert "what explains why a stable berth, even a rented one, matters?" in cards, cards
    assert not [q for q in cards if "underlying" in q], cards
