"""Shapes of batch201's notes (issue 11), read after its blind run (evals/2026-12-04-batch201-run1…, a run that counts):
a cause and a concession split in the wrong place, a list of nouns cut before its relative clause, a rule named only
by 'it', a case of a kind asked as what a thing is, an idiom asked as what is carried, and advice that names a question
without asking it. Inline notes in the batch's shapes (our own harbour wording); each test fails on the commit before
its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note, never_asked, not_asked


def test_because_of_then_while_is_no_reason() -> None:
    # 'A chart can stick because of a cartoon while its message is lost or distorted.' (T0 from every judge)
    cards = critique_asked("A berth plan can stick because of a mascot while its rules are lost or distorted.")
    assert not [a for a in cards.values() if " while " in a], cards


def test_a_list_of_nouns_cut_before_its_clause_is_no_reason() -> None:
    # 'The contractors, calculators and crews who made thin shells … stay offstage, so the book probably overstates …'
    # -> 'The contractors, calculators and crews' (T1 from every judge)
    cards = critique_asked(
        "The riggers, clerks and crews who made long quays and deep berths buildable stay mostly offstage, so the book"
        " probably overstates how much one harbour master controls the result."
    )
    assert not [a for a in cards.values() if a == "The riggers, clerks and crews"], cards


def test_with_and_without_it_points_back() -> None:
    # '…, so the authors can compare places with and without it over the same period' (T1 from every judge)
    cards = central_asked(
        "Ports within the county took up the posting rule at different times, so the authors can compare harbours with"
        " and without it over the same period."
    )
    assert not [q for q in cards if "without it" in q], cards


def test_a_textbook_case_is_not_what_a_thing_is() -> None:
    # 'Restaurant hygiene is a textbook hidden attribute.' -> 'what is restaurant hygiene?' (T1 from every judge)
    cards = central_asked("Berth hygiene is a textbook hidden attribute. Captains cannot see the quay.")
    assert "what is berth hygiene?" not in cards, cards


def test_carrying_a_lot_of_the_weight_is_an_idiom() -> None:
    # 'The strike episode carries a lot of the weight as evidence.' (T1 from every judge)
    cards = critique_asked("The strike episode carries a lot of the weight as evidence.")
    assert not [q for q in cards if "carry?" in q], cards


def test_advice_naming_a_question_without_it_is_not_asked() -> None:
    # 'When designing an assistive feature, ask Pullin's question: if this were …' -> 'Ask Pullin's question' (T1)
    cards = asked(
        harbour_note(
            "named",
            "## Why it matters for product\n- When designing a pilot chart, ask Okafor's question: if this were a"
            " postcard, would sailors keep it?\n",
        )
    )
    assert not [a for a in cards.values() if a.endswith("question")], cards


def test_batch201_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    not_asked("batch201", "borkin-*.md", question="can stick")
    never_asked("batch201", "billington-*.txt", answer="The contractors, calculators and crews")
    never_asked("batch201", "jin-leslie-*.txt", question="without it")
    never_asked("batch201", "jin-leslie-*.txt", question="what is restaurant hygiene?")
    never_asked("batch201", "medina-*.md", question="strike episode carry")
    never_asked("batch201", "pullin-*.md", answer="Pullin's question")


def test_what_makes_x_work_is_asked_of_its_clause() -> None:
    # 'What makes the system work is a shared language, meaning names and purposes …' (Kholmatova; a curator asked
    # 'what makes a design system effective?'): no card, the cleft's subject follows its verb
    cards = central_asked(
        "What makes the harbour work is a shared signal language, meaning names and signals that pilots, crews and clerks all"
        " use."
    )
    assert cards.get("what makes the harbour work?") == "A shared signal language", cards
    assert not central_asked("What makes it work is practice."), "'it' is the sentence before's"
